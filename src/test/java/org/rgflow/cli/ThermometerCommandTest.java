package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.provenance.Manifest;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.thermometer.ThermometerFiles;
import org.rgflow.testing.ThermometerTestData;

/** End to end: {@code rgflow thermometer train} with the tiny config, then {@code rgflow thermometer eval}. */
class ThermometerCommandTest extends Nd4jTestBase {

    @Test
    void trainsSavesAndEvaluates(@TempDir Path tmp) throws Exception {
        Path dataset = ThermometerTestData.create(tmp);
        Path model = tmp.resolve("thermo");
        SampleCommandTest.Run run = SampleCommandTest.rgflow("thermometer", "train", "--config",
                "configs/test/thermometer-tiny.yaml", "--dataset", dataset.toString(), "--out", model.toString(),
                "--set", "epochs=3", "--quiet");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("accuracy"), run.out());
        for (String f : new String[] {ThermometerFiles.MODEL, ThermometerFiles.DESCRIPTION,
            ThermometerCommand.CONFUSION_CSV, ThermometerCommand.CONFUSION_PNG, ThermometerCommand.EVALUATION_CSV,
            "manifest.json"}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        JsonNode m = Manifest.read(model.resolve("manifest.json"));
        assertEquals("thermometer", m.get("kind").asText());
        assertEquals(500, m.at("/evaluation/count").asInt());
        assertEquals(5, m.get("outputs").size());
        double trainAccuracy = m.at("/evaluation/accuracy").asDouble();

        SampleCommandTest.Run eval = SampleCommandTest.rgflow("thermometer", "eval", model.toString(), "--dataset",
                dataset.toString(), "--out", tmp.resolve("eval").toString());
        assertEquals(0, eval.code(), eval.err());
        JsonNode e = Manifest.read(tmp.resolve("eval").resolve("manifest.json"));
        assertEquals(trainAccuracy, e.at("/evaluation/accuracy").asDouble(), 1e-12);
        assertTrue(Files.readString(tmp.resolve("eval").resolve(ThermometerCommand.CONFUSION_CSV))
                .startsWith("true_T,pred_1.0,pred_2.0,pred_2.5,pred_3.0,pred_4.0\n"));

        SampleCommandTest.Run again = SampleCommandTest.rgflow("thermometer", "train", "--config",
                "configs/test/thermometer-tiny.yaml", "--dataset", dataset.toString(), "--out", model.toString());
        assertEquals(RgflowCommand.EXIT_USAGE, again.code());
        assertTrue(again.err().contains("already holds a thermometer"), again.err());
    }
}
