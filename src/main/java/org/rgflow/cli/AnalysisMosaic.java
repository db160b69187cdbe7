package org.rgflow.cli;

import java.util.Arrays;
import org.rgflow.analysis.CorrelatorMaps;
import org.rgflow.plot.FieldMosaic;

/**
 * Mosaics of maps over the visible lattice ({@link CorrelatorMaps}) for {@code plot.Heatmap}: the first
 * {@code max} units tiled by {@link FieldMosaic}, each optionally scaled to max |value| = 1 so weak and strong maps
 * are equally visible; and two mosaics side by side.
 */
final class AnalysisMosaic {

    private AnalysisMosaic() {
    }

    static double[][] of(CorrelatorMaps maps, int max, boolean normalise) {
        int count = Math.min(max, maps.numUnits());
        int n = maps.lattice().numSites();
        double[][] fields = new double[n][count];
        for (int a = 0; a < count; a++) {
            double[] v = maps.values(a);
            double scale = 1;
            if (normalise) {
                double m = Arrays.stream(v).map(Math::abs).max().orElse(0);
                scale = m > 0 ? 1 / m : 1;
            }
            for (int i = 0; i < n; i++) {
                fields[i][a] = v[i] * scale;
            }
        }
        int[] shape = FieldMosaic.tileShape(n, maps.lattice().dimension(), maps.lattice().length());
        return FieldMosaic.tile(fields, count, shape[0], shape[1]);
    }

    /** {@code left} and {@code right} next to each other, two NaN columns apart, NaN-padded to equal height. */
    static double[][] sideBySide(double[][] left, double[][] right) {
        int rows = Math.max(left.length, right.length);
        int lc = left[0].length;
        double[][] out = new double[rows][lc + 2 + right[0].length];
        for (int r = 0; r < rows; r++) {
            Arrays.fill(out[r], Double.NaN);
            if (r < left.length) {
                System.arraycopy(left[r], 0, out[r], 0, lc);
            }
            if (r < right.length) {
                System.arraycopy(right[r], 0, out[r], lc + 2, right[r].length);
            }
        }
        return out;
    }
}
