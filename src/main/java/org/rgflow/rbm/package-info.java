/**
 * Bernoulli&ndash;Bernoulli restricted Boltzmann machines as DL4J layers ({@link org.rgflow.rbm.RbmLayer},
 * {@link org.rgflow.rbm.RbmLayerImpl}), the exact and sampled functions of one machine ({@link org.rgflow.rbm.Rbm},
 * {@link org.rgflow.rbm.ExactRbm}, {@link org.rgflow.rbm.Ais}, {@link org.rgflow.rbm.RbmMetrics}), the CD-k
 * gradient ({@link org.rgflow.rbm.ContrastiveDivergence}) and stacks over a {@code MultiLayerNetwork}
 * ({@link org.rgflow.rbm.StackedRbm}). It sees only vectors: no lattice, Hamiltonian or Monte Carlo code.
 * Randomness is always an explicit ND4J {@code Random}.
 */
package org.rgflow.rbm;
