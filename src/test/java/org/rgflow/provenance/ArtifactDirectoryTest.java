package org.rgflow.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.testing.ChildRgflow;

/** The claim, repair and swap of artifact directories, on plain files (no rgflow command). */
class ArtifactDirectoryTest {

    @TempDir
    Path tmp;

    /** Writes {@code dir} as an artifact of {@code kind} with one file {@code data.txt} holding {@code content}. */
    static Path artifact(Path dir, String kind, String content) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("data.txt"), content);
        Manifest.of(kind, "id").output(OutputFile.of(dir, "data.txt")).write(dir);
        return dir;
    }

    /** Hidden names in {@code parent} but lock files (which stay, see DirectoryLock): work and old directories. */
    static List<String> hidden(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".lock"))
                    .sorted().toList();
        }
    }

    @Test
    void refusesUserDirectoriesOtherKindsAndInputsButTakesEmptyDirectories() throws Exception {
        Path user = tmp.resolve("mine");
        Files.createDirectories(user.resolve("sub"));
        Files.writeString(user.resolve("sub/notes.txt"), "keep me");
        var e = assertThrows(ArtifactConflictException.class, () -> ArtifactDirectory.claim(user, "dataset",
                List.of()));
        assertTrue(e.getMessage().startsWith(user + " exists and is not an rgflow artifact"), e.getMessage());
        assertEquals("keep me", Files.readString(user.resolve("sub/notes.txt")));

        Path model = artifact(tmp.resolve("model"), "model", "weights");
        e = assertThrows(ArtifactConflictException.class, () -> ArtifactDirectory.claim(model, "dataset", List.of()));
        assertTrue(e.getMessage().contains("holds an rgflow model"), e.getMessage());

        Path dataset = artifact(tmp.resolve("data/ds"), "dataset", "spins");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dataset);
        for (Path out : List.of(dataset, link, tmp.resolve("data"))) {
            e = assertThrows(ArtifactConflictException.class, () -> ArtifactDirectory.claim(out, "dataset",
                    List.of(dataset)));
            assertTrue(e.getMessage().contains("input " + dataset), e.getMessage());
        }
        assertTrue(ArtifactCheck.problem(dataset).isEmpty());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (ArtifactDirectory run = ArtifactDirectory.claim(empty, "dataset", List.of())) {
            assertTrue(run.manifest().isEmpty());
        }
        assertEquals(List.of(), hidden(tmp), "no work directory left");
    }

    @Test
    void publishReplacesTheWholeArtifactAndLeavesNothingBeside() throws Exception {
        Path dir = artifact(tmp.resolve("a"), "dataset", "old");
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "dataset", List.of())) {
            assertEquals("dataset", run.manifest().orElseThrow().path("kind").asText());
            Path work = run.newWork();
            assertTrue(work.getFileName().toString().startsWith(".a.work-" + ProcessHandle.current().pid() + "-"));
            artifact(work, "dataset", "new");
            run.publish();
        }
        assertEquals("new", Files.readString(dir.resolve("data.txt")));
        assertTrue(ArtifactCheck.problem(dir).isEmpty());
        assertEquals(List.of(), hidden(tmp));
    }

    /** The state a kill between the two renames leaves: DIR gone, the old one aside, the new one complete. */
    @Test
    void aRunKilledBetweenTheRenamesGetsTheOldArtifactBack() throws Exception {
        long dead = ChildRgflow.deadPid();
        Path dir = tmp.resolve("a");
        artifact(tmp.resolve(".a.old-" + dead + "-1"), "dataset", "old");
        artifact(tmp.resolve(".a.work-" + dead + "-2"), "dataset", "new");
        List<String> notes = new ArrayList<>();
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "dataset", List.of(), p -> false, notes::add)) {
            assertTrue(run.manifest().isPresent());
        }
        assertEquals("old", Files.readString(dir.resolve("data.txt")));
        assertTrue(ArtifactCheck.problem(dir).isEmpty());
        assertTrue(notes.get(0).startsWith("restored " + dir), notes.toString());
        assertEquals(List.of(), hidden(tmp));
    }

    @Test
    void staleSiblingsOfDeadOwnersAreCleanedResumableOnesKeptLiveOnesLeft() throws Exception {
        long dead = ChildRgflow.deadPid();
        Path dir = artifact(tmp.resolve("a"), "model", "current");
        Path stale = Files.createDirectories(tmp.resolve(".a.work-" + dead + "-1/sub"));
        Files.writeString(stale.resolve("half.bin"), "x");
        Files.createDirectories(tmp.resolve(".a.partial-" + dead));
        Files.createDirectories(tmp.resolve(".a.old-" + dead + "-3"));
        Path resumable = Files.createDirectories(tmp.resolve(".a.work-" + dead + "-2/checkpoints"));
        Path legacy = Files.createDirectories(tmp.resolve(".a.partial/checkpoints"));
        Path live = Files.createDirectories(tmp.resolve(".a.work-1-1")); // pid 1 runs as long as the machine
        Path other = Files.createDirectories(tmp.resolve(".ab.work-" + dead + "-1")); // another artifact's
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "model", List.of(),
                p -> Files.exists(p.resolve("checkpoints")), s -> { })) {
            assertEquals(List.of(resumable.getParent(), legacy.getParent()).stream().sorted().toList(),
                    run.interrupted().stream().sorted().toList());
            Path adopted = run.adopt(run.interrupted().get(0));
            assertTrue(Files.isDirectory(adopted.resolve("checkpoints")));
            run.publish(); // deletes the other interrupted run too
        }
        assertEquals(List.of(".a.work-1-1", other.getFileName().toString()), hidden(tmp));
        assertTrue(Files.isDirectory(live));
    }

    @Test
    void anUnpublishedWorkDirectoryIsDeletedOnCloseUnlessResumable() throws Exception {
        Path dir = tmp.resolve("a");
        Path work;
        try (ArtifactDirectory.Scope scope = ArtifactDirectory.scope()) {
            ArtifactDirectory run = ArtifactDirectory.claim(dir, "dataset", List.of());
            work = run.newWork();
            Files.writeString(work.resolve("half.npy"), "x");
        } // the scope closes the claim, as the CLI does on any exit path
        assertFalse(Files.exists(work));
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "model", List.of(),
                p -> Files.exists(p.resolve("checkpoints")), s -> { })) {
            work = run.newWork();
            Files.createDirectories(work.resolve("checkpoints"));
        }
        assertTrue(Files.isDirectory(work), "kept for --resume");
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "model", List.of(),
                p -> Files.exists(p.resolve("checkpoints")), s -> { })) {
            assertEquals(List.of(work), run.interrupted(), "stale once its run has ended");
        }
    }

    /** Two runs of one directory at once: the second waits, then finds the first one's artifact. */
    @Test
    void aSecondClaimWaitsForTheFirstAndSeesItsResult() throws Exception {
        Path dir = tmp.resolve("a");
        CountDownLatch firstHolds = new CountDownLatch(1);
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> {
                try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "dataset", List.of())) {
                    firstHolds.countDown();
                    artifact(run.newWork(), "dataset", "first");
                    Thread.sleep(300);
                    run.publish();
                }
                return null;
            });
            assertTrue(firstHolds.await(10, TimeUnit.SECONDS));
            Future<String> second = pool.submit(() -> {
                try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "dataset", List.of(), p -> false,
                        notes::add)) {
                    return run.manifest().isPresent() ? "reused" : "built";
                }
            });
            first.get(10, TimeUnit.SECONDS);
            assertEquals("reused", second.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(notes.get(0).contains("waiting"), notes.toString());
        assertEquals("first", Files.readString(dir.resolve("data.txt")));
        assertEquals(List.of(), hidden(tmp));
    }

    @Test
    void aLockFileLeftByAKilledRunDoesNotBlock() throws Exception {
        Files.writeString(tmp.resolve(".a.lock"), ChildRgflow.deadPid() + " 1");
        try (ArtifactDirectory run = ArtifactDirectory.claim(tmp.resolve("a"), "dataset", List.of())) {
            artifact(run.newWork(), "dataset", "x");
            run.publish();
        }
        assertEquals(List.of(), hidden(tmp));
    }

    @Test
    void searchResumeCopiesTheFinishedArtifactWithoutItsManifest() throws Exception {
        Path dir = artifact(tmp.resolve("s"), "search", "results");
        Files.createDirectories(dir.resolve("candidates/0"));
        Files.writeString(dir.resolve("candidates/0/model.zip"), "zip");
        Files.createSymbolicLink(dir.resolve("best"), Path.of("candidates/0"));
        try (ArtifactDirectory run = ArtifactDirectory.claim(dir, "search", List.of())) {
            Path work = run.newWorkFromTarget();
            assertEquals("zip", Files.readString(work.resolve("best/model.zip")));
            assertFalse(Files.exists(work.resolve("manifest.json")));
            AtomicFiles.write(work.resolve("data.txt"), "rewritten".getBytes()); // renamed over: the link breaks
        }
        assertTrue(ArtifactCheck.problem(dir).isEmpty());
    }
}
