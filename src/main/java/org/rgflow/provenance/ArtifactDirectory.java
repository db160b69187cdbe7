package org.rgflow.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One run's claim on an artifact directory {@code DIR} (dataset, model, search, analysis, ...): the one way rgflow
 * publishes a directory.
 * <ol>
 * <li>{@link #claim} resolves DIR (symbolic links included), refuses it when it is or contains an input of the run,
 *     or exists as anything but an rgflow artifact of the same kind (empty directories excepted), and locks it
 *     ({@link DirectoryLock}: a second run of the same DIR waits, then finds the first one's result);
 * <li>under the lock it repairs what interrupted runs left ({@link Repair}): a missing DIR next to a complete
 *     {@code .DIR.old-*} is put back; stale old and work directories are deleted, except work directories the
 *     command can resume ({@link #interrupted});
 * <li>the run builds in its own {@link #newWork() work directory} and {@link #publish()} swaps it in
 *     ({@link DirectorySwap}), so DIR is always the whole old or the whole new artifact;
 * <li>{@link #close()} (also at the end of every CLI command through {@link #scope()}, and from a shutdown hook on
 *     SIGTERM) deletes an unpublished work directory unless it is resumable, and releases the lock.
 * </ol>
 */
public final class ArtifactDirectory implements AutoCloseable {

    private static final Set<ArtifactDirectory> OPEN = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Deque<ArtifactDirectory>> CLAIMED = ThreadLocal.withInitial(ArrayDeque::new);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(ArtifactDirectory::abort),
                "rgflow-artifact-cleanup"));
    }

    private final Path target;
    private final Predicate<Path> resumable;
    private final DirectoryLock lock;
    private final Deque<ArtifactDirectory> claims;
    private final List<Path> interrupted = new ArrayList<>();
    private Optional<JsonNode> manifest = Optional.empty();
    private boolean exists;
    private Path work;
    private boolean published;
    private boolean closed;

    private ArtifactDirectory(Path target, Predicate<Path> resumable, DirectoryLock lock) {
        this.target = target;
        this.resumable = resumable;
        this.lock = lock;
        this.claims = CLAIMED.get();
    }

    private boolean isResumable(Path p) {
        return Repair.test(resumable, p);
    }

    /** {@link #claim(Path, String, Collection, Predicate, Consumer)} of a run that cannot be resumed. */
    public static ArtifactDirectory claim(Path target, String kind, Collection<Path> inputs) throws IOException {
        return claim(target, kind, inputs, p -> false, System.err::println);
    }

    /**
     * Claims {@code target} for a run that writes an artifact of {@code kind} (the manifest's "kind").
     *
     * @param inputs    files and directories the run reads (nulls ignored): DIR must be none of them nor contain one
     * @param resumable whether an interrupted work directory holds progress the command can resume (kept, not deleted)
     * @param notes     hears one line when the claim waits for another run or repairs an interrupted replacement
     * @throws ArtifactConflictException when DIR must not be written (one line naming it and why)
     */
    public static ArtifactDirectory claim(Path target, String kind, Collection<Path> inputs,
            Predicate<Path> resumable, Consumer<String> notes) throws IOException {
        Path real = ClaimChecks.realPath(target);
        ClaimChecks.refuseInputs(target, real, inputs);
        ArtifactDirectory dir = new ArtifactDirectory(real, resumable, DirectoryLock.acquire(real, notes));
        try {
            dir.interrupted.addAll(Repair.run(real, resumable, notes));
            dir.manifest = ClaimChecks.existing(target, real, kind);
            dir.exists = Files.exists(real);
        } catch (IOException | RuntimeException e) {
            dir.lock.close();
            throw e;
        }
        OPEN.add(dir);
        dir.claims.push(dir);
        return dir;
    }

    /** DIR, resolved. */
    public Path target() {
        return target;
    }

    /** Whether DIR exists (an empty directory, or an artifact of this kind). */
    public boolean exists() {
        return exists;
    }

    /** The manifest of the artifact at DIR when the claim was made; empty when there was none. */
    public Optional<JsonNode> manifest() {
        return manifest;
    }

    /** Work directories of interrupted runs that hold resumable progress, newest first. */
    public List<Path> interrupted() {
        return List.copyOf(interrupted);
    }

    /** The current work directory (null before {@link #newWork()} or {@link #adopt}). */
    public Path work() {
        return work;
    }

    /** A new, empty work directory {@code .DIR.work-<pid>-<n>} beside DIR. */
    public synchronized Path newWork() throws IOException {
        requireNoWork();
        work = Siblings.create(target, Siblings.Role.WORK);
        return work;
    }

    /** A new work directory holding DIR's files (hard links where possible) except its manifest.json. */
    public synchronized Path newWorkFromTarget() throws IOException {
        newWork();
        if (exists) {
            TreeLinks.copy(target, work, "manifest.json");
        }
        return work;
    }

    /** Continues in {@code interrupted} (one of {@link #interrupted()}): renamed to a work directory of this run. */
    public synchronized Path adopt(Path interruptedWork) throws IOException {
        requireNoWork();
        if (!interrupted.contains(interruptedWork)) {
            throw new IllegalArgumentException(interruptedWork + " is not an interrupted run of " + target);
        }
        Path renamed = Siblings.unusedName(target, Siblings.Role.WORK);
        AtomicFiles.move(interruptedWork, renamed);
        interrupted.remove(interruptedWork);
        work = renamed;
        return work;
    }

    /** Deletes the work directories of interrupted runs. */
    public synchronized void discardInterrupted() throws IOException {
        for (Path p : interrupted) {
            AtomicFiles.deleteRecursively(p);
        }
        interrupted.clear();
    }

    /** Deletes this run's work directory now (e.g. a diverged training, not worth resuming). */
    public synchronized void discard() throws IOException {
        if (work != null && !published) {
            AtomicFiles.deleteRecursively(work);
            Siblings.release(work);
            work = null;
        }
    }

    private void requireNoWork() {
        if (work != null || closed) {
            throw new IllegalStateException("the run of " + target + " already has a work directory or is closed");
        }
    }

    /** Publishes the work directory as DIR ({@link DirectorySwap}) and deletes the other interrupted runs. */
    public synchronized Path publish() throws IOException {
        if (work == null || published || closed) {
            throw new IllegalStateException("nothing to publish at " + target);
        }
        DirectorySwap.swap(work, target);
        published = true;
        Siblings.release(work);
        discardInterrupted();
        return target;
    }

    /**
     * Ends the claim: an unpublished work directory is deleted unless it holds resumable progress (then a later
     * run can {@link #adopt} it), and the lock is released. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (work != null && !published && !isResumable(work)) {
                AtomicFiles.deleteRecursively(work);
            }
        } catch (IOException e) {
            // the next claim deletes what is left (its owner is gone by then)
        } finally {
            Siblings.release(work);
            lock.close();
            OPEN.remove(this);
            claims.remove(this);
        }
    }

    /**
     * On JVM shutdown (SIGTERM, Ctrl-C) while the command still runs: as {@link #close()}, and nothing can be
     * published after it. A thread still writing may leave a few files, which the next claim deletes.
     */
    private synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        for (int attempt = 0; attempt < 3 && work != null && !published && !isResumable(work); attempt++) {
            try {
                AtomicFiles.deleteRecursively(work);
                break;
            } catch (IOException | RuntimeException e) {
                // a writer added a file meanwhile: try again; the next claim deletes what is left
            }
        }
        lock.close();
    }

    /**
     * Marks the claims the current thread makes from now on; closing the scope closes those still open. The CLI
     * wraps every command in one, so no exit path leaves a work directory or a lock behind.
     */
    public static Scope scope() {
        Deque<ArtifactDirectory> d = CLAIMED.get();
        int depth = d.size();
        return () -> {
            while (d.size() > depth) {
                d.pop().close();
            }
        };
    }

    /** A {@link #scope()}: closing it does not throw. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
