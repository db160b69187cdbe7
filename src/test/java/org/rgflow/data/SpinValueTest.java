package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.split.FileSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rgflow.provenance.OutputFile;

/**
 * Issue 14 item 6: a shard holding a value other than &plusmn;1, with the manifest's checksums recomputed so that
 * checksum verification passes, is refused on open (and so by every reader), naming the file, row, site and value.
 */
class SpinValueTest {

    private static final double[] TEMPS = {2.0, 3.0};
    private static final int[] COUNTS = {150, 60};

    @TempDir
    Path dir;

    /** Writes the dataset (shards of 100 rows x 64 sites), puts {@code value} at (row, site) of {@code shard}. */
    private Path corrupt(String shard, int row, int site, byte value) throws IOException {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        Path file = dir.resolve(shard);
        byte[] b = Files.readAllBytes(file);
        b[128 + row * 64 + site] = value;
        Files.write(file, b);
        DatasetIndex index = DatasetIndex.fromManifest(dir.resolve(DatasetManifest.FILE_NAME));
        List<OutputFile> outputs = new ArrayList<>(index.outputs().values());
        outputs.replaceAll(o -> o.path().equals(shard) ? rehash(shard) : o);
        DatasetManifest.writeMinimal(dir, index, outputs);
        return file;
    }

    private OutputFile rehash(String name) {
        try {
            return OutputFile.of(dir, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} row {1} site {2} = {3}")
    @CsvSource({"spins-00000.npy, 0, 0, 0", "spins-00001.npy, 17, 5, 5", "spins-00001.npy, 17, 5, 0",
        "spins-00002.npy, 59, 63, -128", "spins-00000.npy, 99, 7, 127", "spins-00002.npy, 3, 8, 2"})
    void openRefusesAValueOtherThanPlusMinusOne(String shard, int row, int site, byte value) throws IOException {
        Path file = corrupt(shard, row, site, value);
        DatasetException e = assertThrows(DatasetException.class, () -> SpinDataset.open(dir));
        for (String part : List.of(file.toString(), "row " + row + ", site " + site, "holds " + value,
                "must be -1 or +1")) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void everyReaderRefusesIt() throws IOException {
        Path file = corrupt("spins-00001.npy", 17, 5, (byte) 0);
        String where = file + ": row 17, site 5";
        assertTrue(assertThrows(DatasetException.class, () -> SpinDataSetIterator.builder(dir).batchSize(10).build())
                .getMessage().contains(where));
        assertTrue(assertThrows(DatasetException.class, () -> new SpinRecordReader().initialize(new FileSplit(
                dir.toFile()))).getMessage().contains(where));
        assertTrue(assertThrows(DatasetException.class, () -> new SpinRecordReader(dir)).getMessage().contains(where));
    }

    @Test
    void aChecksumMismatchIsStillReportedAsSuch() throws IOException {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        Path file = dir.resolve("spins-00000.npy");
        byte[] b = Files.readAllBytes(file);
        b[128 + 10] = 0;
        Files.write(file, b);
        String message = assertThrows(DatasetException.class, () -> SpinDataset.open(dir)).getMessage();
        assertTrue(message.contains("checksum mismatch"), message);
    }

    /** Every byte value at every position, in and around the 8-byte words and 256-byte blocks, aligned or not. */
    @Test
    void blockCheckAgreesWithTheDefinitionForEveryByteAtEveryPosition() {
        for (int length : new int[] {0, 1, 7, 8, 9, 255, 256, 257, 263, 520}) {
            for (int pos = 0; pos < length; pos++) {
                for (int v = -128; v < 128; v++) {
                    byte[] b = new byte[length];
                    for (int i = 0; i < length; i++) {
                        b[i] = (byte) (i % 3 == 0 ? -1 : 1);
                    }
                    b[pos] = (byte) v;
                    int expected = v == 1 || v == -1 ? -1 : pos;
                    assertEquals(expected, SpinFileScan.firstNonSpin(b, 0, length), "length " + length + " pos " + pos
                            + " value " + v);
                    assertEquals(pos < 3 ? -1 : expected, SpinFileScan.firstNonSpin(b, 3, length));
                }
            }
        }
    }
}
