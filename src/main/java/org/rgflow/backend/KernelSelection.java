package org.rgflow.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs {@link KernelDecision} once per process with the real inputs (environment, /proc/self/maps,
 * /proc/cpuinfo, the cached or probed verdicts), applies it with {@code setenv}, and prints its one
 * warning line. Never throws.
 */
final class KernelSelection {

    /** JavaCPP's OpenBLAS natives for Linux x86-64; without them (e.g. a CUDA build) there is nothing to choose. */
    static final String NATIVE_LIBRARY = "org/bytedeco/openblas/linux-x86_64/libjniopenblas_nolapack.so";

    private static KernelChoice choice;

    private KernelSelection() {
    }

    static synchronized KernelChoice select() {
        if (choice == null) {
            choice = compute();
            choice.warning().ifPresent(System.err::println);
        }
        return choice;
    }

    private static KernelChoice compute() {
        try {
            String user = System.getenv("OPENBLAS_CORETYPE");
            boolean loaded = LoadedOpenBlas.anyLoaded();
            Optional<String> version = openBlasVersion();
            Optional<CpuInfo> cpu = version.isEmpty() ? Optional.empty() : CpuInfo.read();
            KernelDecision.Prober prober = cpu.isEmpty() ? null : prober(cpu.get(), version.get());
            KernelChoice c = KernelDecision.decide(user, loaded, cpu, prober);
            Optional<String> set = c.coreTypeToSet();
            if (set.isPresent()) {
                if (LoadedOpenBlas.anyLoaded()) {
                    return new KernelChoice(BlasKernel.Source.TOO_LATE, c.detectedCore(), null, null);
                }
                if (!NativeEnvironment.setenv("OPENBLAS_CORETYPE", set.get())) {
                    return new KernelChoice(BlasKernel.Source.PROBE_FAILED, c.detectedCore(), set.get(),
                            "setenv failed");
                }
            }
            return c;
        } catch (RuntimeException | LinkageError e) {
            return new KernelChoice(BlasKernel.Source.PROBE_FAILED, null, null, e.toString());
        }
    }

    private static KernelDecision.Prober prober(CpuInfo cpu, String openBlasVersion) {
        KernelDecision.Prober probe = new KernelProbe();
        boolean simulated = System.getProperties().stringPropertyNames().stream()
                .anyMatch(n -> n.startsWith("rgflow.blas.simulate."));
        if (simulated && System.getProperty(KernelCache.DIRECTORY_PROPERTY) == null) {
            return probe; // simulated verdicts never reach the real cache
        }
        return new KernelCache(KernelCache.fileFor(cpu, openBlasVersion), probe);
    }

    /** The org.bytedeco:openblas version whose natives are on the class path (e.g. 0.3.19-1.5.7). */
    static Optional<String> openBlasVersion() {
        ClassLoader loader = KernelSelection.class.getClassLoader();
        if (loader.getResource(NATIVE_LIBRARY) == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.bytedeco/openblas/pom.properties")) {
            if (in == null) {
                return Optional.of("unknown");
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p.getProperty("version", "unknown"));
        } catch (IOException e) {
            return Optional.of("unknown");
        }
    }
}
