/**
 * The ND4J backend in use: {@link org.rgflow.backend.BackendInfo#current()} loads and describes it
 * and turns load failures (no GPU, no driver, unsupported GPU) into one clear message. The code never
 * names a backend class; the build chooses it (default CPU, {@code -Pcuda} for GPU).
 * {@link org.rgflow.backend.BlasKernel} chooses OpenBLAS's kernel before it loads (when OpenBLAS
 * would fall back to a weaker one than the CPU allows, after a GEMM check in a child JVM) and
 * reports the kernel in use. Depends on no other rgflow package.
 */
package org.rgflow.backend;
