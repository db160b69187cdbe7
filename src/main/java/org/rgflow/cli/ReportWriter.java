package org.rgflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.backend.BackendInfo;
import org.rgflow.observable.Estimate;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.ToolInfo;

/**
 * Builds a reproduction's {@code report.md} (Markdown: claims, measured numbers with errors, verdict lines,
 * figures as relative links) and writes it with {@code manifest.json} (inputs with ids and manifest SHA-256s,
 * outputs with SHA-256) into the run directory.
 */
final class ReportWriter {

    private final Path dir;
    private final StringBuilder md = new StringBuilder();
    private final List<String> outputs = new ArrayList<>();

    ReportWriter(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    ReportWriter line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    ReportWriter blank() {
        md.append('\n');
        return this;
    }

    ReportWriter heading(int level, String text) {
        md.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    ReportWriter verdict(String claim, ReportVerdict v, String criterion) {
        return line("**Verdict (%s): %s.** Criterion: %s", claim, v.label(), criterion).blank();
    }

    ReportWriter table(List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        md.append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append('\n');
        return this;
    }

    /** A figure already in the run directory (relative path), linked into the report and listed as an output. */
    ReportWriter figure(String relative, String caption) {
        outputs.add(relative);
        return line("![%s](%s)", caption, relative).line("*%s*", caption).blank();
    }

    /** Copies {@code source} into the run directory as {@code relative} and links it. */
    ReportWriter copyFigure(Path source, String relative, String caption) throws IOException {
        if (!Files.exists(source)) {
            return line("(figure %s missing: %s)", relative, source).blank();
        }
        Files.copy(source, dir.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
        return figure(relative, caption);
    }

    /** A non-figure file in the run directory to checksum into the manifest. */
    void output(String relative) {
        outputs.add(relative);
    }

    String markdown() {
        return md.toString();
    }

    /** Writes report.md and manifest.json; returns the report path. */
    Path write(String id, Map<String, Object> settings, ReproduceContext ctx, ReportVerdict overall)
            throws IOException {
        AtomicFiles.write(dir.resolve("report.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        List<OutputFile> files = new ArrayList<>();
        files.add(OutputFile.of(dir, "report.md"));
        for (String o : outputs) {
            files.add(OutputFile.of(dir, o));
        }
        Manifest.of("reproduction", id)
                .section("mode", ctx.mode().name().toLowerCase(Locale.ROOT))
                .section("settings", settings)
                .section("userOverrides", ctx.userSets())
                .section("verdict", overall.label())
                .section("inputs", ctx.inputs())
                .section("stepSeconds", ctx.stepSeconds())
                .section("backend", BackendInfo.current())
                .outputs(files)
                .write(dir);
        return ctx.target().resolve("report.md");
    }

    /** "v ± e" with a precision suited to e. */
    static String pm(Estimate e) {
        return pm(e.value(), e.error());
    }

    static String pm(double value, double error) {
        if (!Double.isFinite(error) || error < 1e-6) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        int digits = Math.max(0, Math.min(6, 1 - (int) Math.floor(Math.log10(error))));
        String f = "%." + digits + "f ± %." + digits + "f";
        return String.format(Locale.ROOT, f, value, error);
    }

    static String f(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Header lines common to every report. */
    void preamble(String title, String command, String mode) {
        heading(1, title);
        line("- command: `%s`", command);
        line("- mode: %s; written %s", mode, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("- rgflow %s (commit %s); %s", ToolInfo.tool().get("version"), ToolInfo.tool().get("gitCommit"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version"));
        blank();
    }
}
