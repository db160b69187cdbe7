package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The &plusmn;1 view of an RBM: with \( v = (s+1)/2 \), \( h = (\sigma+1)/2 \) (s, &sigma; &isin; {&minus;1,+1}),
 * \( E(v,h) = -a_\pm^\top s - b_\pm^\top \sigma - s^\top W_\pm \sigma + C \) where
 * \( W_\pm = W/4 \), \( a_{\pm,i} = a_i/2 + \sum_j W_{ij}/4 \), \( b_{\pm,j} = b_j/2 + \sum_i W_{ij}/4 \) and the
 * constant \( C = -(\sum_i a_i/2 + \sum_j b_j/2 + \sum_{ij} W_{ij}/4) \) (SCIENCE.md &sect;2). The conversion is exact
 * (in float64) and invertible ({@link #toZeroOne()}). In this view the mean hidden spin is
 * \( \langle\sigma_j\rangle = \tanh(b_{\pm,j} + (s^\top W_\pm)_j) \).
 *
 * @param weights     W&plusmn;, [numVisible, numHidden] float64
 * @param visibleBias a&plusmn;, [1, numVisible]
 * @param hiddenBias  b&plusmn;, [1, numHidden]
 * @param energyShift C, so that E_{0,1}(v,h) = E_&plusmn;(s,&sigma;) + C
 */
public record SpinParameters(INDArray weights, INDArray visibleBias, INDArray hiddenBias, double energyShift) {

    /** The &plusmn;1 parameters of {@code rbm} (copies, float64). */
    public static SpinParameters of(Rbm rbm) {
        INDArray w = rbm.weightsView().castTo(DataType.DOUBLE);
        INDArray a = rbm.visibleBiasView().castTo(DataType.DOUBLE).reshape(1, rbm.numVisible());
        INDArray b = rbm.hiddenBiasView().castTo(DataType.DOUBLE).reshape(1, rbm.numHidden());
        INDArray wpm = w.div(4.0);
        INDArray apm = a.div(2.0).addi(w.sum(1).reshape(1, rbm.numVisible()).divi(4.0));
        INDArray bpm = b.div(2.0).addi(w.sum(0).reshape(1, rbm.numHidden()).divi(4.0));
        double c = -(a.sumNumber().doubleValue() / 2 + b.sumNumber().doubleValue() / 2
                + w.sumNumber().doubleValue() / 4);
        return new SpinParameters(wpm, apm, bpm, c);
    }

    /** The {0,1} parameters these came from: W = 4W&plusmn;, a = 2a&plusmn; &minus; 2&sum;_j W&plusmn;_ij, b likewise. */
    public Rbm toZeroOne() {
        INDArray w = weights.mul(4.0);
        INDArray a = visibleBias.mul(2.0).subi(weights.sum(1).reshape(visibleBias.shape()).muli(2.0));
        INDArray b = hiddenBias.mul(2.0).subi(weights.sum(0).reshape(hiddenBias.shape()).muli(2.0));
        return Rbm.wrap(w, a, b);
    }

    /**
     * E&plusmn;(s, &sigma;) = &minus;a&plusmn;&middot;s &minus; b&plusmn;&middot;&sigma; &minus; s W&plusmn; &sigma;.
     *
     * @param spins  [batch, numVisible] in {&minus;1,+1}
     * @param hidden [batch, numHidden] in {&minus;1,+1}
     * @return [batch] float64
     */
    public INDArray energy(INDArray spins, INDArray hidden) {
        INDArray s = spins.castTo(DataType.DOUBLE);
        INDArray h = hidden.castTo(DataType.DOUBLE);
        INDArray e = s.mmul(weights).muli(h).sum(1).negi();
        e.subi(s.mmul(visibleBias.transpose()).reshape(e.shape()));
        return e.subi(h.mmul(hiddenBias.transpose()).reshape(e.shape()));
    }
}
