package org.rgflow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.testing.ThermometerTestData;
import org.rgflow.train.ArrayIterator;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.TrainingOptions;

/**
 * The physics score on a single-temperature 8&times;8 dataset (T = 2.5, 600 configurations): the data scores 0
 * against itself, a trained 64-32 RBM (CD-1, Adam 0.01, 30 epochs) scores far better than an untrained one, whose
 * samples are random spins. Measured: untrained &minus;2737, trained &minus;345 (its e is still too high: &minus;0.64
 * vs &minus;1.24), so the margin asserted is a factor 4.
 *
 * <p>Temperature classes on a 3-temperature 8&times;8 dataset (T = 1.5, 2.5, 4.0, 800 configurations each): the
 * first half of each temperature's rows is the reference. The second half, shuffled (so it looks like the
 * i.i.d. draws of a model of the mixture), is an independent sample of the same mixture: every z-score is then
 * N(0, 1) or narrower (the shuffled fractions' jackknife error is multinomial, larger than the fixed counts'
 * spread), so &minus;mean z&sup2; over the 15 quantities is &ge; &minus;3 except with probability &lt; 10&#8315;&#8308;
 * (&chi;&sup2;<sub>15</sub> &gt; 45). The same half without its T = 1.5 rows (a model missing a temperature range)
 * must score &lt; &minus;10: its T = 1.5 class holds only the few T = 2.5 configurations whose energy is nearer
 * the T = 1.5 mean (47 of 800), against 1/3 of the reference.
 */
class PhysicsScoreTest extends Nd4jTestBase {

    @Test
    void trainedRbmReproducesObservablesBetterThanUntrained(@TempDir Path tmp) throws Exception {
        SpinDataset data = SpinDataset.open(ThermometerTestData.create(tmp, "[2.5]", 600));
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).batchSize(600).build();
        INDArray x = it.next().getFeatures().castTo(DataType.FLOAT);
        PhysicsScore physics = new PhysicsScore(HypercubicLattice.of(2, 8), x, 500, 200);
        assertEquals(0.0, physics.score(physics.reference()), 0.0);
        assertEquals(1, physics.numClasses());
        double e = physics.reference().get(0).values()[1][0];
        assertTrue(e < -1.0 && e > -1.8, "e at T = 2.5: " + e);

        StackedRbm untrained = StackedRbm.create(new int[] {64, 32}, 1, true, true, DataType.FLOAT, 9);
        double before = physics.score(untrained, Nd4j.getRandomFactory().getNewRandomInstance(1));
        StackedRbm net = StackedRbm.create(new int[] {64, 32}, 1, true, true, DataType.FLOAT, 9);
        new RbmTrainer(TrainingOptions.defaults().withUpdater(new Adam(0.01)).withEpochs(30).withSeed(9)
                .withCheckpointEvery(0), List.of()).trainStack(net.network(), new ArrayIterator(x, 50, 9L), null, null);
        var model = physics.observables(StackedRbm.of(net.network()).generate(500, 200,
                org.rgflow.rbm.HalfStep.SAMPLED, Nd4j.getRandomFactory().getNewRandomInstance(1)));
        double after = physics.score(model);
        assertTrue(before < -100, "untrained " + before);
        assertTrue(after > before / 4, "trained " + after + " vs untrained " + before + " (" + physics.describe(model)
                + ")");
    }

    @Test
    void temperatureClassesScoreAnIndependentSampleOfTheMixtureNearZeroAndAWrongMixtureBadly(@TempDir Path tmp)
            throws Exception {
        SpinDataset data = SpinDataset.open(ThermometerTestData.create(tmp, "[1.5, 2.5, 4.0]", 800));
        var first = rows(data, 0, 0.5);
        var second = rows(data, 0.5, 1);
        PhysicsScore physics = new PhysicsScore(HypercubicLattice.of(2, 8), first.getFeatures(),
                first.getLabels().argMax(1).toIntVector(), new double[] {1.5, 2.5, 4.0}, 500, 10);
        assertEquals(3, physics.numClasses());
        assertEquals(List.of("1.5", "2.5", "4"), physics.reference().stream().map(PhysicsScore.ClassEstimate::label)
                .toList());
        assertEquals(0.0, physics.score(physics.reference()), 0.0);

        int[] labels = second.getLabels().argMax(1).toIntVector();
        List<Integer> all = new ArrayList<>();
        List<Integer> withoutCold = new ArrayList<>();
        for (int r = 0; r < labels.length; r++) {
            all.add(r);
            if (labels[r] != 0) {
                withoutCold.add(r);
            }
        }
        Collections.shuffle(all, new java.util.Random(3));
        Collections.shuffle(withoutCold, new java.util.Random(3));
        INDArray x = second.getFeatures();
        var same = physics.observables(x.getRows(all.stream().mapToInt(Integer::intValue).toArray()));
        double sameScore = physics.score(same);
        assertTrue(sameScore > -3, sameScore + ": " + physics.table(same));
        var wrong = physics.observables(x.getRows(withoutCold.stream().mapToInt(Integer::intValue).toArray()));
        assertTrue(wrong.get(0).rows() < physics.reference().get(0).rows() / 4, wrong.get(0).rows() + " rows");
        double wrongScore = physics.score(wrong);
        assertTrue(wrongScore < -10, wrongScore + ": " + physics.table(wrong));
        assertEquals(1 + 3 * PhysicsScore.QUANTITIES.size(), physics.table(wrong).lines().count());
    }

    /** Temperatures whose mean energies are within 4/N share a class: at L = 8, T = 0.5 and 1.0 (e &asymp; -2). */
    @Test
    void temperaturesWithTheSameEnergyShareAClass(@TempDir Path tmp) throws Exception {
        SpinDataset data = SpinDataset.open(ThermometerTestData.create(tmp, "[0.5, 1.0, 3.0]", 200));
        var all = rows(data, 0, 1);
        PhysicsScore physics = new PhysicsScore(HypercubicLattice.of(2, 8), all.getFeatures(),
                all.getLabels().argMax(1).toIntVector(), new double[] {0.5, 1.0, 3.0}, 100, 10);
        assertEquals(List.of("0.5-1", "3"), physics.reference().stream().map(PhysicsScore.ClassEstimate::label)
                .toList());
    }

    private static org.nd4j.linalg.dataset.DataSet rows(SpinDataset data, double from, double to) {
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).rows(from, to).labelsOneHot(true).batchSize(100_000)
                .build();
        return it.next();
    }
}
