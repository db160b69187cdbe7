/**
 * Markov-chain Monte Carlo samplers: {@link org.rgflow.mc.UpdateRule} (immutable move set) creates
 * {@link org.rgflow.mc.MarkovChains} (mutable state of many independent chains). Rules: Metropolis
 * (Java fast path and ND4J tensors), Wolff, Swendsen&ndash;Wang, long-range Fukui&ndash;Todo and
 * Metropolis; {@link org.rgflow.mc.UpdateRules} names them, {@link org.rgflow.mc.TemperatureScan}
 * runs them over temperatures. Seeds come from
 * {@link org.rgflow.mc.Seeds}; no global RNG. Depends on {@code lattice}, {@code hamiltonian},
 * {@code observable} and ND4J only.
 */
package org.rgflow.mc;
