package org.rgflow.backend;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenBLAS libraries mapped into this process (from {@code /proc/self/maps}) and what they say
 * about themselves: {@code openblas_get_corename()} and {@code openblas_get_config()}, called
 * through JNA on the already loaded library (which the JavaCPP presets do not expose). ND4J's CPU
 * backend maps two copies: {@code libopenblas.so.0} (linked by libnd4jcpu) and
 * {@code libopenblas_nolapack.so.0} (JavaCPP's openblas_nolapack).
 *
 * @param path absolute path of the shared library
 * @param core openblas_get_corename(), e.g. SkylakeX
 * @param config openblas_get_config(), e.g. "OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"
 */
record LoadedOpenBlas(Path path, String core, String config) {

    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NOLOAD = 0x4;

    /** The paths of the mapped libopenblas* libraries, in load order; empty off Linux. */
    static List<Path> mappedPaths() {
        List<Path> paths = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path p = Path.of(line.substring(slash).trim());
                if (p.getFileName().toString().startsWith("libopenblas") && !paths.contains(p)) {
                    paths.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return paths;
    }

    /** Whether any OpenBLAS is already loaded (then OPENBLAS_CORETYPE can no longer take effect). */
    static boolean anyLoaded() {
        return !mappedPaths().isEmpty();
    }

    /** Describes every mapped OpenBLAS; libraries that do not answer are skipped. */
    static List<LoadedOpenBlas> describeAll() {
        List<LoadedOpenBlas> all = new ArrayList<>();
        for (Path p : mappedPaths()) {
            try {
                // RTLD_NOLOAD: only the already loaded library (same handle, OpenBLAS does not initialise
                // again), never a new load; without RTLD_GLOBAL its symbols stay as ND4J bound them
                NativeLibrary lib = NativeLibrary.getInstance(p.toString(),
                        Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
                all.add(new LoadedOpenBlas(p, string(lib, "openblas_get_corename"), string(lib, "openblas_get_config")));
            } catch (LinkageError | RuntimeException e) {
                // not an OpenBLAS with these functions
            }
        }
        return all;
    }

    private static String string(NativeLibrary lib, String function) {
        Pointer p = lib.getFunction(function).invokePointer(new Object[0]);
        return p == null ? "" : p.getString(0).trim();
    }
}
