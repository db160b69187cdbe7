package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetVerificationTest {

    private static final double[] TEMPS = {2.0, 3.0};
    private static final int[] COUNTS = {150, 60};

    @TempDir
    Path dir;

    @BeforeEach
    void writeDataset() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
    }

    private DatasetException openFails() {
        return assertThrows(DatasetException.class, () -> SpinDataset.open(dir));
    }

    private static void assertMentions(DatasetException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void intactDatasetOpens() {
        SpinDataset ds = SpinDataset.open(dir);
        assertTrue(ds.numConfigurations() == 210 && ds.shards().size() == 3);
    }

    @Test
    void truncatedShard() throws IOException {
        Path shard = dir.resolve("spins-00001.npy");
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
            f.setLength(128 + 20 * 64);
        }
        assertMentions(openFails(), shard.toString(), "truncated", "50 rows of 64 bytes = 3200 bytes",
                "1280", "re-run `rgflow sample`");
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        Path shard = dir.resolve("spins-00000.npy");
        byte[] b = Files.readAllBytes(shard);
        b[128 + 1000] = (byte) -b[128 + 1000];
        Files.write(shard, b);
        assertMentions(openFails(), shard.toString(), "checksum mismatch", "SHA-256");
    }

    @Test
    void flippedTemperatureByteFailsTheChecksum() throws IOException {
        Path temps = dir.resolve("temperature-00002.npy");
        byte[] b = Files.readAllBytes(temps);
        b[128 + 3] ^= 1;
        Files.write(temps, b);
        assertMentions(openFails(), temps.toString(), "checksum mismatch");
    }

    @Test
    void missingShard() throws IOException {
        Path shard = dir.resolve("spins-00002.npy");
        Files.delete(shard);
        assertMentions(openFails(), shard.toString(), "missing", "60 configurations");
    }

    @Test
    void missingManifest() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.delete(manifest);
        assertMentions(openFails(), manifest.toString(), "missing", "not a complete dataset");
    }

    @Test
    void numSitesMismatchWithManifest() throws IOException {
        // a 6x6 shard dropped in place of an 8x8 one (manifest rewritten to match its checksum)
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        DatasetIndex small = TestDatasets.write(other, DatasetLabels.of(2, 6, "ising-nn"), 100, TEMPS, COUNTS);
        Files.copy(other.resolve("spins-00000.npy"), dir.resolve("spins-00000.npy"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DatasetIndex index = DatasetIndex.fromManifest(dir.resolve("manifest.json"));
        var outputs = new java.util.ArrayList<>(index.outputs().values());
        outputs.set(0, small.outputs().get("spins-00000.npy"));
        DatasetManifest.writeMinimal(dir, index, outputs);
        assertMentions(openFails(), dir.resolve("spins-00000.npy").toString(), "shape (100, 36)",
                "numSites = 64");
    }

    @Test
    void wrongDtype() throws IOException {
        Path shard = dir.resolve("spins-00002.npy");
        byte[] b = Files.readAllBytes(shard);
        byte[] descr = "'<u1'".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(descr, 0, b, 20, descr.length); // replaces '|i1' in the dict
        Files.write(shard, b);
        assertMentions(openFails(), shard.toString(), "dtype '<u1'", "int8");
    }

    @Test
    void extraBytesAfterTheData() throws IOException {
        Path shard = dir.resolve("spins-00002.npy");
        Files.write(shard, new byte[] {1, 1, 1}, java.nio.file.StandardOpenOption.APPEND);
        assertMentions(openFails(), shard.toString(), "3 bytes after");
    }

    @Test
    void manifestCountDisagreesWithHeader() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        String json = Files.readString(manifest).replace("\"count\" : 60", "\"count\" : 61")
                .replace("\"numConfigurations\" : 210", "\"numConfigurations\" : 211");
        Files.writeString(manifest, json);
        assertMentions(openFails(), "spins-00002.npy", "header says 60 rows but manifest.json says 61");
    }

    @Test
    void shardNotListedInOutputs() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        DatasetIndex index = DatasetIndex.fromManifest(manifest);
        var outputs = new java.util.ArrayList<>(index.outputs().values());
        outputs.removeIf(f -> f.path().equals("temperature-00001.npy"));
        DatasetManifest.writeMinimal(dir, index, outputs);
        assertMentions(openFails(), "temperature-00001.npy", "not listed in the outputs");
    }

    @Test
    void manifestWithoutDatasetSectionOrInvalidJson() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\"kind\": \"model\"}");
        assertMentions(openFails(), manifest.toString(), "no \"dataset\" section");
        Files.writeString(manifest, "{\"dataset\": ");
        assertMentions(openFails(), manifest.toString(), "not valid JSON");
    }
}
