package org.rgflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rgflow} in a child JVM ({@code java -cp <test class path> org.rgflow.cli.RgflowCommand ...}) in the project
 * directory, so a test can kill it for real. Output goes to files, so a full pipe never stalls the child.
 */
public final class ChildRgflow {

    private ChildRgflow() {
    }

    /** Starts {@code rgflow args} with extra JVM options; stdout and stderr go to {@code logs}/out.txt, err.txt. */
    public static Process start(Path logs, List<String> jvmOptions, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1"); // short runs: start fast
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("org.rgflow.cli.RgflowCommand");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(logs.resolve("out.txt").toFile()).redirectError(logs.resolve("err.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "passive");
        return pb.start();
    }

    /** The id of a process that has ended (for work directories whose owner is dead). */
    public static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** What a finished child wrote to stdout and stderr. */
    public static String output(Path logs) throws IOException {
        return Files.readString(logs.resolve("out.txt")) + Files.readString(logs.resolve("err.txt"));
    }
}
