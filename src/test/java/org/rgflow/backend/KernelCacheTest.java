package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCacheTest {

    @TempDir
    Path dir;

    /** Counts its calls; verify answers with the injected probe. */
    private static final class CountingProber implements KernelDecision.Prober {
        final AtomicInteger calls = new AtomicInteger();
        final KernelDecision.Probe verdict;

        CountingProber(KernelDecision.Probe verdict) {
            this.verdict = verdict;
        }

        @Override
        public KernelDecision.Probe detect() {
            calls.incrementAndGet();
            return KernelDecision.Probe.ok("Prescott");
        }

        @Override
        public KernelDecision.Probe verify(String coreType) {
            calls.incrementAndGet();
            return verdict;
        }
    }

    @Test
    void verdictsAreProbedOncePerFile() throws Exception {
        Path file = dir.resolve("sub").resolve("openblas-kernel-x.json");
        CountingProber prober = new CountingProber(KernelDecision.Probe.kernelFailed("GEMM check failed: \"C[0,0]\"\t"));
        KernelCache first = new KernelCache(file, prober);
        assertEquals(KernelDecision.Probe.ok("Prescott"), first.detect());
        KernelDecision.Probe refused = first.verify("SKYLAKEX");
        assertEquals(2, prober.calls.get());
        KernelCache second = new KernelCache(file, prober);
        assertEquals(KernelDecision.Probe.ok("Prescott"), second.detect());
        assertEquals(refused, second.verify("SKYLAKEX"));
        assertEquals(2, prober.calls.get(), "answered from the file");
        second.verify("HASWELL");
        assertEquals(3, prober.calls.get(), "another core is another entry");
        assertTrue(Files.readString(file).startsWith("{"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aProbeThatCouldNotRunIsNotRemembered() {
        Path file = dir.resolve("k.json");
        CountingProber prober = new CountingProber(KernelDecision.Probe.failed("cannot run a child JVM"));
        new KernelCache(file, prober).verify("ZEN");
        new KernelCache(file, prober).verify("ZEN");
        assertEquals(2, prober.calls.get());
        assertFalse(KernelCache.read(file).containsKey("verify.ZEN.status"));
    }

    @Test
    void flatJsonRoundTripsAndUnreadableFilesAreEmpty() throws Exception {
        Path file = dir.resolve("f.json");
        Map<String, String> map = Map.of("a", "x \"quoted\" \\ back\nslash", "b", "");
        KernelCache.write(file, map);
        assertEquals(map, KernelCache.read(file));
        Files.writeString(file, "not json");
        assertTrue(KernelCache.read(file).isEmpty());
        assertTrue(KernelCache.read(dir.resolve("missing.json")).isEmpty());
    }

    @Test
    void theFileNameCarriesProcessorOpenBlasVersionAndCheckVersion() {
        CpuInfo cpu = new CpuInfo("GenuineIntel", 6, 167, 1, java.util.Set.of("avx2"));
        String name = KernelCache.fileFor(cpu, "0.3.19-1.5.7").getFileName().toString();
        assertTrue(name.startsWith("openblas-kernel-GenuineIntel-6-167-1-"), name);
        assertTrue(name.endsWith("-openblas-0.3.19-1.5.7-v" + KernelCache.CHECK_VERSION + ".json"), name);
    }
}
