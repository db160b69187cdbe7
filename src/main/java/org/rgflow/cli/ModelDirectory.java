package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.train.Checkpoint;

/**
 * The output and work directories of one {@code rgflow train} run, claimed through {@link ArtifactDirectory}: the
 * model is built in a work directory of its own ({@code .<name>.work-<pid>-<n>}) beside the output and published
 * by a swap. A run that is killed or stopped after its first checkpoint leaves its work directory with
 * {@code checkpoints/} (and {@code run.json}: the config and dataset SHA-256s) and {@code training.csv}, which
 * {@code --resume} adopts (the newest one; the claim's lock keeps two resumers apart).
 */
final class ModelDirectory {

    /** Identity of the run that owns a work directory, inside {@code checkpoints/}. */
    static final String RUN_FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path target;
    private final ArtifactDirectory run;
    private final String configSha;
    private final String datasetSha;
    private final boolean force;
    private Path work;

    ModelDirectory(Path target, ArtifactDirectory run, String configSha, String datasetSha, boolean force) {
        this.target = target;
        this.run = run;
        this.configSha = configSha;
        this.datasetSha = datasetSha;
        this.force = force;
    }

    /** Whether a work directory holds progress {@code --resume} can continue: a checkpoint. */
    static boolean resumable(Path work) {
        try {
            return Checkpoint.latest(work.resolve("checkpoints")).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    Path work() {
        return work;
    }

    Path checkpoints() {
        return work.resolve("checkpoints");
    }

    /** True if the target holds a model of this config and dataset whose outputs all verify (and not --force). */
    boolean upToDate(PrintWriter stdout) throws IOException {
        if (!Files.exists(target)) {
            return false;
        }
        Path manifest = target.resolve("manifest.json");
        if (Files.exists(manifest) && !force) {
            JsonNode m = Manifest.read(manifest);
            if ("model".equals(m.path("kind").asText()) && configSha.equals(m.path("configSha256").asText())
                    && datasetSha.equals(m.at("/dataset/manifestSha256").asText())) {
                verifyOutputs(target, m);
                stdout.printf("%s is up to date (same config %s and dataset, checksums verified); use --force to "
                        + "retrain%n", target, configSha.substring(0, 8));
                stdout.flush();
                return true;
            }
        }
        if (!force) {
            throw new UserException(target + " already exists and was not trained from this config and dataset; "
                    + "choose another --out or pass --force to replace it");
        }
        return false;
    }

    /** Checks the size and SHA-256 of every output listed in a model manifest. */
    static void verifyOutputs(Path dir, JsonNode manifest) throws IOException {
        for (JsonNode o : manifest.path("outputs")) {
            Path f = dir.resolve(o.path("path").asText());
            if (!Files.isRegularFile(f) || Files.size(f) != o.path("bytes").asLong()
                    || !Sha256.of(f).equals(o.path("sha256").asText())) {
                throw new UserException(f + " is missing or does not match " + dir.resolve("manifest.json")
                        + "; retrain with --force");
            }
        }
    }

    /**
     * Readies the work directory: with {@code resume}, adopts the newest interrupted run of this target and returns
     * its latest checkpoint (empty if there is none: a fresh start); otherwise refuses to discard an interrupted run
     * unless {@code --force}.
     */
    Optional<Checkpoint> prepareWork(boolean resume, String id, PrintWriter stdout) throws IOException {
        List<Path> interrupted = run.interrupted();
        if (!interrupted.isEmpty()) {
            Path newest = interrupted.get(0);
            Path runFile = newest.resolve("checkpoints").resolve(RUN_FILE);
            Optional<Checkpoint> latest = Checkpoint.latest(newest.resolve("checkpoints"));
            if (resume && Files.exists(runFile)) {
                JsonNode r = JSON.readTree(runFile.toFile());
                if (!configSha.equals(r.path("configSha256").asText())
                        || !datasetSha.equals(r.path("datasetManifestSha256").asText())) {
                    throw new UserException(newest + " holds an interrupted run of another config or dataset ("
                            + r.path("id").asText() + "); pass --force instead of --resume to discard it");
                }
                if (latest.isPresent()) {
                    work = run.adopt(newest);
                    run.discardInterrupted();
                    return Checkpoint.latest(checkpoints());
                }
            } else if (!resume && !force && latest.isPresent()) {
                throw new UserException(newest + " holds an interrupted run (last checkpoint: layer "
                        + latest.get().layer() + ", " + latest.get().epochsDone() + " epochs); pass --resume to "
                        + "continue it or --force to start over");
            }
            run.discardInterrupted();
        }
        work = run.newWork();
        if (resume) {
            stdout.printf("nothing to resume for %s: starting from scratch%n", target);
        }
        Files.createDirectories(checkpoints());
        Path runFile = checkpoints().resolve(RUN_FILE);
        ObjectNode r = JSON.createObjectNode().put("id", id).put("configSha256", configSha)
                .put("datasetManifestSha256", datasetSha);
        AtomicFiles.write(runFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
        return Optional.empty();
    }

    /** Deletes the checkpoints (unless kept) and publishes the work directory as the target. */
    void finish(boolean keepCheckpoints) throws IOException {
        if (!keepCheckpoints) {
            AtomicFiles.deleteRecursively(checkpoints());
        }
        run.publish(); // an existing target is only replaced with --force (upToDate)
    }

    /** A diverged run is not worth resuming: its work directory is deleted. */
    void discard() throws IOException {
        run.discard();
    }
}
