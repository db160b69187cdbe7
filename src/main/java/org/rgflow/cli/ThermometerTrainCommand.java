package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rgflow.backend.BackendInfo;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.ThermometerConfig;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerEvaluation;
import org.rgflow.thermometer.ThermometerFiles;
import org.rgflow.thermometer.ThermometerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow thermometer train --dataset DIR [--config FILE] [--out DIR] [--set K=V]}: trains on the first
 * 1 &minus; heldOutFraction of every temperature's rows, evaluates on the rest, and writes the model
 * ({@code thermometer.zip}, {@code thermometer.json}), the evaluation files and {@code manifest.json}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a thermometer on a labelled dataset and evaluate it on the held-out rows.")
final class ThermometerTrainCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "configs/iso2018/thermometer.yaml",
            description = "Thermometer config (YAML; default ${DEFAULT-VALUE}).")
    Path configFile;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset directory (rgflow sample).")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default: models/<name>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set epochs=5.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing thermometer directory (only an rgflow thermometer).")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No per-epoch progress.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ConfigLoader.Loaded<ThermometerConfig> loaded = ConfigLoader.of(ThermometerConfig.class).load(configFile,
                overrides);
        ThermometerConfig c = loaded.config();
        SpinDataset data = SpinDataset.open(dataset);
        if (data.temperatures().size() < 2) {
            throw new UserException("dataset " + dataset + " has " + data.temperatures().size()
                    + " temperature(s); a thermometer needs at least 2");
        }
        Path target = out != null ? out : Path.of("models", c.name());
        ArtifactDirectory run = Outputs.claim(spec, target, "thermometer", dataset, configFile);
        if (run.manifest().isPresent() && !force) {
            throw new UserException(target + " already holds a thermometer: choose another --out or pass --force to "
                    + "replace it");
        }
        Path work = run.newWork();
        ThermometerOptions o = options(c);
        stdout.printf("thermometer %s: %d -> %s -> %d (%s), %d epochs -> %s%n", c.name(), data.numSites(),
                c.hiddenSizes(), data.temperatures().size(), c.activation(), c.epochs(), target);
        stdout.flush();
        long t0 = System.nanoTime();
        Thermometer t = Thermometer.train(data, o, e -> {
            if (!quiet) {
                stderr.printf("epoch %d/%d (%.1f s)%n", e, o.epochs(), (System.nanoTime() - t0) / 1e9);
                stderr.flush();
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<OutputFile> outputs = new ArrayList<>(ThermometerFiles.save(t, work));
        Manifest m = Manifest.of("thermometer", c.name()).config(loaded.resolved())
                .section("configSource", loaded.source())
                .section("seeds", Map.of("initialisation", c.seed(), "shuffle", c.seed()))
                .section("dataset", ThermometerCommand.datasetSection(data))
                .section("backend", BackendInfo.current())
                .section("training", Map.of("seconds", seconds, "trainingRows", "first " + (1 - c.heldOutFraction())
                        + " of every shard"));
        if (c.heldOutFraction() > 0) {
            ThermometerEvaluation e = t.evaluate(Thermometer.heldOutRows(data, o));
            outputs.addAll(ThermometerCommand.writeEvaluation(e, work, c.name()));
            m.section("evaluation", ThermometerCommand.evaluationSection(e, "held-out: last " + c.heldOutFraction()
                    + " of every shard"));
            ThermometerCommand.print(stdout, e);
        }
        m.outputs(outputs).write(work);
        run.publish();
        stdout.printf("wrote %s (%.1f s)%n", target, seconds);
        stdout.flush();
        return 0;
    }

    static ThermometerOptions options(ThermometerConfig c) {
        return new ThermometerOptions(c.hiddenSizes().stream().mapToInt(Integer::intValue).toArray(),
                ThermometerOptions.activation(c.activation()), c.learningRate(), c.l2(), c.epochs(), c.batchSize(),
                c.seed(), c.heldOutFraction());
    }
}
