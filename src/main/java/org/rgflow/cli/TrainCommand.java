package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.rgflow.backend.BackendInfo;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.TrainConfig;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelExporter;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.train.Checkpoint;
import org.rgflow.train.MetricsCsvListener;
import org.rgflow.train.ProgressListener;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.RbmTrainingListener;
import org.rgflow.train.TrainingDivergedException;
import org.rgflow.train.TrainingFigures;
import org.rgflow.train.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow train config.yaml --dataset datasets/NAME}: greedy layer-wise CD-k/PCD training of an RBM stack
 * on a spin dataset, written as a model directory (docs/models.md). The id is the config name and the first 8 hex
 * digits of SHA-256(config SHA-256 + "\n" + dataset manifest SHA-256), so another dataset gives another model.
 *
 * <p>The model is built in a work directory of its own next to the output (holding {@code checkpoints/} and
 * {@code training.csv}) and swapped in when complete ({@link ModelDirectory}). An interrupted run is continued with
 * {@code --resume} from its latest checkpoint and ends with the same parameters as an uninterrupted run.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an RBM or a stack of RBMs on a spin dataset into a model directory.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "YAML train config, e.g. configs/iso2018/train.yaml.")
    Path configFile;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset directory written by `rgflow sample`.")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default: models/<name>-<hash>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set epochs=5.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "Continue an interrupted run from its latest checkpoint.")
    boolean resume;

    @Option(names = "--force", description = "Replace an existing model directory (only an rgflow model; never an input) or discard an "
            + "interrupted run.")
    boolean force;

    @Option(names = "--keep-checkpoints", description = "Keep checkpoints/ in the model directory (not checksummed).")
    boolean keepCheckpoints;

    @Option(names = "--print-config", description = "Print the resolved config (defaults filled in) and exit.")
    boolean printConfig;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ConfigLoader.Loaded<TrainConfig> loaded = ConfigLoader.of(TrainConfig.class).load(configFile, overrides);
        if (printConfig) {
            stdout.print(ConfigLoader.toYaml(loaded.resolved()));
            stdout.flush();
            return 0;
        }
        if (dataset == null) {
            throw new UserException("--dataset DIR is required: a dataset written by `rgflow sample`, e.g. "
                    + "--dataset datasets/iso2018-L10-<hash> (`rgflow sample` prints the path)");
        }
        TrainConfig config = loaded.config();
        Path datasetManifest = dataset.resolve("manifest.json");
        SpinDataset ds = SpinDataset.open(dataset); // verifies every shard
        String datasetSha = Sha256.of(datasetManifest);
        checkDataset(config, ds, datasetManifest);
        MemoryEstimates.train(config, ds.numSites(), configFile.toString()).check();
        BackendInfo backend = BackendInfo.current();

        String configSha = Manifest.configSha256(loaded.resolved());
        String id = config.name() + "-" + Sha256.of(configSha + "\n" + datasetSha).substring(0, 8);
        Path target = out != null ? out : Path.of("models", id);
        ArtifactDirectory run = Outputs.claim(spec, target, "model", ModelDirectory::resumable, dataset, configFile);
        ModelDirectory dir = new ModelDirectory(target, run, configSha, datasetSha, force);
        if (dir.upToDate(stdout)) {
            return 0;
        }
        Optional<Checkpoint> from = dir.prepareWork(resume, id, stdout);
        Path work = dir.work();

        SpinDataSetIterator train = TrainSetup.trainIterator(ds, config);
        SpinDataSetIterator heldOut = TrainSetup.heldOutIterator(ds, config);
        if (train.numExamples() == 0) {
            throw new UserException(configFile + ": heldOutFraction = " + config.heldOutFraction() + " leaves no "
                    + "training rows in " + dataset + " (" + ds.numConfigurations() + " configurations); lower it");
        }
        List<RbmTrainingListener> listeners = new ArrayList<>();
        Path csv = work.resolve("training.csv");
        listeners.add(new MetricsCsvListener(csv));
        if (!quiet) {
            listeners.add(new ProgressListener(new PrintStream(System.err, true)));
        }
        RbmTrainer trainer = new RbmTrainer(TrainSetup.options(config), listeners);
        stdout.printf("training %s: layers %s, %sCD-%d, %s lr %s, batch %d, %d epochs per layer, on %s "
                + "(%d training + %d held-out rows) -> %s%n", id, config.layers(),
                config.persistent() ? "P" : "", config.cdK(), config.updater(), config.learningRate(),
                config.batchSize(), config.epochs(), dataset, train.numExamples(),
                heldOut == null ? 0 : heldOut.numExamples(), target);
        from.ifPresent(c -> stdout.printf("resuming from %s (layer %d, %d epochs done)%n", c.directory(), c.layer(),
                c.epochsDone()));
        stdout.flush();
        long t0 = System.nanoTime();
        RbmTrainer.Result result;
        try {
            result = from.isPresent() ? trainer.resume(from.get(), train, heldOut, dir.checkpoints())
                    : trainer.trainStack(TrainSetup.newNetwork(config), train, heldOut, dir.checkpoints());
        } catch (TrainingDivergedException e) {
            dir.discard(); // a diverged run is not worth resuming
            throw new UserException(configFile + ": " + e.getMessage() + " (--set learningRate="
                    + config.learningRate() / 10 + ")");
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;

        MultiLayerNetwork net = result.network();
        StackedRbm stack = StackedRbm.of(net);
        List<OutputFile> outputs = new ArrayList<>(ModelExporter.export(net, work));
        outputs.add(OutputFile.of(work, "training.csv"));
        outputs.add(OutputFile.of(work, TrainingFigures.writeCurves(work, csv)));
        for (String png : TrainingFigures.writeReceptiveFields(work, stack, ds.labels().dimension(),
                ds.labels().length())) {
            outputs.add(OutputFile.of(work, png));
        }
        Map<String, Object> summary = TrainingSummary.of(csv, stack, wallSeconds, from.orElse(null));
        Manifest.of("model", id)
                .config(loaded.resolved())
                .section("configSource", loaded.source())
                .section("seeds", TrainSetup.seedsSection(config))
                .section("backend", backend)
                .section("dataset", ModelDatasetSection.of(ds, dataset, train.numExamples(),
                        heldOut == null ? 0 : heldOut.numExamples(), config.heldOutFraction()))
                .section("training", summary)
                .section("checkpoints", keepCheckpoints ? "kept in checkpoints/ (not listed in outputs)" : "deleted")
                .outputs(outputs)
                .write(work);
        dir.finish(keepCheckpoints);
        stdout.print(TrainingSummary.pretty(summary));
        stdout.printf("wrote model %s to %s (%.1f s)%n", id, target, wallSeconds);
        stdout.flush();
        return 0;
    }

    private void checkDataset(TrainConfig config, SpinDataset ds, Path manifest) {
        if (ds.numConfigurations() == 0) {
            throw new UserException(dataset + " is empty: " + manifest + " lists 0 configurations; sample some with "
                    + "`rgflow sample`");
        }
        int nv = config.layers().get(0);
        if (nv != ds.numSites()) {
            var l = ds.labels();
            throw new UserException(String.format("%s: layers[0] (numVisible) = %d, but the dataset %s has %d sites "
                    + "per configuration (L^d = %d^%d, %s): train on a dataset with %d sites or set layers[0] to %d",
                    configFile, nv, dataset, ds.numSites(), l.length(), l.dimension(), manifest, nv, ds.numSites()));
        }
    }
}
