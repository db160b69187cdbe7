package org.rgflow.backend;

import com.sun.jna.Pointer;
import java.util.List;

/**
 * The child JVM of {@link KernelProbe}: {@code detect} loads OpenBLAS and prints the core it
 * picked; {@code verify CORE} (run with OPENBLAS_CORETYPE=CORE) checks that the core took and runs
 * {@link GemmCheck} on cblas_sgemm/cblas_dgemm. Answers one line starting with {@link #MARKER}.
 * Test-only system properties: {@value #SIMULATE_DETECTED} (report this core from {@code detect})
 * and {@value #SIMULATE_FAULT} ({@code wrong}: perturb one SGEMM result; {@code crash}: die of SIGSEGV).
 */
public final class KernelProbeMain {

    static final String MARKER = "rgflow-blas-probe ";
    static final String SIMULATE_DETECTED = "rgflow.blas.simulate.detected";
    static final String SIMULATE_FAULT = "rgflow.blas.simulate.fault";

    private KernelProbeMain() {
    }

    public static void main(String[] args) {
        try {
            OpenBlasGemm.load();
            String core = loadedCore();
            if (args.length == 1 && args[0].equals("detect")) {
                System.out.println(MARKER + "core=" + System.getProperty(SIMULATE_DETECTED, core));
            } else if (args.length == 2 && args[0].equals("verify")) {
                System.out.println(MARKER + verify(args[1], core));
            } else {
                System.out.println(MARKER + "error=usage: detect | verify CORE");
                System.exit(3);
            }
        } catch (Throwable e) {
            System.out.println(MARKER + "error=" + e);
            System.exit(3);
        }
    }

    private static String verify(String coreType, String core) {
        if (!core.equalsIgnoreCase(coreType)) {
            return "kernel-failed=OpenBLAS runs " + core + " with OPENBLAS_CORETYPE=" + coreType
                    + " (a core this OpenBLAS does not know)";
        }
        String fault = System.getProperty(SIMULATE_FAULT, "");
        if (fault.equals("crash")) {
            com.sun.jna.Native.setProtected(false);
            new Pointer(0).getLong(0);
        }
        GemmCheck.Sgemm sgemm = !fault.equals("wrong") ? OpenBlasGemm.SGEMM
                : (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
                    OpenBlasGemm.SGEMM.sgemm(rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                    c[0] += 0.01f;
                };
        GemmCheck.Result result = GemmCheck.run(sgemm, OpenBlasGemm.DGEMM);
        return result.passed() ? "ok=" + core + " products=" + result.products()
                : "kernel-failed=GEMM check failed on " + core + ": " + result.failure();
    }

    private static String loadedCore() {
        List<LoadedOpenBlas> loaded = LoadedOpenBlas.describeAll();
        for (LoadedOpenBlas l : loaded) {
            if (l.path().getFileName().toString().contains("nolapack")) {
                return l.core();
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no libopenblas found in /proc/self/maps after loading openblas_nolapack");
        }
        return loaded.get(0).core();
    }
}
