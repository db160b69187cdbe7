package org.rgflow.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleConfigTest {

    private static final ConfigLoader<SampleConfig> LOADER = ConfigLoader.of(SampleConfig.class);

    private static final String MINIMAL = """
            name: t
            seed: 1
            lattice: { length: 8 }
            hamiltonian: { type: nearest-neighbour }
            temperatures: { values: [2.0, 3.0] }
            """;

    private static ConfigException error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> LOADER.parse(yaml, "x.yaml", List.of(overrides)));
    }

    @Test
    void defaultsAreFilledAndResolvedConfigRoundTrips() {
        ConfigLoader.Loaded<SampleConfig> loaded = LOADER.parse(MINIMAL, "x.yaml", List.of());
        SampleConfig c = loaded.config();
        assertEquals(2, c.lattice().dimension());
        assertEquals("auto", c.sampler().rule());
        assertEquals(8, c.sampler().numChains());
        assertEquals(1.0, c.hamiltonian().couplingJ());
        assertEquals("any", c.backend().require());
        // the resolved YAML binds back to an equal record
        SampleConfig again = LOADER.parse(ConfigLoader.toYaml(loaded.resolved()), "y", List.of()).config();
        assertEquals(c, again);
    }

    @Test
    void everyShippedConfigLoads() throws Exception {
        Path configs = Path.of("configs");
        try (Stream<Path> files = Files.walk(configs)) {
            List<Path> samples = files.filter(p -> p.getFileName().toString().startsWith("sample")
                    && p.toString().endsWith(".yaml")).toList();
            assertTrue(samples.size() >= 5, "expected the paper dataset configs under configs/, found " + samples);
            for (Path p : samples) {
                SampleConfig c = LOADER.load(p, List.of()).config();
                assertTrue(c.temperatures().toArray().length >= 1, p.toString());
            }
        }
        LOADER.loadResource("/org/rgflow/config/quick/sample.yaml", List.of());
    }

    @Test
    void unknownKeyNamesFileKeyAndAllowedKeys() {
        ConfigException e = error(MINIMAL + "sampler: { numChain: 4 }\n");
        assertTrue(e.getMessage().startsWith("x.yaml: sampler.numChain: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("numChains"), e.getMessage());
    }

    @Test
    void outOfRangeNamesKeyAndRange() {
        ConfigException e = error(MINIMAL + "sampler: { numChains: 0 }\n");
        assertEquals("x.yaml: sampler.numChains: must be in [1, 65536], got 0", e.getMessage());
    }

    @Test
    void wrongTypeIsAnErrorNotACoercion() {
        ConfigException e = error(MINIMAL.replace("length: 8", "length: \"eight\""));
        assertTrue(e.getMessage().startsWith("x.yaml: lattice.length:"), e.getMessage());
        ConfigException quoted = error(MINIMAL.replace("length: 8", "length: \"8\""));
        assertTrue(quoted.getMessage().startsWith("x.yaml: lattice.length:"), quoted.getMessage());
    }

    @Test
    void unknownModelTypeListsAllowedTypes() {
        ConfigException e = error(MINIMAL.replace("nearest-neighbour", "potts"));
        assertTrue(e.getMessage().contains("hamiltonian") && e.getMessage().contains("long-range"), e.getMessage());
    }

    @Test
    void longRangeNeedsSigma() {
        ConfigException e = error(MINIMAL.replace("type: nearest-neighbour", "type: long-range"));
        assertTrue(e.getMessage().startsWith("x.yaml: hamiltonian.sigma: is required"), e.getMessage());
    }

    @Test
    void setOverridesApplyBeforeValidation() {
        SampleConfig c = LOADER.parse(MINIMAL, "x.yaml",
                List.of("sampler.numChains=16", "temperatures.values=[1.5]", "lattice.length=12")).config();
        assertEquals(16, c.sampler().numChains());
        assertEquals(12, c.lattice().length());
        assertArrayEquals(new double[] {1.5}, c.temperatures().toArray());
        ConfigException e = error(MINIMAL, "sampler.numChains=-1");
        assertTrue(e.getMessage().contains("sampler.numChains"), e.getMessage());
        ConfigException bad = error(MINIMAL, "sampler.bogus=1");
        assertTrue(bad.getMessage().contains("sampler.bogus: unknown key"), bad.getMessage());
    }

    @Test
    void temperatureRangeIncludesStop() {
        SampleConfig c = LOADER.parse(MINIMAL.replace("{ values: [2.0, 3.0] }", "{ start: 0.25, stop: 6.0, step: 0.25 }"),
                "x", List.of()).config();
        double[] t = c.temperatures().toArray();
        assertEquals(24, t.length);
        assertEquals(0.25, t[0]);
        assertEquals(6.0, t[23]);
        error(MINIMAL.replace("{ values: [2.0, 3.0] }", "{ values: [2.0], start: 1.0 }"));
        error(MINIMAL.replace("{ values: [2.0, 3.0] }", "{ values: [-1.0] }"));
    }

    @Test
    void globalFlipRequiresZeroField() {
        ConfigException e = error(MINIMAL.replace("nearest-neighbour }", "nearest-neighbour, field: 0.1 }"));
        assertTrue(e.getMessage().contains("globalFlip"), e.getMessage());
        LOADER.parse(MINIMAL.replace("nearest-neighbour }", "nearest-neighbour, field: 0.1 }"), "x",
                List.of("sampler.globalFlip=false"));
    }

    @Test
    void loadMissingFileNamesIt(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().contains("nope.yaml: no such config file"));
        assertInstanceOf(NearestNeighbourConfig.class, LOADER.parse(MINIMAL, "x", List.of()).config().hamiltonian());
    }

    /** A key given twice would silently keep the last value: refused, naming the key and the line of the repeat. */
    @Test
    void duplicateKeysAreRefused() {
        ConfigException top = error(MINIMAL + "seed: 2\n");
        assertTrue(top.getMessage().startsWith("x.yaml: key 'seed' is given twice")
                && top.getMessage().contains("line 6"), top.getMessage());
        ConfigException nested = error(MINIMAL.replace("{ length: 8 }", "{ length: 8, length: 16 }"));
        assertTrue(nested.getMessage().contains("'length'"), nested.getMessage());
        ConfigException block = error(MINIMAL + "sampler:\n  numChains: 4\n  numChains: 8\n");
        assertTrue(block.getMessage().contains("'numChains'"), block.getMessage());
    }

    /** L^d beyond the lattice's 2^28 sites (where a long would be needed, or L^d overflows an int) fails validation. */
    @Test
    void latticesBeyondTheSiteLimitAreRefused() {
        ConfigException e = error(MINIMAL, "lattice.length=16384", "lattice.dimension=3");
        assertTrue(e.getMessage().contains("lattice.length: L^d = 16384^3 = 4398046511104 sites; at most 2^28"),
                e.getMessage());
        LOADER.parse(MINIMAL, "x.yaml", List.of("lattice.length=16384"));
    }
}
