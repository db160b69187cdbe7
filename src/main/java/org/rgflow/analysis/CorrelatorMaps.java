package org.rgflow.analysis;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.lattice.HypercubicLattice;

/**
 * One map over the visible lattice per coarse unit a (hidden unit or block variable): C[a][i], e.g. the
 * visible&ndash;hidden correlator &lang;v_i h_a&rang; ({@link Correlators}) or a receptive field. Gives each
 * unit's peak, its centre (circular mean per axis with weights C[a][i]&sup2;, so a patch across the periodic
 * boundary has the right centre), its spread and its radial profile. Squared weights suppress the sampling noise
 * (&asymp; N_s<sup>&minus;1/2</sup> per site) that |C| weights would let pull the centre towards the lattice middle
 * and inflate the size. Holds a defensive copy; immutable.
 */
public final class CorrelatorMaps {

    /** Shell width (lattice units) of {@link #radialProfile}. */
    public static final double SHELL_WIDTH = 0.5;

    private final HypercubicLattice lattice;
    private final double[][] values;

    private CorrelatorMaps(HypercubicLattice lattice, double[][] values) {
        this.lattice = lattice;
        this.values = values;
    }

    /**
     * @param lattice the visible lattice
     * @param values  [numUnits][numSites] (copied)
     */
    public static CorrelatorMaps of(HypercubicLattice lattice, double[][] values) {
        for (double[] row : values) {
            if (row.length != lattice.numSites()) {
                throw new IllegalArgumentException("map has " + row.length + " sites, lattice " + lattice + " has "
                        + lattice.numSites());
            }
        }
        double[][] copy = new double[values.length][];
        for (int a = 0; a < values.length; a++) {
            copy[a] = values[a].clone();
        }
        return new CorrelatorMaps(lattice, copy);
    }

    /** @param values [numUnits, numSites] (copied, as float64) */
    public static CorrelatorMaps of(HypercubicLattice lattice, INDArray values) {
        return of(lattice, values.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix());
    }

    public HypercubicLattice lattice() {
        return lattice;
    }

    public int numUnits() {
        return values.length;
    }

    /** Map of unit a, [numSites] (a copy). */
    public double[] values(int unit) {
        return values[unit].clone();
    }

    /** Map of unit a as a 2D grid [L][L] (row = first coordinate); d = 2 only. For {@code plot.Heatmap}. */
    public double[][] grid(int unit) {
        if (lattice.dimension() != 2) {
            throw new IllegalStateException("grid needs a 2D lattice, got " + lattice);
        }
        int length = lattice.length();
        double[][] g = new double[length][length];
        for (int i = 0; i < lattice.numSites(); i++) {
            g[i / length][i % length] = values[unit][i];
        }
        return g;
    }

    /** All maps as [numUnits, L, ..., L] (d lattice axes), float64. */
    public INDArray toArray() {
        long[] shape = new long[lattice.dimension() + 1];
        Arrays.fill(shape, lattice.length());
        shape[0] = values.length;
        return Nd4j.createFromArray(values).reshape(shape);
    }

    /** The site with the largest |C[a][i]| (first one on ties). */
    public int peak(int unit) {
        double[] row = values[unit];
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (Math.abs(row[i]) > Math.abs(row[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The centre of unit a: per-axis circular mean with weights C[a][i]&sup2;, coordinates in [0, L). */
    public double[] centre(int unit) {
        return Torus.circularMoments(lattice, squares(values[unit]))[0];
    }

    /**
     * The size of unit a's map: &radic;(&Sigma;_k spread_k&sup2;) with the circular spread per axis of the weights
     * C[a][i]&sup2; ({@code Torus}): 0 for a single site, (L/2&pi;)&radic;(2d) for a uniform map.
     */
    public double size(int unit) {
        double sum = 0;
        for (double s : Torus.circularMoments(lattice, squares(values[unit]))[1]) {
            sum += s * s;
        }
        return Math.sqrt(sum);
    }

    /** The sizes of all maps. */
    public double[] sizes() {
        double[] out = new double[values.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = size(a);
        }
        return out;
    }

    /**
     * The size of unit a's map above its background: {@link WeightAnalysis#radiusOfGyration} of the weights
     * (|C<sub>i</sub>| &minus; median<sub>i</sub> |C<sub>i</sub>|)&#8330;&sup2;. At T_c every spin correlates with every
     * unit (&lang;s<sub>i</sub> S<sub>B</sub>&rang; ~ r<sup>&minus;1/4</sup>), so {@link #size} of RBM and block-RG
     * maps alike is close to a uniform map's; the excess size measures the localized part only; NaN when no site
     * rises above the median (a uniform map has no localized part). Cost O(N log N).
     */
    public double excessSize(int unit) {
        double[] abs = new double[values[unit].length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(values[unit][i]);
        }
        double[] sorted = abs.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double med = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double[] w = new double[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            w[i] = abs[i] > med ? (abs[i] - med) * (abs[i] - med) : 0;
            any |= w[i] > 0;
        }
        return any ? WeightAnalysis.radiusOfGyration(lattice, w) : Double.NaN;
    }

    /** The excess sizes of all maps. */
    public double[] excessSizes() {
        double[] out = new double[values.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = excessSize(a);
        }
        return out;
    }

    /** The largest possible {@link #size}: that of a uniform map, (L/2&pi;)&radic;(2d). */
    public double maximalSize() {
        return lattice.length() / (2 * Math.PI) * Math.sqrt(2.0 * lattice.dimension());
    }

    /** C[a][i] averaged over shells of minimum-image distance from {@link #centre}(a). Cost O(N d). */
    public RadialProfile radialProfile(int unit) {
        double[] centre = centre(unit);
        int shells = (int) Math.ceil(Math.sqrt(lattice.dimension()) * lattice.length() / 2 / SHELL_WIDTH) + 2;
        double[] dSum = new double[shells];
        double[] vSum = new double[shells];
        int[] count = new int[shells];
        for (int i = 0; i < lattice.numSites(); i++) {
            double dist = Torus.distance(lattice, i, centre);
            int j = (int) (dist / SHELL_WIDTH);
            dSum[j] += dist;
            vSum[j] += values[unit][i];
            count[j]++;
        }
        int nonEmpty = (int) Arrays.stream(count).filter(c -> c > 0).count();
        double[] d = new double[nonEmpty];
        double[] v = new double[nonEmpty];
        int[] c = new int[nonEmpty];
        int k = 0;
        for (int j = 0; j < shells; j++) {
            if (count[j] > 0) {
                d[k] = dSum[j] / count[j];
                v[k] = vSum[j] / count[j];
                c[k++] = count[j];
            }
        }
        return new RadialProfile(d, v, c);
    }

    private static double[] squares(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
        return out;
    }
}
