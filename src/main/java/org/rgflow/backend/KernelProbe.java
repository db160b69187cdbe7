package org.rgflow.backend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link KernelProbeMain} in a short child JVM (same java binary and class path, a temporary
 * directory for any hs_err file, a timeout), so that a kernel that crashes or hangs takes down the
 * child only. A crash or a timeout while verifying is the kernel's failure; a child that cannot
 * start or answer is the probe's.
 */
final class KernelProbe implements KernelDecision.Prober {

    static final Duration DETECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(90);

    private final List<String> extraOptions;

    /** A probe whose children get this JVM's {@code org.bytedeco.*}, {@code jna.*} and simulation properties. */
    KernelProbe() {
        this(List.of());
    }

    /** A probe whose children also get {@code extraOptions} (tests: simulation properties). */
    KernelProbe(List<String> extraOptions) {
        this.extraOptions = List.copyOf(extraOptions);
    }

    @Override
    public KernelDecision.Probe detect() {
        KernelDecision.Probe p = run(null, DETECT_TIMEOUT, "detect");
        if (p.status() == KernelDecision.Status.OK) {
            return p;
        }
        return KernelDecision.Probe.failed("detecting OpenBLAS's core: " + p.value());
    }

    @Override
    public KernelDecision.Probe verify(String coreType) {
        return run(coreType, VERIFY_TIMEOUT, "verify", coreType);
    }

    private KernelDecision.Probe run(String coreType, Duration timeout, String... args) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rgflow-blas-probe");
            Path out = dir.resolve("out.txt");
            ProcessBuilder pb = new ProcessBuilder(command(dir, args)).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = pb.environment();
            env.remove("OPENBLAS_VERBOSE");
            env.remove("OPENBLAS_CORETYPE");
            if (coreType != null) {
                env.put("OPENBLAS_CORETYPE", coreType);
            }
            Process process = pb.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return KernelDecision.Probe.kernelFailed("the check did not finish within " + timeout.toSeconds() + " s");
            }
            return answer(Files.readString(out, StandardCharsets.UTF_8), process.exitValue(), dir);
        } catch (IOException | RuntimeException e) {
            return KernelDecision.Probe.failed("cannot run a child JVM: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KernelDecision.Probe.failed("interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    static KernelDecision.Probe answer(String output, int exit, Path dir) throws IOException {
        for (String line : output.split("\n")) {
            if (!line.startsWith(KernelProbeMain.MARKER)) {
                continue;
            }
            String rest = line.substring(KernelProbeMain.MARKER.length()).trim();
            int eq = rest.indexOf('=');
            String key = eq < 0 ? rest : rest.substring(0, eq);
            String value = eq < 0 ? "" : rest.substring(eq + 1);
            switch (key) {
                case "core", "ok" -> {
                    return KernelDecision.Probe.ok(value.split(" ")[0]);
                }
                case "kernel-failed" -> {
                    return KernelDecision.Probe.kernelFailed(value);
                }
                default -> {
                    return KernelDecision.Probe.failed(value);
                }
            }
        }
        String crash = crashLine(dir);
        if (crash != null || exit > 128) {
            return KernelDecision.Probe.kernelFailed("the check process crashed (" + (crash != null ? crash
                    : "killed by signal " + (exit - 128)) + ")");
        }
        return KernelDecision.Probe.failed("the child JVM gave no answer (exit " + exit + "): " + firstLine(output));
    }

    private List<String> command(Path dir, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"),
                "-XX:-CreateCoredumpOnCrash", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("org.bytedeco.") || name.startsWith("jna.") || name.startsWith("rgflow.blas.simulate.")) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.addAll(extraOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelProbeMain.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** "SIGILL (0x4) at pc=... in C [libopenblas...]" from the child's hs_err file, or null when it wrote none. */
    private static String crashLine(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path hsErr = files.filter(p -> p.getFileName().toString().startsWith("hs_err")).findFirst().orElse(null);
            if (hsErr == null) {
                return null;
            }
            String signal = null;
            String frame = null;
            for (String line : Files.readAllLines(hsErr, StandardCharsets.ISO_8859_1)) {
                if (signal == null && line.startsWith("#  SIG")) {
                    signal = line.substring(1).trim();
                } else if (frame == null && line.startsWith("# C  [")) {
                    frame = line.substring(1).trim();
                }
            }
            if (signal == null) {
                return "hs_err file without a signal line";
            }
            return signal + (frame == null ? "" : " in " + frame);
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }
}
