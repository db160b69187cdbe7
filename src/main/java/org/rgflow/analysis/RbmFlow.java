package org.rgflow.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.WorkspaceLoop;

/**
 * The RBM flow of Iso, Shiba &amp; Yokoo (2018): from a start set of configurations, iterate
 * v &rarr; h &rarr; v&prime; with sampled or mean-field half steps ({@link HalfStep}) and measure the lattice
 * observables of the visible configurations after every step; and the stacked flow through a {@link StackedRbm}
 * (up to level &ell; and back down, for &ell; = 0 &hellip; numLayers) to compare with repeated block RG.
 *
 * <p><b>What is recorded.</b> The observables are always of &plusmn;1 (or real) configurations s = 2v &minus; 1.
 * With a sampled last half step v &isin; {0,1} is recorded as is. With a mean-field visible half step the flow
 * state is the probability vector p = p(v = 1 | h), which is propagated unchanged; the recorded configurations
 * are then, by {@link Recording}, either Bernoulli samples of p drawn from a separate generator (so recording
 * never changes the flow) or the mean spins 2p &minus; 1 (real-valued; |m| and U4 of means are not those of
 * spins).
 *
 * <p>Seeds: the flow uses {@code Bernoulli.newRandom(seed)}, recording uses {@code newRandom(seed ^ }{@value
 * #RECORDING_SEED_MIX}{@code )}. Cost per step: two [n, n_v]&times;[n_v, n_h] GEMMs plus O(n N d) observables.
 * Immutable; each run owns its generators.
 */
public final class RbmFlow {

    /** Mixed into the seed for the recording generator. */
    public static final long RECORDING_SEED_MIX = 0x5DEECE66DL;

    /** How a mean-field visible state becomes recorded configurations. */
    public enum Recording {
        /** s = 2x &minus; 1 with x ~ Bernoulli(p). */
        SAMPLED_SPINS,
        /** s = 2p &minus; 1 (real values in (&minus;1, 1)). */
        MEAN_SPINS
    }

    /** Receives the recorded configurations of every step (e.g. for a thermometer or to save them). */
    @FunctionalInterface
    public interface StepObserver {
        /** @param spins [n][numSites], &plusmn;1 or real; must not be modified */
        void onStep(int step, double[][] spins);
    }

    private final Rbm rbm;
    private final HypercubicLattice lattice;
    private final HalfStep hiddenMode;
    private final HalfStep visibleMode;
    private final Recording recording;

    private RbmFlow(Rbm rbm, HypercubicLattice lattice, HalfStep hiddenMode, HalfStep visibleMode,
            Recording recording) {
        this.rbm = rbm;
        this.lattice = lattice;
        this.hiddenMode = hiddenMode;
        this.visibleMode = visibleMode;
        this.recording = recording;
    }

    /**
     * @param rbm         the machine; numVisible must equal lattice.numSites()
     * @param hiddenMode  v &rarr; h half step (Iso et al.: SAMPLED)
     * @param visibleMode h &rarr; v half step (Iso et al.: SAMPLED)
     * @param recording   used only when visibleMode is MEAN_FIELD
     */
    public static RbmFlow of(Rbm rbm, HypercubicLattice lattice, HalfStep hiddenMode, HalfStep visibleMode,
            Recording recording) {
        checkVisible(rbm.numVisible(), lattice);
        return new RbmFlow(rbm, lattice, Objects.requireNonNull(hiddenMode), Objects.requireNonNull(visibleMode),
                Objects.requireNonNull(recording));
    }

    /** {@link #run(double[][], int, long, StepObserver)} without an observer. */
    public Flow run(double[][] start, int steps, long seed) {
        return run(start, steps, seed, (s, x) -> { });
    }

    /**
     * Runs the flow.
     *
     * @param start [n][numSites] &plusmn;1, n &ge; 2 (see {@link Configurations#allUp}, {@link Configurations#random})
     * @param steps full steps v &rarr; h &rarr; v
     * @return steps+1 rows (step 0 = the start)
     */
    public Flow run(double[][] start, int steps, long seed, StepObserver observer) {
        LatticeObservables obs = LatticeObservables.of(lattice);
        List<Flow.Step> out = new ArrayList<>();
        try (Random flowRng = Bernoulli.newRandom(seed);
                Random recordRng = Bernoulli.newRandom(seed ^ RECORDING_SEED_MIX)) {
            INDArray v = Configurations.toZeroOne(start, rbm.dataType());
            double[][][] spins = new double[1][][];
            WorkspaceLoop.run("flow", steps + 1, s -> { // the step's temporaries in a reused workspace
                if (s > 0) {
                    v.assign(rbm.down(rbm.up(v, hiddenMode, flowRng), visibleMode, flowRng));
                }
                spins[0] = record(v, s > 0 && visibleMode == HalfStep.MEAN_FIELD, recording, recordRng);
            }, s -> { // observers (e.g. a DL4J thermometer) outside it
                observer.onStep(s, spins[0]);
                out.add(new Flow.Step(s, lattice.length(), obs.summarize(spins[0])));
            });
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return new Flow("rbm-" + name(hiddenMode) + "-" + name(visibleMode), out);
    }

    /**
     * The stacked flow: level &ell; = 0 &hellip; numLayers maps the start up to level &ell; and back down to the
     * visible layer ({@link StackedRbm#up}/{@link StackedRbm#down} with {@code mode}); level 0 is the start.
     * Compare step &ell; with &ell; steps of block RG with b = (N/size(&ell;))^(1/d).
     *
     * @param start [n][numSites] &plusmn;1
     * @param recording how a mean-field visible result is recorded
     */
    public static Flow stacked(StackedRbm stack, HypercubicLattice lattice, double[][] start, HalfStep mode,
            Recording recording, long seed, StepObserver observer) {
        checkVisible(stack.size(0), lattice);
        LatticeObservables obs = LatticeObservables.of(lattice);
        List<Flow.Step> out = new ArrayList<>();
        try (Random flowRng = Bernoulli.newRandom(seed);
                Random recordRng = Bernoulli.newRandom(seed ^ RECORDING_SEED_MIX)) {
            INDArray v0 = Configurations.toZeroOne(start, stack.rbm(0).dataType());
            for (int level = 0; level <= stack.numLayers(); level++) {
                INDArray v = level == 0 ? v0 : stack.down(stack.up(v0, level, mode, flowRng), level, mode, flowRng);
                double[][] spins = record(v, level > 0 && mode == HalfStep.MEAN_FIELD, recording, recordRng);
                observer.onStep(level, spins);
                out.add(new Flow.Step(level, lattice.length(), obs.summarize(spins)));
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return new Flow("stack-" + name(mode), out);
    }

    private static double[][] record(INDArray v, boolean meanField, Recording recording, Random recordRng) {
        if (meanField && recording == Recording.SAMPLED_SPINS) {
            return Configurations.fromZeroOne(Bernoulli.sample(v, recordRng));
        }
        return Configurations.fromZeroOne(v);
    }

    private static String name(HalfStep mode) {
        return mode == HalfStep.SAMPLED ? "sampled" : "meanfield";
    }

    private static void checkVisible(int numVisible, HypercubicLattice lattice) {
        if (numVisible != lattice.numSites()) {
            throw new IllegalArgumentException("numVisible (" + numVisible + ") must equal lattice.numSites() ("
                    + lattice.numSites() + ") of " + lattice);
        }
    }
}
