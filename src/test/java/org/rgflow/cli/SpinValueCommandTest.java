package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.provenance.Manifest;
import org.rgflow.testing.ManifestTampering;
import org.rgflow.testing.Nd4jTestBase;

/**
 * Issue 14 item 6 through the CLI: a dataset whose shard holds values other than &plusmn;1, its manifest's checksums
 * recomputed, makes {@code rgflow train} and {@code rgflow analyze rg} stop with exit 2 and one line naming the file,
 * the row and the value (they trained and analysed it silently before).
 */
class SpinValueCommandTest extends Nd4jTestBase {

    private static final int HEADER = 128;
    private static final int SITES = 64;

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

    /** A copy of the dataset whose shard at {@code temperature} has its data bytes passed through {@code edit}. */
    private static Path tampered(String name, double temperature, java.util.function.Consumer<byte[]> edit)
            throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> files = Files.list(dataset)) {
            Files.createDirectories(copy);
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        String shard = shardAt(temperature);
        byte[] b = Files.readAllBytes(copy.resolve(shard));
        edit.accept(b);
        Files.write(copy.resolve(shard), b);
        ManifestTampering.rehash(copy, shard);
        return copy;
    }

    private static String shardAt(double temperature) throws IOException {
        for (var s : Manifest.read(dataset.resolve("manifest.json")).at("/dataset/shards")) {
            if (s.path("temperature").asDouble() == temperature) {
                return s.path("spins").asText();
            }
        }
        throw new IllegalStateException("no shard at T=" + temperature);
    }

    private static void assertOneLineError(Run run, String... parts) {
        assertEquals(2, run.code(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        for (String p : parts) {
            assertTrue(first.contains(p), "expected '" + p + "' in: " + run.err());
        }
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void trainRefusesAFiveNamingFileAndRow() throws IOException {
        Path ds = tampered("ds-five", 2.0, b -> b[HEADER + 42 * SITES + 3] = 5);
        Run run = SampleCommandTest.rgflow("train", "configs/test/train-tiny.yaml", "--dataset", ds.toString(), "--out",
                tmp.resolve("model-five").toString(), "-q");
        assertOneLineError(run, ds.resolve(shardAt(2.0)).toString(), "row 42, site 3", "holds 5");
        assertFalse(Files.exists(tmp.resolve("model-five")));
    }

    /** The case: the T = 0 shard written as {0,1}; {@code analyze rg} reported ⟨|m|⟩ = 0 from it. */
    @Test
    void analyzeRgRefusesAZeroOneShard() throws IOException {
        int[] firstDown = {-1};
        Path ds = tampered("ds-zero-one", 0.0, b -> {
            for (int i = HEADER; i < b.length; i++) {
                if (b[i] == -1) {
                    firstDown[0] = firstDown[0] < 0 ? i - HEADER : firstDown[0];
                    b[i] = 0;
                }
            }
        });
        assertTrue(firstDown[0] >= 0, "the T = 0 shard has an all-down row");
        Run run = SampleCommandTest.rgflow("analyze", "rg", ds.toString(), "--temperature", "0", "--out",
                tmp.resolve("rg").toString());
        assertOneLineError(run, ds.resolve(shardAt(0.0)).toString(), "row " + firstDown[0] / SITES + ", site "
                + firstDown[0] % SITES, "holds 0");
        assertFalse(Files.exists(tmp.resolve("rg")));
    }
}
