package org.rgflow.backend;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenBLAS kernel ("core") this process computes with, and where that choice came from.
 *
 * <p>OpenBLAS picks its core once, when it loads, from cpuid; on processors it does not recognise
 * (cloud VMs that mask the model) OpenBLAS 0.3.19 falls back to Prescott (SSE3), 2-3x slower.
 * {@link #select()} prevents that: called before the first ND4J use, it sets OPENBLAS_CORETYPE to
 * the best core the processor's flags allow (SKYLAKEX, HASWELL/ZEN, SANDYBRIDGE), but only when
 * OpenBLAS would otherwise pick a weaker one, and only after that core passed a GEMM check in a
 * child JVM. The verdict is cached per processor and OpenBLAS version, so the check costs about a
 * second once per machine. A user's own OPENBLAS_CORETYPE always wins. {@code rgflow}, its tests
 * and {@link BackendInfo} call it; library users call it first (or set OPENBLAS_CORETYPE themselves).
 *
 * @param library the loaded OpenBLAS libraries and artifact, e.g.
 *        "libopenblas.so.0, libopenblas_nolapack.so.0 (org.bytedeco:openblas 0.3.19-1.5.7)"; "none" when none loaded
 * @param config openblas_get_config(), e.g. "OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"
 * @param core openblas_get_corename(), e.g. "SkylakeX" (per library if the copies differ)
 * @param source where the core came from
 * @param description the source in words, e.g. "chosen by rgflow (OPENBLAS_CORETYPE=SKYLAKEX, GEMM-checked)
 *        because OpenBLAS fell back to Prescott"
 */
public record BlasKernel(String library, String config, String core, Source source, String description) {

    /** Where the core in use came from. */
    public enum Source {
        /** OpenBLAS's own detection, which is as good as the processor allows. */
        OPENBLAS,
        /** Chosen and checked by rgflow because OpenBLAS would have fallen back to a weaker core. */
        RGFLOW,
        /** The user's OPENBLAS_CORETYPE. */
        USER,
        /** OpenBLAS's own detection: rgflow's better core failed its check (a warning was printed). */
        REFUSED,
        /** OpenBLAS's own detection: rgflow's check could not run (a warning was printed). */
        PROBE_FAILED,
        /** OpenBLAS's own detection: OpenBLAS was loaded before {@link #select()} ran. */
        TOO_LATE,
        /** OpenBLAS's own detection: not Linux x86-64 with JavaCPP's OpenBLAS. */
        UNSUPPORTED
    }

    /**
     * Chooses the OpenBLAS core for this process if OpenBLAS would fall back to a weaker one than
     * the processor allows (see the class comment). Call it before the first ND4J use, or set
     * OPENBLAS_CORETYPE yourself. Idempotent and cheap after the first call; never throws; prints at
     * most one line to stderr (when a core is refused or cannot be checked).
     */
    public static void select() {
        KernelSelection.select();
    }

    /** The OpenBLAS core in use (loading OpenBLAS if nothing has yet, after {@link #select()}). */
    public static BlasKernel current() {
        KernelChoice choice = KernelSelection.select();
        List<LoadedOpenBlas> loaded = LoadedOpenBlas.describeAll();
        if (loaded.isEmpty() && KernelSelection.openBlasVersion().isPresent()) {
            try {
                OpenBlasGemm.load();
            } catch (RuntimeException | LinkageError e) {
                // reported below as no library
            }
            loaded = LoadedOpenBlas.describeAll();
        }
        if (loaded.isEmpty()) {
            return new BlasKernel("none", "", "unknown", choice.source(), choice.describe());
        }
        String names = loaded.stream().map(l -> l.path().getFileName().toString()).collect(Collectors.joining(", "));
        String library = names + KernelSelection.openBlasVersion().map(v -> " (org.bytedeco:openblas " + v + ")")
                .orElse("");
        Set<String> configs = loaded.stream().map(LoadedOpenBlas::config).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> cores = loaded.stream().map(LoadedOpenBlas::core).collect(Collectors.toCollection(LinkedHashSet::new));
        String core = cores.size() == 1 ? cores.iterator().next()
                : loaded.stream().map(l -> l.core() + " (" + fileName(l.path()) + ")").collect(Collectors.joining(", "));
        return new BlasKernel(library, String.join(" | ", configs), core, choice.source(), choice.describe());
    }

    /** "SkylakeX (OpenBLAS's own detection)": the core and where it came from, for tables and logs. */
    public String summary() {
        return core + " (" + description + ")";
    }

    private static String fileName(Path p) {
        return p.getFileName().toString();
    }
}
