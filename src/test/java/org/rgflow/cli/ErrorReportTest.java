package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.backend.BackendUnavailableException;
import org.rgflow.cli.SampleCommandTest.Run;
import org.rgflow.data.DatasetException;
import org.rgflow.testing.Nd4jTestBase;

/** {@link ErrorReport}: the classification of failures into exit codes and one line. */
class ErrorReportTest extends Nd4jTestBase {

    private static final String ENOSPC = "No space left on device";

    @Test
    void inputFaultsExitTwoWithTheirMessage() {
        assertReport(2, "x.yaml: bad", new UserException("x.yaml: bad"));
        assertReport(2, "d/manifest.json: no such file or directory", new UncheckedIOException(
                new NoSuchFileException("d/manifest.json")));
        assertReport(2, "length: must be", illegal("length: must be in [2, 16384]", "org.rgflow.config.Checks"));
    }

    /** An IllegalArgumentException from inside a library is not a checked input: a bug, with a hint. */
    @Test
    void libraryArgumentErrorsAndOthersAreBugs() {
        ErrorReport r = ErrorReport.of(illegal("Invalid shape", "org.nd4j.linalg.api.shape.Shape"), null);
        assertEquals(1, r.exitCode());
        assertTrue(r.isBug() && r.line().startsWith("internal error: IllegalArgumentException: Invalid shape")
                && r.line().contains("--verbose or RGFLOW_DEBUG=1"), r.line());
        assertTrue(ErrorReport.of(new NullPointerException("x"), null).isBug());
    }

    /** Disk full and similar: exit 1 naming the path, wherever the path is in the chain (or the --out given). */
    @Test
    void fileSystemRefusalsExitOneNamingThePath() {
        assertReport(1, "/o/manifest.json: no space left on device; free some space", fse("/o/manifest.json", ENOSPC));
        assertReport(1, "cannot append to /o/training.csv: no space left on device", new UncheckedIOException(
                "cannot append to /o/training.csv", new IOException(ENOSPC)));
        assertReport(1, "/o/.x.npy.tmp: write failed: java.io.IOException: No space left on device",
                new DatasetException("/o/.x.npy.tmp: write failed: java.io.IOException: " + ENOSPC,
                        new IOException(ENOSPC)));
        assertReport(1, "no space left on device while writing runs/x", new IOException(ENOSPC), "runs/x");
        assertReport(1, "/ro/x: permission denied", new AccessDeniedException("/ro/x"));
        assertReport(1, "/ro/x: read-only file system", fse("/ro/x", "Read-only file system"));
        assertReport(1, "out of memory (Java heap space); raise the limits with RGFLOW_JAVA_OPTS",
                new OutOfMemoryError("Java heap space"));
        // a message that merely contains the words is not a refusal
        assertTrue(ErrorReport.of(new IOException("a/b is not a directory written by rgflow"), null).isBug());
    }

    @Test
    void backendAndClassifiedFailuresKeepTheirCodes() {
        assertReport(3, "no backend", new BackendUnavailableException("no backend", null));
        assertReport(1, "step 'train' failed", new CommandFailedException(1, "step 'train' failed", null));
        assertReport(2, "all 4 candidates failed", new CommandFailedException(2, "all 4 candidates failed",
                new IOException(ENOSPC)));
        assertEquals("a b c", ErrorReport.oneLine(" a\n   b\r\n\tc "));
    }

    /**
     * A real full disk (a 64 KiB tmpfs; needs root, skipped elsewhere): train and analyze exit 1 with one line
     * naming a path on it.
     */
    @Test
    void diskFullDuringTrainAndAnalyzeIsOneLineExitOne(@TempDir Path tmp) throws Exception {
        Path full = Files.createDirectory(tmp.resolve("full"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString()), "cannot mount a tmpfs");
        try {
            Path ds = tmp.resolve("ds");
            assertEquals(0, SampleCommandTest.rgflow("sample", "configs/test/sample-tiny.yaml", "--out",
                    ds.toString(), "-q").code());
            Path model = tmp.resolve("model");
            assertEquals(0, SampleCommandTest.rgflow("train", "configs/test/train-tiny.yaml", "--dataset",
                    ds.toString(), "--out", model.toString(), "-q").code());
            Files.write(full.resolve("filler"), new byte[60_000]); // leaves too little for any model or figure
            for (String[] args : new String[][] {
                {"train", "configs/test/train-tiny.yaml", "--dataset", ds.toString(), "--out",
                    full.resolve("m").toString(), "-q"},
                {"analyze", "weights", model.toString(), "--out", full.resolve("w").toString()}}) {
                Run r = SampleCommandTest.rgflow(args);
                String err = r.err().strip();
                assertEquals(1, r.code(), err);
                assertEquals(1, err.lines().count(), err);
                assertTrue(err.contains(full.toString()) && err.toLowerCase().contains("no space left on device")
                        && !err.contains("\tat "), err);
            }
        } finally {
            run("umount", full.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertReport(int code, String start, Throwable e) {
        assertReport(code, start, e, null);
    }

    private static void assertReport(int code, String start, Throwable e, String hint) {
        ErrorReport r = ErrorReport.of(e, hint);
        assertEquals(code, r.exitCode(), r.line());
        assertTrue(r.line().startsWith(start), r.line());
        assertFalse(r.line().contains("\n"), r.line());
    }

    private static FileSystemException fse(String file, String reason) {
        return new FileSystemException(file, null, reason);
    }

    private static IllegalArgumentException illegal(String message, String thrower) {
        IllegalArgumentException e = new IllegalArgumentException(message);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(thrower, "check", "X.java", 1)});
        return e;
    }
}
