package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuInfoTest {

    static final String XEON = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 167
            model name\t: Intel(R) Xeon(R) Processor
            stepping\t: 1
            flags\t\t: fpu sse sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl

            processor\t: 1
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 167
            stepping\t: 1
            flags\t\t: fpu sse
            """;

    @Test
    void readsTheFirstProcessor() {
        CpuInfo cpu = CpuInfo.parse(XEON).orElseThrow();
        assertEquals("GenuineIntel", cpu.vendor());
        assertEquals(6, cpu.family());
        assertEquals(167, cpu.model());
        assertEquals(1, cpu.stepping());
        assertTrue(cpu.has("avx512bw", "fma"));
        assertEquals(11, cpu.flags().size());
    }

    @Test
    void keyNamesTheProcessorAndItsFlags() {
        CpuInfo cpu = CpuInfo.parse(XEON).orElseThrow();
        assertTrue(cpu.key().startsWith("GenuineIntel-6-167-1-"), cpu.key());
        CpuInfo fewerFlags = new CpuInfo("GenuineIntel", 6, 167, 1, Set.of("avx"));
        assertNotEquals(cpu.key(), fewerFlags.key());
        assertEquals(cpu.key(), new CpuInfo("GenuineIntel", 6, 167, 1, cpu.flags()).key());
    }

    @Test
    void incompleteTextIsEmpty() {
        assertTrue(CpuInfo.parse("processor : 0\nvendor_id : GenuineIntel\n").isEmpty());
        assertTrue(CpuInfo.parse("").isEmpty());
    }

    @Test
    void thisMachineIsReadable() {
        // rgflow's CPU build runs on Linux x86-64 only (README)
        CpuInfo cpu = CpuInfo.read().orElseThrow();
        assertTrue(cpu.has("avx2"), "the AVX2 ND4J binary runs here, so the flags must say avx2");
    }
}
