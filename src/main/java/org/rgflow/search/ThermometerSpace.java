package org.rgflow.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.AdamSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.rgflow.thermometer.ThermometerOptions;

/**
 * The thermometer networks of a search as an arbiter-deeplearning4j {@link MultiLayerSpace}: one
 * {@link DenseLayerSpace} per hidden layer of {@code base.hiddenSizes()} (nOut from dimension {@code hiddenK}, or the
 * base size), the hidden activation ({@code activation}: {@code DiscreteParameterSpace<Activation>}), Adam
 * ({@link AdamSpace} over {@code learningRate}, log-uniform when the dimension is), L2 ({@code l2}), and a softmax/MCXENT
 * {@link OutputLayerSpace} over the temperatures; seed and Xavier initialisation fixed (as in
 * {@code Thermometer.configuration}). Dimensions {@code epochs} and {@code batchSize} are training-loop settings and
 * not part of the network space; any other name is rejected.
 *
 * <p>The space's leaves are typed copies of the {@link SearchSpace}'s leaves (same Arbiter classes and ranges, so
 * the same value for the same u) with their indices set to the dimension's position among the free dimensions, which
 * is the index Arbiter's generators give the search space's leaves. {@link #configuration(double[])} therefore maps
 * a candidate's flat parameter vector to the network of exactly that candidate's parameters.
 */
public final class ThermometerSpace {

    private static final Pattern HIDDEN = Pattern.compile("hidden(\\d+)");
    /** Dimension names that configure the network or its training loop (besides {@code hiddenK}). */
    public static final Set<String> NAMES = Set.of("activation", "learningRate", "l2", "epochs", "batchSize");

    private final MultiLayerSpace space;
    private final int numFree;
    private final int numSites;
    private final int numTemperatures;

    /**
     * @param search          the search dimensions (see the class comment for the names)
     * @param base            values of everything not searched (hidden layer count and sizes, activation, learning
     *                        rate, L2, seed)
     * @param numSites        network inputs
     * @param numTemperatures network outputs (classes)
     */
    public ThermometerSpace(SearchSpace search, ThermometerOptions base, int numSites, int numTemperatures) {
        if (numSites < 1 || numTemperatures < 2) {
            throw new IllegalArgumentException("a thermometer needs >= 1 site and >= 2 temperatures, got " + numSites
                    + " sites and " + numTemperatures + " temperatures");
        }
        this.numSites = numSites;
        this.numTemperatures = numTemperatures;
        Map<String, Integer> index = new HashMap<>();
        for (String name : search.freeNames()) {
            index.put(name, index.size());
        }
        this.numFree = index.size();
        int[] hidden = base.hiddenSizes();
        Map<String, Dimension> dims = search.dimensions();
        for (String name : dims.keySet()) {
            Matcher m = HIDDEN.matcher(name);
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                if (k >= hidden.length) {
                    throw new IllegalArgumentException("space." + name + ": the base network has only "
                            + hidden.length + " hidden layers (hiddenSizes " + Arrays.toString(hidden) + ")");
                }
            } else if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("space." + name + ": not a thermometer search dimension; use hidden0,"
                        + " hidden1, ... (hidden layer sizes), " + String.join(", ", NAMES.stream().sorted().toList()));
            }
        }
        Leaves leaves = new Leaves(dims, index);
        MultiLayerSpace.Builder b = new MultiLayerSpace.Builder().seed(base.seed()).weightInit(WeightInit.XAVIER)
                .updater(new AdamSpace(leaves.doubles("learningRate", base.learningRate())))
                .l2(leaves.doubles("l2", base.l2()));
        ParameterSpace<Activation> activation = leaves.activations("activation", base.activation());
        ParameterSpace<Integer> in = new FixedValue<>(numSites);
        for (int k = 0; k < hidden.length; k++) {
            ParameterSpace<Integer> out = leaves.ints("hidden" + k, hidden[k]);
            b.addLayer(new DenseLayerSpace.Builder().nIn(in).nOut(out).activation(activation).build());
            in = out;
        }
        b.addLayer(new OutputLayerSpace.Builder().nIn(in).nOut(numTemperatures).activation(Activation.SOFTMAX)
                .lossFunction(LossFunctions.LossFunction.MCXENT).build());
        this.space = b.build();
    }

    /** The Arbiter space. */
    public MultiLayerSpace multiLayerSpace() {
        return space;
    }

    public int numSites() {
        return numSites;
    }

    public int numTemperatures() {
        return numTemperatures;
    }

    /**
     * The network configuration of one candidate: {@code MultiLayerSpace.getValue(flatParameters)}.
     *
     * @param flatParameters the candidate's vector from the Arbiter generator (one entry per free dimension)
     */
    public MultiLayerConfiguration configuration(double[] flatParameters) {
        if (flatParameters == null || flatParameters.length != numFree) {
            throw new IllegalArgumentException("expected a parameter vector of length " + numFree + " (one per free "
                    + "dimension), got " + (flatParameters == null ? "none" : Arrays.toString(flatParameters)));
        }
        return space.getValue(flatParameters).getMultiLayerConfiguration();
    }

    /**
     * What a thermometer network configuration holds: hidden layer sizes and activations, Adam learning rate and L2
     * of the first layer (the space gives all layers the same), classes.
     */
    public record Network(int[] hiddenSizes, List<Activation> activations, double learningRate, double l2,
            int numOutputs) {

        /** Reads a configuration of dense hidden layers and one output layer. */
        public static Network of(MultiLayerConfiguration conf) {
            int n = conf.getConfs().size();
            int[] sizes = new int[n - 1];
            List<Activation> acts = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                Layer l = conf.getConf(i).getLayer();
                if (!(l instanceof DenseLayer d)) {
                    throw new IllegalArgumentException("layer " + i + " is not a dense layer: " + l);
                }
                sizes[i] = (int) d.getNOut();
                acts.add(activation(d.getActivationFn()));
            }
            Layer last = conf.getConf(n - 1).getLayer();
            if (!(last instanceof OutputLayer out)) {
                throw new IllegalArgumentException("last layer is not an output layer: " + last);
            }
            BaseLayer first = (BaseLayer) conf.getConf(0).getLayer();
            if (!(first.getIUpdater() instanceof Adam adam)) {
                throw new IllegalArgumentException("updater is not Adam: " + first.getIUpdater());
            }
            double l2 = 0;
            for (Regularization r : first.getRegularization()) {
                if (r instanceof L2Regularization l) {
                    l2 = l.getL2().valueAt(0, 0);
                }
            }
            return new Network(sizes, List.copyOf(acts), adam.getLearningRate(), l2, (int) out.getNOut());
        }

        private static Activation activation(IActivation fn) {
            for (Activation a : Activation.values()) {
                try {
                    if (a.getActivationFunction().getClass() == fn.getClass()) {
                        return a;
                    }
                } catch (UnsupportedOperationException | IllegalStateException e) {
                    // an enum constant without a default instance: not ours
                }
            }
            throw new IllegalArgumentException("unknown activation function " + fn);
        }

        @Override
        public int[] hiddenSizes() {
            return hiddenSizes.clone();
        }

        /** Whether this network has the options' hidden sizes, activation, learning rate and L2. */
        public boolean matches(ThermometerOptions o) {
            return Arrays.equals(hiddenSizes, o.hiddenSizes()) && activations.stream().allMatch(a -> a == o.activation())
                    && Double.compare(learningRate, o.learningRate()) == 0 && Double.compare(l2, o.l2()) == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Network n && Arrays.equals(hiddenSizes, n.hiddenSizes)
                    && activations.equals(n.activations) && Double.compare(learningRate, n.learningRate) == 0
                    && Double.compare(l2, n.l2) == 0 && numOutputs == n.numOutputs;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hiddenSizes) * 31 + java.util.Objects.hash(activations, learningRate, l2, numOutputs);
        }

        @Override
        public String toString() {
            return "Network[hidden=" + Arrays.toString(hiddenSizes) + ", " + activations + ", lr=" + learningRate
                    + ", l2=" + l2 + ", outputs=" + numOutputs + "]";
        }
    }

    /** Typed Arbiter leaves for the dimensions, indexed like the search space's leaves. */
    private record Leaves(Map<String, Dimension> dims, Map<String, Integer> index) {

        ParameterSpace<Integer> ints(String name, int fallback) {
            Dimension d = dims.get(name);
            if (d == null) {
                return new FixedValue<>(fallback);
            }
            if (d instanceof Dimension.Fixed f) {
                return new FixedValue<>(integer(name, f.value()));
            }
            if (d instanceof Dimension.IntRange r) {
                return r.log() ? new Rounded(indexed(name, new UniqueLeaves.Continuous(
                        new LogUniformDistribution(r.min(), r.max()))), r.min(), r.max())
                        : indexed(name, new UniqueLeaves.Integers(r.min(), r.max()));
            }
            if (d instanceof Dimension.Choice c) {
                return indexed(name, new UniqueLeaves.Discrete<>(map(c, v -> integer(name, v))));
            }
            throw new IllegalArgumentException("space." + name
                    + ": a layer size needs an int range or integer values, got a float range");
        }

        ParameterSpace<Double> doubles(String name, double fallback) {
            Dimension d = dims.get(name);
            if (d == null) {
                return new FixedValue<>(fallback);
            }
            if (d instanceof Dimension.Fixed f) {
                return new FixedValue<>(real(name, f.value()));
            }
            if (d instanceof Dimension.Continuous c) {
                return indexed(name, c.log() ? new UniqueLeaves.Continuous(new LogUniformDistribution(c.min(), c.max()))
                        : new UniqueLeaves.Continuous(c.min(), c.max()));
            }
            if (d instanceof Dimension.Choice c) {
                return indexed(name, new UniqueLeaves.Discrete<>(map(c, v -> real(name, v))));
            }
            throw new IllegalArgumentException("space." + name + ": needs a float range or listed values, got an int"
                    + " range");
        }

        ParameterSpace<Activation> activations(String name, Activation fallback) {
            Dimension d = dims.get(name);
            if (d == null) {
                return new FixedValue<>(fallback);
            }
            if (d instanceof Dimension.Fixed f) {
                return new FixedValue<>(ThermometerOptions.activation(String.valueOf(f.value())));
            }
            if (d instanceof Dimension.Choice c) {
                return indexed(name, new UniqueLeaves.Discrete<>(map(c,
                        v -> ThermometerOptions.activation(String.valueOf(v)))));
            }
            throw new IllegalArgumentException("space." + name + ": list the activations, e.g. {values: [tanh, relu]}");
        }

        private <T, S extends ParameterSpace<T>> S indexed(String name, S leaf) {
            leaf.setIndices(index.get(name));
            return leaf;
        }

        private static <T> List<T> map(Dimension.Choice c, Function<Object, T> f) {
            List<T> out = new ArrayList<>();
            for (Object v : c.values()) {
                out.add(f.apply(v));
            }
            return out;
        }

        private static int integer(String name, Object v) {
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.intValue();
            }
            throw new IllegalArgumentException("space." + name + ": expected an integer, got " + v);
        }

        private static double real(String name, Object v) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("space." + name + ": expected a number, got " + v);
        }
    }

    /** A log-uniform integer: the continuous leaf's value rounded into [min, max], as {@link Dimension.IntRange}. */
    private static final class Rounded implements ParameterSpace<Integer> {
        private final ParameterSpace<Double> leaf;
        private final int min;
        private final int max;

        Rounded(ParameterSpace<Double> leaf, int min, int max) {
            this.leaf = leaf;
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer getValue(double[] parameterValues) {
            return (int) Math.max(min, Math.min(max, Math.round(leaf.getValue(parameterValues))));
        }

        @Override
        public int numParameters() {
            return 1;
        }

        @Override
        public List<ParameterSpace> collectLeaves() {
            return List.of(leaf);
        }

        @Override
        public Map<String, ParameterSpace> getNestedSpaces() {
            Map<String, ParameterSpace> m = new LinkedHashMap<>();
            m.put("leaf", leaf);
            return m;
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public void setIndices(int... indices) {
            throw new UnsupportedOperationException("not a leaf");
        }
    }
}
