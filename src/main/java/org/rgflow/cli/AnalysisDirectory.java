package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;

/**
 * The output directory of one {@code rgflow analyze} run: {@code runs/analysis/<kind>-<input id>-<hash of the
 * arguments>} (or {@code --out}), built in {@code .<name>.partial} next to it and renamed at the end, so a finished
 * directory is always complete. Every file written through it is listed in the manifest with its SHA-256. An
 * existing target is replaced only if it is an earlier analysis (its manifest kind starts with "analysis").
 */
final class AnalysisDirectory {

    private final Path target;
    private final Path work;
    private final List<OutputFile> outputs = new ArrayList<>();

    private AnalysisDirectory(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.work = this.target.getParent().resolve("." + this.target.getFileName() + ".partial");
        if (Files.exists(this.target)) {
            Path m = this.target.resolve("manifest.json");
            JsonNode kind = Files.isRegularFile(m) ? Manifest.read(m).path("kind") : null;
            if (kind == null || !kind.asText().startsWith("analysis")) {
                throw new UserException(target + " exists and is not an analysis directory; choose another --out");
            }
        }
        AtomicFiles.deleteRecursively(work);
        Files.createDirectories(work);
    }

    /**
     * @param out       --out, or null for the default location
     * @param kind      the analysis (flow, rg, ...)
     * @param inputId   the model or dataset id
     * @param arguments a canonical description of everything that determines the result (input checksums included)
     */
    static AnalysisDirectory create(Path out, String kind, String inputId, String arguments) throws IOException {
        Path target = out != null ? out
                : Path.of("runs", "analysis", kind + "-" + inputId + "-" + hash(arguments));
        return new AnalysisDirectory(target);
    }

    /** The first 8 hex digits of the SHA-256 of a text. */
    static String hash(String text) {
        return Sha256.of(text).substring(0, 8);
    }

    Path target() {
        return target;
    }

    void text(String name, String content) throws IOException {
        AtomicFiles.write(work.resolve(name), content.getBytes(StandardCharsets.UTF_8));
        outputs.add(OutputFile.of(work, name));
    }

    void png(String name, LinePlot plot) throws IOException {
        plot.writePng(work.resolve(name));
        outputs.add(OutputFile.of(work, name));
    }

    void png(String name, Heatmap map) throws IOException {
        map.writePng(work.resolve(name));
        outputs.add(OutputFile.of(work, name));
    }

    List<OutputFile> outputs() {
        return List.copyOf(outputs);
    }

    /** Writes the manifest (with the outputs) into the work directory and renames it to the target. */
    Path finish(Manifest manifest) throws IOException {
        manifest.outputs(outputs).write(work);
        AtomicFiles.replace(work, target);
        return target;
    }
}
