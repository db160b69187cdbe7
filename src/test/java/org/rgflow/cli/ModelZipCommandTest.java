package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.provenance.Sha256;
import org.rgflow.testing.ManifestTampering;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.testing.Tripwires;
import org.rgflow.testing.ZipSurgery;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * Issue 14 item 4 through the CLI: a shared model or thermometer whose zip carries a {@code preprocessor.bin} entry
 * (with its manifest and checksums made to match) is refused with exit 2 and one line naming the file and the entry;
 * the serialized object is never read (it hung {@code analyze weights} and {@code sample-model}, and a String gave
 * a ClassCastException).
 */
class ModelZipCommandTest extends Nd4jTestBase {

    @TempDir
    static Path tmp;
    static Path dataset;
    static Path model;
    static Path thermometer;

    static Run rgflow(String... args) {
        return SampleCommandTest.rgflow(args);
    }

    @BeforeAll
    static void sampleAndTrain() {
        dataset = tmp.resolve("ds");
        assertEquals(0, rgflow("sample", "configs/test/sample-tiny.yaml", "--out", dataset.toString(), "--quiet")
                .code());
        model = tmp.resolve("model");
        Run t = rgflow("train", "configs/test/train-tiny.yaml", "--dataset", dataset.toString(), "--out",
                model.toString(), "-q");
        assertEquals(0, t.code(), t.err());
        thermometer = tmp.resolve("thermo");
        Run th = rgflow("thermometer", "train", "--config", "configs/test/thermometer-tiny.yaml", "--dataset",
                dataset.toString(), "--out", thermometer.toString(), "--set", "epochs=1", "--quiet");
        assertEquals(0, th.code(), th.err());
    }

    @BeforeEach
    void arm() {
        Tripwires.DESERIALIZED.set(false);
    }

    /** A copy of {@code dir} whose {@code zip} also holds preprocessor.bin = {@code object}, checksums updated. */
    private static Path doctored(Path dir, String name, String zip, Object object) throws IOException {
        Path copy = tmp.resolve(name);
        try (var files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Map<String, byte[]> entries = ZipSurgery.entries(copy.resolve(zip));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(object);
        }
        entries.put("preprocessor.bin", b.toByteArray());
        ZipSurgery.write(copy.resolve(zip), entries);
        ManifestTampering.rehash(copy, zip);
        return copy;
    }

    private static void assertRefused(Run run, Path zip) {
        assertEquals(2, run.code(), run.out() + run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.contains(zip + ": entry 'preprocessor.bin' is not one rgflow writes"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Tripwires.DESERIALIZED.get(), "readObject ran");
    }

    @Test
    void analyzeWeightsRefusesASerializedObject() throws IOException {
        Path bad = doctored(model, "model-gadget", "model.zip", new Tripwires.Gadget());
        assertRefused(rgflow("analyze", "weights", bad.toString(), "--out", tmp.resolve("w1").toString()),
                bad.resolve("model.zip"));
    }

    @Test
    void analyzeWeightsRefusesASerializedString() throws IOException {
        Path bad = doctored(model, "model-string", "model.zip", "not a preprocessor");
        assertRefused(rgflow("analyze", "weights", bad.toString(), "--out", tmp.resolve("w2").toString()),
                bad.resolve("model.zip"));
    }

    @Test
    void sampleModelRefusesASerializedObject() throws IOException {
        Path bad = doctored(model, "model-gadget-2", "model.zip", new Tripwires.Gadget());
        assertRefused(rgflow("sample-model", bad.toString(), "--temperature-label", "2", "--chains", "2",
                "--configurations", "4", "--burn-in", "1", "--out", tmp.resolve("gen").toString()),
                bad.resolve("model.zip"));
    }

    @Test
    void thermometerEvalRefusesASerializedObject() throws IOException {
        Path bad = doctored(thermometer, "thermo-gadget", ThermometerFiles.MODEL, new Tripwires.Gadget());
        Path json = bad.resolve(ThermometerFiles.DESCRIPTION);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode d = (ObjectNode) mapper.readTree(json.toFile());
        d.put("modelSha256", Sha256.of(bad.resolve(ThermometerFiles.MODEL)));
        mapper.writeValue(json.toFile(), d);
        ManifestTampering.rehash(bad, ThermometerFiles.DESCRIPTION);
        assertRefused(rgflow("thermometer", "eval", bad.toString(), "--dataset", dataset.toString(), "--out",
                tmp.resolve("eval").toString()), bad.resolve(ThermometerFiles.MODEL));
    }

    /** The model rgflow wrote loads (the control for the refusals above). */
    @Test
    void theUndoctoredModelLoads() {
        Run run = rgflow("analyze", "weights", model.toString(), "--out", tmp.resolve("w0").toString());
        assertEquals(0, run.code(), run.err());
    }
}
