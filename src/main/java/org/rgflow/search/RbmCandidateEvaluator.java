package org.rgflow.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.export.ModelExporter;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.OutputFile;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.train.ArrayIterator;
import org.rgflow.train.MetricsCsvListener;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.TrainingFigures;
import org.rgflow.train.TrainingSeeds;
import org.rgflow.train.TrainingSummary;

/**
 * Trains one candidate RBM stack with {@link RbmTrainer} on in-memory data and scores its first layer on the
 * held-out rows (the physics score: the whole stack). The candidate directory has the layout of a {@code rgflow
 * train} model directory: the exported model ({@link ModelExporter}), {@value #METRICS} (per-epoch metrics), the
 * figures of {@link TrainingFigures} (training curves; receptive fields when the lattice is given) and a
 * {@code manifest.json} with the candidate's parameters, score, training summary ({@link TrainingSummary}) and
 * output checksums; with the physics score also {@value #PHYSICS_TABLE} ({@link PhysicsScore#table}).
 * Divergence ({@code TrainingDivergedException}) and NaN scores surface as failures of the candidate.
 * Training is seeded by the setup's options; scoring randomness (AIS) by
 * {@code TrainingSeeds.child(options.seed(), 7)}; the physics score ({@link PhysicsScore}) uses that generator too.
 */
public final class RbmCandidateEvaluator implements CandidateEvaluator {

    /** Per-epoch metrics file of a candidate. */
    public static final String METRICS = "training.csv";
    /** Per-class physics comparison of a candidate (physics score only). */
    public static final String PHYSICS_TABLE = "physics.csv";

    private final Function<Map<String, Object>, RbmSetup> setups;
    private final INDArray train;
    private final INDArray heldOut;
    private final RbmScore score;
    private final PhysicsScore physics;
    private final Map<String, Object> dataset;

    /**
     * @param setups  candidate parameters -> setup (may throw IllegalArgumentException for invalid combinations)
     * @param train   [m, numVisible] in {0,1}
     * @param heldOut [n, numVisible] in {0,1}
     */
    public RbmCandidateEvaluator(Function<Map<String, Object>, RbmSetup> setups, INDArray train, INDArray heldOut,
            RbmScore score) {
        this(setups, train, heldOut, score, null, Map.of());
    }

    /**
     * @param physics required when {@code score} is {@link RbmScore#PHYSICS}: it generates samples from the whole
     *                trained stack and compares their observables with its reference
     * @param dataset the {@code dataset} section of the candidate manifests, as {@code rgflow train} writes it; its
     *                integer {@code dimension} and {@code length} (if present) place the visible units on a lattice
     *                for the receptive-field figures and for the analyses that load candidates as models
     */
    public RbmCandidateEvaluator(Function<Map<String, Object>, RbmSetup> setups, INDArray train, INDArray heldOut,
            RbmScore score, PhysicsScore physics, Map<String, Object> dataset) {
        if (score == RbmScore.PHYSICS && physics == null) {
            throw new IllegalArgumentException("score PHYSICS needs a PhysicsScore");
        }
        this.setups = setups;
        this.train = train;
        this.heldOut = heldOut;
        this.score = score;
        this.physics = physics;
        this.dataset = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dataset));
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
        long t0 = System.nanoTime();
        RbmTrainer trainer = new RbmTrainer(s.options().withCheckpointEvery(0),
                List.of(new MetricsCsvListener(dir.resolve(METRICS))));
        trainer.trainStack(net, new ArrayIterator(train.castTo(s.dtype()), s.batchSize(), seed),
                new ArrayIterator(heldOut.castTo(s.dtype()), s.batchSize(), null), null);
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        var rng = Nd4j.getRandomFactory().getNewRandomInstance(TrainingSeeds.child(seed, 7));
        StackedRbm trained = StackedRbm.of(net);
        List<OutputFile> outputs = new ArrayList<>(ModelExporter.export(net, dir));
        double value;
        if (score == RbmScore.PHYSICS) {
            List<PhysicsScore.ClassEstimate> model = physics.generate(trained, rng);
            value = physics.score(model);
            AtomicFiles.write(dir.resolve(PHYSICS_TABLE), physics.table(model).getBytes(StandardCharsets.UTF_8));
            outputs.add(OutputFile.of(dir, PHYSICS_TABLE));
        } else {
            value = score.score(trained.rbm(0), heldOut, train, rng);
        }
        Path csv = dir.resolve(METRICS);
        outputs.add(OutputFile.of(dir, METRICS));
        outputs.add(OutputFile.of(dir, TrainingFigures.writeCurves(dir, csv)));
        int dimension = dataset.get("dimension") instanceof Integer d ? d : 0;
        int length = dataset.get("length") instanceof Integer l ? l : 0;
        if (dimension > 0 && Math.pow(length, dimension) == sizes[0]) {
            for (String png : TrainingFigures.writeReceptiveFields(dir, trained, dimension, length)) {
                outputs.add(OutputFile.of(dir, png));
            }
        }
        Manifest.of("search-candidate", "candidate-" + index)
                .section("parameters", CandidateRecord.text(parameters))
                .section("score", Map.of("function", score.name(), "value", value))
                .section("dataset", dataset)
                .section("training", TrainingSummary.of(csv, trained, wallSeconds, null))
                .outputs(outputs).write(dir);
        return value;
    }
}
