package org.rgflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    private static final ConfigLoader<TrainConfig> LOADER = ConfigLoader.of(TrainConfig.class);

    private static final String MINIMAL = """
            name: t
            seed: 1
            layers: [64, 16]
            """;

    private static ConfigException error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> LOADER.parse(yaml, "x.yaml", List.of(overrides)));
    }

    @Test
    void defaultsAreFilledAndResolvedConfigRoundTrips() {
        ConfigLoader.Loaded<TrainConfig> loaded = LOADER.parse(MINIMAL, "x.yaml", List.of());
        TrainConfig c = loaded.config();
        assertEquals("train", c.kind());
        assertEquals(List.of(64, 16), c.layers());
        assertTrue(c.visibleBias() && c.hiddenBias());
        assertEquals(1, c.cdK());
        assertFalse(c.persistent());
        assertEquals("sgd", c.updater());
        assertEquals(0.01, c.learningRate());
        assertEquals(100, c.batchSize());
        assertEquals(20, c.epochs());
        assertEquals("probabilities", c.stackInput());
        assertEquals("float", c.dtype());
        assertEquals(0.1, c.heldOutFraction());
        TrainConfig again = LOADER.parse(ConfigLoader.toYaml(loaded.resolved()), "y", List.of()).config();
        assertEquals(c, again);
        TrainConfig set = LOADER.parse(MINIMAL, "x.yaml", List.of("epochs=3", "layers=[64, 8, 4]", "l1=1e-4"))
                .config();
        assertEquals(3, set.epochs());
        assertEquals(List.of(64, 8, 4), set.layers());
        assertEquals(1e-4, set.l1());
    }

    @Test
    void everyShippedTrainConfigLoads() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("configs"))) {
            List<Path> configs = files.filter(p -> p.getFileName().toString().startsWith("train")
                    && p.toString().endsWith(".yaml")).toList();
            assertTrue(configs.size() >= 7, "expected the paper train configs under configs/, found " + configs);
            for (Path p : configs) {
                TrainConfig c = LOADER.load(p, List.of()).config();
                assertTrue(c.layers().size() >= 2, p.toString());
            }
        }
        assertEquals(List.of(100, 100), LOADER.load(Path.of("configs/iso2018/train.yaml"), List.of()).config().layers());
        TrainConfig mehta = LOADER.load(Path.of("configs/mehta2014/train.yaml"), List.of()).config();
        assertEquals(List.of(1600, 400, 100, 25), mehta.layers());
        assertTrue(mehta.l1() > 0);
        TrainConfig iso = LOADER.load(Path.of("configs/iso2018/train.yaml"), List.of()).config();
        assertFalse(iso.visibleBias() || iso.hiddenBias());
    }

    @Test
    void invalidValuesNameTheKey() {
        assertTrue(error(MINIMAL + "cdK: 0\n").getMessage().startsWith("x.yaml: cdK:"));
        assertTrue(error(MINIMAL + "updater: rmsprop\n").getMessage().contains("updater"));
        assertTrue(error(MINIMAL + "heldOutFraction: 1.0\n").getMessage().contains("heldOutFraction"));
        assertTrue(error(MINIMAL + "learningrate: 0.1\n").getMessage().contains("unknown key"));
        assertTrue(error("name: t\nseed: 1\nlayers: [64]\n").getMessage().contains("layers"));
        assertTrue(error("name: t\nlayers: [64, 8]\n").getMessage().contains("seed"));
    }

    /** Sizes whose products overflow a Java array (an int index) are refused in validation, naming the key. */
    @Test
    void sizesThatOverflowAnArrayAreRefused() {
        ConfigException w = error(MINIMAL, "layers=[100000, 100000]");
        assertTrue(w.getMessage().contains("layers: 100000 x 100000 = 10000000000 weights in layer 0"),
                w.getMessage());
        ConfigException b = error(MINIMAL, "layers=[4096, 16]", "batchSize=1048576");
        assertTrue(b.getMessage().contains("batchSize: 1048576 x 4096"), b.getMessage());
        LOADER.parse(MINIMAL, "x.yaml", List.of("layers=[40000, 40000]", "batchSize=50000"));
    }
}
