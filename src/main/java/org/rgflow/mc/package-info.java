/**
 * Markov-chain Monte Carlo samplers: {@link org.rgflow.mc.UpdateRule} (immutable move set) creates
 * {@link org.rgflow.mc.MarkovChains} (mutable state of many independent chains). Seeds come from
 * {@link org.rgflow.mc.Seeds}; no global RNG. Depends on {@code lattice}, {@code hamiltonian},
 * {@code observable} and ND4J only.
 */
package org.rgflow.mc;
