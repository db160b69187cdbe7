package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.lattice.Lattice;

/** The alias table, the RNG and the displacement arithmetic behind the long-range samplers. */
class LongRangeToolsTest {

    private static final long RNG_SEED = 123456789L;

    @Test
    void aliasTableReproducesTheWeightsExactly() {
        double[] w = {0.5, 0.0, 3.0, 1e-9, 2.25, 7.0, 0.125};
        double total = 0;
        for (double x : w) {
            total += x;
        }
        LongRangeAliasTable table = new LongRangeAliasTable(w);
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] / total, table.probability(i), 1e-15, "index " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new LongRangeAliasTable(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new LongRangeAliasTable(new double[] {1, -1}));
    }

    @Test
    void aliasSamplingFrequenciesPassChiSquare() {
        double[] w = {1, 2, 3, 4, 0, 6};
        LongRangeAliasTable table = new LongRangeAliasTable(w);
        LongRangeRandom rng = new LongRangeRandom(RNG_SEED);
        int draws = 160_000;
        long[] counts = new long[w.length];
        for (int k = 0; k < draws; k++) {
            counts[table.sample(rng.nextDouble())]++;
        }
        assertEquals(0, counts[4]);
        double chi2 = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                double expected = draws * w[i] / 16.0;
                chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
            }
        }
        assertTrue(chi2 < 20.5, "chi^2 with 4 degrees of freedom, alpha = 0.0004: " + chi2);
    }

    @Test
    void randomStreamIsUniformAndSeedDetermined() {
        LongRangeRandom a = new LongRangeRandom(RNG_SEED);
        LongRangeRandom b = new LongRangeRandom(RNG_SEED);
        for (int k = 0; k < 100; k++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        int bound = 7;
        long[] counts = new long[bound];
        double sum = 0;
        int n = 70_000;
        for (int k = 0; k < n; k++) {
            counts[a.nextInt(bound)]++;
            double u = a.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sum += u;
        }
        assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
        for (long c : counts) {
            assertEquals(n / (double) bound, c, 5 * Math.sqrt(n / (double) bound));
        }
    }

    @Test
    void addRowMatchesLatticeDisplacement() {
        for (int[] shape : new int[][] {{1, 5}, {2, 4}, {2, 3}, {3, 3}}) {
            Lattice lattice = HypercubicLattice.of(shape[0], shape[1]);
            LongRangeGeometry geometry = new LongRangeGeometry(lattice);
            int n = lattice.numSites();
            double[] table = new double[n];
            for (int k = 0; k < n; k++) {
                table[k] = k + 1;
            }
            for (int site = 0; site < n; site++) {
                double[] out = new double[n];
                geometry.addRowInPlace(site, 2.0, table, out);
                for (int j = 0; j < n; j++) {
                    assertEquals(2.0 * table[lattice.displacement(site, j)], out[j], 0.0, lattice + " " + site + "->" + j);
                }
                for (int axis = 0; axis < 3; axis++) {
                    int c = geometry.coordinate(site, axis);
                    int pad = 3 - shape[0];
                    assertEquals(axis < pad ? 0 : lattice.coordinates(site)[axis - pad], c);
                }
            }
        }
    }
}
