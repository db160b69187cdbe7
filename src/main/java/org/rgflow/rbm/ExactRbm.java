package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Exact quantities of small RBMs by enumeration over the <em>smaller</em> layer, in float64:
 * <ul>
 * <li>if \( n_h \le n_v \): \( \log Z = \log \sum_{h} \exp\big(b^\top h + \sum_i \mathrm{softplus}(a_i + (W h)_i)\big) \);</li>
 * <li>otherwise \( \log Z = \log \sum_v e^{-F(v)} \).</li>
 * </ul>
 * Cost: \( 2^{\min(n_v,n_h)} \) states, each one GEMM row of \( n_v n_h \) multiply-adds; states are processed in
 * chunks of {@value #CHUNK} so memory stays at \( 2^{16} \max(n_v,n_h) \) doubles. Limit:
 * {@value #MAX_ENUMERATED_UNITS} enumerated units (use {@link Ais} above that).
 */
public final class ExactRbm {

    /** Largest smaller-layer size that is enumerated. */
    public static final int MAX_ENUMERATED_UNITS = 26;
    static final int CHUNK = 1 << 16;

    private ExactRbm() {
    }

    /** Whether {@link #logPartition(Rbm)} is feasible: min(n_v, n_h) &le; {@code maxUnits}. */
    public static boolean isTractable(Rbm rbm, int maxUnits) {
        return Math.min(rbm.numVisible(), rbm.numHidden()) <= Math.min(maxUnits, MAX_ENUMERATED_UNITS);
    }

    /** log Z by exact enumeration over the smaller layer (float64 arithmetic). */
    public static double logPartition(Rbm model) {
        Rbm rbm = model.castTo(DataType.DOUBLE);
        int nv = rbm.numVisible();
        int nh = rbm.numHidden();
        int n = Math.min(nv, nh);
        if (n > MAX_ENUMERATED_UNITS) {
            throw new IllegalArgumentException("exact log Z enumerates 2^" + n + " states; the limit is 2^"
                    + MAX_ENUMERATED_UNITS + ". Use Ais.estimate for models this large");
        }
        boolean overHidden = nh <= nv;
        long total = 1L << n;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (long start = 0; start < total; start += CHUNK) {
            int count = (int) Math.min(CHUNK, total - start);
            INDArray states = states(start, count, n);
            INDArray logWeights = overHidden ? hiddenMarginal(rbm, states) : rbm.freeEnergy(states).negi();
            double chunkMax = logWeights.maxNumber().doubleValue();
            if (chunkMax > max) {
                sum *= Math.exp(max - chunkMax);
                max = chunkMax;
            }
            sum += Transforms.exp(logWeights.subi(max), false).sumNumber().doubleValue();
        }
        return max + Math.log(sum);
    }

    /**
     * Mean log-likelihood \( \frac{1}{B}\sum_b [-F(v_b)] - \log Z \).
     *
     * @param visible [batch, numVisible] in {0,1}
     * @param logZ    from {@link #logPartition(Rbm)} or {@link Ais}
     */
    public static double logLikelihood(Rbm rbm, INDArray visible, double logZ) {
        // in float64 like logZ: a float32 free energy minus a float64 log Z loses everything for large parameters
        Rbm d = rbm.castTo(DataType.DOUBLE);
        return -d.freeEnergy(visible.castTo(DataType.DOUBLE)).meanNumber().doubleValue() - logZ;
    }

    /** Mean exact log-likelihood, computing log Z by enumeration. */
    public static double logLikelihood(Rbm rbm, INDArray visible) {
        return logLikelihood(rbm, visible, logPartition(rbm));
    }

    /**
     * Exact probabilities p(v) of all \( 2^{n_v} \) visible states (n_v &le; 20), in the bit order of
     * {@link #states(long, int, int)}.
     *
     * @return [2^numVisible] float64
     */
    public static INDArray visibleDistribution(Rbm model) {
        Rbm rbm = model.castTo(DataType.DOUBLE);
        if (rbm.numVisible() > 20) {
            throw new IllegalArgumentException("visibleDistribution lists 2^numVisible states; numVisible = "
                    + rbm.numVisible() + " > 20");
        }
        double logZ = logPartition(rbm);
        INDArray all = states(0, 1 << rbm.numVisible(), rbm.numVisible());
        return Transforms.exp(rbm.freeEnergy(all).negi().subi(logZ), false);
    }

    /**
     * The binary states {@code start … start+count-1}: row r has bit i of {@code start + r} in column i.
     *
     * @return [count, numUnits] float64 in {0,1}
     */
    public static INDArray states(long start, int count, int numUnits) {
        double[] data = new double[count * numUnits];
        for (int r = 0; r < count; r++) {
            long s = start + r;
            for (int i = 0; i < numUnits; i++) {
                data[r * numUnits + i] = (s >>> i) & 1L;
            }
        }
        return Nd4j.create(data, new long[] {count, numUnits}, DataType.DOUBLE);
    }

    /** \( b^\top h + \sum_i \mathrm{softplus}(a_i + (W h)_i) \) = log of the unnormalised p(h), [batch]. */
    static INDArray hiddenMarginal(Rbm rbm, INDArray hidden) {
        INDArray out = Rbm.softplus(rbm.visiblePreActivation(hidden)).sum(1);
        if (rbm.isHiddenBiasEnabled()) {
            out.addi(hidden.mmul(rbm.hiddenBiasView().transpose()).reshape(out.shape()));
        }
        return out;
    }
}
