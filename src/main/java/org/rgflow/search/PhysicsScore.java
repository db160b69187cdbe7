package org.rgflow.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Jackknife;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.StackedRbm;

/**
 * The physics score of a trained RBM stack on a NN Ising dataset: do configurations drawn from the model reproduce
 * the Monte Carlo observables of the data, per temperature?
 *
 * <p>Samples: {@code StackedRbm.generate(samples, gibbsSteps, SAMPLED, rng)} (independent chains from uniformly
 * random states, so they are independent draws). Observables per configuration (s = 2v &minus; 1): e = E/N of
 * {@link NearestNeighbourIsing} with J = 1, h = 0; m = &Sigma;s/N; G(2) = &lang;s<sub>i</sub> s<sub>i+2&mu;</sub>&rang;
 * averaged over sites and axes (the NN correlation is exactly &minus;e/d for this model and would count e twice).
 *
 * <p><b>Temperature classes.</b> An RBM trained on a single-temperature dataset models one ensemble: one class
 * holds every configuration. An unconditional RBM trained on several temperatures models their mixture, so its
 * samples carry no temperature; both the data and the model samples are then split by the same rule: a
 * configuration belongs to the temperature whose Monte Carlo mean energy &#275;<sub>T</sub> (from the data) is
 * nearest to its own e. Temperatures whose &#275;<sub>T</sub> lie within {@value #MERGE_ENERGY}/N of the first of
 * their group (sorted by energy) form one class: 4/N is the spacing of the energy levels (E = &minus;dN + 2k with
 * k broken bonds, and k is even because every closed line of the periodic lattice crosses an even number of
 * them), so a narrower class could hold no energy level at all; at L = 10 the temperatures T &le; 1.25 all sit at
 * e &asymp; &minus;2 and share a class. If the model's distribution equalled the data's,
 * every class quantity below would agree within errors; a model that puts the wrong weight on a temperature range
 * fails on the fractions, one that gets the shape wrong inside a range fails on the within-class observables.
 *
 * <p>Per class: the fraction of configurations in it and, within it, &lang;e&rang;, &lang;|m|&rang;,
 * U4 = 1 &minus; &lang;m&#8308;&rang;/(3&lang;m&sup2;&rang;&sup2;) and G(2). Errors: delete-one-block
 * {@link Jackknife} over {@value #BLOCKS} blocks. Data blocks are contiguous within each temperature (stratified:
 * the k-th of {@value #BLOCKS} runs of every temperature's rows forms block k), which absorbs residual
 * autocorrelation along each chain and keeps the dataset's fixed count per temperature; model blocks are
 * contiguous runs of the independent samples. Within-class observables are compared only where both the data and
 * the model have at least {@value #MIN_CLASS_ROWS} configurations in the class; the fraction always (except with
 * one class, where it is 1 by construction).
 *
 * <p>Score = &minus;(1/K) &Sigma; ((x<sub>rbm</sub> &minus; x<sub>mc</sub>) / &sigma;)&sup2; over the K compared
 * quantities, &sigma; = max(&radic;(&sigma;<sub>rbm</sub>&sup2; + &sigma;<sub>mc</sub>&sup2;), {@value #SIGMA_FLOOR})
 * (the floor keeps exact ensembles such as T = 0 finite): minus the mean squared z-score, 0 at best; higher is
 * better, like the likelihood scores. Cost: O((n<sub>data</sub> + samples) N d) for the observables plus the
 * sampling, samples &times; gibbsSteps RBM half-step pairs.
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
    /** Fewest configurations of a class in both sets for its within-class observables to be compared. */
    public static final int MIN_CLASS_ROWS = 2 * BLOCKS;
    /** Temperatures with mean energies closer than this over N share a class (the energy-level spacing). */
    public static final double MERGE_ENERGY = 4.0;
    /** Quantity names per class, in order: the class fraction, then the within-class observables. */
    public static final List<String> QUANTITIES = List.of("fraction", "e", "absM", "U4", "G2");

    private static final int PRIMARIES = 6; // count, e, |m|, m^2, m^4, G2

    /**
     * One class's quantities.
     *
     * @param label  the class's temperature, or the range of the temperatures merged into it
     * @param rows   configurations in the class
     * @param values {value, error} per {@link #QUANTITIES} entry; NaN where not estimable
     */
    public record ClassEstimate(String label, long rows, double[][] values) {
    }

    private final HypercubicLattice lattice;
    private final NearestNeighbourIsing hamiltonian;
    private final int[][] shift2;
    private final int samples;
    private final int gibbsSteps;
    private final String[] labels;
    private final double[] boundaries;
    private final List<ClassEstimate> reference;

    /**
     * Single-temperature reference: one class.
     *
     * @param reference Monte Carlo configurations [n &ge; {@value #BLOCKS}, numSites] in {0,1} (or &plusmn;1)
     */
    public PhysicsScore(HypercubicLattice lattice, INDArray reference, int samples, int gibbsSteps) {
        this(lattice, reference, new int[(int) reference.rows()], new double[] {Double.NaN}, samples, gibbsSteps);
    }

    /**
     * @param reference    Monte Carlo configurations [n &ge; {@value #BLOCKS}, numSites] in {0,1} (or &plusmn;1)
     * @param temperature  index into {@code temperatures} of each reference row [n]
     * @param temperatures the dataset's temperatures (NaN for an unlabelled single ensemble)
     */
    public PhysicsScore(HypercubicLattice lattice, INDArray reference, int[] temperature, double[] temperatures,
            int samples, int gibbsSteps) {
        if (reference.columns() != lattice.numSites()) {
            throw new IllegalArgumentException("reference has " + reference.columns() + " sites, the lattice "
                    + lattice.numSites());
        }
        if (samples < BLOCKS || reference.rows() < BLOCKS || gibbsSteps < 0) {
            throw new IllegalArgumentException("the physics score needs >= " + BLOCKS + " reference rows and samples"
                    + " and gibbsSteps >= 0, got " + reference.rows() + ", " + samples + ", " + gibbsSteps);
        }
        if (temperature.length != reference.rows() || temperatures.length == 0) {
            throw new IllegalArgumentException(temperature.length + " temperature indices for " + reference.rows()
                    + " rows and " + temperatures.length + " temperatures");
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
        byte[][] spins = spins(reference);
        double[] energy = new double[spins.length];
        int[] rowsPerT = new int[temperatures.length];
        double[] meanE = new double[temperatures.length];
        for (int r = 0; r < spins.length; r++) {
            int t = temperature[r];
            if (t < 0 || t >= temperatures.length) {
                throw new IllegalArgumentException("row " + r + " has temperature index " + t + " of "
                        + temperatures.length);
            }
            energy[r] = hamiltonian.energy(spins[r]) / n;
            meanE[t] += energy[r];
            rowsPerT[t]++;
        }
        // classes: temperatures sorted by mean energy, merged while within MERGE_ENERGY / N of the group's first
        Integer[] order = IntStream.range(0, temperatures.length).filter(t -> rowsPerT[t] > 0).boxed()
                .toArray(Integer[]::new);
        for (int t : order) {
            meanE[t] /= rowsPerT[t];
        }
        Arrays.sort(order, Comparator.comparingDouble(t -> meanE[t]));
        List<List<Integer>> groups = new ArrayList<>();
        for (int t : order) {
            List<Integer> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && meanE[t] - meanE[last.get(0)] < MERGE_ENERGY / n) {
                last.add(t);
            } else {
                groups.add(new ArrayList<>(List.of(t)));
            }
        }
        labels = new String[groups.size()];
        double[] centre = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> members = groups.get(g);
            double lo = members.stream().mapToDouble(t -> temperatures[t]).min().orElseThrow();
            double hi = members.stream().mapToDouble(t -> temperatures[t]).max().orElseThrow();
            labels[g] = Double.isNaN(lo) ? "all" : lo == hi ? fmt(lo) : fmt(lo) + "-" + fmt(hi);
            centre[g] = members.stream().mapToDouble(t -> meanE[t] * rowsPerT[t]).sum()
                    / members.stream().mapToInt(t -> rowsPerT[t]).sum();
        }
        boundaries = new double[groups.size() - 1];
        for (int g = 0; g < boundaries.length; g++) {
            boundaries[g] = 0.5 * (centre[g] + centre[g + 1]);
        }
        // stratified blocks: the k-th run of each temperature's rows (in file order) goes to block k
        int[] block = new int[spins.length];
        int[] seen = new int[temperatures.length];
        for (int r = 0; r < spins.length; r++) {
            int t = temperature[r];
            block[r] = (int) ((long) seen[t]++ * BLOCKS / rowsPerT[t]);
        }
        this.reference = estimate(spins, energy, block);
    }

    public String name() {
        return "physics";
    }

    /** Number of temperature classes. */
    public int numClasses() {
        return labels.length;
    }

    /** Per-class quantities of configurations [n &ge; {@value #BLOCKS}, numSites] in {0,1} (or &plusmn;1). */
    public List<ClassEstimate> observables(INDArray configs) {
        byte[][] spins = spins(configs);
        double[] energy = new double[spins.length];
        int[] block = new int[spins.length];
        for (int r = 0; r < spins.length; r++) {
            energy[r] = hamiltonian.energy(spins[r]) / lattice.numSites();
            block[r] = (int) ((long) r * BLOCKS / spins.length);
        }
        return estimate(spins, energy, block);
    }

    /** The reference (Monte Carlo) quantities. */
    public List<ClassEstimate> reference() {
        return reference;
    }

    /** Minus the mean squared z-score of the model's quantities against the reference; NaN if none compare. */
    public double score(List<ClassEstimate> model) {
        double chi2 = 0;
        int terms = 0;
        for (int c = 0; c < labels.length; c++) {
            for (int k = labels.length == 1 ? 1 : 0; k < QUANTITIES.size(); k++) {
                double z = z(model.get(c), reference.get(c), k);
                if (!Double.isNaN(z)) {
                    chi2 += z * z;
                    terms++;
                }
            }
        }
        return terms == 0 ? Double.NaN : -chi2 / terms;
    }

    /** Generates configurations from the stack and returns their per-class quantities. */
    public List<ClassEstimate> generate(StackedRbm stack, Random rng) {
        return observables(stack.generate(samples, gibbsSteps, HalfStep.SAMPLED, rng));
    }

    /** Generates configurations from the stack and scores them. */
    public double score(StackedRbm stack, Random rng) {
        return score(generate(stack, rng));
    }

    /**
     * CSV: {@code class,quantity,model,modelError,modelRows,reference,referenceError,referenceRows,z}, one row per
     * class and quantity (z empty where the quantity is not compared).
     */
    public String table(List<ClassEstimate> model) {
        StringBuilder sb = new StringBuilder("class,quantity,model,modelError,modelRows,reference,referenceError,"
                + "referenceRows,z\n");
        for (int c = 0; c < labels.length; c++) {
            ClassEstimate m = model.get(c);
            ClassEstimate r = reference.get(c);
            for (int k = 0; k < QUANTITIES.size(); k++) {
                double z = labels.length == 1 && k == 0 ? Double.NaN : z(m, r, k);
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%s,%d,%s%n", labels[c], QUANTITIES.get(k),
                        num(m.values()[k][0]), num(m.values()[k][1]), m.rows(), num(r.values()[k][0]),
                        num(r.values()[k][1]), r.rows(), num(z)));
            }
        }
        return sb.toString();
    }

    /** One line: each within-class observable, model vs reference, for one class; else the worst quantity. */
    public String describe(List<ClassEstimate> model) {
        StringBuilder sb = new StringBuilder();
        if (labels.length == 1) {
            for (int k = 1; k < QUANTITIES.size(); k++) {
                sb.append(String.format(Locale.ROOT, "%s%s %.4f±%.4f vs %.4f±%.4f", k == 1 ? "" : ", ",
                        QUANTITIES.get(k), model.get(0).values()[k][0], model.get(0).values()[k][1],
                        reference.get(0).values()[k][0], reference.get(0).values()[k][1]));
            }
            return sb.toString();
        }
        int worstC = -1;
        int worstK = -1;
        double worst = -1;
        for (int c = 0; c < labels.length; c++) {
            for (int k = 0; k < QUANTITIES.size(); k++) {
                double z = Math.abs(z(model.get(c), reference.get(c), k));
                if (z > worst) {
                    worst = z;
                    worstC = c;
                    worstK = k;
                }
            }
        }
        sb.append(labels.length).append(" temperature classes");
        if (worstC >= 0) {
            sb.append(String.format(Locale.ROOT, "; worst: T %s %s %.4f vs %.4f (z = %.1f)", labels[worstC],
                    QUANTITIES.get(worstK), model.get(worstC).values()[worstK][0],
                    reference.get(worstC).values()[worstK][0], worst));
        }
        return sb.toString();
    }

    private static double z(ClassEstimate model, ClassEstimate reference, int k) {
        if (k > 0 && (model.rows() < MIN_CLASS_ROWS || reference.rows() < MIN_CLASS_ROWS)) {
            return Double.NaN;
        }
        double[] m = model.values()[k];
        double[] r = reference.values()[k];
        double sigma = Math.max(Math.hypot(m[1], r[1]), SIGMA_FLOOR);
        return (m[0] - r[0]) / sigma; // NaN propagates
    }

    private int classOf(double e) {
        int c = 0;
        while (c < boundaries.length && e > boundaries[c]) {
            c++;
        }
        return c;
    }

    private byte[][] spins(INDArray configs) {
        int n = (int) configs.rows();
        int sites = lattice.numSites();
        if (configs.columns() != sites) {
            throw new IllegalArgumentException("configurations have " + configs.columns() + " sites, the lattice "
                    + sites);
        }
        float[] v = configs.castTo(DataType.FLOAT).dup('c').data().asFloat();
        boolean zeroOne = configs.minNumber().doubleValue() >= 0;
        byte[][] s = new byte[n][sites];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < sites; i++) {
                float x = v[r * sites + i];
                s[r][i] = (byte) ((zeroOne ? x > 0.5f : x > 0) ? 1 : -1);
            }
        }
        return s;
    }

    private List<ClassEstimate> estimate(byte[][] spins, double[] energy, int[] block) {
        int classes = labels.length;
        int sites = lattice.numSites();
        double[][] sums = new double[BLOCKS][classes * PRIMARIES];
        long[] counts = new long[BLOCKS];
        long[] rows = new long[classes];
        for (int r = 0; r < spins.length; r++) {
            byte[] s = spins[r];
            long m = 0;
            for (byte x : s) {
                m += x;
            }
            long g = 0;
            for (int[] t : shift2) {
                for (int i = 0; i < sites; i++) {
                    g += s[i] * s[t[i]];
                }
            }
            double mm = m / (double) sites;
            int c = classOf(energy[r]);
            double[] q = sums[block[r]];
            int o = c * PRIMARIES;
            q[o] += 1;
            q[o + 1] += energy[r];
            q[o + 2] += Math.abs(mm);
            q[o + 3] += mm * mm;
            q[o + 4] += mm * mm * mm * mm;
            q[o + 5] += g / (double) (sites * shift2.length);
            counts[block[r]]++;
            rows[c]++;
        }
        List<ClassEstimate> out = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            int o = c * PRIMARIES;
            double[][] values = new double[QUANTITIES.size()][];
            values[0] = Jackknife.estimate(sums, counts, p -> p[o]);
            if (rows[c] == 0) {
                for (int k = 1; k < values.length; k++) {
                    values[k] = new double[] {Double.NaN, Double.NaN};
                }
            } else {
                values[1] = Jackknife.estimate(sums, counts, p -> p[o + 1] / p[o]);
                values[2] = Jackknife.estimate(sums, counts, p -> p[o + 2] / p[o]);
                values[3] = Jackknife.estimate(sums, counts,
                        p -> p[o + 3] > 0 ? 1 - (p[o + 4] / p[o]) / (3 * (p[o + 3] / p[o]) * (p[o + 3] / p[o])) : 0);
                values[4] = Jackknife.estimate(sums, counts, p -> p[o + 5] / p[o]);
            }
            out.add(new ClassEstimate(labels[c], rows[c], values));
        }
        return List.copyOf(out);
    }

    private static String fmt(double t) {
        return java.math.BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
