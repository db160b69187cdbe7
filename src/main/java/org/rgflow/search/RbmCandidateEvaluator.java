package org.rgflow.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.export.ModelExporter;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.train.ArrayIterator;
import org.rgflow.train.MetricsCsvListener;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.TrainingSeeds;

/**
 * Trains one candidate RBM stack with {@link RbmTrainer} on in-memory data and scores its first layer on the
 * held-out rows. The candidate directory gets the exported model ({@link ModelExporter}), {@value #METRICS}
 * (per-epoch metrics) and a {@code manifest.json} with the candidate's parameters and output checksums.
 * Divergence ({@code TrainingDivergedException}) and NaN scores surface as failures of the candidate.
 * Training is seeded by the setup's options; scoring randomness (AIS) by
 * {@code TrainingSeeds.child(options.seed(), 7)}; the physics score ({@link PhysicsScore}) uses that generator too.
 */
public final class RbmCandidateEvaluator implements CandidateEvaluator {

    /** Per-epoch metrics file of a candidate. */
    public static final String METRICS = "training.csv";

    private final Function<Map<String, Object>, RbmSetup> setups;
    private final INDArray train;
    private final INDArray heldOut;
    private final RbmScore score;
    private final PhysicsScore physics;

    /**
     * @param setups  candidate parameters -> setup (may throw IllegalArgumentException for invalid combinations)
     * @param train   [m, numVisible] in {0,1}
     * @param heldOut [n, numVisible] in {0,1}
     */
    public RbmCandidateEvaluator(Function<Map<String, Object>, RbmSetup> setups, INDArray train, INDArray heldOut,
            RbmScore score) {
        this(setups, train, heldOut, score, null);
    }

    /**
     * @param physics required when {@code score} is {@link RbmScore#PHYSICS}: it generates samples from the whole
     *                trained stack and compares their observables with its reference
     */
    public RbmCandidateEvaluator(Function<Map<String, Object>, RbmSetup> setups, INDArray train, INDArray heldOut,
            RbmScore score, PhysicsScore physics) {
        if (score == RbmScore.PHYSICS && physics == null) {
            throw new IllegalArgumentException("score PHYSICS needs a PhysicsScore");
        }
        this.setups = setups;
        this.train = train;
        this.heldOut = heldOut;
        this.score = score;
        this.physics = physics;
    }

    @Override
    public double evaluate(int index, Map<String, Object> parameters, Path dir) throws IOException {
        RbmSetup s = setups.apply(parameters);
        long seed = s.options().seed();
        int[] sizes = s.sizes();
        if (sizes[0] != train.columns()) {
            throw new IllegalArgumentException("numVisible (" + sizes[0] + ") must equal the dataset's number of sites ("
                    + train.columns() + ")");
        }
        StackedRbm stack = StackedRbm.create(sizes, s.options().cdK(), s.visibleBias(), s.hiddenBias(), s.dtype(),
                seed);
        MultiLayerNetwork net = stack.network();
        RbmTrainer trainer = new RbmTrainer(s.options().withCheckpointEvery(0),
                List.of(new MetricsCsvListener(dir.resolve(METRICS))));
        trainer.trainStack(net, new ArrayIterator(train.castTo(s.dtype()), s.batchSize(), seed),
                new ArrayIterator(heldOut.castTo(s.dtype()), s.batchSize(), null), null);
        var rng = Nd4j.getRandomFactory().getNewRandomInstance(TrainingSeeds.child(seed, 7));
        double value = score == RbmScore.PHYSICS ? physics.score(StackedRbm.of(net), rng)
                : score.score(StackedRbm.of(net).rbm(0), heldOut, train, rng);
        List<OutputFile> outputs = new ArrayList<>(ModelExporter.export(net, dir));
        outputs.add(OutputFile.of(dir, METRICS));
        Manifest.of("search-candidate", "candidate-" + index)
                .section("parameters", CandidateRecord.text(parameters))
                .section("score", Map.of("function", score.name(), "value", value))
                .outputs(outputs).write(dir);
        return value;
    }
}
