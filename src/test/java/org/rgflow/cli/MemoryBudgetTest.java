package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SampleConfig;
import org.rgflow.config.TrainConfig;

/** {@link MemoryBudget} and {@link MemoryEstimates}: refusals before work, with the estimate, limit and remedy. */
class MemoryBudgetTest {

    private static final long GIB = 1L << 30;

    /** The case: L = 16384 validates, and under the launcher's default limits is refused for memory. */
    @Test
    void aLatticeThatValidatesButCannotFitIsRefused() {
        SampleConfig c = ConfigLoader.of(SampleConfig.class).load(Path.of("configs/test/sample-tiny.yaml"),
                List.of("lattice.length=16384")).config();
        MemoryBudget b = MemoryEstimates.sample(c, "sample-tiny.yaml");
        assertTrue(b.heapBytes() >= 4 * GIB, "neighbour table alone: 2^28 sites x 4 neighbours x 4 bytes");
        UserException e = assertThrows(UserException.class, () -> b.check(4 * GIB, 6 * GIB, 12 * GIB));
        assertTrue(e.getMessage().startsWith("sample-tiny.yaml (lattice 16384^2, 4 chains") && e.getMessage()
                .contains("needs about 6.0 GiB of Java heap (neighbour table 4.0 GiB") && e.getMessage().contains(
                "the limit is 4.0 GiB (-Xmx)") && e.getMessage().contains("RGFLOW_JAVA_OPTS=\"... -Xmx8g\""),
                e.getMessage());
        MemoryEstimates.sample(ConfigLoader.of(SampleConfig.class).load(Path.of("configs/test/sample-tiny.yaml"),
                List.of()).config(), "x").check(4 * GIB, 6 * GIB, 12 * GIB); // the tiny one fits
    }

    @Test
    void offHeapAndPhysicalLimitsAreChecked() {
        MemoryBudget b = MemoryEstimates.chains("--chains 2000000000", 2_000_000_000L, new int[] {64, 8}, 2);
        UserException e = assertThrows(UserException.class, () -> b.check(Long.MAX_VALUE, 6 * GIB, 0));
        assertTrue(e.getMessage().contains("of off-heap memory for ND4J arrays") && e.getMessage().contains(
                "(-Dorg.bytedeco.javacpp.maxbytes)"), e.getMessage());
        MemoryBudget both = MemoryBudget.of("x").heap("a", 3 * GIB).offHeap("b", 3 * GIB);
        both.check(4 * GIB, 4 * GIB, 0);
        UserException p = assertThrows(UserException.class, () -> both.check(4 * GIB, 4 * GIB, 5 * GIB));
        assertTrue(p.getMessage().contains("maxphysicalbytes=8g"), p.getMessage());
    }

    /** Training and search estimates grow with layers and parallel candidates. */
    @Test
    void trainingEstimatesCountParametersPerCandidate() {
        TrainConfig t = ConfigLoader.of(TrainConfig.class).load(Path.of("configs/test/train-tiny.yaml"),
                List.of("layers=[1000, 1000]", "updater=adam")).config();
        MemoryBudget one = MemoryEstimates.train(t, 1000, "t");
        // parameters (1M) + gradient and two Adam states, float: at least 16 MB off the heap
        assertTrue(one.offHeapBytes() >= 16_000_000L, "" + one.offHeapBytes());
        MemoryBudget four = MemoryBudget.of("s");
        MemoryEstimates.addTraining(four, t, 1000, 4);
        assertEquals(4 * one.offHeapBytes(), four.offHeapBytes());
    }

    @Test
    void productsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, MemoryBudget.times(1L << 40, 1L << 40));
        assertEquals(Long.MAX_VALUE, MemoryBudget.plus(Long.MAX_VALUE, 1));
        assertEquals(6, MemoryBudget.times(2, 3));
        assertEquals("more than 8 EiB", MemoryBudget.gib(Long.MAX_VALUE));
    }

    /**
     * A JVM crash never leaves hs_err_pid*.log in the user's directory: the launcher (run with a stand-in {@code java}
     * that prints its arguments) passes -XX:ErrorFile in TMPDIR, also when RGFLOW_JAVA_OPTS replaces the limits.
     */
    @Test
    void theLauncherKeepsCrashLogsOutOfTheWorkingDirectory(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("target/lib"));
        Files.writeString(home.resolve("target/rgflow.jar"), "");
        Files.copy(Path.of("rgflow"), home.resolve("rgflow"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assertTrue(bin.resolve("java").toFile().setExecutable(true));
        Path user = Files.createDirectories(tmp.resolve("user"));
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("rgflow").toString(), "info").directory(user.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().put("RGFLOW_JAVA_OPTS", "-Xmx1g");
        Process p = pb.start();
        List<String> args = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.waitFor(), args.toString());
        assertEquals(List.of("-XX:ErrorFile=" + tmp + "/rgflow-hs_err_pid%p.log", "-Xmx1g", "-jar",
                home.resolve("target/rgflow.jar").toString(), "info"), args);
    }
}
