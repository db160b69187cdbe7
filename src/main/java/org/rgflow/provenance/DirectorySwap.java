package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Replaces a directory by a complete one built beside it, so that the directory is always whole: the old one is
 * renamed aside to {@code .DIR.old-<pid>-<n>}, the new one renamed in, then the old one deleted. A run that dies
 * between the renames leaves the old one, which the next {@link ArtifactDirectory#claim} puts back. Callers own
 * the directory: a claim, or a directory inside their own work directory (search candidates, checkpoints).
 */
public final class DirectorySwap {

    /**
     * Fault injection for tests, between the two renames: {@code -Drgflow.fault=between-renames} halts the JVM
     * there (as kill -9 would), {@code pause-between-renames} waits half a second (a window for random kills).
     */
    static final String FAULT_PROPERTY = "rgflow.fault";

    private DirectorySwap() {
    }

    /** Replaces {@code target} (if it exists) by {@code work}, a sibling of it. */
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

    /** A new empty work directory {@code .DIR.work-<pid>-<n>} beside {@code target}; stale ones are deleted first. */
    public static Path newWork(Path target) throws IOException {
        for (Siblings.Sibling s : Siblings.stale(target)) {
            AtomicFiles.deleteRecursively(s.path());
        }
        return Siblings.create(target, Siblings.Role.WORK);
    }

    /** Deletes a work directory from {@link #newWork} that will not be swapped in. */
    public static void deleteWork(Path work) throws IOException {
        AtomicFiles.deleteRecursively(work);
        Siblings.release(work);
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
}
