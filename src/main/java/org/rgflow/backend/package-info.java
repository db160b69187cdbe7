/**
 * The ND4J backend in use: {@link org.rgflow.backend.BackendInfo#current()} loads and describes it
 * and turns load failures (no GPU, no driver, unsupported GPU) into one clear message. The code never
 * names a backend class; the build chooses it (default CPU, {@code -Pcuda} for GPU).
 */
package org.rgflow.backend;
