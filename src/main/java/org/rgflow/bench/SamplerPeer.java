package org.rgflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the C Metropolis references {@code peers/ising_c.sh} ({@code ising_ref.c} scalar,
 * {@code ising_simd.c} AVX2) in a child process and parses their per-run lines. Modes: one thread,
 * two OpenMP threads, and two independent one-thread processes (aggregated A + B per repetition).
 */
final class SamplerPeer {

    /** Where the script is looked for, in order: relative to the working directory, then absolute. */
    static final List<Path> CANDIDATES = List.of(Path.of("..", "shared", "peers", "ising_c.sh"),
            Path.of("/work/shared/peers/ising_c.sh"));
    static final long TIMEOUT_MINUTES = 20;
    static final String ONE_THREAD = "1 thread";
    static final String OPENMP = "2 OpenMP threads";
    static final String TWO_PROCESSES = "2 processes";

    private static final Pattern LINE = Pattern.compile(
            "^\\[(1 thread |2 threads|2 procs A|2 procs B)\\] (\\S+) L=(\\d+) .*?flips/ns=([0-9.]+) flips/cpu-ns=([0-9.]+)");

    /** Flips/ns and flips per CPU-ns of one program, size and mode, one entry per repetition. */
    record Figures(String program, int length, String mode, List<Double> flipsPerNs, List<Double> flipsPerCpuNs) {
    }

    /** Parsed figures keyed by {@link #key}, the script's comment lines, or why nothing was measured. */
    record Result(Map<String, Figures> figures, List<String> notes, String failure) {

        Optional<Figures> find(String program, int length, String mode) {
            return Optional.ofNullable(figures.get(key(program, length, mode)));
        }
    }

    private SamplerPeer() {
    }

    static String key(String program, int length, String mode) {
        return program + "|" + length + "|" + mode;
    }

    static Optional<Path> locate() {
        for (Path p : CANDIDATES) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** Runs the script with {@code repeats} repetitions and parses its output; never throws for a missing peer. */
    static Result run(int repeats) {
        Optional<Path> script = locate();
        if (script.isEmpty()) {
            return new Result(Map.of(), List.of(), "peer script ising_c.sh not found (looked in "
                    + CANDIDATES.get(0).toAbsolutePath().normalize() + " and " + CANDIDATES.get(1) + "); skipped");
        }
        List<String> lines = new ArrayList<>();
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", script.get().toString(), String.valueOf(repeats))
                    .redirectErrorStream(true);
            builder.environment().remove("OMP_NUM_THREADS"); // the script sets it per run; nproc reads it
            process = builder.start();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(Map.of(), List.of(), "peer " + script.get() + " timed out after "
                        + TIMEOUT_MINUTES + " min; skipped");
            }
            if (process.exitValue() != 0) {
                return new Result(Map.of(), List.of(), "peer " + script.get() + " failed with exit code "
                        + process.exitValue() + " (it needs bash and gcc); last output: "
                        + (lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1)));
            }
        } catch (IOException e) {
            return new Result(Map.of(), List.of(), "could not run peer " + script.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(Map.of(), List.of(), "interrupted while running peer " + script.get());
        }
        return parse(lines);
    }

    /** Parses the script's output lines (package-private for tests). */
    static Result parse(List<String> lines) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        Map<String, double[]> pendingA = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                notes.add(line.substring(1).trim());
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String tag = m.group(1);
            String program = m.group(2);
            int length = Integer.parseInt(m.group(3));
            double rate = Double.parseDouble(m.group(4));
            double cpuRate = Double.parseDouble(m.group(5));
            String pairKey = program + "|" + length;
            if (tag.equals("2 procs A")) {
                pendingA.put(pairKey, new double[] {rate, cpuRate});
                continue;
            }
            String mode = tag.startsWith("1") ? ONE_THREAD : tag.equals("2 threads") ? OPENMP : TWO_PROCESSES;
            if (mode.equals(TWO_PROCESSES)) {
                double[] a = pendingA.remove(pairKey);
                if (a == null) {
                    continue;
                }
                cpuRate = 2 / (1 / a[1] + 1 / cpuRate); // equal work per process
                rate = a[0] + rate;
            }
            Figures f = figures.computeIfAbsent(key(program, length, mode),
                    k -> new Figures(program, length, mode, new ArrayList<>(), new ArrayList<>()));
            f.flipsPerNs().add(rate);
            f.flipsPerCpuNs().add(cpuRate);
        }
        String failure = figures.isEmpty() ? "peer produced no parsable figures" : null;
        return new Result(figures, notes, failure);
    }
}
