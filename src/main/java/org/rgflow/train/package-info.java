/**
 * Training of RBM layers and greedy layer-wise training of stacks: {@link org.rgflow.train.RbmTrainer}
 * (CD-k / PCD-k with any DL4J {@code IUpdater}, L1/L2, checkpoints and bit-identical resume),
 * {@link org.rgflow.train.TrainingOptions}, per-epoch {@link org.rgflow.train.EpochMetrics} and listeners
 * (progress bar, metrics CSV). Uses {@code rbm}, {@code data}, {@code provenance} and {@code observable} only;
 * the YAML binding lives in {@code config.TrainConfig} and is mapped to options by the CLI.
 */
package org.rgflow.train;
