package org.rgflow.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
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
        Thermometer.fit(net, Thermometer.trainingRows(data, o), o, null);
        double accuracy = accuracy(net, Thermometer.heldOutRows(data, o), space.numTemperatures());
        double[] temperatures = data.temperatures().stream().mapToDouble(Double::doubleValue).toArray();
        List<OutputFile> outputs = ThermometerFiles.save(Thermometer.of(net, temperatures, o), dir);
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
}
