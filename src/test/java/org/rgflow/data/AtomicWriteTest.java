package org.rgflow.data;

import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void writeRows(SpinDatasetWriter w, int n, double t) {
        for (int i = 0; i < n; i++) {
            w.write(TestDatasets.row(i, 64), t);
        }
    }

    @Test
    void nothingHasAFinalNameBeforeFinish() throws IOException {
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100)) {
            writeRows(w, 250, 2.0);
            // two shards are complete, a third is open: all under hidden temporary names
            List<String> during = names();
            assertTrue(during.stream().allMatch(n -> n.startsWith(".") && n.endsWith(".npy.tmp")), during.toString());
            assertTrue(during.contains(".spins-00000.npy.tmp") && during.contains(".spins-00002.npy.tmp"),
                    during.toString());
            assertThrows(IllegalStateException.class, w::files, "files are known only after finish");
            DatasetIndex index = w.finish();
            assertEquals(List.of("spins-00000.npy", "spins-00001.npy", "spins-00002.npy", "temperature-00000.npy",
                    "temperature-00001.npy", "temperature-00002.npy"), names());
            assertEquals(250, index.numConfigurations());
            for (OutputFile f : w.files()) {
                assertEquals(Files.size(dir.resolve(f.path())), f.bytes());
                assertEquals(Sha256.of(dir.resolve(f.path())), f.sha256());
            }
        }
    }

    @Test
    void closeWithoutFinishLeavesNothing() throws IOException {
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100)) {
            writeRows(w, 150, 2.0);
        }
        assertEquals(List.of(), names());
    }

    @Test
    void anUnfinishedTempFileDoesNotPassAsAShard() throws IOException {
        SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 1000);
        writeRows(w, 40, 2.0);
        // the open shard's header still says 0 rows; nothing has been flushed past the header yet
        // (1 MiB buffer), so a crash here leaves only a hidden, header-only temp file.
        assertEquals(List.of(".spins-00000.npy.tmp"), names());
        w.close();
    }

    @Test
    void refusesToOverwriteADataset() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, new double[] {2.0}, new int[] {10});
        DatasetException e = assertThrows(DatasetException.class,
                () -> SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100));
        assertTrue(e.getMessage().contains("already holds a dataset"), e.getMessage());
    }

    @Test
    void staleTempFilesOfAnInterruptedRunAreRemoved() throws IOException {
        Files.write(dir.resolve(".spins-00007.npy.tmp"), new byte[] {1, 2, 3});
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100)) {
            writeRows(w, 5, 2.0);
            w.finish();
        }
        assertEquals(List.of("spins-00000.npy", "temperature-00000.npy"), names());
    }

    @Test
    void manifestIsWrittenAtomically() throws IOException {
        DatasetIndex index = TestDatasets.write(dir, TestDatasets.LABELS, 100, new double[] {2.0}, new int[] {10});
        assertTrue(names().contains("manifest.json"));
        assertTrue(names().stream().noneMatch(n -> n.endsWith(".tmp")), names().toString());
        assertEquals(index, DatasetIndex.fromManifest(dir.resolve("manifest.json")));
    }
}
