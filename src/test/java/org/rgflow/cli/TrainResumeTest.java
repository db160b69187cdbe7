package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.testing.Nd4jTestBase;

/**
 * {@code rgflow train --resume} through the CLI. The interruption is simulated on disk: an uninterrupted run with
 * {@code --keep-checkpoints} provides the checkpoints a run of the same config writes (training is deterministic),
 * and the work directory {@code .<out>.work-<pid>-<n>/} of a dead process is rebuilt as a run killed during epoch 3
 * of layer 0 leaves it: {@code checkpoints/run.json}, {@code checkpoints/layer-00-epoch-00002/} and
 * {@code training.csv}. Two resumers start at once: one adopts it, finishes layer 0, trains layer 1 and ends with
 * byte-identical weight files and the same metrics; the other waits for it and finds the model up to date.
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
        Path work = tmp.resolve(".resumed.work-" + org.rgflow.testing.ChildRgflow.deadPid() + "-1");
        Files.createDirectories(work.resolve("checkpoints"));
        Files.copy(kept.resolve(ModelDirectory.RUN_FILE), work.resolve("checkpoints").resolve(ModelDirectory.RUN_FILE));
        copyTree(kept.resolve("layer-00-epoch-00002"), work.resolve("checkpoints/layer-00-epoch-00002"));
        Files.copy(full.resolve("training.csv"), work.resolve("training.csv"));

        Run refused = TrainCommandTest.rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(),
                "--out", resumed.toString(), "-q");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--resume") && refused.err().contains("2 epochs"), refused.err());

        String[] resume = {"train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
            resumed.toString(), "--resume", "-q"};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Run> runs;
        try {
            Future<Run> first = pool.submit(() -> TrainCommandTest.rgflow(resume));
            Future<Run> second = pool.submit(() -> TrainCommandTest.rgflow(resume));
            runs = List.of(first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
        for (Run r : runs) {
            assertEquals(0, r.code(), r.err());
        }
        Run b = runs.stream().filter(r -> r.out().contains("resuming from")).findFirst().orElseThrow();
        assertTrue(b.out().contains("layer 0, 2 epochs done"), b.out());
        assertEquals(1, runs.stream().filter(r -> r.out().contains("up to date")).count(), runs.toString());
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
