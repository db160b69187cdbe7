package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rgflow.backend.BackendInfo;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow thermometer eval MODEL --dataset DIR}: accuracy, confusion matrix and mean |&Delta;T| of a saved
 * thermometer on a dataset with the same temperature list. By default only the held-out rows (the last
 * heldOutFraction of every shard, as in training) are used; {@code --all-rows} uses every row (for a dataset the
 * thermometer was not trained on).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a saved thermometer on a dataset: accuracy and confusion matrix (CSV, PNG).")
final class ThermometerEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Thermometer directory (rgflow thermometer train).")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset directory.")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: MODEL/eval-<dataset name>).")
    Path out;

    @Option(names = "--all-rows", description = "Evaluate on every row, not only the held-out fraction.")
    boolean allRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Thermometer t = AnalysisInputs.thermometer(model);
        SpinDataset data = SpinDataset.open(dataset);
        double[] mine = t.temperatures();
        List<Double> theirs = data.temperatures();
        boolean same = mine.length == theirs.size() && data.numSites() == t.numSites();
        for (int i = 0; same && i < mine.length; i++) {
            same = Math.abs(mine[i] - theirs.get(i)) <= 1e-9;
        }
        if (!same) {
            throw new UserException("dataset " + dataset + " (" + data.numSites() + " sites, T = " + theirs
                    + ") does not match the thermometer (" + t.numSites() + " sites, T = " + java.util.Arrays
                    .toString(mine) + ")");
        }
        double held = t.options().heldOutFraction();
        boolean all = allRows || !(held > 0);
        double from = all ? 0 : 1 - held;
        ThermometerEvaluation e = t.evaluate(Thermometer.iterator(data, from, 1, t.options().batchSize(), false, 0));
        Path target = out != null ? out : model.resolve("eval-" + data.dir().toAbsolutePath().normalize()
                .getFileName());
        ArtifactDirectory run = Outputs.claim(spec, target, "thermometer-evaluation", dataset);
        Path work = run.newWork();
        List<OutputFile> outputs = ThermometerCommand.writeEvaluation(e, work, "thermometer eval");
        Manifest.of("thermometer-evaluation", target.getFileName().toString())
                .section("model", model.toAbsolutePath().toString())
                .section("dataset", ThermometerCommand.datasetSection(data))
                .section("backend", BackendInfo.current())
                .section("evaluation", ThermometerCommand.evaluationSection(e, all ? "all rows"
                        : "held-out: last " + held + " of every shard"))
                .outputs(outputs).write(work);
        run.publish();
        ThermometerCommand.print(stdout, e);
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }
}
