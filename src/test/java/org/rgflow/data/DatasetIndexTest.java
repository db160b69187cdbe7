package org.rgflow.data;

import org.rgflow.provenance.OutputFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetIndexTest {

    private static final String SHA = "0".repeat(64);
    private static final ObjectMapper MAPPER = DatasetManifest.mapper();

    @TempDir
    Path dir;

    private static DatasetIndex sample() {
        return DatasetIndex.of(DatasetLabels.of(2, 16, "ising-nn"), List.of(
                new ShardInfo("spins-00000.npy", "temperature-00000.npy", 1000, 2.2692),
                new ShardInfo("spins-00001.npy", "temperature-00001.npy", 345, 3.0)));
    }

    @Test
    void serialisesToTheDocumentedSection() throws Exception {
        JsonNode json = MAPPER.valueToTree(sample());
        assertEquals(List.of("formatVersion", "dimension", "length", "numSites", "model", "sigma", "encoding",
                "numConfigurations", "shards"), iteratorToList(json.fieldNames()));
        assertTrue(json.get("sigma").isNull());
        assertEquals(256, json.get("numSites").asInt());
        assertEquals("plus-minus-one", json.get("encoding").asText());
        assertEquals(1345, json.get("numConfigurations").asLong());
        assertEquals("temperature-00001.npy", json.get("shards").get(1).get("temperatures").asText());
        assertEquals(sample(), MAPPER.treeToValue(json, DatasetIndex.class));
    }

    @Test
    void longRangeSigmaRoundTrips() throws Exception {
        DatasetIndex lr = DatasetIndex.of(new DatasetLabels(1, 64, "ising-lr", 0.5),
                List.of(new ShardInfo("spins-00000.npy", "temperature-00000.npy", 1, 1.0)));
        JsonNode json = MAPPER.valueToTree(lr);
        assertEquals(0.5, json.get("sigma").asDouble());
        DatasetIndex back = MAPPER.treeToValue(json, DatasetIndex.class);
        assertEquals(0.5, back.labels().sigma());
        assertTrue(back.labels().isLongRange());
    }

    @Test
    void fromManifestReadsTheSectionsAndIgnoresTheRest() throws Exception {
        String manifest = """
                {"kind": "dataset", "id": "x", "tool": {"name": "rgflow"},
                 "dataset": %s,
                 "outputs": [{"path": "spins-00000.npy", "bytes": 12, "sha256": "%s"},
                             {"path": "other.txt", "bytes": 3, "sha256": "%s", "note": "extra"}]}
                """.formatted(MAPPER.writeValueAsString(sample()), SHA, SHA);
        Files.writeString(dir.resolve("manifest.json"), manifest);
        DatasetIndex index = DatasetIndex.fromManifest(dir.resolve("manifest.json"));
        assertEquals(sample().shards(), index.shards());
        assertEquals(12, index.output("spins-00000.npy").orElseThrow().bytes());
        assertFalse(index.output("spins-00001.npy").isPresent());
        assertEquals(List.of(2.2692, 3.0), index.temperatures());
        assertFalse(MAPPER.valueToTree(index).has("outputs"), "outputs are not part of the dataset section");
    }

    @Test
    void invalidSectionsFailWithTheManifestAndTheReason() throws Exception {
        Path m = dir.resolve("manifest.json");
        String good = MAPPER.writeValueAsString(sample());
        Files.writeString(m, "{\"dataset\": " + good.replace("\"numSites\" : 256", "\"numSites\" : 255")
                + ", \"outputs\": []}");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetIndex.fromManifest(m));
        assertTrue(e.getMessage().contains(m.toString()) && e.getMessage().contains("numSites 255"), e.getMessage());

        Files.writeString(m, "{\"dataset\": " + good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")
                + ", \"outputs\": []}");
        e = assertThrows(DatasetException.class, () -> DatasetIndex.fromManifest(m));
        assertTrue(e.getMessage().contains("unsupported dataset formatVersion 2"), e.getMessage());

        Files.writeString(m, "{\"dataset\": " + good.replace("\"model\" : \"ising-nn\",", "") + ", \"outputs\": []}");
        e = assertThrows(DatasetException.class, () -> DatasetIndex.fromManifest(m));
        assertTrue(e.getMessage().contains("dataset.model is missing"), e.getMessage());

        Files.writeString(m, "{\"dataset\": " + good + "}");
        e = assertThrows(DatasetException.class, () -> DatasetIndex.fromManifest(m));
        assertTrue(e.getMessage().contains("no \"outputs\" list"), e.getMessage());
    }

    @Test
    void validationInTheConstructors() {
        assertThrows(IllegalArgumentException.class,
                () -> new ShardInfo("../spins-00000.npy", "temperature-00000.npy", 1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new ShardInfo("spins.npy", "t.npy", 0, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new ShardInfo("spins.npy", "t.npy", 1, -0.5));
        new ShardInfo("spins.npy", "t.npy", 1, 0.0); // T = 0: the exact ground-state ensemble
        assertThrows(IllegalArgumentException.class, () -> DatasetLabels.of(2, 0, "ising-nn"));
        assertThrows(IllegalArgumentException.class, () -> DatasetLabels.of(3, 1024, "ising-nn"));
        assertThrows(IllegalArgumentException.class, () -> new OutputFile("a.npy", 1, "XYZ"));
        ShardInfo s = new ShardInfo("spins.npy", "t.npy", 5, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatasetIndex(1, 2, 4,
                16, "ising-nn", null, "plus-minus-one", 6, List.of(s), Map.of()));
        assertTrue(e.getMessage().contains("sum of the shard counts, 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DatasetIndex(1, 2, 4, 16, "ising-nn", null,
                "plus-minus-one", 10, List.of(s, s), Map.of()));
    }

    private static List<String> iteratorToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
