/**
 * Benchmarks behind {@code rgflow bench ...}: each prints one table, with peers from
 * {@code ../shared/peers} run in the same invocation where they exist. Results are recorded in
 * docs/benchmarks.md. May use every library package; never the CLI.
 */
package org.rgflow.bench;
