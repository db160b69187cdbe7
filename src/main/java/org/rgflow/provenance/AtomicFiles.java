package org.rgflow.provenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that never leave a complete-looking partial file: content goes to a hidden temporary file
 * in the same directory, is forced to disk, then renamed over the final name (atomic on POSIX).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The temporary sibling used while {@code target} is being written: {@code .name.tmp}. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling(temporaryName(target.getFileName().toString()));
    }

    /** The temporary name used while {@code name} is being written: {@code .name.tmp}. */
    public static String temporaryName(String name) {
        return "." + name + ".tmp";
    }

    /**
     * Writes {@code bytes} to {@code target} atomically and syncs the directory entry. A failed write (e.g. disk
     * full) removes the temporary file and is a {@link FileSystemException} naming {@code target}.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(target);
        try {
            Files.write(tmp, bytes);
            commit(tmp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw namingFile(target, e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** {@code e} if it names a file already, else a {@link FileSystemException} for {@code file} with e's reason. */
    static IOException namingFile(Path file, IOException e) {
        if (e instanceof FileSystemException) {
            return e;
        }
        FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
        named.initCause(e);
        return named;
    }

    /**
     * Points the symbolic link {@code link} at {@code relativeTarget}, replacing an existing link atomically (a new
     * link under a temporary name, then a rename). Returns false, leaving nothing behind, where the file system
     * cannot hold symbolic links.
     */
    public static boolean symlink(Path link, Path relativeTarget) throws IOException {
        Path tmp = temporaryFor(link);
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, relativeTarget);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            return false;
        }
        Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Forces a directory's entries (renames) to disk where the platform allows it. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory as a channel; the rename itself is still atomic
        }
    }

    /** Forces {@code tmp} to disk and renames it to {@code target} (replacing it). */
    public static void commit(Path tmp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        move(tmp, target);
    }

    /** Deletes a file or a directory tree; does nothing if {@code path} does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Renames atomically where the file system allows it (also for directories). */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
