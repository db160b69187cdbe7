package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rgflow.config.ConfigException;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.CriticalConfig;
import org.rgflow.config.LongRangeConfig;

/** {@code CriticalConfig}: defaults, validation messages, --set overrides and the shipped configs. */
class CriticalConfigTest {

    private static final ConfigLoader<CriticalConfig> LOADER = ConfigLoader.of(CriticalConfig.class);

    private static final String MINIMAL = """
            name: t
            seed: 1
            sizes: [8, 16]
            hamiltonian: { type: nearest-neighbour }
            temperatures: { start: 2.2, stop: 2.3, step: 0.05 }
            """;

    @Test
    void defaultsAreFilledIn() {
        CriticalConfig c = LOADER.parse(MINIMAL, "test", List.of()).config();
        assertEquals("critical", c.kind());
        assertEquals(2, c.dimension());
        assertEquals("auto", c.sampling().rule());
        assertEquals(4, c.sampling().numChains());
        assertEquals(true, c.refinement().enabled());
        assertEquals(0.25, c.refinement().correlatorMaxFraction());
    }

    @Test
    void overridesAndValidationNameTheKey() {
        CriticalConfig c = LOADER.parse(MINIMAL, "test", List.of("sizes=[8, 16, 32]", "sampling.samplesPerChain=99"))
                .config();
        assertEquals(List.of(8, 16, 32), c.sizes());
        assertEquals(99, c.sampling().samplesPerChain());
        ConfigException e = assertThrows(ConfigException.class,
                () -> LOADER.parse(MINIMAL, "test", List.of("sizes=[16, 8]")));
        assertTrue(e.getMessage().contains("sizes"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> LOADER.parse(MINIMAL, "test", List.of("refinement.correlatorMaxFraction=0.7")));
        assertTrue(e.getMessage().contains("correlatorMaxFraction"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> LOADER.parse(MINIMAL, "test", List.of("hamiltonian.field=0.1")));
        assertTrue(e.getMessage().contains("field"), e.getMessage());
    }

    @Test
    void shippedConfigsLoad() throws Exception {
        try (var files = Files.list(Path.of("configs/critical"))) {
            List<Path> all = files.sorted().toList();
            assertEquals(5, all.size(), all.toString());
            for (Path f : all) {
                CriticalConfig c = LOADER.load(f, List.of()).config();
                assertTrue(c.sizes().size() >= 2, f.toString());
                if (c.hamiltonian() instanceof LongRangeConfig lr) {
                    assertEquals("image-sum", lr.periodicSum(), f.toString());
                }
            }
        }
    }
}
