package org.rgflow.search;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Jackknife;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.StackedRbm;

/**
 * The physics score of a trained RBM stack on a single-temperature NN Ising dataset: do configurations drawn from
 * the model reproduce the Monte Carlo observables of the data?
 *
 * <p>Samples: {@code StackedRbm.generate(samples, gibbsSteps, SAMPLED, rng)} (independent chains from uniformly
 * random states, so they are independent draws). Observables per configuration (s = 2v &minus; 1): e = E/N of
 * {@link NearestNeighbourIsing} with J = 1, h = 0; m = &Sigma;s/N. Estimated: &lang;e&rang;, &lang;|m|&rang;,
 * U4 = 1 &minus; &lang;m&#8308;&rang;/(3&lang;m&sup2;&rang;&sup2;) and the axis correlation at distance 2,
 * G(2) = &lang;s<sub>i</sub> s<sub>i+2&mu;</sub>&rang;. (The NN correlation is exactly &minus;&lang;e&rang;/d for
 * this model and would count e twice, so G(2) takes its place.) Errors: delete-one-block {@link Jackknife} with
 * {@value #BLOCKS} contiguous blocks, for the data (absorbing residual autocorrelation) and the model samples.
 *
 * <p>Score = &minus;(1/4) &Sigma;<sub>obs</sub> ((x<sub>rbm</sub> &minus; x<sub>mc</sub>) / &sigma;)&sup2;,
 * &sigma; = max(&radic;(&sigma;<sub>rbm</sub>&sup2; + &sigma;<sub>mc</sub>&sup2;), {@value #SIGMA_FLOOR}) (the floor
 * keeps exact ensembles such as T = 0 finite): minus the mean squared z-score, 0 at best; higher is better, like
 * the likelihood scores. Multi-temperature datasets are refused by the CLI (one reference ensemble only).
 */
public final class PhysicsScore {

    /** Jackknife blocks. */
    public static final int BLOCKS = 20;
    /** Lower bound of the combined error. */
    public static final double SIGMA_FLOOR = 1e-3;
    /** Default number of generated configurations. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** Default Gibbs steps in the top RBM. */
    public static final int DEFAULT_GIBBS_STEPS = 500;
    /** Observable names, in order. */
    public static final String[] OBSERVABLES = {"e", "absM", "U4", "G2"};

    private final HypercubicLattice lattice;
    private final NearestNeighbourIsing hamiltonian;
    private final int[][] shift2;
    private final double[][] reference;
    private final int samples;
    private final int gibbsSteps;

    /**
     * @param reference Monte Carlo configurations [n &ge; {@value #BLOCKS}, numSites] in {0,1} at one temperature
     */
    public PhysicsScore(HypercubicLattice lattice, INDArray reference, int samples, int gibbsSteps) {
        if (reference.columns() != lattice.numSites()) {
            throw new IllegalArgumentException("reference has " + reference.columns() + " sites, the lattice "
                    + lattice.numSites());
        }
        if (samples < BLOCKS || reference.rows() < BLOCKS || gibbsSteps < 0) {
            throw new IllegalArgumentException("the physics score needs >= " + BLOCKS + " reference rows and samples"
                    + " and gibbsSteps >= 0, got " + reference.rows() + ", " + samples + ", " + gibbsSteps);
        }
        this.lattice = lattice;
        this.hamiltonian = NearestNeighbourIsing.of(lattice, 1.0, 0.0);
        this.samples = samples;
        this.gibbsSteps = gibbsSteps;
        int n = lattice.numSites();
        shift2 = new int[lattice.dimension()][n];
        for (int mu = 0; mu < lattice.dimension(); mu++) {
            for (int i = 0; i < n; i++) {
                int[] c = lattice.coordinates(i);
                c[mu] = (c[mu] + 2) % lattice.length();
                shift2[mu][i] = lattice.site(c);
            }
        }
        this.reference = observables(reference);
    }

    public String name() {
        return "physics";
    }

    /** {value, error} per observable of {0,1} (or &plusmn;1) configurations [n, numSites]. */
    public double[][] observables(INDArray configs) {
        int n = (int) configs.rows();
        int sites = lattice.numSites();
        float[] v = configs.castTo(DataType.FLOAT).dup('c').data().asFloat();
        boolean zeroOne = configs.minNumber().doubleValue() >= 0;
        // primaries per block: e, |m|, m^2, m^4, G2
        double[][] sums = new double[BLOCKS][5];
        long[] counts = new long[BLOCKS];
        byte[] s = new byte[sites];
        for (int r = 0; r < n; r++) {
            long m = 0;
            for (int i = 0; i < sites; i++) {
                float x = v[r * sites + i];
                s[i] = (byte) (zeroOne ? (x > 0.5f ? 1 : -1) : (x > 0 ? 1 : -1));
                m += s[i];
            }
            long g = 0;
            for (int[] t : shift2) {
                for (int i = 0; i < sites; i++) {
                    g += s[i] * s[t[i]];
                }
            }
            double mm = m / (double) sites;
            int b = (int) ((long) r * BLOCKS / n);
            double[] q = sums[b];
            q[0] += hamiltonian.energy(s) / sites;
            q[1] += Math.abs(mm);
            q[2] += mm * mm;
            q[3] += mm * mm * mm * mm;
            q[4] += g / (double) (sites * shift2.length);
            counts[b]++;
        }
        return new double[][] {Jackknife.estimate(sums, counts, p -> p[0]), Jackknife.estimate(sums, counts, p -> p[1]),
            Jackknife.estimate(sums, counts, p -> p[2] > 0 ? 1 - p[3] / (3 * p[2] * p[2]) : 0),
            Jackknife.estimate(sums, counts, p -> p[4])};
    }

    /** The reference (Monte Carlo) observables, {value, error} each. */
    public double[][] reference() {
        double[][] c = new double[reference.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = reference[i].clone();
        }
        return c;
    }

    /** Minus the mean squared z-score of the model's observables against the reference. */
    public double score(double[][] model) {
        double chi2 = 0;
        for (int k = 0; k < OBSERVABLES.length; k++) {
            double sigma = Math.max(Math.hypot(model[k][1], reference[k][1]), SIGMA_FLOOR);
            double z = (model[k][0] - reference[k][0]) / sigma;
            chi2 += z * z;
        }
        return -chi2 / OBSERVABLES.length;
    }

    /** Generates configurations from the stack and scores them. */
    public double score(StackedRbm stack, Random rng) {
        return score(observables(stack.generate(samples, gibbsSteps, HalfStep.SAMPLED, rng)));
    }

    /** One line: observable = model vs reference. */
    public String describe(double[][] model) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < OBSERVABLES.length; k++) {
            sb.append(String.format(Locale.ROOT, "%s%s %.4f±%.4f vs %.4f±%.4f", k == 0 ? "" : ", ", OBSERVABLES[k],
                    model[k][0], model[k][1], reference[k][0], reference[k][1]));
        }
        return sb.toString();
    }
}
