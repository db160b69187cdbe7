package org.rgflow.analysis;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.SpinParameters;

/**
 * Visible&ndash;coarse correlators (de Mello Koch, de Mello Koch, Cheng 2020):
 * \( C_{ai} = \langle v_i h_a \rangle = \frac{1}{N_s} \sum_k v_i^{(k)} h_a^{(k)} \) over N_s configurations, not
 * connected (at zero field the disconnected part vanishes by symmetry). For an RBM, h_a is the conditional mean
 * of the hidden unit given v; for block RG, h_a is the block variable. Cost: one [N, N_s]&times;[N_s, n_h] GEMM.
 */
public final class Correlators {

    /** Which encoding of the units the correlator uses. */
    public enum View {
        /** v = s &isin; {&minus;1,+1}, h_a = tanh(b&plusmn;_a + &Sigma;_i W&plusmn;_ia s_i) ({@link SpinParameters}). */
        SPIN,
        /** v = (s+1)/2 &isin; {0,1}, h_a = p(h_a = 1 | v). */
        ZERO_ONE
    }

    private Correlators() {
    }

    /**
     * Correlator maps of an RBM whose visible layer is {@code lattice}.
     *
     * @param spins [n][numSites], &plusmn;1 (e.g. the training data at one temperature)
     * @return maps [numHidden][numSites]
     */
    public static CorrelatorMaps rbm(Rbm rbm, HypercubicLattice lattice, double[][] spins, View view) {
        if (rbm.numVisible() != lattice.numSites()) {
            throw new IllegalArgumentException("numVisible (" + rbm.numVisible() + ") must equal lattice.numSites() ("
                    + lattice.numSites() + ") of " + lattice);
        }
        INDArray s = Configurations.toSpinArray(spins, DataType.DOUBLE);
        INDArray v;
        INDArray h;
        if (view == View.SPIN) {
            SpinParameters p = SpinParameters.of(rbm);
            v = s;
            h = Transforms.tanh(s.mmul(p.weights()).addiRowVector(p.hiddenBias()), false);
        } else {
            v = s.add(1.0).muli(0.5);
            h = rbm.hiddenProbabilities(v.castTo(rbm.dataType())).castTo(DataType.DOUBLE);
        }
        return CorrelatorMaps.of(lattice, correlate(v, h));
    }

    /**
     * Correlator maps of block variables S_B (one block-RG step of each configuration) with the fine spins:
     * \( \langle s_i S_B \rangle \). Each map should peak on its own b<sup>d</sup> block.
     *
     * @param spins [n][fine numSites], &plusmn;1
     * @param rng   for majority ties
     * @return maps [coarse numSites][fine numSites]
     */
    public static CorrelatorMaps blockRg(BlockSpinRg rg, double[][] spins, SplittableRandom rng) {
        double[][] coarse = rg.apply(spins, rng);
        return of(rg.fineLattice(), spins, coarse);
    }

    /**
     * Generic correlator of fine variables with any coarse variables.
     *
     * @param fine   [n][numSites]
     * @param coarse [n][numUnits]
     * @return maps [numUnits][numSites]
     */
    public static CorrelatorMaps of(HypercubicLattice lattice, double[][] fine, double[][] coarse) {
        if (fine.length != coarse.length || fine.length == 0) {
            throw new IllegalArgumentException("need the same positive number of fine and coarse configurations, got "
                    + fine.length + " and " + coarse.length);
        }
        return CorrelatorMaps.of(lattice, correlate(Nd4j.createFromArray(fine), Nd4j.createFromArray(coarse)));
    }

    /** [n, N] and [n, M] &rarr; [M, N] = h&#7488; v / n. */
    private static INDArray correlate(INDArray visible, INDArray hidden) {
        return hidden.transpose().mmul(visible).divi(visible.rows());
    }
}
