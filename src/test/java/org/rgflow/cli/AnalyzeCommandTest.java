package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.Nd4jTestBase;

/**
 * End to end: {@code rgflow analyze weights|flow|rg|correlators|stacked-flow} on the tiny dataset of
 * configs/test/sample-tiny.yaml (8&times;8, T = 0, 2, 3), the tiny 64&rarr;8&rarr;4 stack trained on it and a tiny
 * thermometer; plus an L = 4 dataset for mismatched inputs.
 */
class AnalyzeCommandTest extends Nd4jTestBase {

    @TempDir
    static Path tmp;
    static Path dataset;
    static Path small;
    static Path model;
    static Path thermo;
    static Path thermo4;

    static Run rgflow(String... args) {
        return SampleCommandTest.rgflow(args);
    }

    @BeforeAll
    static void inputs() {
        dataset = tmp.resolve("ds");
        Run s = rgflow("sample", "configs/test/sample-tiny.yaml", "--out", dataset.toString(), "--quiet");
        assertEquals(0, s.code(), s.err());
        small = tmp.resolve("ds-L4");
        Run s4 = rgflow("sample", "configs/test/sample-tiny.yaml", "--out", small.toString(), "--quiet",
                "--set", "lattice.length=4");
        assertEquals(0, s4.code(), s4.err());
        model = tmp.resolve("model");
        Run t = rgflow("train", "configs/test/train-tiny.yaml", "--dataset", dataset.toString(), "--out",
                model.toString(), "-q");
        assertEquals(0, t.code(), t.err());
        thermo = tmp.resolve("thermo");
        Run th = rgflow("thermometer", "train", "--config", "configs/test/thermometer-tiny.yaml", "--dataset",
                dataset.toString(), "--out", thermo.toString(), "--set", "epochs=2", "--quiet");
        assertEquals(0, th.code(), th.err());
        thermo4 = tmp.resolve("thermo-L4");
        Run th4 = rgflow("thermometer", "train", "--config", "configs/test/thermometer-tiny.yaml", "--dataset",
                small.toString(), "--out", thermo4.toString(), "--set", "epochs=2", "--quiet");
        assertEquals(0, th4.code(), th4.err());
    }

    /**
     * Block RG with one thermometer per lattice size (L = 8 and, trained on the L = 4 dataset, L = 4): steps 0 and 1
     * are read, step 2 (L = 2) is skipped; two thermometers for one size are refused.
     */
    @Test
    void blockRgReadsEachStepWithTheThermometerOfItsSize() throws Exception {
        JsonNode m = analyze("rg-two-thermometers", List.of("thermometer.csv"), "rg", dataset.toString(),
                "--temperature", "3", "--thermometer", thermo.toString(), "--thermometer", thermo4.toString(),
                "--configurations", "100");
        assertEquals(2, m.get("thermometers").size(), m.toString());
        assertTrue(m.get("notes").get(0).asText().contains("skipped at 1 steps"), m.toString());
        List<String[]> t = csv(tmp.resolve("an-rg-two-thermometers").resolve("thermometer.csv"));
        assertFalse(t.get(0)[2].isEmpty() || t.get(1)[2].isEmpty(), "read at L = 8 and 4");
        assertTrue(t.get(2)[2].isEmpty(), "skipped at L = 2");
        Run twice = rgflow("analyze", "rg", dataset.toString(), "--temperature", "3", "--thermometer",
                thermo4.toString(), "--thermometer", thermo4.toString(), "--out", tmp.resolve("x4").toString());
        assertEquals(RgflowCommand.EXIT_USAGE, twice.code(), twice.err());
        assertTrue(twice.err().contains("a second thermometer for 16 sites"), twice.err());
    }

    /** Runs an analysis into a fresh directory, checks its manifest and outputs, returns the manifest. */
    static JsonNode analyze(String name, List<String> expected, String... args) throws Exception {
        Path out = tmp.resolve("an-" + name);
        List<String> all = new ArrayList<>(List.of("analyze"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        Run r = rgflow(all.toArray(new String[0]));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("wrote "), r.out());
        JsonNode m = Manifest.read(out.resolve("manifest.json"));
        assertEquals("analysis-" + args[0], m.get("kind").asText());
        assertEquals("CPU", m.at("/backend/backend").asText());
        List<String> listed = new ArrayList<>();
        for (JsonNode o : m.get("outputs")) {
            Path f = out.resolve(o.get("path").asText());
            assertEquals(Files.size(f), o.get("bytes").asLong(), f.toString());
            assertEquals(Sha256.of(f), o.get("sha256").asText(), f.toString());
            listed.add(o.get("path").asText());
        }
        for (String f : expected) {
            assertTrue(listed.contains(f), f + " in " + listed);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(listed.size() + 1, files.count(), "only the listed outputs and manifest.json");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith(".an-" + name + ".")
                    && !n.endsWith(".lock")));
        }
        return m;
    }

    static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void weights() throws Exception {
        JsonNode m = analyze("weights", List.of("spectrum.csv", "gram-spectrum.png", "singular-values.png",
                "receptive-fields-level1.png", "receptive-fields-level2.png", "field-sizes.csv",
                "field-size-per-level.csv", "field-size-per-level.png"), "weights", model.toString());
        assertEquals(Sha256.of(model.resolve("manifest.json")), m.at("/model/manifestSha256").asText());
        Path out = tmp.resolve("an-weights");
        assertEquals(64 + 8, csv(out.resolve("spectrum.csv")).size(), "W W^T is n_v x n_v per layer");
        List<String[]> levels = csv(out.resolve("field-size-per-level.csv"));
        assertEquals(2, levels.size());
        for (String[] l : levels) {
            double r = Double.parseDouble(l[2]);
            assertTrue(r > 0 && r <= Double.parseDouble(l[4]) + 1e-9, "radius within (0, uniform]: " + r);
        }
    }

    @Test
    void flowWithThermometer() throws Exception {
        JsonNode m = analyze("flow", List.of("flow.csv", "correlation.csv", "correlation.png", "observables.png",
                "thermometer.csv", "thermometer.png", "thermometer-histogram.png"), "flow", model.toString(), "--start", "random",
                "--steps", "3", "--chains", "50", "--thermometer", thermo.toString(), "--seed", "5");
        assertEquals(5, m.at("/seeds/master").asLong());
        assertEquals(64, m.at("/thermometer/numSites").asInt());
        Path out = tmp.resolve("an-flow");
        assertEquals(4, csv(out.resolve("flow.csv")).size());
        List<String[]> t = csv(out.resolve("thermometer.csv"));
        assertEquals(4, t.size());
        for (String[] row : t) {
            double mean = Double.parseDouble(row[2]);
            assertTrue(mean >= 0 && mean <= 3, "mean T within the classes' range: " + mean);
            double sum = 0;
            for (int k = 3; k < row.length; k++) {
                sum += Double.parseDouble(row[k]);
            }
            assertEquals(1, sum, 1e-3, "histogram sums to 1");
        }
        // from a dataset, mean-field half steps, no thermometer
        analyze("flow-ds", List.of("flow.csv", "observables.png"), "flow", model.toString(), "--start", "dataset",
                "--dataset", dataset.toString(), "--temperature", "2.0", "--steps", "2", "--chains", "40",
                "--hidden", "mean-field", "--visible", "mean-field");
    }

    @Test
    void flowWithScalingDimensions() throws Exception {
        JsonNode m = analyze("flow-scaling", List.of("flow.csv", "observables.png", "scaling.csv", "scaling.png"),
                "flow", model.toString(), "--start", "random", "--dataset", dataset.toString(), "--temperature",
                "2.0", "--steps", "2", "--chains", "60", "--scaling");
        assertTrue(m.at("/arguments").toString().contains("scaling"), m.toString());
        List<String[]> rows = csv(tmp.resolve("an-flow-scaling").resolve("scaling.csv"));
        assertEquals(1 + 3, rows.size(), "Monte Carlo reference + steps 0..2");
        assertEquals("monte-carlo", rows.get(0)[0]);
        for (String[] r : rows) {
            assertEquals("1", r[3], "r_min");
            assertEquals("3", r[4], "r_max");
        }
        double mcSigma = Double.parseDouble(rows.get(0)[5]);
        assertTrue(mcSigma >= 0 && mcSigma <= 8, "2Δσ within the fit's bracket: " + mcSigma);
    }

    @Test
    void blockRgOfAnOrderedDatasetStaysOrdered() throws Exception {
        for (String rule : List.of("majority", "average", "decimation")) {
            JsonNode m = analyze("rg-" + rule, List.of("flow.csv", "correlation.csv", "correlation.png",
                    "observables.png", "thermometer.csv"), "rg", dataset.toString(), "--temperature", "0", "--rule", rule,
                    "--thermometer", thermo.toString(), "--configurations", "100");
            List<String[]> rows = csv(tmp.resolve("an-rg-" + rule).resolve("flow.csv"));
            assertEquals(3, rows.size(), "L = 8 -> 4 -> 2");
            for (String[] r : rows) {
                assertEquals(1.0, Double.parseDouble(r[3]), 1e-12, rule + " step " + r[1] + ": |m| = 1");
                assertEquals(1.0, Double.parseDouble(r[15]), 1e-12, rule + " step " + r[1] + ": NN correlation 1");
            }
            assertTrue(m.get("notes").get(0).asText().contains("skipped at 2 steps"), m.toString());
            List<String[]> t = csv(tmp.resolve("an-rg-" + rule).resolve("thermometer.csv"));
            assertFalse(t.get(0)[2].isEmpty(), "read at L = 8");
            assertTrue(t.get(1)[2].isEmpty() && t.get(2)[2].isEmpty(), "skipped at L = 4, 2");
        }
    }

    @Test
    void correlators() throws Exception {
        JsonNode m = analyze("correlators", List.of("units.csv", "profiles.csv", "correlators.png", "profile.png"),
                "correlators", model.toString(), "--dataset", dataset.toString(), "--temperature", "2.0",
                "--configurations", "200");
        assertEquals(2.0, m.at("/dataset/temperature").asDouble());
        List<String[]> units = csv(tmp.resolve("an-correlators").resolve("units.csv"));
        assertEquals(8, units.stream().filter(u -> u[0].equals("rbm")).count());
        assertEquals(16, units.stream().filter(u -> u[0].equals("block-rg")).count(), "(8/2)^2 blocks");
    }

    @Test
    void stackedFlow() throws Exception {
        analyze("stacked", List.of("stacked-flow.csv", "correlation.csv", "observables.png", "thermometer.csv"),
                "stacked-flow", model.toString(), "--dataset", dataset.toString(), "--temperature", "3.0",
                "--configurations", "100", "--thermometer", thermo.toString(), "--thermometer", thermo4.toString());
        List<String[]> rows = csv(tmp.resolve("an-stacked").resolve("stacked-flow.csv"));
        assertEquals(3, rows.stream().filter(r -> r[0].equals("stack-sampled")).count(), "levels 0, 1, 2");
        assertEquals(3, rows.stream().filter(r -> r[0].startsWith("block-majority")).count(), "steps 0, 1, 2");
        List<String[]> t = csv(tmp.resolve("an-stacked").resolve("thermometer.csv"));
        assertEquals(3, t.stream().filter(r -> r[0].equals("stack-sampled") && !r[2].isEmpty()).count(),
                "every stacked level read by the L = 8 thermometer");
        List<String[]> block = t.stream().filter(r -> r[0].startsWith("block-majority")).toList();
        assertFalse(block.get(0)[2].isEmpty() || block.get(1)[2].isEmpty(), "block steps at L = 8 and 4 read");
        assertTrue(block.get(2)[2].isEmpty(), "L = 2 skipped");
    }

    @Test
    void mismatchedInputsAreOneLineErrors() {
        Run r = rgflow("analyze", "correlators", model.toString(), "--dataset", small.toString(), "--temperature",
                "2.0", "--out", tmp.resolve("x1").toString());
        assertEquals(RgflowCommand.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains(small.resolve("manifest.json").toString()), r.err());
        Run t = rgflow("analyze", "rg", small.toString(), "--temperature", "2.0", "--thermometer", thermo.toString(),
                "--out", tmp.resolve("x2").toString());
        assertEquals(RgflowCommand.EXIT_USAGE, t.code(), t.err());
        assertTrue(t.err().contains("thermometer.json") && t.err().contains("64 sites"), t.err());
        Run missing = rgflow("analyze", "weights", tmp.resolve("nope").toString());
        assertEquals(RgflowCommand.EXIT_USAGE, missing.code(), missing.err());
        assertTrue(missing.err().contains("manifest.json"), missing.err());
        Run multi = rgflow("analyze", "rg", dataset.toString(), "--out", tmp.resolve("x3").toString());
        assertEquals(RgflowCommand.EXIT_USAGE, multi.code(), multi.err());
        assertTrue(multi.err().contains("--temperature"), multi.err());
        assertFalse(Files.exists(tmp.resolve("x1")) || Files.exists(tmp.resolve("x2")));
    }
}
