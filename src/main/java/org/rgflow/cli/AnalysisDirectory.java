package org.rgflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;

/**
 * The output directory of one {@code rgflow analyze} run: {@code runs/analysis/<kind>-<input id>-<hash of the
 * arguments>} (or {@code --out}), claimed and built in a work directory of its own and swapped in at the end
 * ({@link ArtifactDirectory}), so a finished directory is always complete. Every file written through it is listed
 * in the manifest with its SHA-256. An existing target is replaced only if it is an earlier analysis of the same
 * kind (manifest kind {@code analysis-<kind>}).
 */
final class AnalysisDirectory {

    private final Path target;
    private final ArtifactDirectory run;
    private final Path work;
    private final List<OutputFile> outputs = new ArrayList<>();

    private AnalysisDirectory(Path target, String kind) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.run = Outputs.claim(null, target, "analysis-" + kind);
        this.work = run.newWork();
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
        return new AnalysisDirectory(target, kind);
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

    /** Writes the manifest (with the outputs) into the work directory and publishes it as the target. */
    Path finish(Manifest manifest) throws IOException {
        manifest.outputs(outputs).write(work);
        run.publish();
        return target;
    }
}
