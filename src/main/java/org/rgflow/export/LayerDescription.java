package org.rgflow.export;

/**
 * One RBM layer of an exported model, as described in {@code model.json}.
 *
 * @param index position in the stack (0 = the layer that sees the data)
 * @param numVisible n_v
 * @param numHidden n_h
 * @param visibleBias whether the visible bias is trained (a disabled bias is stored as zeros)
 * @param hiddenBias whether the hidden bias is trained
 * @param weights file of W, shape [numVisible, numHidden]
 * @param visibleBiasFile file of a, shape [numVisible]
 * @param hiddenBiasFile file of b, shape [numHidden]
 */
public record LayerDescription(int index, int numVisible, int numHidden, boolean visibleBias, boolean hiddenBias,
        String weights, String visibleBiasFile, String hiddenBiasFile) {
}
