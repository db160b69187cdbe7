package org.rgflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SearchConfigTest {

    private static final ConfigLoader<SearchConfig> LOADER = ConfigLoader.of(SearchConfig.class);

    private static final String FULL = """
            kind: search
            name: t-search
            seed: 3
            model: thermometer
            base:
              seed: 1
              hiddenSizes: [16, 8]
              epochs: 2
              heldOutFraction: 0.2
            space:
              hidden0: {type: int, min: 8, max: 32}
              hidden1: {values: [2, 64]}
              activation: {values: [tanh, relu]}
              learningRate: {type: float, min: 0.001, max: 0.03, log: true}
              l2: {fixed: 0.0001}
            generator: {type: genetic, populationSize: 6}
            budget: {maxCandidates: 5, maxMinutes: 1.5}
            score: accuracy
            parallel: 2
            """;

    @Test
    void resolvedConfigRoundTrips() {
        ConfigLoader.Loaded<SearchConfig> loaded = LOADER.parse(FULL, "x.yaml", List.of());
        SearchConfig c = loaded.config();
        assertEquals("thermometer", c.model());
        assertEquals(List.of("hidden0", "hidden1", "activation", "learningRate", "l2"), List.copyOf(c.space().keySet()));
        assertEquals(true, c.space().get("learningRate").log());
        assertEquals(List.of(2, 64), c.space().get("hidden1").values());
        assertEquals("genetic", c.generator().type());
        assertEquals(3, c.generator().gridPoints());
        assertEquals(1.5, c.budget().maxMinutes());
        assertEquals(2, c.parallel());
        SearchConfig again = LOADER.parse(ConfigLoader.toYaml(loaded.resolved()), "y", List.of()).config();
        assertEquals(c, again);
        // defaults are filled in and round-trip too
        ConfigLoader.Loaded<SearchConfig> minimal = LOADER.parse("name: m\nspace: {numHidden: {values: [2, 4]}}\n",
                "m.yaml", List.of());
        SearchConfig m = minimal.config();
        assertEquals("rbm", m.model());
        assertEquals("log-likelihood", m.score());
        assertEquals("random", m.generator().type());
        assertEquals(20, m.budget().maxCandidates());
        assertEquals(SearchConfig.DEFAULT_PARALLEL, m.parallel());
        assertEquals(m, LOADER.parse(ConfigLoader.toYaml(minimal.resolved()), "y", List.of()).config());
        // overrides apply before validation
        assertEquals(7, LOADER.parse(FULL, "x.yaml", List.of("budget.maxCandidates=7")).config().budget()
                .maxCandidates());
    }

    @Test
    void invalidValuesAreReported() {
        assertThrows(ConfigException.class, () -> LOADER.parse(FULL.replace("score: accuracy",
                "score: log-likelihood"), "x.yaml", List.of()));
        assertThrows(ConfigException.class, () -> LOADER.parse(FULL.replace("parallel: 2", "parallel: 0"), "x.yaml",
                List.of()));
        assertThrows(ConfigException.class, () -> LOADER.parse(FULL.replace("{fixed: 0.0001}",
                "{fixed: 0.0001, values: [1]}"), "x.yaml", List.of()));
    }

    @Test
    void everyShippedSearchConfigLoads() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("configs"))) {
            List<Path> searches = files.filter(p -> p.getFileName().toString().startsWith("search")
                    && p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(searches.size() >= 4, "expected the search configs under configs/, found " + searches);
            for (Path p : searches) {
                SearchConfig c = LOADER.load(p, List.of()).config();
                assertEquals("search", c.kind(), p.toString());
                assertTrue(!c.space().isEmpty() && c.parallel() >= 1, p.toString());
            }
        }
    }
}
