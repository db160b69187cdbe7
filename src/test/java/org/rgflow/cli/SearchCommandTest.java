package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.testing.Nd4jTestBase;

/**
 * End to end: {@code rgflow search configs/test/search-tiny.yaml} (a 2 &times; 2 grid, 2 epochs each) on the
 * tiny 8&times;8 dataset, uninterrupted and as 2 candidates + {@code --resume}; the tables must agree except for
 * the timing column.
 */
class SearchCommandTest extends Nd4jTestBase {

    static final String CONFIG = "configs/test/search-tiny.yaml";

    @TempDir
    static Path tmp;
    static Path dataset;

    @BeforeAll
    static void sample() {
        dataset = tmp.resolve("ds");
        Run s = SampleCommandTest.rgflow("sample", "configs/test/sample-tiny.yaml", "--out", dataset.toString(),
                "--quiet");
        assertEquals(0, s.code(), s.err());
    }

    @Test
    void searchWritesTableModelsPlotsAndResumesIdentically() throws Exception {
        Path full = tmp.resolve("full");
        Run a = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out", full.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(a.err().contains("candidate 4/4"), a.err());
        for (String f : List.of("results.csv", "best.json", "manifest.json", "best-score.png",
                "score-vs-numHidden.png", "candidates/0/model.zip", "candidates/3/manifest.json",
                "candidates/0/training.png", "candidates/0/receptive-fields-layer0.png")) {
            assertTrue(Files.exists(full.resolve(f)), f);
        }
        assertTrue(Files.isSymbolicLink(full.resolve("best")) && Files.exists(full.resolve("best/model.zip")));
        Run weights = SampleCommandTest.rgflow("analyze", "weights", full.resolve("best").toString(), "--out",
                tmp.resolve("candidate-weights").toString());
        assertEquals(0, weights.code(), "a candidate directory is a model directory: " + weights.err());
        Path part = tmp.resolve("part");
        Run b = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out", part.toString(),
                "--set", "budget.maxCandidates=2", "-q");
        assertEquals(0, b.code(), b.err());
        assertEquals(3, Files.readAllLines(part.resolve("results.csv")).size());
        Run refused = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                part.toString(), "-q");
        assertEquals(2, refused.code(), refused.err());
        Run c = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out", part.toString(),
                "--resume", "-q");
        assertEquals(0, c.code(), c.err());
        assertEquals(withoutSeconds(full.resolve("results.csv")), withoutSeconds(part.resolve("results.csv")));
    }

    /**
     * {@code --resume} with another base config or dataset is refused, naming the changed keys and the datasets,
     * and leaves the search as it was; only the budget may change. A finished search without {@code search.json}
     * (older rgflow) is checked against its manifest.
     */
    @Test
    void resumeRefusesAnotherConfigOrDataset() throws Exception {
        Path other = tmp.resolve("ds-other");
        assertEquals(0, SampleCommandTest.rgflow("sample", "configs/test/sample-tiny.yaml", "--out", other.toString(),
                "--set", "seed=43", "-q").code());
        Path run = tmp.resolve("resume-checked");
        Run first = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                run.toString(), "--set", "budget.maxCandidates=1", "-q");
        assertEquals(0, first.code(), first.err());
        String table = Files.readString(run.resolve("results.csv"));
        String manifest = Files.readString(run.resolve("manifest.json"));

        Run data = SampleCommandTest.rgflow("search", CONFIG, "--dataset", other.toString(), "--out", run.toString(),
                "--resume", "--set", "budget.maxCandidates=1", "-q");
        assertEquals(2, data.code(), data.err());
        assertTrue(data.err().contains("dataset test-tiny-L8-") && data.err().contains(other.toString()), data.err());
        Run config = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                run.toString(), "--resume", "--set", "base.learningRate=0.5", "-q");
        assertEquals(2, config.code(), config.err());
        assertTrue(config.err().contains("config keys base.learningRate 0.05 -> 0.5")
                && !config.err().contains("dataset test-tiny"), config.err());
        assertEquals(table, Files.readString(run.resolve("results.csv")));
        assertEquals(manifest, Files.readString(run.resolve("manifest.json")));

        Files.delete(run.resolve("search.json")); // as an older rgflow left it: the manifest still tells
        Run old = SampleCommandTest.rgflow("search", CONFIG, "--dataset", other.toString(), "--out", run.toString(),
                "--resume", "-q");
        assertEquals(2, old.code(), old.err());
        Run more = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                run.toString(), "--resume", "--set", "budget.maxCandidates=2", "-q");
        assertEquals(0, more.code(), more.err());
        assertEquals(3, Files.readAllLines(run.resolve("results.csv")).size());
    }

    /**
     * A search that yields no model fails: an unknown space key and a dataset of another size are refused before any
     * training; candidates that all fail (here: every learning rate invalid) fail the run with the first reason,
     * exit 2, after the table and manifest are written.
     */
    @Test
    void searchesWithoutAnyResultFail() throws Exception {
        Path keyOut = tmp.resolve("no-such-key");
        Run key = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                keyOut.toString(), "--set", "space.nosuch={values: [1, 2]}", "-q");
        assertEquals(2, key.code(), key.err());
        assertTrue(key.err().contains(CONFIG + ": space.nosuch: not a train-config key; allowed: batchSize"),
                key.err());
        assertFalse(Files.exists(keyOut.resolve("results.csv")), "refused before any candidate");

        Path small = tmp.resolve("ds-L6");
        assertEquals(0, SampleCommandTest.rgflow("sample", "configs/test/sample-tiny.yaml", "--out", small.toString(),
                "--set", "lattice.length=6", "-q").code());
        Run size = SampleCommandTest.rgflow("search", CONFIG, "--dataset", small.toString(), "--out",
                tmp.resolve("wrong-size").toString(), "-q");
        assertEquals(2, size.code(), size.err());
        assertTrue(size.err().contains("base.layers[0] (numVisible) = 64") && size.err().contains(small.toString())
                && size.err().contains("36 sites"), size.err());

        Path allOut = tmp.resolve("all-failed");
        Run all = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out",
                allOut.toString(), "--set", "space.learningRate={values: [-1.0, -2.0]}", "-q");
        assertEquals(2, all.code(), all.err());
        assertTrue(all.err().contains("all 4 candidates failed") && all.err().contains("the first: ")
                && all.err().contains("learningRate: must be a positive finite number"), all.err());
        assertEquals(1, all.err().strip().lines().count(), all.err());
        assertTrue(Files.exists(allOut.resolve("manifest.json")) && Files.exists(allOut.resolve("results.csv")));
    }

    /**
     * The physics score on the 3-temperature tiny dataset (T = 0, 2, 3): each candidate gets a per-class table
     * (classes from the data's mean energies per temperature) and a finite score.
     */
    @Test
    void physicsScoreComparesPerTemperatureClass() throws Exception {
        Path out = tmp.resolve("physics");
        Run a = SampleCommandTest.rgflow("search", CONFIG, "--dataset", dataset.toString(), "--out", out.toString(),
                "--set", "score=physics", "--set", "physics.samples=100", "--set", "physics.gibbsSteps=20",
                "--set", "budget.maxCandidates=2", "-q");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("physics score: 3 temperature classes [0 ("), a.out());
        List<String> table = Files.readAllLines(out.resolve("candidates/0/physics.csv"));
        assertEquals(1 + 3 * 5, table.size(), table.toString());
        assertTrue(table.get(1).startsWith("0,fraction,"), table.get(1));
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(rows.stream().skip(1).noneMatch(r -> r.contains("FAILED")), rows.toString());
    }

    /**
     * {@code rgflow search configs/test/search-thermometer-tiny.yaml} (networks from Arbiter's MultiLayerSpace) on a
     * 5-temperature dataset; the best candidate is a thermometer {@code rgflow thermometer eval} accepts.
     */
    @Test
    void thermometerSearchSavesCandidatesThatThermometerEvalLoads() throws Exception {
        Path ds = org.rgflow.testing.ThermometerTestData.create(Files.createDirectories(tmp.resolve("thermo")),
                org.rgflow.testing.ThermometerTestData.TEMPERATURES, 200);
        Path out = tmp.resolve("thermo-search");
        Run a = SampleCommandTest.rgflow("search", "configs/test/search-thermometer-tiny.yaml", "--dataset",
                ds.toString(), "--out", out.toString(), "-q");
        assertEquals(0, a.code(), a.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.stream().skip(1).noneMatch(r -> r.contains("FAILED")), rows.toString());
        var best = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("best.json").toFile());
        Path model = out.resolve(best.get("directory").asText());
        assertTrue(Files.readString(model.resolve("manifest.json")).contains("MultiLayerSpace"));
        Run eval = SampleCommandTest.rgflow("thermometer", "eval", model.toString(), "--dataset", ds.toString(),
                "--out", tmp.resolve("thermo-eval").toString());
        assertEquals(0, eval.code(), eval.err());
    }

    /** Every shipped search config maps to a search space (and thermometer ones to a MultiLayerSpace). */
    @Test
    void everyShippedSearchConfigMapsToASpace() throws Exception {
        var loader = org.rgflow.config.ConfigLoader.of(org.rgflow.config.SearchConfig.class);
        try (var files = Files.walk(Path.of("configs"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("search")
                    && f.toString().endsWith(".yaml")).sorted().toList()) {
                var c = loader.load(p, List.of()).config();
                var space = SearchSpaces.space(c);
                if ("thermometer".equals(c.model())) {
                    var net = new org.rgflow.search.ThermometerSpace(space, SearchSpaces.thermometerOptions(c,
                            java.util.Map.of()), 64, 5);
                    var conf = net.configuration(new double[space.freeNames().size()]);
                    assertEquals(SearchSpaces.thermometerOptions(c, java.util.Map.of()).hiddenSizes().length + 1,
                            conf.getConfs().size(), p.toString());
                } else {
                    SearchSpaces.trainConfig(c, 64, java.util.Map.of(), c.name());
                }
            }
        }
    }

    /** Drops the seconds column (4th from the end; errors are empty here). */
    static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            f[f.length - 3] = "";
            return String.join(",", f);
        }).toList();
    }
}
