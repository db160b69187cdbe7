package org.rgflow.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J backend this process runs on: name (CPU or CUDA), ND4J version, default dtype, BLAS
 * vendor, library, version and kernel ({@link BlasKernel}), OpenMP threads, the OMP environment
 * variables and CUDA devices. Recorded in
 * every manifest and printed by {@code rgflow info}.
 *
 * @param backend "CPU" or "CUDA"
 * @param backendClass the ND4J backend class that loaded
 * @param nd4jVersion ND4J version from the nd4j-api jar
 * @param dtype ND4J default floating dtype
 * @param blasVendor e.g. OPENBLAS, CUBLAS
 * @param blasLibrary the loaded OpenBLAS libraries and artifact ({@link BlasKernel#library()}), "none" on CUDA
 * @param blasConfig openblas_get_config(), e.g. "OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"
 * @param blasCore openblas_get_corename(), the kernel in use, e.g. SkylakeX
 * @param blasCoreSource where that core came from ({@link BlasKernel#description()})
 * @param ompThreads ND4J's OpenMP thread count
 * @param environment OMP_NUM_THREADS, OMP_WAIT_POLICY as set for this process (null when unset)
 * @param devices CUDA devices (empty on CPU)
 */
public record BackendInfo(
        String backend,
        String backendClass,
        String nd4jVersion,
        String dtype,
        String blasVendor,
        String blasLibrary,
        String blasConfig,
        String blasCore,
        String blasCoreSource,
        int ompThreads,
        Map<String, String> environment,
        List<String> devices) {

    /** Supported GPU architectures of nd4j-cuda-11.6 (1.0.0-M2.1): SASS only, no PTX. */
    public static final String CUDA_SUPPORT =
            "nd4j-cuda-11.6 ships kernels for compute capability 3.7-8.6 (Kepler K80 to Ampere/Ada; sm_37..sm_86) "
                    + "and no PTX, so Hopper (H100/H200, sm_90) and newer GPUs cannot run it";

    static {
        // best effort for library users: a no-op if rgflow's main or the test listener already chose,
        // recorded as too late if ND4J (and so OpenBLAS) was loaded before this class
        BlasKernel.select();
    }

    /**
     * Loads ND4J (if not yet loaded) and describes it.
     *
     * @throws BackendUnavailableException with a one-line explanation if no backend can load
     */
    public static BackendInfo current() {
        try {
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            String backend = String.valueOf(env.getOrDefault("backend", "unknown"));
            List<String> devices = new ArrayList<>();
            Object deviceList = env.get("cuda.devicesInformation");
            if (deviceList instanceof List<?> list) {
                for (Object d : list) {
                    devices.add(String.valueOf(d));
                }
            }
            Map<String, String> omp = new LinkedHashMap<>();
            omp.put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"));
            omp.put("OMP_WAIT_POLICY", System.getenv("OMP_WAIT_POLICY"));
            BlasKernel blas = BlasKernel.current();
            return new BackendInfo(
                    backend,
                    Nd4j.getBackend().getClass().getName(),
                    readNd4jVersion(),
                    Nd4j.dataType().name(),
                    String.valueOf(env.getOrDefault("blas.vendor", "unknown")),
                    blas.library(),
                    blas.config(),
                    blas.core(),
                    blas.description(),
                    Nd4j.getEnvironment().maxThreads(),
                    omp,
                    List.copyOf(devices));
        } catch (LinkageError | RuntimeException e) {
            throw explain(e);
        }
    }

    /** Turns ND4J's initialisation failures into one line with what to do. */
    static BackendUnavailableException explain(Throwable e) {
        return explain(e, isCudaBuild());
    }

    /** Whether this build carries the CUDA backend (its class is on the classpath; not initialised). */
    static boolean isCudaBuild() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static BackendUnavailableException explain(Throwable e, boolean cudaBuild) {
        String all = chain(e);
        String message;
        if (all.contains("no kernel image")) {
            message = "This GPU is not supported by the CUDA backend. " + CUDA_SUPPORT
                    + ". Rebuild for the CPU with `mvn -DskipTests package` (without -Pcuda).";
        } else if (cudaBuild || all.contains("libcuda.so") || all.contains("JCublasBackend")) {
            message = "The CUDA backend could not load (no NVIDIA driver or no GPU visible; ND4J said: " + firstLine(all)
                    + "). "
                    + "Run on a machine with an NVIDIA driver and a supported GPU, or rebuild for the CPU with "
                    + "`mvn -DskipTests package` (without -Pcuda). " + CUDA_SUPPORT + ".";
        } else {
            message = "No ND4J backend could load: " + firstLine(all) + ". The CPU build needs Linux x86-64 with AVX2; "
                    + "rebuild with `mvn -DskipTests package` and check that target/lib holds nd4j-native jars.";
        }
        return new BackendUnavailableException(message, e);
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        // deepest cause first: it says what actually failed
        java.util.ArrayDeque<Throwable> causes = new java.util.ArrayDeque<>();
        for (Throwable t = e; t != null && causes.size() < 20; t = t.getCause()) {
            causes.push(t);
        }
        for (Throwable t : causes) {
            if (t.getMessage() != null) {
                sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }

    private static String firstLine(String s) {
        for (String line : s.split("\n")) {
            if (line.contains("libcuda") || line.contains("no kernel") || line.contains("UnsatisfiedLink")) {
                return line.trim();
            }
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static String readNd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Fails unless this process runs on the backend a config requires.
     *
     * @param require "any", "cpu" or "cuda"
     */
    public void require(String require) {
        if ("any".equals(require)) {
            return;
        }
        boolean ok = "cuda".equals(require) ? "CUDA".equalsIgnoreCase(backend) : "CPU".equalsIgnoreCase(backend);
        if (!ok) {
            throw new BackendUnavailableException("The config requires backend '" + require + "' but ND4J loaded "
                    + backend + " (" + backendClass + "). " + ("cuda".equals(require)
                            ? "Build with `mvn -Pcuda -DskipTests package` on a machine with a supported NVIDIA GPU ("
                                    + CUDA_SUPPORT + "), or set backend.require: any."
                            : "Build without -Pcuda, or set backend.require: any."), null);
        }
    }
}
