package org.rgflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RbmTableTest {

    /** A figure whose repetitions ran at the given samples·epochs/s (1000 rows, 1 epoch). */
    private static RbmFigure fig(String impl, int v, int h, String t, double... rates) {
        List<Double> seconds = java.util.Arrays.stream(rates).map(r -> 1000 / r).boxed().toList();
        return new RbmFigure(impl, v, h, t, 1000, 1, seconds, 1.0);
    }

    @Test
    void compactKeepsThreeSignificantDigits() {
        assertEquals("183k", RbmTable.compact(183_412));
        assertEquals("42.5k", RbmTable.compact(42_512));
        assertEquals("9.87k", RbmTable.compact(9_871));
        assertEquals("946", RbmTable.compact(946.2));
        assertEquals("1.23M", RbmTable.compact(1_234_000));
        assertEquals("1.00k", RbmTable.compact(999.7));
        assertEquals("n/a", RbmTable.compact(Double.NaN));
    }

    @Test
    void medianMinMaxAndGflops() {
        RbmFigure odd = fig("rgflow", 1024, 256, "1", 30_000, 10_000, 20_000);
        assertEquals(20_000, odd.median(), 1e-6);
        assertEquals(10_000, odd.min(), 1e-6);
        assertEquals(30_000, odd.max(), 1e-6);
        assertEquals(10.0 * 1024 * 256 * 20_000 / 1e9, odd.gflops(odd.median()), 1e-9);
        assertEquals(25_000, fig("rgflow", 4, 1, "1", 10_000, 20_000, 30_000, 40_000).median(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> fig("rgflow", 4, 1, "1"));
    }

    @Test
    void rowsCarryRatesGflopsAndRatiosWithNaForMissingPeers() {
        List<RbmFigure> figures = List.of(
                fig("rgflow", 256, 64, "1", 200_000, 190_000, 210_000),
                fig("numpy", 256, 64, "1", 100_000, 100_000, 100_000),
                fig("torch", 256, 64, "1", 400_000, 400_000, 400_000),
                fig("rgflow", 256, 64, "2", 300_000, 300_000, 300_000),
                fig("numpy", 256, 64, "2", 150_000, 150_000, 150_000),
                fig("rgflow", 256, 64, "auto", 250_000, 250_000, 250_000));
        List<String> lines = RbmTable.lines(new int[][] {{256, 64}}, List.of(1, 2), figures);
        assertEquals(5, lines.size());
        assertEquals("| V × H | threads | rgflow f32 s·e/s [min, max] | GFLOP/s | sklearn f64 (PCD-1) s·e/s [min, max] | "
                + "GFLOP/s | torch f32 s·e/s [min, max] | GFLOP/s | numpy f32 s·e/s [min, max] | GFLOP/s | /sklearn | "
                + "/torch | /numpy |", lines.get(0));
        assertEquals("| 256 × 64 | 1 | 200k [190k, 210k] | 32.8 | n/a | n/a | 400k [400k, 400k] | 65.5 | "
                + "100k [100k, 100k] | 16.4 | n/a | 0.50 | 2.00 |", lines.get(2));
        assertEquals("| 256 × 64 | 2 | 300k [300k, 300k] | 49.2 | n/a | n/a | n/a | n/a | 150k [150k, 150k] | 24.6 | "
                + "n/a | n/a | 2.00 |", lines.get(3));
        // auto: each peer at its faster thread count
        assertEquals("| 256 × 64 | auto | 250k [250k, 250k] | 41.0 | n/a | n/a | 400k [400k, 400k] (t=1) | 65.5 | "
                + "150k [150k, 150k] (t=2) | 24.6 | n/a | 0.63 | 1.67 |", lines.get(4));
    }

    @Test
    void keyRatioSummaryListsTheRowsBelowOne() {
        List<RbmFigure> figures = List.of(
                fig("rgflow", 256, 64, "1", 50_000), fig("numpy", 256, 64, "1", 100_000),
                fig("rgflow", 256, 64, "auto", 120_000),
                fig("rgflow", 1024, 256, "1", 40_000), fig("numpy", 1024, 256, "1", 20_000));
        assertEquals("rgflow / numpy f32 >= 1 on 2 of 3 rows; below 1: 256x64 t=1 0.50",
                RbmTable.keyRatioSummary(new int[][] {{256, 64}, {1024, 256}}, List.of(1), figures));
        assertEquals("rgflow / numpy f32: not measured",
                RbmTable.keyRatioSummary(new int[][] {{256, 64}}, List.of(1), List.of(fig("rgflow", 256, 64, "1", 1))));
    }
}
