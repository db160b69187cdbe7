package org.rgflow.thermometer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinEncoding;

/**
 * A trained thermometer: a DL4J network (dense hidden layers, softmax over the temperatures) and its ascending
 * temperature list. Inputs are configurations as &plusmn;1 spins, [n, numSites]; outputs are probability
 * distributions over the temperatures, [n, numTemperatures]. Training is deterministic for a given seed
 * (initialisation via {@code NeuralNetConfiguration.Builder().seed}, shuffling via the iterator's seed).
 * Save/load: {@link ThermometerFiles}.
 */
public final class Thermometer {

    private final MultiLayerNetwork network;
    private final double[] temperatures;
    private final ThermometerOptions options;

    Thermometer(MultiLayerNetwork network, double[] temperatures, ThermometerOptions options) {
        this.network = Objects.requireNonNull(network, "network");
        this.temperatures = temperatures.clone();
        this.options = Objects.requireNonNull(options, "options");
        for (int i = 1; i < temperatures.length; i++) {
            if (!(temperatures[i] > temperatures[i - 1])) {
                throw new IllegalArgumentException("temperatures must be ascending, got " + Arrays.toString(temperatures));
            }
        }
    }

    /** The network configuration: numSites -&gt; hidden layers -&gt; softmax over numTemperatures (MCXENT, Adam). */
    public static MultiLayerConfiguration configuration(int numSites, int numTemperatures, ThermometerOptions o) {
        if (numSites < 1 || numTemperatures < 2) {
            throw new IllegalArgumentException("a thermometer needs >= 1 site and >= 2 temperatures, got " + numSites
                    + " sites and " + numTemperatures + " temperatures");
        }
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(o.seed())
                .dataType(DataType.FLOAT).updater(new Adam(o.learningRate())).weightInit(WeightInit.XAVIER)
                .l2(o.l2()).list();
        int in = numSites;
        for (int h : o.hiddenSizes()) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(o.activation()).build());
            in = h;
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(numTemperatures)
                .activation(Activation.SOFTMAX).build());
        return b.build();
    }

    /**
     * Rows of every shard in [from, to) as &plusmn;1 with one-hot labels; shuffled with {@code seed} and reshuffled
     * every epoch when {@code shuffle}.
     */
    public static SpinDataSetIterator iterator(SpinDataset data, double from, double to, int batchSize,
            boolean shuffle, long seed) {
        SpinDataSetIterator.Builder b = SpinDataSetIterator.builder(data).rows(from, to).batchSize(batchSize)
                .encoding(SpinEncoding.PLUS_MINUS_ONE).labelsOneHot(true);
        if (shuffle) {
            b.shuffle(seed).reshuffleEachEpoch(true);
        }
        return b.build();
    }

    /** Training rows: the first 1 &minus; heldOutFraction of every shard, shuffled with the options' seed. */
    public static SpinDataSetIterator trainingRows(SpinDataset data, ThermometerOptions o) {
        return iterator(data, 0, 1 - o.heldOutFraction(), o.batchSize(), true, o.seed());
    }

    /** Held-out rows: the last heldOutFraction of every shard, in order. */
    public static SpinDataSetIterator heldOutRows(SpinDataset data, ThermometerOptions o) {
        if (!(o.heldOutFraction() > 0)) {
            throw new IllegalArgumentException("heldOutFraction is 0: there are no held-out rows");
        }
        return iterator(data, 1 - o.heldOutFraction(), 1, o.batchSize(), false, 0);
    }

    /** Trains on a dataset's training rows ({@link #trainingRows}). */
    public static Thermometer train(SpinDataset data, ThermometerOptions o, IntConsumer afterEpoch) {
        List<Double> temps = data.temperatures();
        return train(trainingRows(data, o), data.numSites(), temps.stream().mapToDouble(Double::doubleValue).toArray(),
                o, afterEpoch);
    }

    /**
     * Trains a new network.
     *
     * @param train        &plusmn;1 features [batch, numSites], one-hot labels over {@code temperatures}; reset before
     *                     every epoch
     * @param temperatures ascending, one per label column
     * @param afterEpoch   called with the 1-based epoch number after each epoch (may be null)
     */
    public static Thermometer train(DataSetIterator train, int numSites, double[] temperatures, ThermometerOptions o,
            IntConsumer afterEpoch) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(numSites, temperatures.length, o));
        net.init();
        fit(net, train, o, afterEpoch);
        return new Thermometer(net, temperatures, o);
    }

    /**
     * The training loop: {@code o.epochs()} epochs of {@code net.fit} on FLOAT features and labels, the iterator
     * reset before every epoch; a non-finite loss is an error naming the epoch.
     *
     * @param afterEpoch called with the 1-based epoch number after each epoch (may be null)
     */
    public static void fit(MultiLayerNetwork net, DataSetIterator train, ThermometerOptions o, IntConsumer afterEpoch) {
        for (int e = 1; e <= o.epochs(); e++) {
            train.reset();
            if (!train.hasNext()) {
                throw new IllegalArgumentException("no training rows (check heldOutFraction and the dataset)");
            }
            while (train.hasNext()) {
                DataSet ds = train.next();
                net.fit(ds.getFeatures().castTo(DataType.FLOAT), ds.getLabels().castTo(DataType.FLOAT));
            }
            if (!Double.isFinite(net.score())) {
                throw new IllegalStateException("thermometer training diverged at epoch " + e + " (loss "
                        + net.score() + "); try a smaller learningRate than " + o.learningRate());
            }
            if (afterEpoch != null) {
                afterEpoch.accept(e);
            }
        }
    }

    /**
     * A thermometer around an already trained network (e.g. one built from an Arbiter space).
     *
     * @param temperatures ascending, one per output column of {@code network}
     */
    public static Thermometer of(MultiLayerNetwork network, double[] temperatures, ThermometerOptions options) {
        return new Thermometer(network, temperatures, options);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    /** The classes, ascending. */
    public double[] temperatures() {
        return temperatures.clone();
    }

    public ThermometerOptions options() {
        return options;
    }

    public int numSites() {
        return (int) network.layerInputSize(0);
    }

    /** Probabilities over the temperatures [n, numTemperatures] (FLOAT) of &plusmn;1 configurations [n, numSites]. */
    public INDArray predict(INDArray configs) {
        if (configs.rank() != 2 || configs.columns() != numSites()) {
            throw new IllegalArgumentException("configurations must be [n, " + numSites() + "], got "
                    + Arrays.toString(configs.shape()));
        }
        synchronized (network) {
            return network.output(configs.castTo(DataType.FLOAT), false).dup();
        }
    }

    /** Mean predicted temperature &Sigma;<sub>k</sub> p<sub>k</sub> T<sub>k</sub> of each configuration. */
    public double[] temperatureOf(INDArray configs) {
        INDArray p = predict(configs).castTo(DataType.DOUBLE);
        INDArray t = Nd4j.createFromArray(temperatures).reshape(temperatures.length, 1);
        return p.mmul(t).toDoubleVector();
    }

    /** The batch's mean predicted temperature (what a flow reports). */
    public double meanTemperature(INDArray configs) {
        return Arrays.stream(temperatureOf(configs)).average().orElse(Double.NaN);
    }

    /**
     * The batch's mean predicted temperature and its standard error over the configurations (treated as
     * independent, as flow chains are): {mean, error}.
     */
    public double[] meanTemperatureWithError(INDArray configs) {
        double[] t = temperatureOf(configs);
        double mean = 0;
        for (double v : t) {
            mean += v / t.length;
        }
        double var = 0;
        for (double v : t) {
            var += (v - mean) * (v - mean) / Math.max(1, t.length - 1);
        }
        return new double[] {mean, Math.sqrt(var / t.length)};
    }

    /** The batch's predicted distribution: the average of the rows' probabilities [numTemperatures]. */
    public double[] histogram(INDArray configs) {
        return predict(configs).castTo(DataType.DOUBLE).mean(0).toDoubleVector();
    }

    /** Accuracy, confusion matrix and mean |&Delta;T| on &plusmn;1 configurations with one-hot labels. */
    public ThermometerEvaluation evaluate(DataSetIterator heldOut) {
        int k = temperatures.length;
        long[][] confusion = new long[k][k];
        long n = 0;
        long correct = 0;
        double absError = 0;
        heldOut.reset();
        while (heldOut.hasNext()) {
            DataSet ds = heldOut.next();
            if (ds.getLabels().columns() != k) {
                throw new IllegalArgumentException("labels have " + ds.getLabels().columns() + " classes, the "
                        + "thermometer " + k + " (one-hot over the same temperature list is required)");
            }
            INDArray p = predict(ds.getFeatures()).castTo(DataType.DOUBLE);
            int[] pred = p.argMax(1).toIntVector();
            int[] truth = ds.getLabels().argMax(1).toIntVector();
            double[] mean = p.mmul(Nd4j.createFromArray(temperatures).reshape(k, 1)).toDoubleVector();
            for (int i = 0; i < pred.length; i++) {
                confusion[truth[i]][pred[i]]++;
                correct += truth[i] == pred[i] ? 1 : 0;
                absError += Math.abs(mean[i] - temperatures[truth[i]]);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        return new ThermometerEvaluation(temperatures, confusion, correct / (double) n, absError / n, n);
    }
}
