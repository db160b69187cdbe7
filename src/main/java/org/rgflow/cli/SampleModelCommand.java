package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.backend.BackendInfo;
import org.rgflow.data.DatasetIndex;
import org.rgflow.data.DatasetLabels;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinDatasetWriter;
import org.rgflow.export.ModelLoader;
import org.rgflow.provenance.ArtifactDirectory;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.StackedRbm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow sample-model models/NAME}: configurations drawn from a trained model, written as a dataset in the
 * Monte Carlo format (so every analysis runs on either). {@code --chains} sampled Gibbs chains run in the RBM at
 * the top of the chosen level from uniformly random units; after {@code --burn-in} full steps, every
 * {@code --thin}-th state is passed down the stack by sampled half steps to the visible layer, and the {0,1} units
 * become spins s = 2v &minus; 1. Labels: model {@code rbm:<model id>}, dimension and length of the training dataset
 * (from the model manifest), temperature = the training dataset's only temperature, or {@code --temperature-label}
 * when it had several (the format needs one finite temperature &ge; 0 per shard; it is a label only).
 */
@Command(name = "sample-model", mixinStandardHelpOptions = true,
        description = "Draw configurations from a trained model by Gibbs sampling into a dataset directory.")
final class SampleModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model directory written by `rgflow train`.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", description = "Dataset directory (default: datasets/<model id>-gibbs-<hash>).")
    Path out;

    @Option(names = "--chains", defaultValue = "100", description = "Parallel Gibbs chains (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--burn-in", defaultValue = "1000", description = "Gibbs steps before the first sample (default: ${DEFAULT-VALUE}).")
    int burnIn;

    @Option(names = "--thin", defaultValue = "10", description = "Gibbs steps between samples of a chain (default: ${DEFAULT-VALUE}).")
    int thin;

    @Option(names = "--configurations", defaultValue = "1000", description = "Configurations to write (default: ${DEFAULT-VALUE}).")
    int configurations;

    @Option(names = "--level", defaultValue = "0", description = "Sample in RBM LEVEL-1 and pass down from there (1 = first RBM only; default 0: the top of the stack).")
    int level;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the Gibbs chains (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--temperature-label", paramLabel = "T", description = "Temperature label of the dataset (required when the training dataset had several temperatures).")
    Double temperatureLabel;

    @Option(names = "--force", description = "Replace an existing output directory made differently.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path manifestPath = model.resolve("manifest.json");
        if (!Files.isRegularFile(manifestPath)) {
            throw new UserException(manifestPath + ": missing; is " + model + " a model directory written by `rgflow train`?");
        }
        JsonNode mm = Manifest.read(manifestPath);
        AnalysisInputs.requireModelKind(manifestPath, mm);
        if (chains < 1 || burnIn < 0 || thin < 1 || configurations < 1) {
            throw new UserException("--chains, --thin and --configurations must be >= 1 and --burn-in >= 0");
        }
        MultiLayerNetwork net = AnalysisInputs.network(model); // checks the zip against the manifest
        StackedRbm stack = StackedRbm.of(net);
        int top = level == 0 ? stack.numLayers() : level;
        if (top < 1 || top > stack.numLayers()) {
            throw new UserException("--level must be in 1.." + stack.numLayers() + " (or 0 for the top), got " + level);
        }
        int[] sizes = new int[top + 1];
        for (int i = 0; i <= top; i++) {
            sizes[i] = stack.size(i);
        }
        MemoryEstimates.chains("--chains " + chains + " through the " + top + " level(s) of " + model + " (units "
                + java.util.Arrays.toString(sizes) + ")", chains, sizes, 2).check();
        JsonNode trainingSet = mm.path("dataset");
        double temperature = temperature(trainingSet);
        String modelId = mm.path("id").asText();
        String modelSha = Sha256.of(manifestPath);
        String options = String.format(Locale.ROOT, "chains=%d burnIn=%d thin=%d configurations=%d level=%d seed=%d "
                + "temperature=%s", chains, burnIn, thin, configurations, top, seed, temperature);
        String id = modelId + "-gibbs-" + Sha256.of(modelSha + "\n" + options).substring(0, 8);
        Path target = out != null ? out : Path.of("datasets", id);
        ArtifactDirectory run = Outputs.claim(spec, target, "dataset", model);
        if (upToDate(target, modelSha, options, stdout)) {
            return 0;
        }
        Path work = run.newWork();
        DatasetLabels labels = new DatasetLabels(trainingSet.path("dimension").asInt(),
                trainingSet.path("length").asInt(), "rbm:" + modelId, Double.NaN);
        if (labels.numSites() != stack.size(0)) {
            throw new UserException(manifestPath + ": the training dataset has " + labels.numSites()
                    + " sites but the model has numVisible = " + stack.size(0));
        }
        stdout.printf("sampling %s: %d chains, burn-in %d, thin %d, level %d -> %s%n", id, chains, burnIn, thin, top,
                target);
        stdout.flush();
        long t0 = System.nanoTime();
        SpinObservables obs = new SpinObservables(labels.dimension(), labels.length());
        List<OutputFile> outputs = new ArrayList<>();
        DatasetIndex index;
        try (SpinDatasetWriter writer = SpinDatasetWriter.create(work, labels);
                Random rng = Bernoulli.newRandom(seed)) {
            Rbm topRbm = stack.rbm(top - 1);
            INDArray x = Bernoulli.sample(Nd4j.valueArrayOf(new long[] {chains, topRbm.numVisible()}, 0.5,
                    topRbm.dataType()), rng);
            x = topRbm.gibbs(x, burnIn, HalfStep.SAMPLED, HalfStep.SAMPLED, rng);
            int written = 0;
            while (written < configurations) {
                INDArray v = x;
                for (int j = top - 2; j >= 0; j--) {
                    v = stack.rbm(j).down(v, HalfStep.SAMPLED, rng);
                }
                int k = Math.min(chains, configurations - written);
                byte[] spins = toSpins(v, k);
                writer.writeRows(spins, k, temperature);
                obs.add(spins, k);
                written += k;
                if (written < configurations) {
                    x = topRbm.gibbs(x, thin, HalfStep.SAMPLED, HalfStep.SAMPLED, rng);
                }
            }
            index = writer.finish();
            outputs.addAll(writer.files());
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e);
        }
        AtomicFiles.write(work.resolve(ObservablesTable.FILE), obs.csv(temperature).getBytes(StandardCharsets.UTF_8));
        outputs.add(OutputFile.of(work, ObservablesTable.FILE));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", "rbm-gibbs");
        source.put("modelId", modelId);
        source.put("modelPath", model.toString());
        source.put("modelManifestSha256", modelSha);
        source.put("trainingDataset", trainingSet);
        source.put("options", options);
        source.put("method", "sampled Gibbs chains in RBM " + (top - 1) + " from Bernoulli(1/2) units, then sampled "
                + "half steps down to the visible layer; spins s = 2v - 1");
        Manifest.of("dataset", id)
                .section("source", source)
                .section("seeds", Map.of("gibbs", seed))
                .section("backend", BackendInfo.current())
                .section("diagnostics", Map.of("wallSeconds", (System.nanoTime() - t0) / 1e9))
                .section("dataset", index)
                .outputs(outputs)
                .write(work);
        run.publish(); // an existing target is only replaced with --force (upToDate)
        stdout.print(obs.pretty(temperature));
        stdout.printf("wrote %d configurations to %s (%.1f s)%n", index.numConfigurations(), target,
                (System.nanoTime() - t0) / 1e9);
        stdout.flush();
        return 0;
    }

    private double temperature(JsonNode trainingSet) {
        JsonNode temps = trainingSet.path("temperatures");
        if (temperatureLabel != null) {
            if (!(temperatureLabel >= 0) || temperatureLabel.isInfinite()) {
                throw new UserException("--temperature-label must be finite and >= 0, got " + temperatureLabel);
            }
            return temperatureLabel;
        }
        if (temps.size() == 1) {
            return temps.get(0).asDouble();
        }
        throw new UserException("the model was trained on a dataset with " + temps.size() + " temperatures " + temps
                + "; the samples need one temperature label: pass --temperature-label T (a label only)");
    }

    /** The first {@code k} rows of {0,1} units as int8 spins s = 2v - 1, row-major. */
    static byte[] toSpins(INDArray v, int k) {
        int n = (int) v.columns();
        double[] d = v.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        byte[] out = new byte[k * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] > 0.5 ? (byte) 1 : (byte) -1;
        }
        return out;
    }

    private boolean upToDate(Path target, String modelSha, String options, PrintWriter stdout) throws IOException {
        if (!Files.exists(target)) {
            return false;
        }
        Path manifest = target.resolve("manifest.json");
        if (Files.exists(manifest) && !force) {
            JsonNode m = Manifest.read(manifest);
            if (modelSha.equals(m.at("/source/modelManifestSha256").asText())
                    && options.equals(m.at("/source/options").asText())) {
                SpinDataset.open(target);
                stdout.printf("%s is up to date (same model and options, checksums verified); use --force to "
                        + "resample%n", target);
                stdout.flush();
                return true;
            }
        }
        if (!force) {
            throw new UserException(target + " already exists and was not sampled from this model with these options;"
                    + " choose another --out or pass --force to replace it");
        }
        return false;
    }
}
