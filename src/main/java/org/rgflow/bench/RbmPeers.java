package org.rgflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python peers of {@code rgflow bench rbm} ({@code rbm_peers.py}, shipped in the jar and extracted to a
 * temporary file): one process per implementation and thread count, with OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and
 * MKL_NUM_THREADS set to the thread count before the interpreter starts; {@link RbmPeerOutput} reads what it
 * printed. A missing interpreter or module is an {@link Outcome#failure()} naming the
 * install command, never an exception.
 */
final class RbmPeers {

    static final String RESOURCE = "rbm_peers.py";
    static final String PREFIX = "RGFLOW-PEER ";
    static final long TIMEOUT_MINUTES = 30;

    /** A peer implementation, the interpreter that runs it, the option that chooses it and how to install it. */
    record Peer(String impl, String python, String option, String install) {
    }

    /** Train on the uint8 rows of {@code data} with {@code hidden} hidden units. */
    record Job(Path data, int hidden) {
    }

    /**
     * What one peer process reported: figures, the number of ones in each data file it loaded, a description of
     * the interpreter, versions and BLAS, and a one-line failure (null when it ran); {@code missing} when the
     * interpreter or module is not installed (no point trying other thread counts).
     */
    record Outcome(String impl, List<RbmFigure> figures, Map<String, Long> ones, String description, String failure,
            boolean missing) {
    }

    private RbmPeers() {
    }

    /** sklearn and torch on Debian's interpreter (apt's python3-* go there), numpy on the one given. */
    static List<Peer> peers(String debianPython, String numpyPython) {
        return List.of(new Peer("sklearn", debianPython, "--debian-python", "apt-get install -y python3-sklearn"),
                new Peer("torch", debianPython, "--debian-python", "apt-get install -y python3-torch"),
                new Peer("numpy", numpyPython, "--numpy-python", "python3 -m pip install numpy"));
    }

    /** Copies the script out of the jar into a temporary file (deleted when the JVM exits). */
    static Path extractScript() {
        try (InputStream in = RbmPeers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            Path script = Files.createTempFile("rgflow-rbm-peers-", ".py");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The script's arguments for one process. */
    static List<String> command(Peer peer, Path script, int threads, List<Job> jobs, int epochs, int batch,
            double lr, int repeats) {
        List<String> cmd = new ArrayList<>(List.of(peer.python(), script.toString(), "--impl", peer.impl(),
                "--threads", String.valueOf(threads), "--epochs", String.valueOf(epochs), "--batch",
                String.valueOf(batch), "--lr", String.valueOf(lr), "--reps", String.valueOf(repeats)));
        for (Job j : jobs) {
            cmd.add("--run");
            cmd.add(j.data() + ":" + j.hidden());
        }
        return cmd;
    }

    /** Runs one peer at {@code threads} threads on every job. */
    static Outcome run(Peer peer, Path script, int threads, List<Job> jobs, int epochs, int batch, double lr,
            int repeats) {
        ProcessBuilder pb = new ProcessBuilder(command(peer, script, threads, jobs, epochs, batch, lr, repeats))
                .redirectErrorStream(true);
        for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            pb.environment().put(v, String.valueOf(threads));
        }
        Exec e = exec(pb);
        if (e.error() != null) {
            return new Outcome(peer.impl(), List.of(), Map.of(), null, "peer " + peer.impl() + ": cannot run "
                    + peer.python() + " (" + e.error() + "); point " + peer.option() + " at a Python 3 that has it ("
                    + peer.install() + ")", true);
        }
        return RbmPeerOutput.parse(peer, e.lines(), e.exitCode());
    }

    /** Output lines and exit code of a finished process, or why it could not run. */
    private record Exec(List<String> lines, int exitCode, String error) {
    }

    private static Exec exec(ProcessBuilder pb) {
        Path log = null;
        Process p = null;
        try {
            log = Files.createTempFile("rgflow-rbm-peer-", ".log");
            p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            if (!done) {
                lines.add("timed out after " + TIMEOUT_MINUTES + " min");
            }
            return new Exec(lines, done ? p.exitValue() : -1, null);
        } catch (IOException e) {
            return new Exec(List.of(), -1, e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Exec(List.of("interrupted"), -1, null);
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }
}
