package org.rgflow.backend;

import java.util.Optional;

/**
 * What rgflow decided about the OpenBLAS core of this process, and why.
 *
 * @param source the decision, as {@link BlasKernel#source()} reports it
 * @param detectedCore the core OpenBLAS picks by itself (null when not probed)
 * @param candidate the OPENBLAS_CORETYPE value rgflow set (RGFLOW), refused (REFUSED) or the user set (USER); else null
 * @param reason why a candidate was refused or the check could not run; else null
 */
record KernelChoice(BlasKernel.Source source, String detectedCore, String candidate, String reason) {

    /** The OPENBLAS_CORETYPE value to set before OpenBLAS loads, if any. */
    Optional<String> coreTypeToSet() {
        return source == BlasKernel.Source.RGFLOW ? Optional.of(candidate) : Optional.empty();
    }

    /** Where the core in use came from, for {@code rgflow info} and manifests. */
    String describe() {
        return switch (source) {
            case USER -> "user's OPENBLAS_CORETYPE=" + candidate;
            case OPENBLAS -> "OpenBLAS's own detection";
            case RGFLOW -> "chosen by rgflow (OPENBLAS_CORETYPE=" + candidate + ", GEMM-checked) because OpenBLAS fell back to "
                    + detectedCore;
            case REFUSED -> "OpenBLAS's own detection; rgflow refused " + candidate + " (" + reason + ")";
            case PROBE_FAILED -> "OpenBLAS's own detection; rgflow's check could not run (" + reason + ")";
            case TOO_LATE -> "OpenBLAS's own detection; OpenBLAS was loaded before rgflow could choose";
            case UNSUPPORTED -> "OpenBLAS's own detection; rgflow chooses only on Linux x86-64 with OpenBLAS";
        };
    }

    /** The one stderr line for a refused kernel or a check that could not run; empty otherwise. */
    Optional<String> warning() {
        String fallback = detectedCore == null ? "OpenBLAS's own choice" : "OpenBLAS's own choice, " + detectedCore;
        return switch (source) {
            case REFUSED -> Optional.of("rgflow: OpenBLAS kernel " + candidate + " refused: " + reason + "; using "
                    + fallback + " (slower). To choose the kernel yourself set OPENBLAS_CORETYPE (e.g. OPENBLAS_CORETYPE="
                    + candidate + ")");
            case PROBE_FAILED -> Optional.of("rgflow: could not check the OpenBLAS kernel (" + reason + "); using "
                    + fallback + ". To choose the kernel yourself set OPENBLAS_CORETYPE (e.g. HASWELL)");
            default -> Optional.empty();
        };
    }
}
