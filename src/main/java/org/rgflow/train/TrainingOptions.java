package org.rgflow.train;

import java.util.Objects;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Immutable options of {@link RbmTrainer}. The batch size is that of the training iterator.
 *
 * @param cdK                    Gibbs steps per gradient (CD-k or PCD-k), &ge; 1
 * @param persistent             PCD: negative chains persist across batches (Tieleman 2008)
 * @param numPersistentChains    PCD chains; 0 = the batch size of the first batch
 * @param updater                any DL4J updater (Sgd, Nesterovs, Adam, &hellip;), optionally with an
 *                               {@code ISchedule} for the learning rate; applied to the batch-mean gradient
 * @param l1                     L1 penalty on W: adds l1&middot;sign(W) to the gradient
 * @param l2                     L2 penalty on W: adds l2&middot;W to the gradient
 * @param epochs                 passes over the data per layer
 * @param seed                   master seed ({@link TrainingSeeds})
 * @param checkpointEvery        write a checkpoint every this many epochs (0 = never; the last epoch always
 *                               when &gt; 0)
 * @param stackInput             input of layers above the first
 * @param monitorExamples        size of the per-epoch metrics' samples: this many rows drawn uniformly (seeded)
 *                               from all training rows, and as many from the held-out rows (all rows when fewer)
 * @param exactLikelihoodMaxUnits exact log-likelihood is computed when min(n_v, n_h) &le; this (0 = never)
 */
public record TrainingOptions(int cdK, boolean persistent, int numPersistentChains, IUpdater updater, double l1,
        double l2, int epochs, long seed, int checkpointEvery, StackInput stackInput, int monitorExamples,
        int exactLikelihoodMaxUnits) {

    public TrainingOptions {
        if (cdK < 1) {
            throw new IllegalArgumentException("cdK must be >= 1, got " + cdK);
        }
        if (numPersistentChains < 0) {
            throw new IllegalArgumentException("numPersistentChains must be >= 0, got " + numPersistentChains);
        }
        Objects.requireNonNull(updater, "updater");
        if (!(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("l1 and l2 must be >= 0, got " + l1 + ", " + l2);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (checkpointEvery < 0 || monitorExamples < 1 || exactLikelihoodMaxUnits < 0) {
            throw new IllegalArgumentException("checkpointEvery >= 0, monitorExamples >= 1 and exactLikelihoodMaxUnits"
                    + " >= 0 required, got " + checkpointEvery + ", " + monitorExamples + ", " + exactLikelihoodMaxUnits);
        }
        Objects.requireNonNull(stackInput, "stackInput");
        updater = updater.clone();
    }

    /** CD-1, Sgd(0.01), no penalties, 10 epochs, seed 0, no checkpoints, probabilities up the stack. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(1, false, 0, new Sgd(0.01), 0, 0, 10, 0L, 0, StackInput.PROBABILITIES, 1000, 20);
    }

    @Override
    public IUpdater updater() {
        return updater.clone();
    }

    public TrainingOptions withCdK(int k) {
        return new TrainingOptions(k, persistent, numPersistentChains, updater, l1, l2, epochs, seed, checkpointEvery,
                stackInput, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withPersistent(boolean p, int chains) {
        return new TrainingOptions(cdK, p, chains, updater, l1, l2, epochs, seed, checkpointEvery, stackInput,
                monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withUpdater(IUpdater u) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, u, l1, l2, epochs, seed, checkpointEvery,
                stackInput, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withPenalties(double newL1, double newL2) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, newL1, newL2, epochs, seed,
                checkpointEvery, stackInput, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, l1, l2, e, seed, checkpointEvery,
                stackInput, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, l1, l2, epochs, s, checkpointEvery,
                stackInput, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withCheckpointEvery(int n) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, l1, l2, epochs, seed, n, stackInput,
                monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withStackInput(StackInput s) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, l1, l2, epochs, seed, checkpointEvery,
                s, monitorExamples, exactLikelihoodMaxUnits);
    }

    public TrainingOptions withMonitoring(int examples, int exactMaxUnits) {
        return new TrainingOptions(cdK, persistent, numPersistentChains, updater, l1, l2, epochs, seed, checkpointEvery,
                stackInput, examples, exactMaxUnits);
    }
}
