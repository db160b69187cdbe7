package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelDecisionTest {

    private static final Optional<CpuInfo> AVX512 = Optional.of(new CpuInfo("GenuineIntel", 6, 167, 1,
            Set.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd")));
    private static final Optional<CpuInfo> EPYC = Optional.of(new CpuInfo("AuthenticAMD", 23, 49, 0,
            Set.of("avx", "avx2", "fma")));
    private static final Optional<CpuInfo> OLD = Optional.of(new CpuInfo("GenuineIntel", 6, 26, 5, Set.of("sse4_2")));

    /** Answers from injected values and records what it was asked. */
    private static final class FakeProber implements KernelDecision.Prober {
        final KernelDecision.Probe detected;
        final KernelDecision.Probe verified;
        final List<String> calls = new ArrayList<>();

        FakeProber(KernelDecision.Probe detected, KernelDecision.Probe verified) {
            this.detected = detected;
            this.verified = verified;
        }

        @Override
        public KernelDecision.Probe detect() {
            calls.add("detect");
            return detected;
        }

        @Override
        public KernelDecision.Probe verify(String coreType) {
            calls.add("verify " + coreType);
            return verified;
        }
    }

    private static FakeProber detects(String core) {
        return new FakeProber(KernelDecision.Probe.ok(core), KernelDecision.Probe.ok("checked"));
    }

    @Test
    void fallbackToPrescottOnAnAvx512MachineChoosesSkylakex() {
        FakeProber prober = detects("Prescott");
        KernelChoice c = KernelDecision.decide(null, false, AVX512, prober);
        assertEquals(BlasKernel.Source.RGFLOW, c.source());
        assertEquals(Optional.of("SKYLAKEX"), c.coreTypeToSet());
        assertEquals(List.of("detect", "verify SKYLAKEX"), prober.calls);
        assertTrue(c.describe().contains("because OpenBLAS fell back to Prescott"), c.describe());
        assertTrue(c.warning().isEmpty());
    }

    @Test
    void detectedSkylakexIsLeftAlone() {
        FakeProber prober = detects("SkylakeX");
        KernelChoice c = KernelDecision.decide(null, false, AVX512, prober);
        assertEquals(BlasKernel.Source.OPENBLAS, c.source());
        assertEquals(Optional.empty(), c.coreTypeToSet());
        assertEquals(List.of("detect"), prober.calls, "no check when OpenBLAS's own choice is as good");
        assertEquals("OpenBLAS's own detection", c.describe());
    }

    @Test
    void aStrongerOrEqualDetectedCoreIsLeftAlone() {
        assertEquals(BlasKernel.Source.OPENBLAS, KernelDecision.decide(null, false, AVX512, detects("Cooperlake")).source());
        assertEquals(BlasKernel.Source.OPENBLAS, KernelDecision.decide(null, false, EPYC, detects("Zen")).source());
        assertEquals(BlasKernel.Source.OPENBLAS, KernelDecision.decide(null, false, EPYC, detects("Haswell")).source());
        assertEquals(BlasKernel.Source.OPENBLAS, KernelDecision.decide(null, false, EPYC, detects("SomethingNew")).source(),
                "a core name rgflow does not know is not overridden");
    }

    @Test
    void amdFallbackChoosesZen() {
        KernelChoice c = KernelDecision.decide(null, false, EPYC, detects("Prescott"));
        assertEquals(Optional.of("ZEN"), c.coreTypeToSet());
        KernelChoice sandy = KernelDecision.decide(null, false, AVX512, detects("Sandybridge"));
        assertEquals(Optional.of("SKYLAKEX"), sandy.coreTypeToSet(), "any weaker core is replaced, not only Prescott");
    }

    @Test
    void theUsersCoretypeAlwaysWins() {
        FakeProber prober = detects("Prescott");
        KernelChoice c = KernelDecision.decide("HASWELL", false, AVX512, prober);
        assertEquals(BlasKernel.Source.USER, c.source());
        assertEquals("user's OPENBLAS_CORETYPE=HASWELL", c.describe());
        assertTrue(prober.calls.isEmpty(), "nothing is probed");
        assertEquals(BlasKernel.Source.USER, KernelDecision.decide("PRESCOTT", true, Optional.empty(), prober).source());
        assertEquals(BlasKernel.Source.RGFLOW, KernelDecision.decide(" ", false, AVX512, prober).source(),
                "a blank OPENBLAS_CORETYPE counts as unset");
    }

    @Test
    void aFailedCheckRefusesWithOneLineNamingKernelReasonFallbackAndOverride() {
        FakeProber prober = new FakeProber(KernelDecision.Probe.ok("Prescott"),
                KernelDecision.Probe.kernelFailed("the check process crashed (exit 134, SIGILL (0x4))"));
        KernelChoice c = KernelDecision.decide(null, false, AVX512, prober);
        assertEquals(BlasKernel.Source.REFUSED, c.source());
        assertEquals(Optional.empty(), c.coreTypeToSet());
        String line = c.warning().orElseThrow();
        assertFalse(line.contains("\n"));
        assertTrue(line.startsWith("rgflow: OpenBLAS kernel SKYLAKEX refused: the check process crashed"), line);
        assertTrue(line.contains("using OpenBLAS's own choice, Prescott"), line);
        assertTrue(line.contains("set OPENBLAS_CORETYPE"), line);
        assertTrue(c.describe().contains("refused SKYLAKEX"), c.describe());
    }

    @Test
    void aProbeThatCannotRunChangesNothing() {
        FakeProber noJvm = new FakeProber(KernelDecision.Probe.failed("cannot run a child JVM"), null);
        KernelChoice c = KernelDecision.decide(null, false, AVX512, noJvm);
        assertEquals(BlasKernel.Source.PROBE_FAILED, c.source());
        assertEquals(Optional.empty(), c.coreTypeToSet());
        assertTrue(c.warning().orElseThrow().contains("could not check the OpenBLAS kernel (cannot run a child JVM)"));
        FakeProber verifyFails = new FakeProber(KernelDecision.Probe.ok("Prescott"), KernelDecision.Probe.failed("no answer"));
        assertEquals(BlasKernel.Source.PROBE_FAILED, KernelDecision.decide(null, false, AVX512, verifyFails).source());
    }

    @Test
    void nothingIsProbedWhenTooLateUnsupportedOrWithoutAvx() {
        FakeProber prober = detects("Prescott");
        assertEquals(BlasKernel.Source.TOO_LATE, KernelDecision.decide(null, true, AVX512, prober).source());
        assertEquals(BlasKernel.Source.UNSUPPORTED, KernelDecision.decide(null, false, Optional.empty(), prober).source());
        assertEquals(BlasKernel.Source.OPENBLAS, KernelDecision.decide(null, false, OLD, prober).source());
        assertTrue(prober.calls.isEmpty());
    }
}
