package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a directory tree by hard links (a copy where the file system has none). Safe for artifacts because rgflow
 * never rewrites a file in place: every write goes to a temporary name and is renamed ({@link AtomicFiles}), which
 * breaks the link instead of changing the original.
 */
final class TreeLinks {

    private TreeLinks() {
    }

    /** Copies {@code from} into the existing directory {@code to}, leaving out the top-level file {@code skip}. */
    static void copy(Path from, Path to, String skip) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().isEmpty() || rel.toString().equals(skip)) {
                    continue;
                }
                Path dst = to.resolve(rel.toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                } else {
                    try {
                        Files.createLink(dst, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, dst);
                    }
                }
            }
        }
    }
}
