package org.rgflow.backend;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenBLAS (DYNAMIC_ARCH) x86-64 core names ranked by the widest vector instructions their
 * kernels use, and the core a processor's flags allow:
 * <ul>
 *   <li>3, AVX-512: SkylakeX, Cooperlake, SapphireRapids;</li>
 *   <li>2, AVX2 + FMA: Haswell, Zen, Steamroller, Excavator;</li>
 *   <li>1, AVX: Sandybridge, Bulldozer, Piledriver;</li>
 *   <li>0, SSE only: Prescott (OpenBLAS's fallback), Katmai, Coppermine, Northwood, Banias, Core2,
 *       Penryn, Dunnington, Atom, Nehalem, Athlon, Opteron, Opteron_SSE3, Barcelona, Bobcat, Unknown.</li>
 * </ul>
 */
final class OpenBlasCores {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("skylakex", 3), Map.entry("cooperlake", 3), Map.entry("sapphirerapids", 3),
            Map.entry("haswell", 2), Map.entry("zen", 2), Map.entry("steamroller", 2), Map.entry("excavator", 2),
            Map.entry("sandybridge", 1), Map.entry("bulldozer", 1), Map.entry("piledriver", 1),
            Map.entry("prescott", 0), Map.entry("katmai", 0), Map.entry("coppermine", 0), Map.entry("northwood", 0),
            Map.entry("banias", 0), Map.entry("core2", 0), Map.entry("penryn", 0), Map.entry("dunnington", 0),
            Map.entry("atom", 0), Map.entry("nehalem", 0), Map.entry("athlon", 0), Map.entry("opteron", 0),
            Map.entry("opteron_sse3", 0), Map.entry("barcelona", 0), Map.entry("bobcat", 0),
            Map.entry("unknown", 0));

    private OpenBlasCores() {
    }

    /** The rank of an OpenBLAS core name (case-insensitive), or -1 for a name this table does not know. */
    static int rank(String coreName) {
        return coreName == null ? -1 : RANK.getOrDefault(coreName.trim().toLowerCase(Locale.ROOT), -1);
    }

    /**
     * The best OPENBLAS_CORETYPE value the flags allow: SKYLAKEX for AVX-512 F/BW/VL/DQ/CD, HASWELL
     * (ZEN on AMD and Hygon) for AVX2 + FMA, SANDYBRIDGE for AVX; empty for older processors.
     */
    static Optional<String> recommended(CpuInfo cpu) {
        if (cpu.has("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd")) {
            return Optional.of("SKYLAKEX");
        }
        if (cpu.has("avx2", "fma")) {
            boolean amd = cpu.vendor().equals("AuthenticAMD") || cpu.vendor().equals("HygonGenuine");
            return Optional.of(amd ? "ZEN" : "HASWELL");
        }
        if (cpu.has("avx")) {
            return Optional.of("SANDYBRIDGE");
        }
        return Optional.empty();
    }
}
