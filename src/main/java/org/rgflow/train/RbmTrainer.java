package org.rgflow.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.RbmLayer;
import org.rgflow.rbm.TrainingThreads;

/**
 * Greedy layer-wise CD-k / PCD-k training of the {@link RbmLayer}s of a {@code MultiLayerNetwork}
 * (Hinton, Osindero &amp; Teh 2006; Hinton 2010 "A practical guide to training RBMs"). Layer i is trained on
 * the output of layers 0&hellip;i&minus;1 ({@link StackInput}); the network's parameters are updated in place
 * by a lean loop ({@link LayerSession}: about 1.6&times; faster than DL4J's Solver, STACK.md &sect;2), so the
 * model stays a DL4J network throughout.
 *
 * <p>Reproducibility: epoch e of layer i draws from a generator seeded by
 * {@link TrainingSeeds#epochSeed(long, int, int)}; the trainer calls {@code reset()} on the training iterator
 * once before collecting monitoring rows of each layer and once before every epoch, and records how many
 * resets preceded the layer. {@link #resume} replays those resets and the epochs' resets, restores parameters, updater state, PCD chains and
 * the iteration count, and so reaches bit-identical parameters to an uninterrupted run (same thread count).
 *
 * <p>Errors: an empty training iterator, a feature width different from the first layer's nIn, and NaN or
 * infinite parameters ({@link TrainingDivergedException}, naming layer, epoch and a smaller learning rate).
 */
public final class RbmTrainer {

    private final TrainingOptions options;
    private final List<RbmTrainingListener> listeners;
    private long trainResets;
    private long heldOutResets;

    /** The trained network and the metrics of every epoch run by this call. */
    public record Result(MultiLayerNetwork network, List<EpochMetrics> history) {
    }

    public RbmTrainer(TrainingOptions options, List<? extends RbmTrainingListener> listeners) {
        this.options = options;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains every layer of {@code net} in order (all must be {@link RbmLayer}s).
     *
     * @param train         features [batch, nIn of layer 0] in {0,1}; labels ignored
     * @param heldOut       held-out data for the free-energy gap and held-out likelihood; may be null
     * @param checkpointDir where checkpoints go (every {@link TrainingOptions#checkpointEvery()} epochs); may be
     *                      null if checkpointEvery is 0
     */
    public Result trainStack(MultiLayerNetwork net, DataSetIterator train, DataSetIterator heldOut, Path checkpointDir) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            history.addAll(runLayer(net, i, train, heldOut, checkpointDir, null));
        }
        return new Result(net, history);
    }

    /** Trains layer {@code layer} only (its input comes up through the layers below). */
    public Result trainLayer(MultiLayerNetwork net, int layer, DataSetIterator train, DataSetIterator heldOut,
            Path checkpointDir) {
        return new Result(net, runLayer(net, layer, train, heldOut, checkpointDir, null));
    }

    /**
     * Continues the run saved in {@code checkpoint} with the same options (epochs may be larger), finishing its
     * layer and then the layers above it, and returns the restored and trained network. Pass freshly built
     * iterators configured as in the original run.
     */
    public Result resume(Checkpoint checkpoint, DataSetIterator train, DataSetIterator heldOut, Path checkpointDir) {
        if (!checkpoint.options().equals(Checkpoint.fingerprint(options))) {
            throw new IllegalArgumentException("resume needs the options of the interrupted run (epochs may differ):\n"
                    + "  checkpoint: " + checkpoint.options() + "\n  now:        " + Checkpoint.fingerprint(options));
        }
        MultiLayerNetwork net = checkpoint.network();
        for (long r = 0; r < checkpoint.trainResets(); r++) {
            train.reset();
        }
        for (long r = 0; heldOut != null && r < checkpoint.heldOutResets(); r++) {
            heldOut.reset();
        }
        trainResets = checkpoint.trainResets();
        heldOutResets = checkpoint.heldOutResets();
        List<EpochMetrics> history = new ArrayList<>(runLayer(net, checkpoint.layer(), train, heldOut, checkpointDir,
                checkpoint));
        for (int i = checkpoint.layer() + 1; i < net.getnLayers(); i++) {
            history.addAll(runLayer(net, i, train, heldOut, checkpointDir, null));
        }
        return new Result(net, history);
    }

    private List<EpochMetrics> runLayer(MultiLayerNetwork net, int index, DataSetIterator train,
            DataSetIterator heldOut, Path checkpointDir, Checkpoint from) {
        try (AutoCloseable running = TrainingThreads.enter()) {
            return runLayerCounted(net, index, train, heldOut, checkpointDir, from);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<EpochMetrics> runLayerCounted(MultiLayerNetwork net, int index, DataSetIterator train,
            DataSetIterator heldOut, Path checkpointDir, Checkpoint from) {
        Layer layer = net.getLayer(index);
        if (!(layer.conf().getLayer() instanceof RbmLayer)) {
            throw new IllegalArgumentException("layer " + index + " is not an RbmLayer but "
                    + layer.conf().getLayer().getClass().getSimpleName());
        }
        LayerSession session = from == null ? new LayerSession(layer, index, options, null, null, 0)
                : new LayerSession(layer, index, options, from.updaterState(), from.chains(), from.iteration());
        int epochsDone = from == null ? 0 : from.epochsDone();
        long layerStartTrainResets = trainResets;
        long layerStartHeldOutResets = heldOutResets;
        INDArray monitorTrain;
        INDArray monitorHeld = null;
        try (Random monitorRng = Bernoulli.newRandom(TrainingSeeds.monitorSeed(options.seed(), index, -1))) {
            resetTrain(train);
            monitorTrain = Monitor.randomRows(train, options.monitorExamples(),
                    TrainingSeeds.monitorSeed(options.seed(), index, -2));
            if (monitorTrain == null) {
                throw new IllegalArgumentException("the training data is empty: no configurations to train on");
            }
            checkWidth(net, monitorTrain);
            monitorTrain = input(net, index, monitorTrain, HalfStep.MEAN_FIELD, monitorRng);
            if (heldOut != null) {
                heldOut.reset();
                heldOutResets++;
                INDArray rows = Monitor.randomRows(heldOut, options.monitorExamples(),
                        TrainingSeeds.monitorSeed(options.seed(), index, -3));
                monitorHeld = rows == null ? null : input(net, index, rows, HalfStep.MEAN_FIELD, monitorRng);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int e = 0; e < epochsDone; e++) {
            resetTrain(train); // replay the resets of the epochs already done
        }
        listeners.forEach(l -> l.onLayerStart(index, epochsDone, options.epochs(), -1));
        List<EpochMetrics> history = new ArrayList<>();
        HalfStep mode = options.stackInput() == StackInput.SAMPLES ? HalfStep.SAMPLED : HalfStep.MEAN_FIELD;
        for (int epoch = epochsDone; epoch < options.epochs(); epoch++) {
            long start = System.nanoTime();
            long batches = 0;
            try (Random rng = Bernoulli.newRandom(TrainingSeeds.epochSeed(options.seed(), index, epoch))) {
                resetTrain(train);
                batches = runEpoch(net, index, train, session, mode, rng, epoch);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (batches == 0) {
                throw new IllegalArgumentException("the training data is empty at epoch " + (epoch + 1));
            }
            if (!session.isFinite()) {
                throw new TrainingDivergedException(index, epoch + 1,
                        options.updater().getLearningRate((int) session.iteration, epoch));
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            EpochMetrics m = Monitor.evaluate(session.rbm, monitorTrain, monitorHeld, options, index, epoch + 1, seconds);
            history.add(m);
            listeners.forEach(l -> l.onEpochEnd(m));
            int done = epoch + 1;
            if (options.checkpointEvery() > 0 && (done % options.checkpointEvery() == 0 || done == options.epochs())) {
                if (checkpointDir == null) {
                    throw new IllegalArgumentException("checkpointEvery > 0 needs a checkpoint directory");
                }
                Checkpoint.write(checkpointDir, net, index, done, session.iteration, options, session.updaterState,
                        session.chains, layerStartTrainResets, layerStartHeldOutResets);
            }
        }
        listeners.forEach(l -> l.onLayerEnd(index));
        return history;
    }

    /**
     * One pass over the training data. Each batch (the iterator's arrays and the stack input) is allocated in one
     * ND4J workspace reused from batch to batch: a fresh off-heap array of a batch costs 150&ndash;900 &micro;s to
     * allocate (as much as a CD step of a 1024 &times; 64 RBM) and is freed only by the garbage collector. The
     * update itself runs outside the workspace, so state it creates (buffers, PCD chains) outlives the batch.
     *
     * @return the number of batches
     */
    private long runEpoch(MultiLayerNetwork net, int index, DataSetIterator train, LayerSession session, HalfStep mode,
            Random rng, int epoch) {
        WorkspaceConfiguration cfg = WorkspaceConfiguration.builder().policyAllocation(AllocationPolicy.STRICT)
                .policyLearning(LearningPolicy.FIRST_LOOP).build();
        String id = "rgflow-train-batch-" + Thread.currentThread().getId();
        long batches = 0;
        try {
            while (train.hasNext()) {
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(cfg, id)) {
                    INDArray x = train.next().getFeatures();
                    checkWidth(net, x);
                    INDArray in = input(net, index, x, mode, rng);
                    try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        session.step(in, rng, epoch);
                    }
                }
                batches++;
                for (RbmTrainingListener l : listeners) {
                    l.onBatch(index, epoch + 1, batches);
                }
            }
        } finally {
            Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id));
        }
        return batches;
    }

    private void resetTrain(DataSetIterator train) {
        train.reset();
        trainResets++;
    }

    private static void checkWidth(MultiLayerNetwork net, INDArray x) {
        long nIn = ((RbmLayer) net.getLayer(0).conf().getLayer()).getNIn();
        if (x.columns() != nIn) {
            throw new IllegalArgumentException(String.format("the data have %d sites per configuration but the first "
                    + "RBM layer has numVisible = %d: use a dataset with L^d = %d sites or change the model",
                    x.columns(), nIn, nIn));
        }
    }

    /** Features [batch, nIn(0)] propagated up to the input of layer {@code index}, in the network dtype. */
    static INDArray input(MultiLayerNetwork net, int index, INDArray features, HalfStep mode, Random rng) {
        INDArray x = features.castTo(net.params().dataType());
        for (int j = 0; j < index; j++) {
            x = Rbm.of(net.getLayer(j)).up(x, mode, rng);
        }
        return x;
    }
}
