package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenBlasCoresTest {

    private static CpuInfo cpu(String vendor, String... flags) {
        return new CpuInfo(vendor, 6, 0, 0, Set.of(flags));
    }

    @Test
    void flagsGiveTheBestCore() {
        assertEquals(Optional.of("SKYLAKEX"), OpenBlasCores.recommended(cpu("GenuineIntel", "avx", "avx2", "fma",
                "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd")));
        assertEquals(Optional.of("HASWELL"), OpenBlasCores.recommended(cpu("GenuineIntel", "avx", "avx2", "fma",
                "avx512f", "avx512cd")), "AVX-512 without BW/VL/DQ (Knights Landing) is not SkylakeX");
        assertEquals(Optional.of("ZEN"), OpenBlasCores.recommended(cpu("AuthenticAMD", "avx", "avx2", "fma")));
        assertEquals(Optional.of("SKYLAKEX"), OpenBlasCores.recommended(cpu("AuthenticAMD", "avx2", "fma", "avx512f",
                "avx512bw", "avx512vl", "avx512dq", "avx512cd")), "Zen 4");
        assertEquals(Optional.of("SANDYBRIDGE"), OpenBlasCores.recommended(cpu("GenuineIntel", "avx", "avx2")),
                "AVX2 without FMA");
        assertEquals(Optional.empty(), OpenBlasCores.recommended(cpu("GenuineIntel", "sse4_2")));
    }

    @Test
    void ranksOrderTheCores() {
        assertEquals(0, OpenBlasCores.rank("Prescott"));
        assertEquals(0, OpenBlasCores.rank("Nehalem"));
        assertEquals(1, OpenBlasCores.rank("Sandybridge"));
        assertEquals(2, OpenBlasCores.rank("Haswell"));
        assertEquals(2, OpenBlasCores.rank("Zen"));
        assertEquals(3, OpenBlasCores.rank("SkylakeX"));
        assertEquals(3, OpenBlasCores.rank("COOPERLAKE"));
        assertEquals(OpenBlasCores.rank("SKYLAKEX"), OpenBlasCores.rank("SkylakeX"));
        assertEquals(-1, OpenBlasCores.rank("Armv8"));
        assertTrue(OpenBlasCores.rank("HASWELL") > OpenBlasCores.rank("SANDYBRIDGE"));
    }
}
