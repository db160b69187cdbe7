package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rgflow.data.SpinDataset;
import org.rgflow.plot.Heatmap;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;
import org.rgflow.thermometer.ThermometerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow thermometer train|eval}: the supervised temperature classifier of Iso et al. (package
 * {@code thermometer}). Also holds the evaluation outputs both subcommands write.
 */
@Command(name = "thermometer", mixinStandardHelpOptions = true,
        description = "Train or evaluate a thermometer network (configurations -> distribution over temperatures).",
        subcommands = {ThermometerTrainCommand.class, ThermometerEvalCommand.class})
final class ThermometerCommand implements Runnable {

    /** Confusion counts [true T][predicted T]. */
    static final String CONFUSION_CSV = "confusion.csv";
    /** Confusion fractions per true temperature. */
    static final String CONFUSION_PNG = "confusion.png";
    /** One row: accuracy, chance, mean |dT|, count. */
    static final String EVALUATION_CSV = "evaluation.csv";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Writes {@value #EVALUATION_CSV}, {@value #CONFUSION_CSV} and {@value #CONFUSION_PNG}; returns them. */
    static List<OutputFile> writeEvaluation(ThermometerEvaluation e, Path dir, String title) throws IOException {
        Files.createDirectories(dir);
        String summary = "accuracy,chance,mean_abs_temperature_error,count\n" + e.accuracy() + "," + e.chance() + ","
                + e.meanAbsoluteError() + "," + e.count() + "\n";
        AtomicFiles.write(dir.resolve(EVALUATION_CSV), summary.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(CONFUSION_CSV), e.confusionCsv().getBytes(StandardCharsets.UTF_8));
        Heatmap.of(title + ": P(predicted T | true T), rows true T ascending", e.confusionFractions())
                .cellPixels(e.temperatures().length > 30 ? 8 : 16).writePng(dir.resolve(CONFUSION_PNG));
        List<OutputFile> out = new ArrayList<>();
        for (String f : List.of(EVALUATION_CSV, CONFUSION_CSV, CONFUSION_PNG)) {
            out.add(OutputFile.of(dir, f));
        }
        return out;
    }

    /** The manifest section of an evaluation. */
    static Map<String, Object> evaluationSection(ThermometerEvaluation e, String rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("count", e.count());
        m.put("accuracy", e.accuracy());
        m.put("chance", e.chance());
        m.put("meanAbsoluteTemperatureError", e.meanAbsoluteError());
        return m;
    }

    /** The manifest section naming a dataset by directory and manifest checksum. */
    static Map<String, Object> datasetSection(SpinDataset data) throws IOException {
        Path m = data.dir().resolve("manifest.json");
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("directory", data.dir().toAbsolutePath().toString());
        ds.put("manifestSha256", Files.exists(m) ? Sha256.of(m) : null);
        ds.put("numSites", data.numSites());
        ds.put("temperatures", data.temperatures());
        return ds;
    }

    static void print(PrintWriter out, ThermometerEvaluation e) {
        out.println(e);
        out.print(e.confusionCsv());
        out.flush();
    }
}
