/**
 * Benchmarks behind {@code rgflow bench ...}: each prints one table, with peers run in the same
 * invocation where they exist: the C Metropolis references from {@code ../shared/peers}, and the
 * Python RBM peers shipped in the jar ({@code rbm_peers.py}). Results are recorded in
 * docs/benchmarks.md. May use every library package; never the CLI.
 */
package org.rgflow.bench;
