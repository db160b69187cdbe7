/**
 * The thermometer of Iso et al. (SCIENCE.md §1): a supervised DL4J {@code MultiLayerNetwork} (dense hidden layers,
 * softmax over the dataset's temperatures) trained on labelled Monte Carlo configurations. It reads the
 * temperature distribution of any batch of configurations, e.g. those of an RBM flow. {@link
 * org.rgflow.thermometer.Thermometer} trains, predicts, evaluates ({@link org.rgflow.thermometer.ThermometerEvaluation})
 * and saves/loads; {@link org.rgflow.thermometer.ThermometerOptions} holds the hyper-parameters.
 * Inputs are spins in the physics encoding &plusmn;1. Uses {@code data} and {@code provenance} only.
 */
package org.rgflow.thermometer;
