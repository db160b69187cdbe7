package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real child-JVM probe on this machine (about a second per child). */
class KernelProbeTest {

    @Test
    void detectsAKnownCoreAndTheDecisionIsSane() {
        KernelDecision.Probe detected = new KernelProbe().detect();
        assertEquals(KernelDecision.Status.OK, detected.status(), detected.value());
        assertTrue(OpenBlasCores.rank(detected.value()) >= 0, "a core rgflow knows: " + detected.value());
        CpuInfo cpu = CpuInfo.read().orElseThrow();
        KernelChoice choice = KernelDecision.decide(null, false, Optional.of(cpu), new KernelProbe());
        // on a machine OpenBLAS recognises nothing is forced; on one it does not, the better core passes its check
        assertTrue(choice.source() == BlasKernel.Source.OPENBLAS || choice.source() == BlasKernel.Source.RGFLOW,
                choice.toString());
        if (cpu.vendor().equals("GenuineIntel") && cpu.family() == 6 && cpu.model() == 167) {
            // the development machine (docs/benchmarks.md): OpenBLAS 0.3.19 recognises it
            assertEquals("SkylakeX", detected.value());
            assertEquals(BlasKernel.Source.OPENBLAS, choice.source());
        }
    }

    @Test
    void aForcedCoreTakesAndPassesTheCheck() {
        // HASWELL runs on every machine rgflow supports (AVX2 is required)
        KernelDecision.Probe verified = new KernelProbe().verify("HASWELL");
        assertEquals(KernelDecision.Probe.ok("Haswell"), verified);
    }

    @Test
    void aCoreOpenBlasDoesNotKnowIsRefused() {
        KernelDecision.Probe verified = new KernelProbe().verify("NOSUCHCORE");
        assertEquals(KernelDecision.Status.KERNEL_FAILED, verified.status());
        assertTrue(verified.value().contains("does not know"), verified.value());
    }

    @Test
    void aWrongResultIsRefused() {
        KernelDecision.Probe verified = new KernelProbe(List.of("-D" + KernelProbeMain.SIMULATE_FAULT + "=wrong"))
                .verify("HASWELL");
        assertEquals(KernelDecision.Status.KERNEL_FAILED, verified.status());
        assertTrue(verified.value().startsWith("GEMM check failed on Haswell: sgemm RowMajor NN m=1"), verified.value());
    }

    @Test
    void aCrashIsRefusedAndLeavesNoHsErrFileBehind() throws Exception {
        KernelDecision.Probe verified = new KernelProbe(List.of("-D" + KernelProbeMain.SIMULATE_FAULT + "=crash"))
                .verify("HASWELL");
        assertEquals(KernelDecision.Status.KERNEL_FAILED, verified.status());
        assertTrue(verified.value().startsWith("the check process crashed (SIGSEGV"), verified.value());
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("user.dir")))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")));
        }
    }
}
