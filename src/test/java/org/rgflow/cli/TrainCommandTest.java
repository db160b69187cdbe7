package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.Nd4jTestBase;

/**
 * End to end: {@code rgflow sample configs/test/sample-tiny.yaml} (8&times;8, 600 configurations), then
 * {@code rgflow train configs/test/train-tiny.yaml} (64&rarr;8&rarr;4, 4 epochs per layer) and
 * {@code rgflow sample-model} on the result.
 */
class TrainCommandTest extends Nd4jTestBase {

    static final String CONFIG = "configs/test/train-tiny.yaml";

    @TempDir
    static Path tmp;
    static Path dataset;
    static Path model;

    static Run rgflow(String... args) {
        return SampleCommandTest.rgflow(args);
    }

    @BeforeAll
    static void sampleAndTrain() {
        dataset = tmp.resolve("ds");
        Run s = rgflow("sample", "configs/test/sample-tiny.yaml", "--out", dataset.toString(), "--quiet");
        assertEquals(0, s.code(), s.err());
        model = tmp.resolve("model");
        Run t = rgflow("train", CONFIG, "--dataset", dataset.toString(), "--out", model.toString(), "-q");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("wrote model test-tiny-rbm-"), t.out());
    }

    @Test
    void writesAVerifiedModelDirectory() throws Exception {
        JsonNode m = Manifest.read(model.resolve("manifest.json"));
        assertEquals("model", m.get("kind").asText());
        assertTrue(m.get("id").asText().startsWith("test-tiny-rbm-"));
        assertEquals(7, m.at("/config/seed").asLong());
        assertEquals(Sha256.of(dataset.resolve("manifest.json")), m.at("/dataset/manifestSha256").asText());
        assertEquals(600, m.at("/dataset/numConfigurations").asInt());
        assertEquals(540, m.at("/dataset/trainingRows").asInt());
        assertEquals(60, m.at("/dataset/heldOutRows").asInt());
        assertEquals(2, m.at("/training/finalMetrics").size());
        assertEquals(4, m.at("/training/finalMetrics/1/epochs").asInt());
        assertTrue(m.at("/training/finalMetrics/0/logLikelihoodTrain").isNumber(), "exact LL of 64->8");
        List<String> listed = new ArrayList<>();
        for (JsonNode o : m.get("outputs")) {
            Path f = model.resolve(o.get("path").asText());
            assertEquals(Files.size(f), o.get("bytes").asLong(), f.toString());
            assertEquals(Sha256.of(f), o.get("sha256").asText(), f.toString());
            listed.add(o.get("path").asText());
        }
        for (String name : List.of("model.zip", "model.json", "weights/W0.npy", "weights/W1.npy", "weights/hb1.npy",
                "training.csv", "training.png", "receptive-fields-layer0.png", "receptive-fields-layer1.png")) {
            assertTrue(listed.contains(name), name + " in outputs " + listed);
        }
        try (Stream<Path> files = Files.walk(model)) {
            List<String> present = files.filter(Files::isRegularFile).map(p -> model.relativize(p).toString())
                    .filter(n -> !n.equals("manifest.json")).sorted().toList();
            assertEquals(listed.stream().sorted().toList(), present, "checkpoints deleted, nothing unlisted");
        }
        byte[] png = Files.readAllBytes(model.resolve("receptive-fields-layer1.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(9, Files.readAllLines(model.resolve("training.csv")).size(), "header + 2 layers x 4 epochs");
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith(".model.")
                    && !n.endsWith(".lock")), "work directory renamed");
        }

        MultiLayerNetwork net = ModelLoader.load(model);
        assertEquals(2, net.getnLayers());
        Run again = rgflow("train", CONFIG, "--dataset", dataset.toString(), "--out", model.toString(), "-q");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("up to date"), again.out());
    }

    @Test
    void sampleModelWritesADatasetInTheMonteCarloFormat() throws Exception {
        Path gen = tmp.resolve("gen");
        Run ambiguous = rgflow("sample-model", model.toString(), "--out", gen.toString());
        assertEquals(2, ambiguous.code());
        assertTrue(ambiguous.err().contains("--temperature-label"), ambiguous.err());
        Run r = rgflow("sample-model", model.toString(), "--out", gen.toString(), "--chains", "50", "--burn-in", "20",
                "--configurations", "120", "--temperature-label", "2.0");
        assertEquals(0, r.code(), r.err());
        SpinDataset ds = SpinDataset.open(gen);
        assertEquals(120, ds.numConfigurations());
        assertEquals(64, ds.numSites());
        assertEquals(8, ds.labels().length());
        assertTrue(ds.labels().model().startsWith("rbm:test-tiny-rbm-"), ds.labels().model());
        assertEquals(List.of(2.0), ds.temperatures());
        JsonNode m = Manifest.read(gen.resolve("manifest.json"));
        assertEquals(Sha256.of(model.resolve("manifest.json")), m.at("/source/modelManifestSha256").asText());
        assertTrue(Files.readString(gen.resolve("observables.csv")).startsWith("temperature,configurations,abs_mag"));
    }

    @Test
    void mismatchedDatasetNamesBothSizes() {
        Run r = rgflow("train", CONFIG, "--dataset", dataset.toString(), "--out", tmp.resolve("bad").toString(),
                "--set", "layers=[100, 10]", "-q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("numVisible) = 100") && r.err().contains("has 64 sites"), r.err());
        assertTrue(r.err().contains(dataset.resolve("manifest.json").toString()), r.err());
    }

    @Test
    void divergenceNamesTheEpochAndALearningRate() {
        Run r = rgflow("train", CONFIG, "--dataset", dataset.toString(), "--out", tmp.resolve("nan").toString(),
                "--set", "learningRate=1e38", "-q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at epoch 1") && r.err().contains("smaller learning rate"), r.err());
    }

    @Test
    void sameSeedGivesIdenticalWeightFiles() throws Exception {
        Path other = tmp.resolve("same");
        assertEquals(0, rgflow("train", CONFIG, "--dataset", dataset.toString(), "--out", other.toString(), "-q")
                .code());
        assertSameWeights(model, other);
    }

    static void assertSameWeights(Path a, Path b) throws Exception {
        for (String f : List.of("model.json", "weights/W0.npy", "weights/vb0.npy", "weights/hb0.npy",
                "weights/W1.npy", "weights/vb1.npy", "weights/hb1.npy")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }
}
