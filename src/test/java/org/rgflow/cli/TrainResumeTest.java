package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.testing.Nd4jTestBase;

/**
 * {@code rgflow train --resume} through the CLI. The interruption is simulated on disk: an uninterrupted run with
 * {@code --keep-checkpoints} provides the checkpoints a run of the same config writes (training is deterministic),
 * and the work directory {@code .<out>.partial/} is rebuilt as a run killed during epoch 3 of layer 0 leaves it:
 * {@code checkpoints/run.json}, {@code checkpoints/layer-00-epoch-00002/} and {@code training.csv}. The resumed
 * run must finish layer 0, train layer 1 and end with byte-identical weight files and the same metrics.
 */
class TrainResumeTest extends Nd4jTestBase {

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("ds");
        assertEquals(0, SampleCommandTest.rgflow("sample", "configs/test/sample-tiny.yaml", "--out", dataset.toString(),
                "--quiet").code());
        Path full = tmp.resolve("full");
        Run a = TrainCommandTest.rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                full.toString(), "--keep-checkpoints", "-q");
        assertEquals(0, a.code(), a.err());
        Path kept = full.resolve("checkpoints");
        assertTrue(Files.isDirectory(kept.resolve("layer-01-epoch-00004")), "last checkpoint kept");

        Path resumed = tmp.resolve("resumed");
        Path work = tmp.resolve(".resumed.partial");
        Files.createDirectories(work.resolve("checkpoints"));
        Files.copy(kept.resolve(ModelDirectory.RUN_FILE), work.resolve("checkpoints").resolve(ModelDirectory.RUN_FILE));
        copyTree(kept.resolve("layer-00-epoch-00002"), work.resolve("checkpoints/layer-00-epoch-00002"));
        Files.copy(full.resolve("training.csv"), work.resolve("training.csv"));

        Run refused = TrainCommandTest.rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(),
                "--out", resumed.toString(), "-q");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--resume") && refused.err().contains("2 epochs"), refused.err());

        Run b = TrainCommandTest.rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                resumed.toString(), "--resume", "-q");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("resuming from") && b.out().contains("layer 0, 2 epochs done"), b.out());
        assertFalse(Files.exists(work));
        TrainCommandTest.assertSameWeights(full, resumed);
        assertEquals(withoutSeconds(full.resolve("training.csv")), withoutSeconds(resumed.resolve("training.csv")));
        assertTrue(Files.readString(resumed.resolve("manifest.json")).contains("resumedFrom"));
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
