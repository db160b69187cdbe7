package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;
import org.rgflow.train.Checkpoint;

/**
 * The output and work directories of one {@code rgflow train} run. The work directory
 * {@code <parent>/.<name>.partial} has a fixed name for a given output, so an interrupted run leaves its
 * {@code checkpoints/} (with {@code run.json}: the config and dataset SHA-256s) and {@code training.csv} where
 * {@code --resume} finds them. Two runs writing the same output at the same time are not supported.
 */
final class ModelDirectory {

    /** Identity of the run that owns a work directory, inside {@code checkpoints/}. */
    static final String RUN_FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path target;
    private final Path work;
    private final String configSha;
    private final String datasetSha;
    private final boolean force;

    ModelDirectory(Path target, String configSha, String datasetSha, boolean force) {
        this.target = target;
        Path parent = target.toAbsolutePath().normalize().getParent();
        this.work = parent.resolve("." + target.toAbsolutePath().normalize().getFileName() + ".partial");
        this.configSha = configSha;
        this.datasetSha = datasetSha;
        this.force = force;
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
     * Readies the work directory: with {@code resume}, returns the latest checkpoint of an interrupted run of this
     * config and dataset (empty if there is none: a fresh start); otherwise refuses to discard an interrupted run
     * unless {@code --force}.
     */
    Optional<Checkpoint> prepareWork(boolean resume, String id, PrintWriter stdout) throws IOException {
        Path run = checkpoints().resolve(RUN_FILE);
        if (Files.exists(work)) {
            Optional<Checkpoint> latest = Checkpoint.latest(checkpoints());
            if (resume && Files.exists(run)) {
                JsonNode r = JSON.readTree(run.toFile());
                if (!configSha.equals(r.path("configSha256").asText())
                        || !datasetSha.equals(r.path("datasetManifestSha256").asText())) {
                    throw new UserException(work + " holds an interrupted run of another config or dataset ("
                            + r.path("id").asText() + "); pass --force instead of --resume to discard it");
                }
                if (latest.isPresent()) {
                    return latest;
                }
            } else if (!resume && !force && latest.isPresent()) {
                throw new UserException(work + " holds an interrupted run (last checkpoint: layer "
                        + latest.get().layer() + ", " + latest.get().epochsDone() + " epochs); pass --resume to "
                        + "continue it or --force to start over");
            }
            AtomicFiles.deleteRecursively(work);
        }
        if (resume) {
            stdout.printf("nothing to resume in %s: starting from scratch%n", work);
        }
        Files.createDirectories(checkpoints());
        ObjectNode r = JSON.createObjectNode().put("id", id).put("configSha256", configSha)
                .put("datasetManifestSha256", datasetSha);
        AtomicFiles.write(run, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
        return Optional.empty();
    }

    /** Deletes the checkpoints (unless kept) and renames the work directory to the target, replacing it. */
    void finish(boolean keepCheckpoints) throws IOException {
        if (!keepCheckpoints) {
            AtomicFiles.deleteRecursively(checkpoints());
        }
        AtomicFiles.replace(work, target); // an existing target is only replaced with --force (upToDate)
    }
}
