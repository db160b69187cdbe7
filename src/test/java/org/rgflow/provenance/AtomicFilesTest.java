package org.rgflow.provenance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

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
