package org.rgflow.analysis;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.StackedRbm;

/**
 * Structure of trained weights. Spectrum of \( W W^\top \) [n_v, n_v] (Iso et al. 2018: its leading eigenvectors
 * are smooth, long-wavelength modes), singular values of W, and receptive fields per layer of a stack
 * (Mehta &amp; Schwab 2014: \( W^{(0)} \cdots W^{(\ell-1)} \), column a over the visible sites) with a size measure.
 *
 * <p><b>Size.</b> For a field f over the visible torus, weights w_i = |f_i| / &Sigma;|f|; per axis k the circular
 * mean resultant R_k = |&Sigma;_i w_i e^{2&pi;i x_{ik}/L}| gives the spread (L/2&pi;)&radic;(2(1&minus;R_k)) (the rms
 * chord length; the rms distance for compact fields), and the radius of gyration is &radic;(&Sigma;_k spread_k&sup2;):
 * 0 for a single site, (L/2&pi;)&radic;(2d) for a uniform field. Circular statistics make it independent of where
 * the field sits on the torus.
 *
 * <p>Eigenvalues use LAPACK {@code syev} via ND4J {@link Eigen#symmetricGeneralizedEigenvalues} in float64:
 * O(n&sup3;) for the n&times;n Gram matrix. Singular values are &radic;&lambda; of the smaller Gram matrix (W&#7488;W or
 * WW&#7488;), so values below about 1e-8 &sigma;_max are not resolved.
 */
public final class WeightAnalysis {

    private WeightAnalysis() {
    }

    /**
     * Eigenvalues of W W&#7488;, descending (n_v values; at most min(n_v, n_h) are non-zero).
     *
     * @param weights [numVisible, numHidden]
     */
    public static double[] gramSpectrum(INDArray weights) {
        INDArray w = weights.castTo(DataType.DOUBLE);
        return symmetricEigenvaluesDescending(w.mmul(w.transpose()));
    }

    /** Singular values of W, descending, min(n_v, n_h) values. @param weights [numVisible, numHidden] */
    public static double[] singularValues(INDArray weights) {
        INDArray w = weights.castTo(DataType.DOUBLE);
        INDArray gram = w.rows() <= w.columns() ? w.mmul(w.transpose()) : w.transpose().mmul(w);
        double[] ev = symmetricEigenvaluesDescending(gram);
        for (int k = 0; k < ev.length; k++) {
            ev[k] = Math.sqrt(Math.max(0, ev[k]));
        }
        return ev;
    }

    /** Eigenvalues of a symmetric matrix [n, n], descending (the input is not modified). */
    public static double[] symmetricEigenvaluesDescending(INDArray symmetric) {
        INDArray a = symmetric.castTo(DataType.DOUBLE).dup('f');
        double[] ev = Eigen.symmetricGeneralizedEigenvalues(a, false).toDoubleVector();
        Arrays.sort(ev);
        for (int i = 0, j = ev.length - 1; i < j; i++, j--) {
            double t = ev[i];
            ev[i] = ev[j];
            ev[j] = t;
        }
        return ev;
    }

    /**
     * Radius of gyration (class Javadoc) of one field.
     *
     * @param field [numSites] values over the visible lattice (sign ignored)
     */
    public static double radiusOfGyration(HypercubicLattice lattice, double[] field) {
        if (field.length != lattice.numSites()) {
            throw new IllegalArgumentException("field has " + field.length + " sites, lattice " + lattice + " has "
                    + lattice.numSites());
        }
        double[] w = new double[field.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.abs(field[i]);
        }
        double sum = 0;
        for (double s : Torus.circularMoments(lattice, w)[1]) {
            sum += s * s;
        }
        return Math.sqrt(sum);
    }

    /** The radius of gyration of a uniform field, (L/2&pi;)&radic;(2d): the largest value. */
    public static double maximalRadius(HypercubicLattice lattice) {
        return lattice.length() / (2 * Math.PI) * Math.sqrt(2.0 * lattice.dimension());
    }

    /**
     * Radius of gyration of each column of {@code fields}.
     *
     * @param fields [numSites, numUnits] (e.g. {@link StackedRbm#receptiveFields})
     * @return [numUnits]
     */
    public static double[] fieldSizes(HypercubicLattice lattice, INDArray fields) {
        double[][] byUnit = fields.castTo(DataType.DOUBLE).transpose().toDoubleMatrix();
        double[] out = new double[byUnit.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = radiusOfGyration(lattice, byUnit[a]);
        }
        return out;
    }

    /** The receptive fields of level &ell; as maps (for figures, centres and profiles). */
    public static CorrelatorMaps receptiveFields(StackedRbm stack, HypercubicLattice lattice, int level) {
        return CorrelatorMaps.of(lattice, stack.receptiveFields(level).transpose());
    }

    /**
     * Mean receptive-field radius of gyration per level.
     *
     * @return [numLayers]: element &ell;&minus;1 is the mean over the units of level &ell;
     */
    public static double[] meanFieldSizePerLevel(StackedRbm stack, HypercubicLattice lattice) {
        if (stack.size(0) != lattice.numSites()) {
            throw new IllegalArgumentException("stack has " + stack.size(0) + " visible units but lattice " + lattice
                    + " has " + lattice.numSites() + " sites");
        }
        double[] out = new double[stack.numLayers()];
        for (int level = 1; level <= stack.numLayers(); level++) {
            out[level - 1] = Arrays.stream(fieldSizes(lattice, stack.receptiveFields(level))).average().orElse(0);
        }
        return out;
    }
}
