package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.analysis.FlowScaling;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.observable.Estimate;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.Nd4jTestBase;

/**
 * End to end: {@code rgflow reproduce iso2018 --tiny} (6&times;6 lattice, 6 temperatures, 2 epochs, a one-layer
 * thermometer, 40 chains &times; 4 steps; seconds) writes report.md, figures and a manifest with checksums, and a
 * second run reuses the datasets and models.
 */
class ReproduceCommandTest extends Nd4jTestBase {

    @Test
    void tinyIso2018WritesAReportWithFiguresAndAManifest(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        String[] args = {"reproduce", "iso2018", "--tiny", "--root", tmp.toString(), "--out", run.toString()};
        Run r = SampleCommandTest.rgflow(args);
        assertEquals(0, r.code(), r.err() + r.out());

        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("## Claim") && report.contains("## Measured"), report);
        assertTrue(report.matches("(?s).*\\*\\*Verdict \\(overall \\(SCIENCE.md §4.6\\)\\): "
                + "(reproduced|not reproduced|inconclusive)\\.\\*\\*.*"), report);
        assertTrue(report.contains("## Block-spin RG for comparison") && report.contains("| T (L = 6) | coarse ⟨e⟩"),
                report);
        assertTrue(r.out().contains("[block RG] L = 6 -> 3"), r.out());
        for (String png : new String[] {"thermometer-flow.png", "final-distribution.png", "energy-flow.png",
            "magnetization-flow.png", "training.png", "thermometer-confusion.png"}) {
            assertTrue(report.contains("](" + png + ")"), png);
            byte[] head = Files.readAllBytes(run.resolve(png));
            assertEquals((byte) 0x89, head[0], png);
            assertEquals('P', head[1], png);
        }

        JsonNode m = Manifest.read(run.resolve("manifest.json"));
        assertEquals("reproduction", m.get("kind").asText());
        assertEquals("tiny", m.get("mode").asText());
        Set<String> outputs = new HashSet<>();
        for (JsonNode o : m.get("outputs")) {
            outputs.add(o.get("path").asText());
            assertEquals(Sha256.of(run.resolve(o.get("path").asText())), o.get("sha256").asText());
        }
        assertTrue(outputs.containsAll(Set.of("report.md", "flows.csv", "thermometer.csv", "thermometer-flow.png")),
                outputs.toString());
        assertEquals(9, m.get("inputs").size()); // 3 datasets, 3 models, 1 thermometer; block RG: L/2 dataset, thermometer
        for (JsonNode in : m.get("inputs")) {
            Path dir = Path.of(in.get("directory").asText());
            assertEquals(Sha256.of(dir.resolve("manifest.json")), in.get("manifestSha256").asText());
        }

        Run again = SampleCommandTest.rgflow(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("is up to date"), again.out());
    }

    @Test
    void tinyKochMehtaFunaiAndShortsightedWriteReports(@TempDir Path tmp) throws Exception {
        for (String paper : new String[] {"koch2020", "mehta2014", "funai2018", "shortsighted2020"}) {
            Path run = tmp.resolve(paper);
            Run r = SampleCommandTest.rgflow("reproduce", paper, "--tiny", "--root", tmp.toString(), "--out",
                    run.toString());
            assertEquals(0, r.code(), r.err() + r.out());
            String report = Files.readString(run.resolve("report.md"));
            assertTrue(report.contains("## Verdicts") && report.contains(".png)"), report);
            JsonNode m = Manifest.read(run.resolve("manifest.json"));
            assertEquals(paper, m.get("id").asText());
            for (JsonNode o : m.get("outputs")) {
                assertEquals(Sha256.of(run.resolve(o.get("path").asText())), o.get("sha256").asText());
            }
            for (JsonNode in : m.get("inputs")) { // every step's role can be named by --set ROLE:key=value
                String role = in.get("role").asText();
                assertTrue(ReproduceCommand.parseSets(paper, List.of(role + ":x=1")).size() == 1, role);
            }
            // shortsighted: data, RBM, stack, NN data and RBM, and a labelled dataset + thermometer at L = 8 and 4
            assertEquals(paper.startsWith("short") ? 9 : 2, m.get("inputs").size(), paper);
            if (paper.startsWith("short")) {
                assertTrue(report.contains("scaling.png") && report.contains("2Δσ") && Files.exists(
                        run.resolve("scaling.csv")), report);
                assertFalse(report.contains("not measured yet"), report);
                assertTrue(report.contains("Verdict (NN control: a single RBM's Δσ, Δε agree with MC within 20 %)")
                        && report.contains("| NN control: single RBM | 0 |") && report.contains("vs NN MC"), report);
                assertFalse(report.contains("not run"), report);
                assertTrue(Files.readString(run.resolve("scaling.csv")).contains("NN control single RBM"));
                assertTrue(report.contains("Verdict (the stack moves to lower T, by thermometer)")
                        && report.contains("| block RG | 1 | 4 |") && report.contains("| thermometer mean | T' |"),
                        report);
                assertTrue(m.get("inputs").findValuesAsText("role").containsAll(List.of("nn-sample", "nn-train")),
                        m.get("inputs").toString());
            }
        }
    }

    @Test
    void shortsightedDeltaVerdictFollowsItsStatedCriterion() {
        FlowScaling.Result mc = scales(0.30, 0.01, 1.90, 0.05);
        assertEquals(ReportVerdict.REPRODUCED, ReproduceShortsighted2020.deltasDiffer(mc, scales(0.50, 0.02, 1.9, 0.05)));
        assertEquals(ReportVerdict.REPRODUCED, ReproduceShortsighted2020.deltasDiffer(mc, scales(0.30, 0.01, 1.5, 0.05)));
        assertEquals(ReportVerdict.NOT_REPRODUCED,
                ReproduceShortsighted2020.deltasDiffer(mc, scales(0.31, 0.01, 1.95, 0.05)));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceShortsighted2020.deltasDiffer(mc, scales(0.6, 0.5, 1.9, 0.05)));
        assertEquals(ReportVerdict.INCONCLUSIVE,
                ReproduceShortsighted2020.deltasDiffer(mc, scales(Double.NaN, Double.NaN, 1.9, 0.05)));
        FlowScaling.Result noise = new FlowScaling.Result(1, 32, 2, 8, new Estimate(0.1, 0.1, 0.5, 100), 1,
                new Estimate(1.9, 0.05, 0.5, 100), 1, 1.5, 10);
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceShortsighted2020.deltasDiffer(mc, noise),
                "a flowed G at noise level is no measurement");
    }

    @Test
    void shortsightedNnControlFollowsItsStatedCriterion() {
        FlowScaling.Result mc = scales(0.30, 0.01, 1.90, 0.05);
        assertEquals(ReportVerdict.REPRODUCED, ReproduceShortsightedNn.deltasAgree(mc, scales(0.33, 0.01, 1.7, 0.05)));
        assertEquals(ReportVerdict.NOT_REPRODUCED,
                ReproduceShortsightedNn.deltasAgree(mc, scales(0.50, 0.01, 1.9, 0.05)));
        assertEquals(ReportVerdict.NOT_REPRODUCED,
                ReproduceShortsightedNn.deltasAgree(mc, scales(0.30, 0.01, 1.2, 0.05)));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceShortsightedNn.deltasAgree(mc, scales(0.40, 0.1, 1.9, 0.05)),
                "a miss of the 20 % margin within errors");
        assertEquals(ReportVerdict.INCONCLUSIVE,
                ReproduceShortsightedNn.deltasAgree(mc, scales(Double.NaN, Double.NaN, 1.9, 0.05)));
        FlowScaling.Result noise = new FlowScaling.Result(1, 32, 2, 8, new Estimate(0.3, 0.1, 0.5, 100), 1,
                new Estimate(1.9, 0.05, 0.5, 100), 1, 1.5, 10);
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceShortsightedNn.deltasAgree(mc, noise));
    }

    private static FlowScaling.Result scales(double s, double se, double e, double ee) {
        return new FlowScaling.Result(1, 32, 2, 8, new Estimate(s, se, 0.5, 100), 1, new Estimate(e, ee, 0.5, 100), 1,
                20, 10);
    }

    @Test
    void unknownPapersExitTwo() {
        Run unknown = SampleCommandTest.rgflow("reproduce", "nosuchpaper");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown paper"), unknown.err());
    }

    /** {@code --set ROLE:key=value} reaches that step only, shows in the report and manifest; unknown roles are refused. */
    @Test
    void userOverridesReachTheirStep(@TempDir Path tmp) throws Exception {
        Run r = SampleCommandTest.rgflow("reproduce", "koch2020", "--tiny", "--root", tmp.toString(), "--set",
                "train:epochs=3");
        assertEquals(0, r.code(), r.err() + r.out());
        Path run = Path.of("runs", "reproduce").resolve(Files.list(Path.of("runs", "reproduce"))
                .map(p -> p.getFileName().toString()).filter(n -> n.startsWith("koch2020-tiny-")).findFirst()
                .orElseThrow());
        try {
            assertTrue(Files.readString(run.resolve("report.md")).contains("`rgflow reproduce koch2020 --tiny --set "
                    + "train:epochs=3`"));
            JsonNode m = Manifest.read(run.resolve("manifest.json"));
            assertEquals("train:epochs=3", m.get("userOverrides").get(0).asText());
            for (JsonNode in : m.get("inputs")) {
                boolean hasIt = in.get("overrides").toString().contains("epochs=3");
                assertEquals(in.get("role").asText().equals("train"), hasIt, in.toString());
            }
        } finally {
            org.rgflow.provenance.AtomicFiles.deleteRecursively(run);
        }
        assertEquals(1, ReproduceCommand.parseSets("iso2018", List.of("train*:epochs=3")).size());
        assertTrue(ReproduceCommand.roleMatches("train*", "train-control-hot")
                && !ReproduceCommand.roleMatches("train", "train-control-hot"));
        Run bad = SampleCommandTest.rgflow("reproduce", "koch2020", "--tiny", "--root", tmp.toString(), "--set",
                "thermometer:epochs=3");
        assertEquals(RgflowCommand.EXIT_USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("no step 'thermometer'") && bad.err().contains("[sample, train]"), bad.err());
    }

    /**
     * A bad key or value in any step's {@code --set} is refused before the first step runs: nothing is sampled,
     * although the bad override is for a later step (train) and the first step (sample) is fine.
     */
    @Test
    void everyOverrideIsCheckedBeforeAnyWork(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        for (String[] bad : new String[][] {{"train:epoch=3", "epoch: unknown key"},
            {"train:learningRate=-1", "learningRate"}, {"train*:batchSize=zero", "batchSize"}}) {
            Run r = SampleCommandTest.rgflow("reproduce", "koch2020", "--tiny", "--root", tmp.toString(), "--out",
                    run.toString(), "--set", "sample:seed=5", "--set", bad[0]);
            assertEquals(RgflowCommand.EXIT_USAGE, r.code(), r.err());
            assertTrue(r.err().contains("--set '" + bad[0] + "'") && r.err().contains("configs/koch2020/train.yaml")
                    && r.err().contains(bad[1]), r.err());
            assertFalse(Files.exists(tmp.resolve("datasets")), "no step ran: " + r.out());
        }
        Run thermo = SampleCommandTest.rgflow("reproduce", "shortsighted2020", "--tiny", "--root", tmp.toString(),
                "--out", run.toString(), "--set", "thermometer-L8:hiddenSizes=many");
        assertEquals(RgflowCommand.EXIT_USAGE, thermo.code(), thermo.err());
        assertTrue(thermo.err().contains("configs/shortsighted2020/thermometer.yaml"), thermo.err());
        assertFalse(Files.exists(tmp.resolve("datasets")));
    }
}
