package org.rgflow.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void workDirectoryIsHiddenEmptyAndReplacesTheTargetWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out/artifact");
        Files.createDirectories(target.resolve("old/deep"));
        Files.writeString(target.resolve("old/deep/stale.txt"), "stale");

        Path work = AtomicFiles.newWorkDirectory(target);
        assertEquals(target.toAbsolutePath().getParent(), work.getParent());
        assertTrue(work.getFileName().toString().startsWith(".artifact.partial-"), work.toString());
        Files.writeString(work.resolve("stale-from-before.txt"), "x");
        work = AtomicFiles.newWorkDirectory(target); // a leftover of the same process is cleared
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(0, s.count());
        }
        AtomicFiles.write(work.resolve("result.txt"), "new".getBytes());

        AtomicFiles.replace(work, target);
        assertFalse(Files.exists(work));
        try (Stream<Path> s = Files.list(target)) {
            assertEquals(List.of("result.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("new", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void deleteRecursivelyRemovesTreesAndIgnoresMissingPaths(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("a");
        Files.createDirectories(tree.resolve("b/c"));
        Files.writeString(tree.resolve("b/c/f.txt"), "f");
        AtomicFiles.deleteRecursively(tree);
        assertFalse(Files.exists(tree));
        AtomicFiles.deleteRecursively(tree); // missing: no error
        Path file = Files.writeString(dir.resolve("g.txt"), "g");
        AtomicFiles.deleteRecursively(file);
        assertFalse(Files.exists(file));
    }
}
