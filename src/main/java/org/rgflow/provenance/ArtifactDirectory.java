package org.rgflow.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * <li>under the lock it repairs what interrupted runs left ({@link Siblings}): a missing DIR next to a complete
 *     {@code .DIR.old-*} is put back; stale old and work directories are deleted, except work directories the
 *     command can resume ({@link #interrupted});
 * <li>the run builds in its own {@link #newWork() work directory} and {@link #publish()} swaps it in ({@link #swap}),
 *     so DIR is at every instant the whole old or the whole new artifact;
 * <li>{@link #close()} (also at the end of every CLI command through {@link #scope()}, and from a shutdown hook on
 *     SIGTERM) deletes an unpublished work directory unless it is resumable, and releases the lock.
 * </ol>
 */
public final class ArtifactDirectory implements AutoCloseable {

    /**
     * Fault injection for tests, between the two renames of a swap: {@code -Drgflow.fault=between-renames} halts
     * the JVM there (as kill -9 would), {@code pause-between-renames} waits half a second (a window for random kills).
     */
    static final String FAULT_PROPERTY = "rgflow.fault";

    private static final Set<ArtifactDirectory> OPEN = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Deque<ArtifactDirectory>> CLAIMED = ThreadLocal.withInitial(ArrayDeque::new);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(ArtifactDirectory::abort),
                "rgflow-artifact-cleanup"));
    }

    private final Path target;
    private final String kind;
    private final Predicate<Path> resumable;
    private final DirectoryLock lock;
    private final Deque<ArtifactDirectory> claims;
    private final List<Path> interrupted = new ArrayList<>();
    private Optional<JsonNode> manifest = Optional.empty();
    private boolean exists;
    private Path work;
    private boolean published;
    private boolean closed;

    private ArtifactDirectory(Path target, String kind, Predicate<Path> resumable, DirectoryLock lock) {
        this.target = target;
        this.kind = kind;
        this.resumable = resumable;
        this.lock = lock;
        this.claims = CLAIMED.get();
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
        Path real = realPath(target);
        for (Path in : inputs) {
            if (in != null && Files.exists(in)) {
                Path r = in.toRealPath();
                if (r.startsWith(real)) {
                    throw new ArtifactConflictException(target + (r.equals(real) ? " is the input " : " contains the "
                            + "input ") + in + " of this run; choose another --out");
                }
            }
        }
        ArtifactDirectory dir = new ArtifactDirectory(real, kind, resumable, DirectoryLock.acquire(real, notes));
        try {
            dir.repair(notes);
            dir.inspect(target);
        } catch (IOException | RuntimeException e) {
            dir.lock.close();
            throw e;
        }
        OPEN.add(dir);
        dir.claims.push(dir);
        return dir;
    }

    /** DIR with its parent's symbolic links resolved (and DIR's own, when it is one). */
    private static Path realPath(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            if (!Files.exists(abs)) {
                throw new ArtifactConflictException(target + " is a broken symbolic link; choose another --out");
            }
            return abs.toRealPath();
        }
        Files.createDirectories(abs.getParent());
        return abs.getParent().toRealPath().resolve(abs.getFileName());
    }

    private void repair(Consumer<String> notes) throws IOException {
        List<Siblings.Sibling> stale = Siblings.stale(target);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Siblings.Sibling s : stale) {
                if (s.role() == Siblings.Role.OLD && ArtifactCheck.problem(s.path()).isEmpty()) {
                    AtomicFiles.move(s.path(), target);
                    AtomicFiles.syncDirectory(target.getParent());
                    notes.accept("restored " + target + " from " + s.path().getFileName()
                            + " (an interrupted replacement)");
                    break;
                }
            }
        }
        for (Siblings.Sibling s : stale) {
            if (!Files.exists(s.path(), LinkOption.NOFOLLOW_LINKS)) {
                continue; // restored above
            }
            if (s.role() == Siblings.Role.WORK && isResumable(s.path())) {
                interrupted.add(s.path());
            } else {
                AtomicFiles.deleteRecursively(s.path());
            }
        }
    }

    private void inspect(Path given) throws IOException {
        exists = Files.exists(target);
        if (!exists) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ArtifactConflictException(given + " exists and is not a directory; choose another --out");
        }
        if (isEmpty(target)) {
            return;
        }
        manifest = ArtifactCheck.manifest(target);
        if (manifest.isEmpty()) {
            throw new ArtifactConflictException(given + " exists and is not an rgflow artifact (no readable "
                    + "manifest.json); rgflow replaces only its own " + kind + " directories: choose another --out");
        }
        String found = manifest.get().path("kind").asText();
        if (!kind.equals(found)) {
            throw new ArtifactConflictException(given + " holds an rgflow " + found + " (manifest.json kind), not a "
                    + kind + "; choose another --out");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private boolean isResumable(Path p) {
        try {
            return resumable.test(p);
        } catch (RuntimeException e) {
            return false;
        }
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

    /** Publishes the work directory as DIR ({@link #swap}) and deletes the other interrupted runs. Returns DIR. */
    public synchronized Path publish() throws IOException {
        if (work == null || published || closed) {
            throw new IllegalStateException("nothing to publish at " + target);
        }
        swap(work, target);
        published = true;
        Siblings.release(work);
        discardInterrupted();
        return target;
    }

    /**
     * Replaces {@code target} by the complete directory {@code work} (a sibling) so that {@code target} is always
     * whole: an existing one is renamed aside to {@code .DIR.old-<pid>-<n>}, {@code work} renamed to it, then the old
     * one deleted. A run that dies between the renames leaves the old one, which the next claim puts back. Callers
     * own {@code target} (a claim, or a directory inside their own work directory, like search candidates).
     */
    public static void swap(Path work, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Siblings.unusedName(target, Siblings.Role.OLD);
            AtomicFiles.move(target, old);
            injectFault();
        }
        AtomicFiles.move(work, target);
        AtomicFiles.syncDirectory(target.getParent());
        if (old != null) {
            AtomicFiles.deleteRecursively(old);
            Siblings.release(old);
        }
    }

    private static void injectFault() {
        String fault = System.getProperty(FAULT_PROPERTY, "");
        if (fault.equals("between-renames")) {
            Runtime.getRuntime().halt(137);
        } else if (fault.equals("pause-between-renames")) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new empty work directory beside {@code target} for {@link #swap}, stale siblings of it deleted first. */
    public static Path newSiblingWork(Path target) throws IOException {
        for (Siblings.Sibling s : Siblings.stale(target)) {
            AtomicFiles.deleteRecursively(s.path());
        }
        return Siblings.create(target, Siblings.Role.WORK);
    }

    /** Deletes a work directory from {@link #newSiblingWork} that will not be published. */
    public static void deleteSiblingWork(Path work) throws IOException {
        AtomicFiles.deleteRecursively(work);
        Siblings.release(work);
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
