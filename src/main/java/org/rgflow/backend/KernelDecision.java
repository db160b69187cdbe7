package org.rgflow.backend;

import java.util.Optional;

/**
 * The decision of {@link BlasKernel#select()} as a function of its inputs, without I/O: the user's
 * OPENBLAS_CORETYPE always wins; otherwise, when OpenBLAS would pick a weaker core than the
 * processor's flags allow ({@link OpenBlasCores}), the better core is tried and kept only if its
 * GEMM check passes.
 */
final class KernelDecision {

    /** Runs OpenBLAS in a separate process: what it detects, and whether a forced core works. */
    interface Prober {
        /** The core OpenBLAS picks with OPENBLAS_CORETYPE unset: OK with the core name, or PROBE_FAILED. */
        Probe detect();

        /** Loads OpenBLAS with OPENBLAS_CORETYPE={@code coreType} and runs {@link GemmCheck}. */
        Probe verify(String coreType);
    }

    /** A probe's outcome. */
    enum Status { OK, KERNEL_FAILED, PROBE_FAILED }

    /**
     * One probe result.
     *
     * @param status outcome
     * @param value the core name when OK, else the reason
     */
    record Probe(Status status, String value) {
        static Probe ok(String value) {
            return new Probe(Status.OK, value);
        }

        static Probe kernelFailed(String reason) {
            return new Probe(Status.KERNEL_FAILED, reason);
        }

        static Probe failed(String reason) {
            return new Probe(Status.PROBE_FAILED, reason);
        }
    }

    private KernelDecision() {
    }

    /**
     * @param userCoreType OPENBLAS_CORETYPE of this process's environment (null or blank when unset)
     * @param openBlasLoaded whether an OpenBLAS library is already mapped into this process
     * @param cpu the processor, empty where unsupported
     * @param prober called only when needed: detect when the flags allow more than SSE, verify when
     *        the detected core is weaker than the flags allow
     */
    static KernelChoice decide(String userCoreType, boolean openBlasLoaded, Optional<CpuInfo> cpu, Prober prober) {
        if (userCoreType != null && !userCoreType.isBlank()) {
            return new KernelChoice(BlasKernel.Source.USER, null, userCoreType.trim(), null);
        }
        if (openBlasLoaded) {
            return new KernelChoice(BlasKernel.Source.TOO_LATE, null, null, null);
        }
        if (cpu.isEmpty()) {
            return new KernelChoice(BlasKernel.Source.UNSUPPORTED, null, null, null);
        }
        Optional<String> best = OpenBlasCores.recommended(cpu.get());
        if (best.isEmpty()) {
            return new KernelChoice(BlasKernel.Source.OPENBLAS, null, null, null);
        }
        Probe detected = prober.detect();
        if (detected.status() != Status.OK) {
            return new KernelChoice(BlasKernel.Source.PROBE_FAILED, null, best.get(), detected.value());
        }
        String core = detected.value();
        int rank = OpenBlasCores.rank(core);
        if (rank < 0 || rank >= OpenBlasCores.rank(best.get())) {
            return new KernelChoice(BlasKernel.Source.OPENBLAS, core, null, null);
        }
        Probe verified = prober.verify(best.get());
        return switch (verified.status()) {
            case OK -> new KernelChoice(BlasKernel.Source.RGFLOW, core, best.get(), null);
            case KERNEL_FAILED -> new KernelChoice(BlasKernel.Source.REFUSED, core, best.get(), verified.value());
            case PROBE_FAILED -> new KernelChoice(BlasKernel.Source.PROBE_FAILED, core, best.get(), verified.value());
        };
    }
}
