package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SampleConfig;
import org.rgflow.config.ThermometerConfig;
import org.rgflow.config.TrainConfig;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;

/**
 * The steps a reproduction pipeline shares: it runs {@code sample}, {@code train} and {@code thermometer train} in
 * process (so their "up to date" logic by config hash applies), computes their output directories the way those
 * commands do (datasets/&lt;name&gt;-&lt;hash&gt;, models/&lt;name&gt;-&lt;hash&gt; under {@link #root()}), and records
 * every input (path, kind, id, manifest SHA-256) for the reproduction's manifest.
 */
final class ReproduceContext {

    /** Size of a pipeline: the paper's settings, the few-minute version, or the seconds-long test version. */
    enum Mode { FULL, QUICK, TINY }

    private final String paper;
    private final Path root;
    private final Path runDir;
    private final Mode mode;
    private final boolean force;
    private final PrintWriter out;
    private final List<Map<String, Object>> inputs = new ArrayList<>();
    private final Map<String, Double> stepSeconds = new LinkedHashMap<>();
    private final List<String[]> userSets;
    private Path target;

    /**
     * @param paper    the pipeline; its steps must be listed in {@link ReproduceSteps}
     * @param userSets the user's {@code --set ROLE:key=value} as {ROLE, key=value}: appended, after the pipeline's
     *                 own overrides, to the step whose role is ROLE (or starts with it, for ROLE ending in *)
     */
    ReproduceContext(String paper, Path root, Path runDir, Mode mode, boolean force, PrintWriter out,
            List<String[]> userSets) {
        this.paper = paper;
        this.root = root;
        this.runDir = runDir;
        this.mode = mode;
        this.force = force;
        this.out = out;
        this.userSets = List.copyOf(userSets);
    }

    /** The user's overrides as they were given, {@code ROLE:key=value}. */
    List<String> userSets() {
        return userSets.stream().map(x -> x[0] + ":" + x[1]).toList();
    }

    /** The pipeline's overrides of a step followed by the user's for its role. */
    private List<String> withUserSets(String role, List<String> overrides) {
        List<String> all = new ArrayList<>(overrides);
        for (String[] u : userSets) {
            if (ReproduceCommand.roleMatches(u[0], role)) {
                all.add(u[1]);
            }
        }
        return all;
    }

    Path root() {
        return root;
    }

    /** Where the pipeline writes its report and figures (the work directory of the run directory). */
    Path runDir() {
        return runDir;
    }

    /** The run directory the report is published as (the same as {@link #runDir()} unless set). */
    Path target() {
        return target == null ? runDir : target;
    }

    void target(Path published) {
        this.target = published;
    }

    Mode mode() {
        return mode;
    }

    PrintWriter out() {
        return out;
    }

    List<Map<String, Object>> inputs() {
        return inputs;
    }

    Map<String, Double> stepSeconds() {
        return stepSeconds;
    }

    /** {@code rgflow sample config --set …}; returns the dataset directory. */
    Path sample(String role, Path config, List<String> pipelineOverrides) throws IOException {
        ReproduceSteps.requireListed(paper, role, SampleConfig.class, config);
        List<String> overrides = withUserSets(role, pipelineOverrides);
        ConfigLoader.Loaded<SampleConfig> loaded = ConfigLoader.of(SampleConfig.class).load(config, overrides);
        String sha = Manifest.configSha256(loaded.resolved());
        Path target = root.resolve("datasets").resolve(loaded.config().name() + "-" + sha.substring(0, 8)).normalize();
        List<String> args = new ArrayList<>(List.of("sample", config.toString(), "--out", target.toString(), "-q"));
        addSets(args, overrides);
        run(role, args);
        record(role, "dataset", config, overrides, target);
        return target;
    }

    /** {@code rgflow train config --dataset d --set …}; returns the model directory. */
    Path train(String role, Path config, List<String> pipelineOverrides, Path dataset) throws IOException {
        ReproduceSteps.requireListed(paper, role, TrainConfig.class, config);
        List<String> overrides = withUserSets(role, pipelineOverrides);
        ConfigLoader.Loaded<TrainConfig> loaded = ConfigLoader.of(TrainConfig.class).load(config, overrides);
        String configSha = Manifest.configSha256(loaded.resolved());
        String datasetSha = Sha256.of(dataset.resolve("manifest.json"));
        String id = loaded.config().name() + "-" + Sha256.of(configSha + "\n" + datasetSha).substring(0, 8);
        Path target = root.resolve("models").resolve(id).normalize();
        List<String> args = new ArrayList<>(List.of("train", config.toString(), "--dataset", dataset.toString(),
                "--out", target.toString(), "-q"));
        addSets(args, overrides);
        // --resume continues an interrupted earlier run of this pipeline from its checkpoint, if there is one
        args.add(force ? "--force" : "--resume");
        run(role, args);
        record(role, "model", config, overrides, target);
        return target;
    }

    /**
     * {@code rgflow thermometer train}; reuses models/&lt;name&gt;-&lt;hash of config and dataset&gt; when its
     * manifest has the same config and dataset manifest SHA-256 (the command itself refuses to overwrite).
     */
    Path thermometer(String role, Path config, List<String> pipelineOverrides, Path dataset) throws IOException {
        ReproduceSteps.requireListed(paper, role, ThermometerConfig.class, config);
        List<String> overrides = withUserSets(role, pipelineOverrides);
        ConfigLoader.Loaded<ThermometerConfig> loaded = ConfigLoader.of(ThermometerConfig.class).load(config,
                overrides);
        String configSha = Manifest.configSha256(loaded.resolved());
        String datasetSha = Sha256.of(dataset.resolve("manifest.json"));
        String id = loaded.config().name() + "-" + Sha256.of(configSha + "\n" + datasetSha).substring(0, 8);
        Path target = root.resolve("models").resolve(id).normalize();
        Path manifest = target.resolve("manifest.json");
        boolean exists = Files.exists(manifest);
        boolean upToDate = false;
        if (exists) {
            JsonNode m = Manifest.read(manifest);
            upToDate = !force && configSha.equals(m.path("configSha256").asText())
                    && datasetSha.equals(m.path("dataset").path("manifestSha256").asText());
        }
        if (upToDate) {
            out.printf("[%s] %s is up to date (same config and dataset)%n", role, target);
            out.flush();
        } else {
            List<String> args = new ArrayList<>(List.of("thermometer", "train", "--config", config.toString(),
                    "--dataset", dataset.toString(), "--out", target.toString(), "-q"));
            addSets(args, overrides);
            if (exists) {
                args.add("--force"); // replaces only a thermometer directory
            }
            run(role, args);
        }
        record(role, "thermometer", config, overrides, target);
        return target;
    }

    /** Times a pipeline step for the report. */
    <T> T timed(String step, IoSupplier<T> body) throws IOException {
        long t0 = System.nanoTime();
        T result = body.get();
        stepSeconds.merge(step, (System.nanoTime() - t0) / 1e9, Double::sum);
        return result;
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static void addSets(List<String> args, List<String> overrides) {
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
    }

    private void run(String role, List<String> args) {
        out.printf("[%s] rgflow %s%n", role, String.join(" ", args));
        out.flush();
        StringWriter err = new StringWriter();
        var cl = RgflowCommand.commandLine();
        cl.setOut(out);
        cl.setErr(new PrintWriter(err, true));
        long t0 = System.nanoTime();
        int code = cl.execute(args.toArray(String[]::new));
        stepSeconds.merge(role, (System.nanoTime() - t0) / 1e9, Double::sum);
        if (code != 0) { // the step's own classification (exit code) and one-line message
            throw new CommandFailedException(code, "step '" + role + "' (rgflow " + String.join(" ", args)
                    + ") failed: " + err.toString().strip().replaceFirst("^rgflow: error: ", ""), null);
        }
    }

    private void record(String role, String kind, Path config, List<String> overrides, Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("role", role);
        in.put("kind", kind);
        in.put("id", dir.getFileName().toString());
        in.put("directory", dir.toString());
        in.put("manifestSha256", Sha256.of(manifest));
        in.put("config", config.toString());
        in.put("configSha256", Sha256.of(config));
        in.put("overrides", List.copyOf(overrides));
        inputs.add(in);
    }
}
