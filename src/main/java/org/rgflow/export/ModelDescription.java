package org.rgflow.export;

import java.util.List;

/**
 * {@code model.json}: what a Python user needs to use the weights with numpy alone.
 *
 * @param formatVersion 1
 * @param kind "rbm-stack" (a single RBM is a stack of one)
 * @param units "bernoulli-bernoulli": p(h_j=1|v) = sigmoid(b_j + (v W)_j), p(v_i=1|h) = sigmoid(a_i + (W h)_i)
 * @param encoding "zero-one": visible units are v = (s + 1) / 2 of spins s = &plusmn;1
 * @param dtype "float32" or "float64"
 * @param layers bottom (data side) first
 * @param zip the DL4J ModelSerializer zip (restore with rgflow on the classpath)
 */
public record ModelDescription(int formatVersion, String kind, String units, String encoding, String dtype,
        List<LayerDescription> layers, String zip) {
}
