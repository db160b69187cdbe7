package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendInfoTest {

    /** What ND4J throws when no backend loads (STACK.md §6): a RuntimeException inside an ExceptionInInitializerError. */
    private static Throwable noBackend() {
        return new ExceptionInInitializerError(new RuntimeException(new IllegalStateException(
                "Please ensure that you have an nd4j backend on your classpath")));
    }

    @Test
    void cudaBuildWithoutGpuSaysWhatToDoInOneLine() {
        BackendUnavailableException e = BackendInfo.explain(noBackend(), true);
        assertTrue(e.getMessage().startsWith("The CUDA backend could not load"), e.getMessage());
        assertTrue(e.getMessage().contains("without -Pcuda"), e.getMessage());
        assertTrue(e.getMessage().contains("sm_90"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void unsupportedGpuIsNamed() {
        Throwable t = new RuntimeException("cudaErrorNoKernelImageForDevice: no kernel image is available for execution");
        assertTrue(BackendInfo.explain(t, true).getMessage().startsWith("This GPU is not supported"));
    }

    @Test
    void cpuBuildFailureMentionsTheCpuRequirements() {
        BackendUnavailableException e = BackendInfo.explain(noBackend(), false);
        assertTrue(e.getMessage().startsWith("No ND4J backend could load"), e.getMessage());
        assertTrue(e.getMessage().contains("AVX2"), e.getMessage());
    }

    @Test
    void thisBuildIsCpuAndLoads() {
        assertFalse(BackendInfo.isCudaBuild());
        BackendInfo info = BackendInfo.current();
        assertEquals("CPU", info.backend());
        info.require("any");
        info.require("cpu");
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> info.require("cuda"));
        assertTrue(e.getMessage().contains("requires backend 'cuda' but ND4J loaded CPU"), e.getMessage());
    }

    @Test
    void recordsTheOpenBlasKernelChosenBeforeNd4jLoaded() {
        BackendInfo info = BackendInfo.current();
        assertTrue(info.blasConfig().startsWith("OpenBLAS 0.3.19 DYNAMIC_ARCH"), info.blasConfig());
        assertTrue(info.blasConfig().contains(info.blasCore()), info.blasConfig() + " names " + info.blasCore());
        assertTrue(info.blasLibrary().contains("libopenblas.so.0"), info.blasLibrary());
        assertTrue(info.blasLibrary().endsWith("(org.bytedeco:openblas 0.3.19-1.5.7)"), info.blasLibrary());
        BlasKernel kernel = BlasKernel.current();
        assertEquals(kernel.description(), info.blasCoreSource());
        assertEquals(kernel.core() + " (" + kernel.description() + ")", kernel.summary());
        // the test listener (testing.BlasKernelSessionListener) selected before any test loaded ND4J
        assertTrue(java.util.Set.of(BlasKernel.Source.OPENBLAS, BlasKernel.Source.RGFLOW, BlasKernel.Source.USER)
                .contains(kernel.source()), kernel.toString());
    }
}
