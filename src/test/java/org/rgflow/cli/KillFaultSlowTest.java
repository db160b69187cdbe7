package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.provenance.ArtifactCheck;
import org.rgflow.testing.ChildRgflow;
import org.rgflow.testing.Nd4jTestBase;

/**
 * Issue 14's fault suite: real {@code rgflow sample|train|search} child processes on the tiny configs, killed with
 * SIGKILL at seeded random moments ({@value #TRIES} tries per command, plus {@code sample --force} with a
 * half-second pause between the renames of the replacement, so kills land there too). After every kill no
 * directory at the destination fails its manifest (a replaced one may be missing only while a complete old copy
 * waits beside it), the input dataset and the user's files are intact; a last uninterrupted run completes and
 * leaves no work or old directory. Run with {@code mvn -B -ntp verify -Pslow}.
 */
@Tag("slow")
class KillFaultSlowTest extends Nd4jTestBase {

    static final int TRIES = 20;
    static final long SEED = 1414L;
    static final String SAMPLE = "configs/test/sample-tiny.yaml";

    @TempDir
    static Path tmp;
    static Path dataset;

    @BeforeAll
    static void sample() {
        dataset = tmp.resolve("input-ds");
        assertEquals(0, SampleCommandTest.rgflow("sample", SAMPLE, "--out", dataset.toString(), "-q").code());
    }

    @Test
    void sampleKilledAtRandomLosesNothing() throws Exception {
        killAtRandom("sample", List.of(), i -> List.of("sample", SAMPLE, "--set",
                "sampler.configurationsPerTemperature=" + (i % 2 == 0 ? 3000 : 2000), "--force", "-q"));
    }

    @Test
    void replacementKilledAtRandomLosesNothing() throws Exception {
        killAtRandom("replace", List.of("-Drgflow.fault=pause-between-renames"), i -> List.of("sample", SAMPLE,
                "--set", "seed=" + (40 + i % 2), "--force", "-q"));
    }

    @Test
    void trainKilledAtRandomLosesNothing() throws Exception {
        killAtRandom("train", List.of(), i -> List.of("train", TrainCommandTest.CONFIG, "--dataset",
                dataset.toString(), "--set", "epochs=6", i % 2 == 0 ? "--force" : "--resume", "-q"));
    }

    @Test
    void searchKilledAtRandomLosesNothing() throws Exception {
        // random candidates, one more each try: every try trains, rewrites results and replaces the finished search
        killAtRandom("search", List.of(), i -> List.of("search", SearchCommandTest.CONFIG, "--dataset",
                dataset.toString(), "--set", "generator.type=random", "--set", "budget.maxCandidates=" + (2 + i),
                "--resume", "-q"));
    }

    /** The arguments of try i, without --out. */
    interface Args {
        List<String> of(int i);
    }

    private void killAtRandom(String name, List<String> jvm, Args args) throws Exception {
        Path parent = Files.createDirectories(tmp.resolve(name));
        Path dest = parent.resolve("out");
        Path mine = Files.createDirectories(parent.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "three years of work");
        Files.writeString(parent.resolve("notes.txt"), "do not lose me");

        long t0 = System.nanoTime();
        assertEquals(0, run(parent, jvm, args.of(0), dest, -1), "uninterrupted first run");
        double millis = (System.nanoTime() - t0) / 1e6;
        Random moments = new Random(SEED + name.hashCode());
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 1; i <= TRIES; i++) {
            boolean existed = Files.exists(dest);
            long killAfter = (long) (moments.nextDouble() * 1.1 * millis);
            int code = run(parent, jvm, args.of(i), dest, killAfter);
            outcomes.merge(outcome(code, parent, dest), 1, Integer::sum);
            assertNothingLost(name + " try " + i + " (kill after " + killAfter + " ms)", parent, dest, existed);
        }
        assertEquals(0, run(parent, jvm, args.of(TRIES + 1), dest, -1), "last run completes");
        assertNothingLost(name + " last run", parent, dest, true);
        assertEquals(List.of(), leftovers(parent), "no work or old directories after a complete run");
        System.out.printf("%s: %d kills, first run %.0f ms: %s%n", name, TRIES, millis, outcomes);
    }

    /** Runs rgflow with --out dest, killed (SIGKILL) after {@code killAfterMs} unless negative; the exit code. */
    private int run(Path parent, List<String> jvm, List<String> args, Path dest, long killAfterMs)
            throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("--out");
        all.add(dest.toString());
        Path logs = tmp.resolve("logs");
        Process p = ChildRgflow.start(logs, jvm, all.toArray(String[]::new));
        if (killAfterMs >= 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child ends");
        int code = p.exitValue();
        String output = ChildRgflow.output(logs);
        assertTrue(!output.contains("\tat ") && !output.contains("Exception"), output);
        assertTrue(code == 0 || code == 137, "exit " + code + ": " + output);
        return code;
    }

    private static String outcome(int code, Path parent, Path dest) throws Exception {
        if (code == 0) {
            return "completed";
        }
        List<String> left = leftovers(parent);
        if (left.stream().anyMatch(n -> n.contains(".old-"))) {
            return "killed mid-replacement";
        }
        return left.isEmpty() ? "killed before building" : "killed while building";
    }

    private static void assertNothingLost(String when, Path parent, Path dest, boolean existed) throws Exception {
        assertEquals("three years of work", Files.readString(parent.resolve("mine/thesis.tex")), when);
        assertEquals("do not lose me", Files.readString(parent.resolve("notes.txt")), when);
        assertEquals(java.util.Optional.empty(), ArtifactCheck.problem(dataset), when + ": the input");
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && !n.equals("mine") && !n.equals("notes.txt")) {
                    assertEquals(dest, p, when + ": unexpected " + p);
                }
            }
        }
        if (Files.exists(dest)) {
            assertWholeArtifact(when, dest);
        } else if (existed) { // killed between the renames: the old one waits beside, complete
            assertTrue(leftovers(parent).stream().anyMatch(n -> n.startsWith(".out.old-")
                    && ArtifactCheck.problem(parent.resolve(n)).isEmpty()), when + ": " + leftovers(parent));
        }
    }

    /** The artifact verifies; a search's candidates and its best link too. */
    private static void assertWholeArtifact(String when, Path dir) throws Exception {
        assertEquals(java.util.Optional.empty(), ArtifactCheck.problem(dir), when + ": " + dir);
        Path candidates = dir.resolve("candidates");
        if (Files.isDirectory(candidates)) {
            try (Stream<Path> s = Files.list(candidates)) {
                for (Path c : s.filter(c -> !c.getFileName().toString().startsWith(".")).toList()) {
                    assertEquals(java.util.Optional.empty(), ArtifactCheck.problem(c), when + ": " + c);
                }
            }
            assertTrue(Files.exists(dir.resolve("best/manifest.json")), when + ": best");
        }
    }

    private static List<String> leftovers(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".lock"))
                    .sorted().toList();
        }
    }
}
