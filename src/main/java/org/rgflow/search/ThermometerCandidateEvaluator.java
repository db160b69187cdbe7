package org.rgflow.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerEvaluation;
import org.rgflow.thermometer.ThermometerFiles;
import org.rgflow.thermometer.ThermometerOptions;

/**
 * Trains one candidate thermometer whose network configuration comes from Arbiter: {@link
 * ThermometerSpace#configuration(double[])} ({@code MultiLayerSpace.getValue}) of the candidate's flat parameter
 * vector. The network is fitted on the dataset's training rows ({@link Thermometer#trainingRows}: the candidate
 * options' epochs, batch size and shuffle seed) and scored by DL4J {@link Evaluation} accuracy on the held-out rows
 * (the last {@code heldOutFraction} of every temperature; higher is better).
 *
 * <p>The candidate's {@link ThermometerOptions} (from the parameters) must describe the same network as the
 * configuration (hidden sizes, activation, learning rate, L2; checked). The candidate directory gets a saved
 * thermometer in the {@link ThermometerFiles} format (loadable by {@code rgflow thermometer eval}; it is reloaded
 * here, which verifies the files) and a {@code manifest.json} with the parameters, the network, accuracy, chance
 * level and mean |&Delta;T|.
 */
public final class ThermometerCandidateEvaluator implements CandidateEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ThermometerSpace space;
    private final Function<Map<String, Object>, ThermometerOptions> options;
    private final SpinDataset data;

    /**
     * @param space   the network space over the search's dimensions (inputs = the dataset's sites, outputs = its
     *                temperatures)
     * @param options candidate parameters -&gt; options (heldOutFraction must be &gt; 0)
     */
    public ThermometerCandidateEvaluator(ThermometerSpace space,
            Function<Map<String, Object>, ThermometerOptions> options, SpinDataset data) {
        if (data.temperatures().size() < 2) {
            throw new IllegalArgumentException("a thermometer search needs a dataset with >= 2 temperatures, got "
                    + data.temperatures());
        }
        if (space.numSites() != data.numSites() || space.numTemperatures() != data.temperatures().size()) {
            throw new IllegalArgumentException("the network space has " + space.numSites() + " inputs and "
                    + space.numTemperatures() + " outputs, the dataset " + data.numSites() + " sites and "
                    + data.temperatures().size() + " temperatures");
        }
        this.space = space;
        this.options = options;
        this.data = data;
    }

    /** Always fails: the network comes from the candidate's flat parameter vector. */
    @Override
    public double evaluate(int index, Map<String, Object> parameters, Path dir) {
        throw new UnsupportedOperationException("a thermometer candidate needs its Arbiter parameter vector");
    }

    @Override
    public double evaluate(int index, Map<String, Object> parameters, double[] flatParameters, Path dir)
            throws IOException {
        ThermometerOptions o = options.apply(parameters);
        MultiLayerConfiguration conf = space.configuration(flatParameters);
        ThermometerSpace.Network network = ThermometerSpace.Network.of(conf);
        if (!network.matches(o)) {
            throw new IllegalStateException("the MultiLayerSpace network " + network + " does not match the candidate's"
                    + " options " + o);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        fit(net, Thermometer.trainingRows(data, o), o);
        double accuracy = accuracy(net, Thermometer.heldOutRows(data, o), space.numTemperatures());
        List<OutputFile> outputs = save(net, o, dir);
        ThermometerEvaluation e = ThermometerFiles.load(dir).evaluate(Thermometer.heldOutRows(data, o));
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("function", "accuracy");
        score.put("value", accuracy);
        score.put("chance", e.chance());
        score.put("meanAbsoluteTemperatureError", e.meanAbsoluteError());
        score.put("heldOutRows", e.count());
        Manifest.of("search-candidate", "candidate-" + index)
                .section("parameters", CandidateRecord.text(parameters))
                .section("options", o.toString())
                .section("network", "arbiter MultiLayerSpace: " + network)
                .section("score", score)
                .outputs(outputs).write(dir);
        return accuracy;
    }

    /** Epochs over the training rows, as {@code Thermometer.train}: features and labels as FLOAT, reset per epoch. */
    private static void fit(MultiLayerNetwork net, DataSetIterator train, ThermometerOptions o) {
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            train.reset();
            if (!train.hasNext()) {
                throw new IllegalArgumentException("no training rows (check heldOutFraction and the dataset)");
            }
            while (train.hasNext()) {
                DataSet ds = train.next();
                net.fit(ds.getFeatures().castTo(DataType.FLOAT), ds.getLabels().castTo(DataType.FLOAT));
            }
            if (!Double.isFinite(net.score())) {
                throw new IllegalStateException("thermometer training diverged at epoch " + epoch + " (loss "
                        + net.score() + "); learningRate " + o.learningRate());
            }
        }
    }

    /** DL4J {@link Evaluation} accuracy (arg-max class vs one-hot label) over all held-out rows. */
    static double accuracy(MultiLayerNetwork net, DataSetIterator heldOut, int numClasses) {
        Evaluation ev = new Evaluation(numClasses);
        heldOut.reset();
        while (heldOut.hasNext()) {
            DataSet ds = heldOut.next();
            ev.eval(ds.getLabels().castTo(DataType.FLOAT), net.output(ds.getFeatures().castTo(DataType.FLOAT), false));
        }
        if (ev.getNumRowCounter() == 0) {
            throw new IllegalArgumentException("no held-out rows to evaluate");
        }
        return ev.accuracy();
    }

    /** {@link ThermometerFiles#MODEL} and {@link ThermometerFiles#DESCRIPTION}, the format {@code load} reads. */
    private List<OutputFile> save(MultiLayerNetwork net, ThermometerOptions o, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path zip = dir.resolve(ThermometerFiles.MODEL);
        Path tmp = AtomicFiles.temporaryFor(zip);
        ModelSerializer.writeModel(net, tmp.toFile(), false);
        AtomicFiles.commit(tmp, zip);
        ObjectNode d = JSON.createObjectNode();
        d.put("format", ThermometerFiles.FORMAT);
        d.put("encoding", "plus-minus-one");
        d.put("numSites", data.numSites());
        ArrayNode temps = d.putArray("temperatures");
        data.temperatures().forEach(temps::add);
        ObjectNode opts = d.putObject("options");
        ArrayNode hidden = opts.putArray("hiddenSizes");
        for (int h : o.hiddenSizes()) {
            hidden.add(h);
        }
        opts.put("activation", o.activation().name().toLowerCase(Locale.ROOT));
        opts.put("learningRate", o.learningRate());
        opts.put("l2", o.l2());
        opts.put("epochs", o.epochs());
        opts.put("batchSize", o.batchSize());
        opts.put("seed", o.seed());
        opts.put("heldOutFraction", o.heldOutFraction());
        d.put("modelSha256", Sha256.of(zip));
        AtomicFiles.write(dir.resolve(ThermometerFiles.DESCRIPTION),
                (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d) + "\n").getBytes(StandardCharsets.UTF_8));
        return List.of(OutputFile.of(dir, ThermometerFiles.MODEL), OutputFile.of(dir, ThermometerFiles.DESCRIPTION));
    }
}
