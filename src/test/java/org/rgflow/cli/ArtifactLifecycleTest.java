package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.ArtifactCheck;
import org.rgflow.provenance.Manifest;
import org.rgflow.testing.ChildRgflow;
import org.rgflow.testing.Nd4jTestBase;

/**
 * Issue 14, items 1-3 and 9 through the CLI: {@code --force} replaces only an rgflow artifact of the same kind and
 * never an input; a kill between the renames of a replacement loses nothing; two identical runs at once end with
 * one valid artifact; work directories do not outlive kills, SIGTERM or validation errors.
 */
class ArtifactLifecycleTest extends Nd4jTestBase {

    static final String SAMPLE = "configs/test/sample-tiny.yaml";

    @TempDir
    static Path tmp;
    static Path dataset;

    @BeforeAll
    static void sample() {
        dataset = tmp.resolve("ds");
        Run r = SampleCommandTest.rgflow("sample", SAMPLE, "--out", dataset.toString(), "-q");
        assertEquals(0, r.code(), r.err());
    }

    static Run rgflow(String... args) {
        return SampleCommandTest.rgflow(args);
    }

    /** A refusal: exit 2, one line naming the directory and {@code why}, no stack trace. */
    static void assertRefused(Run r, Path dir, String why) {
        assertEquals(2, r.code(), r.err() + r.out());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("(run with --verbose")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(dir.toString()) && lines.get(0).contains(why), r.err());
    }

    /** Names in {@code dir} starting with a dot, lock files excepted (they stay): work and old directories. */
    static List<String> hidden(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".lock"))
                    .sorted().toList();
        }
    }

    static void assertWhole(Path dir) {
        assertEquals(java.util.Optional.empty(), ArtifactCheck.problem(dir), dir.toString());
    }

    @Test
    void forceLeavesAUserDirectoryAndOtherKindsAlone() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user/results"));
        Files.writeString(user.resolve("thesis.tex"), "three years of work");
        assertRefused(rgflow("sample", SAMPLE, "--out", user.toString(), "--force", "-q"), user,
                "is not an rgflow artifact");
        assertRefused(rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                user.toString(), "--force", "-q"), user, "is not an rgflow artifact");
        assertEquals("three years of work", Files.readString(user.resolve("thesis.tex")));

        Path other = tmp.resolve("other-ds");
        assertEquals(0, rgflow("sample", SAMPLE, "--out", other.toString(), "-q").code());
        assertRefused(rgflow("thermometer", "train", "--config", "configs/test/thermometer-tiny.yaml", "--dataset",
                dataset.toString(), "--out", other.toString(), "--force", "-q"), other, "holds an rgflow dataset");
        assertWhole(other);
    }

    @Test
    void theInputIsNeverTheOutputSymbolicLinksIncluded() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("ds-link"), dataset);
        for (Path out : List.of(dataset, link)) {
            assertRefused(rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                    out.toString(), "--force", "-q"), out, "is the input");
        }
        assertRefused(rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                tmp.toString(), "--force", "-q"), tmp, "contains the input");
        assertEquals(600, SpinDataset.open(dataset).numConfigurations());
    }

    /** A real child JVM halted (as by kill -9) between renaming the old dataset aside and the new one in. */
    @Test
    void aKillBetweenTheRenamesOfAReplacementLosesNothing() throws Exception {
        Path dir = tmp.resolve("replaced");
        assertEquals(0, rgflow("sample", SAMPLE, "--out", dir.toString(), "-q").code());
        String oldConfig = Manifest.read(dir.resolve("manifest.json")).path("configSha256").asText();
        Process p = ChildRgflow.start(tmp.resolve("logs-halt"), List.of("-Drgflow.fault=between-renames"), "sample",
                SAMPLE, "--set", "seed=43", "--out", dir.toString(), "--force", "-q");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), ChildRgflow.output(tmp.resolve("logs-halt")));
        assertFalse(Files.exists(dir), "halted between the renames");
        assertTrue(hidden(tmp).stream().anyMatch(n -> n.startsWith(".replaced.old-")), hidden(tmp).toString());

        Run again = rgflow("sample", SAMPLE, "--out", dir.toString(), "-q");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("restored " + dir.toRealPath()), again.err());
        assertTrue(again.out().contains("up to date"), again.out());
        assertWhole(dir);
        assertEquals(oldConfig, Manifest.read(dir.resolve("manifest.json")).path("configSha256").asText());
        assertFalse(hidden(tmp).stream().anyMatch(n -> n.startsWith(".replaced.")), hidden(tmp).toString());
    }

    /** Two identical runs in two threads: one writes, the other waits and finds it up to date. */
    @Test
    void twoIdenticalRunsAtOnceEndWithOneValidArtifact() throws Exception {
        Path data = tmp.resolve("twice-ds");
        Path model = tmp.resolve("twice-model");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String[] args : List.of(new String[] {"sample", SAMPLE, "--out", data.toString(), "-q"},
                    new String[] {"train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out",
                        model.toString(), "-q"})) {
                Future<Run> a = pool.submit(() -> rgflow(args));
                Future<Run> b = pool.submit(() -> rgflow(args));
                Run ra = a.get(5, TimeUnit.MINUTES);
                Run rb = b.get(5, TimeUnit.MINUTES);
                for (Run r : List.of(ra, rb)) {
                    assertEquals(0, r.code(), r.err());
                    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
                }
                assertEquals(1, Stream.of(ra, rb).filter(r -> r.out().contains("up to date")).count(),
                        ra.out() + rb.out());
            }
        } finally {
            pool.shutdownNow();
        }
        assertWhole(data);
        assertWhole(model);
        assertFalse(hidden(tmp).stream().anyMatch(n -> n.startsWith(".twice-")), hidden(tmp).toString());
    }

    /** The same with two processes: the file lock on {@code .DIR.lock} keeps them apart. */
    @Test
    void twoIdenticalProcessesAtOnceEndWithOneValidArtifact() throws Exception {
        Path data = tmp.resolve("two-processes");
        Process a = ChildRgflow.start(tmp.resolve("logs-a"), List.of(), "sample", SAMPLE, "--out", data.toString(),
                "-q");
        Process b = ChildRgflow.start(tmp.resolve("logs-b"), List.of(), "sample", SAMPLE, "--out", data.toString(),
                "-q");
        assertTrue(a.waitFor(3, TimeUnit.MINUTES) && b.waitFor(3, TimeUnit.MINUTES));
        String outA = ChildRgflow.output(tmp.resolve("logs-a"));
        String outB = ChildRgflow.output(tmp.resolve("logs-b"));
        assertEquals(0, a.exitValue(), outA);
        assertEquals(0, b.exitValue(), outB);
        assertFalse((outA + outB).contains("Exception"), outA + outB);
        assertTrue(outA.contains("up to date") != outB.contains("up to date"), outA + "\n---\n" + outB);
        assertWhole(data);
        assertFalse(hidden(tmp).stream().anyMatch(n -> n.startsWith(".two-processes.")), hidden(tmp).toString());
    }

    @Test
    void workDirectoriesOfDeadRunsAreCleanedAndValidationErrorsLeaveNone() throws Exception {
        long dead = ChildRgflow.deadPid();
        Path dir = tmp.resolve("stale");
        Files.createDirectories(tmp.resolve(".stale.work-" + dead + "-7/shards"));
        Files.writeString(tmp.resolve(".stale.work-" + dead + "-7/shards/spins-000.npy"), "half");
        Files.createDirectories(tmp.resolve(".stale.partial-" + dead));
        assertEquals(0, rgflow("sample", SAMPLE, "--out", dir.toString(), "-q").code());
        assertWhole(dir);
        assertFalse(hidden(tmp).stream().anyMatch(n -> n.startsWith(".stale.")), hidden(tmp).toString());

        Path invalid = tmp.resolve("invalid");
        Run r = rgflow("train", TrainCommandTest.CONFIG, "--dataset", dataset.toString(), "--out", invalid.toString(),
                "--set", "heldOutFraction=0.999", "-q");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("leaves no training rows"), r.err());
        assertFalse(hidden(tmp).stream().anyMatch(n -> n.startsWith(".invalid.")), hidden(tmp).toString());
    }

    /** SIGTERM (Ctrl-C, kill) while sampling: the shutdown hook deletes the work directory. */
    @Test
    void sigtermLeavesNoWorkDirectory() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("term"));
        Path dir = parent.resolve("big");
        Process p = ChildRgflow.start(tmp.resolve("logs-term"), List.of(), "sample", SAMPLE, "--set",
                "sampler.configurationsPerTemperature=2000000", "--out", dir.toString(), "-q");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (hidden(parent).stream().noneMatch(n -> n.startsWith(".big.work-")) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), ChildRgflow.output(tmp.resolve("logs-term")));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), hidden(parent), ChildRgflow.output(tmp.resolve("logs-term")));
        assertFalse(Files.exists(dir));
    }
}
