package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlasKernel#select()} end to end in a fresh JVM, with the fallback simulated: a processor
 * with AVX2 and FMA only (so the better core, Haswell, differs from the SkylakeX OpenBLAS picks
 * here) on which OpenBLAS "detects" Prescott. The Haswell read back from openblas_get_corename
 * shows that setenv before loading took effect.
 */
class BlasKernelChildJvmTest {

    private static final String AVX2_CPU = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 63
            stepping\t: 2
            flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma
            """;

    @TempDir
    Path dir;

    private record Run(Map<String, String> out, String stderr) {
    }

    private Run run(String userCoreType, String... properties) throws IOException, InterruptedException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, AVX2_CPU);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-D" + CpuInfo.SIMULATE_PROPERTY + "=" + cpuinfo,
                "-D" + KernelProbeMain.SIMULATE_DETECTED + "=Prescott",
                "-D" + KernelCache.DIRECTORY_PROPERTY + "=" + dir.resolve("cache")));
        for (String p : properties) {
            cmd.add("-D" + p);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SelectAndReport.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_VERBOSE");
        if (userCoreType != null) {
            pb.environment().put("OPENBLAS_CORETYPE", userCoreType);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
        String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Run(out, err);
    }

    private static List<String> rgflowLines(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("rgflow:")).toList();
    }

    @Test
    void aFallbackIsReplacedByTheCheckedBetterCoreAndTheVerdictIsCached() throws Exception {
        Run first = run(null);
        assertEquals("Haswell", first.out().get("core"), first.toString());
        assertEquals("RGFLOW", first.out().get("source"));
        assertEquals("chosen by rgflow (OPENBLAS_CORETYPE=HASWELL, GEMM-checked) because OpenBLAS fell back to Prescott",
                first.out().get("description"));
        assertTrue(first.out().get("config").contains("Haswell"), first.out().get("config"));
        assertTrue(rgflowLines(first.stderr()).isEmpty(), first.stderr());
        try (var files = Files.list(dir.resolve("cache"))) {
            Path cache = files.findFirst().orElseThrow();
            Map<String, String> entries = KernelCache.read(cache);
            assertEquals("Prescott", entries.get("detected.value"));
            assertEquals("OK", entries.get("verify.HASWELL.status"));
        }
        // the cached verdict now applies without a probe, even if the probe would fail
        Run second = run(null, KernelProbeMain.SIMULATE_FAULT + "=crash");
        assertEquals("Haswell", second.out().get("core"));
        assertEquals("RGFLOW", second.out().get("source"));
    }

    @Test
    void aKernelFailingItsCheckIsRefusedWithOneLine() throws Exception {
        Run run = run(null, KernelProbeMain.SIMULATE_FAULT + "=wrong");
        assertEquals("REFUSED", run.out().get("source"));
        assertTrue(!run.out().get("core").equals("Haswell"), "OpenBLAS's own choice stays: " + run.out());
        List<String> lines = rgflowLines(run.stderr());
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.get(0).startsWith("rgflow: OpenBLAS kernel HASWELL refused: GEMM check failed on Haswell"),
                lines.get(0));
        assertTrue(lines.get(0).contains("using OpenBLAS's own choice, Prescott"), lines.get(0));
        assertTrue(lines.get(0).contains("OPENBLAS_CORETYPE"), lines.get(0));
    }

    @Test
    void theUsersCoretypeWins() throws Exception {
        Run run = run("SANDYBRIDGE");
        assertEquals("Sandybridge", run.out().get("core"));
        assertEquals("USER", run.out().get("source"));
        assertEquals("user's OPENBLAS_CORETYPE=SANDYBRIDGE", run.out().get("description"));
        assertTrue(rgflowLines(run.stderr()).isEmpty(), run.stderr());
    }
}
