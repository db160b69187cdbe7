package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a claim does, under the lock, with the leftovers of killed runs ({@link Siblings#stale}): a missing DIR next
 * to a complete old copy is renamed back; stale old and work directories are deleted, except resumable work.
 */
final class Repair {

    private Repair() {
    }

    /** Repairs around {@code target}; returns the resumable work directories of interrupted runs, newest first. */
    static List<Path> run(Path target, Predicate<Path> resumable, Consumer<String> notes) throws IOException {
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
        List<Path> interrupted = new ArrayList<>();
        for (Siblings.Sibling s : stale) {
            if (!Files.exists(s.path(), LinkOption.NOFOLLOW_LINKS)) {
                continue; // restored above
            }
            if (s.role() == Siblings.Role.WORK && test(resumable, s.path())) {
                interrupted.add(s.path());
            } else {
                AtomicFiles.deleteRecursively(s.path());
            }
        }
        return interrupted;
    }

    /** {@code resumable.test(p)}, false when it throws. */
    static boolean test(Predicate<Path> resumable, Path p) {
        try {
            return resumable.test(p);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
