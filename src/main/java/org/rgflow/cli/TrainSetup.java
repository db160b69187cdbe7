package org.rgflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.config.TrainConfig;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinEncoding;
import org.rgflow.mc.Seeds;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.train.StackInput;
import org.rgflow.train.TrainingOptions;
import org.rgflow.train.Updaters;

/**
 * How {@code rgflow train} turns a {@link TrainConfig} and a dataset into a network, {@link TrainingOptions} and
 * iterators. Everything here is a pure function of the config and the dataset, so a resumed run rebuilds exactly
 * the objects of the interrupted one.
 *
 * <p>Seeds: from the config's master seed s, initialisation uses {@code Seeds.child(s, 0)}, the trainer (CD chains,
 * per-epoch generators) {@code Seeds.child(s, 1)}, the training-data shuffle {@code Seeds.child(s, 2)} and the
 * held-out order {@code Seeds.child(s, 3)}.
 *
 * <p>Held-out split: the last {@code heldOutFraction} of the rows of every shard (rows
 * [round((1&minus;f)&middot;n), n) of a shard of n rows; {@link SpinDataSetIterator.Builder#rows}). Every shard holds
 * one temperature, so the split is stratified by temperature, deterministic, and independent of the seed; in a
 * Monte Carlo shard it is the end of that temperature's chains.
 */
final class TrainSetup {

    /** Rows of training and held-out data on which the per-epoch metrics are computed. */
    static final int MONITOR_EXAMPLES = 1000;
    /** Exact log-likelihood per epoch when min(n_v, n_h) is at most this. */
    static final int EXACT_LIKELIHOOD_MAX_UNITS = 20;

    private TrainSetup() {
    }

    static long initSeed(TrainConfig c) {
        return Seeds.child(c.seed(), 0);
    }

    static long trainerSeed(TrainConfig c) {
        return Seeds.child(c.seed(), 1);
    }

    static long shuffleSeed(TrainConfig c) {
        return Seeds.child(c.seed(), 2);
    }

    static long heldOutSeed(TrainConfig c) {
        return Seeds.child(c.seed(), 3);
    }

    static DataType dtype(TrainConfig c) {
        return "double".equals(c.dtype()) ? DataType.DOUBLE : DataType.FLOAT;
    }

    /** The trainer options of a config. */
    static TrainingOptions options(TrainConfig c) {
        return TrainingOptions.defaults()
                .withCdK(c.cdK())
                .withPersistent(c.persistent(), c.numPersistentChains())
                .withUpdater(Updaters.create(c.updater(), c.learningRate(), c.momentum(), c.learningRateDecay()))
                .withPenalties(c.l1(), c.l2())
                .withEpochs(c.epochs())
                .withSeed(trainerSeed(c))
                .withCheckpointEvery(c.checkpointEvery())
                .withStackInput("samples".equals(c.stackInput()) ? StackInput.SAMPLES : StackInput.PROBABILITIES)
                .withMonitoring(MONITOR_EXAMPLES, EXACT_LIKELIHOOD_MAX_UNITS);
    }

    /** A freshly initialised stack of the config's layer sizes. */
    static MultiLayerNetwork newNetwork(TrainConfig c) {
        int[] sizes = c.layers().stream().mapToInt(Integer::intValue).toArray();
        return StackedRbm.create(sizes, c.cdK(), c.visibleBias(), c.hiddenBias(), dtype(c), initSeed(c)).network();
    }

    /** Shuffled training rows ({0,1}, config dtype), a new permutation every epoch. */
    static SpinDataSetIterator trainIterator(SpinDataset ds, TrainConfig c) {
        return SpinDataSetIterator.builder(ds).batchSize(c.batchSize()).encoding(SpinEncoding.ZERO_ONE)
                .dataType(dtype(c)).shuffle(shuffleSeed(c)).reshuffleEachEpoch(true)
                .rows(0, 1 - c.heldOutFraction()).build();
    }

    /** Held-out rows in one fixed shuffled order, or null when there are none. */
    static SpinDataSetIterator heldOutIterator(SpinDataset ds, TrainConfig c) {
        if (c.heldOutFraction() == 0) {
            return null;
        }
        SpinDataSetIterator it = SpinDataSetIterator.builder(ds).batchSize(c.batchSize())
                .encoding(SpinEncoding.ZERO_ONE).dataType(dtype(c)).shuffle(heldOutSeed(c))
                .rows(1 - c.heldOutFraction(), 1).build();
        return it.numExamples() == 0 ? null : it;
    }

    /** The manifest's {@code seeds} section. */
    static Map<String, Object> seedsSection(TrainConfig c) {
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", c.seed());
        seeds.put("initialisation", initSeed(c));
        seeds.put("trainer", trainerSeed(c));
        seeds.put("shuffle", shuffleSeed(c));
        seeds.put("heldOutOrder", heldOutSeed(c));
        seeds.put("derivation", "Seeds.child(master, 0|1|2|3) (SplitMix64, org.rgflow.mc.Seeds); epoch e of layer i "
                + "draws from TrainingSeeds.epochSeed(trainer, i, e)");
        seeds.put("heldOutSplit", "last heldOutFraction of the rows of every shard (temperature-stratified)");
        return seeds;
    }
}
