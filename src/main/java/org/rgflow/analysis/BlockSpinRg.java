package org.rgflow.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.rgflow.lattice.HypercubicLattice;

/**
 * One real-space block-spin RG step on a periodic hypercubic lattice L<sup>d</sup> with blocks of b<sup>d</sup>
 * sites (L divisible by b, L/b &ge; 2). Block B of the coarse lattice (L/b)<sup>d</sup> holds the fine sites whose
 * coordinates satisfy &lfloor;x_k/b&rfloor; = X_k. Rules ({@link Rule}):
 * <ul>
 * <li>{@code MAJORITY}: S_B = sign(&Sigma;_{i&isin;B} s_i); a zero sum (possible for even b<sup>d</sup>) becomes
 *     &plusmn;1 with probability &frac12; each from the caller's generator. This is also the sign of the block
 *     average.</li>
 * <li>{@code AVERAGE}: S_B = b<sup>&minus;d</sup> &Sigma;_{i&isin;B} s_i, real-valued in [&minus;1, 1]
 *     (de Mello Koch et al.).</li>
 * <li>{@code DECIMATION}: S_B = s at the block's corner site (all x_k = b X_k). In d = 1 with b = 2 on the
 *     NN chain this is exact: tanh K' = tanh&sup2; K (Mehta &amp; Schwab).</li>
 * </ul>
 * Cost O(n N) per step for a batch of n configurations. Immutable and thread-safe (randomness is passed in).
 */
public final class BlockSpinRg {

    /** How the spins of a block become one coarse variable. */
    public enum Rule { MAJORITY, AVERAGE, DECIMATION }

    private final HypercubicLattice fine;
    private final HypercubicLattice coarse;
    private final int blockSize;
    private final Rule rule;
    private final int[] blockOf;
    private final int[] corner;

    private BlockSpinRg(HypercubicLattice fine, int blockSize, Rule rule) {
        this.fine = fine;
        this.blockSize = blockSize;
        this.rule = rule;
        this.coarse = HypercubicLattice.of(fine.dimension(), fine.length() / blockSize);
        this.blockOf = new int[fine.numSites()];
        this.corner = new int[coarse.numSites()];
        for (int i = 0; i < fine.numSites(); i++) {
            int[] x = fine.coordinates(i);
            boolean isCorner = true;
            for (int k = 0; k < x.length; k++) {
                isCorner &= x[k] % blockSize == 0;
                x[k] /= blockSize;
            }
            blockOf[i] = coarse.site(x);
            if (isCorner) {
                corner[blockOf[i]] = i;
            }
        }
    }

    /**
     * @param lattice   the fine lattice
     * @param blockSize b &ge; 2, dividing L with L/b &ge; 2
     * @param rule      how a block is summarised
     */
    public static BlockSpinRg of(HypercubicLattice lattice, int blockSize, Rule rule) {
        Objects.requireNonNull(lattice, "lattice");
        Objects.requireNonNull(rule, "rule");
        int length = lattice.length();
        if (blockSize < 2 || length % blockSize != 0 || length / blockSize < 2) {
            throw new IllegalArgumentException("block size b = " + blockSize + " must be >= 2 and divide L = " + length
                    + " with L/b >= 2; choose b among the divisors of L");
        }
        return new BlockSpinRg(lattice, blockSize, rule);
    }

    public HypercubicLattice fineLattice() {
        return fine;
    }

    /** The lattice of block variables, (L/b)<sup>d</sup>. */
    public HypercubicLattice coarseLattice() {
        return coarse;
    }

    public int blockSize() {
        return blockSize;
    }

    public Rule rule() {
        return rule;
    }

    /** The coarse site (block index) that fine site {@code site} belongs to. */
    public int blockOf(int site) {
        return blockOf[site];
    }

    /**
     * One RG step of one configuration.
     *
     * @param spins [fine numSites], &plusmn;1 (or reals for AVERAGE/DECIMATION)
     * @param rng   for majority ties only (advanced only when a tie occurs); may be null for other rules
     * @return [coarse numSites], a new array
     */
    public double[] apply(double[] spins, SplittableRandom rng) {
        if (spins.length != fine.numSites()) {
            throw new IllegalArgumentException("configuration has " + spins.length + " sites, lattice " + fine
                    + " has " + fine.numSites());
        }
        double[] out = new double[coarse.numSites()];
        if (rule == Rule.DECIMATION) {
            for (int b = 0; b < out.length; b++) {
                out[b] = spins[corner[b]];
            }
            return out;
        }
        for (int i = 0; i < spins.length; i++) {
            out[blockOf[i]] += spins[i];
        }
        double perBlock = (double) fine.numSites() / coarse.numSites();
        for (int b = 0; b < out.length; b++) {
            if (rule == Rule.AVERAGE) {
                out[b] /= perBlock;
            } else if (out[b] != 0) {
                out[b] = Math.signum(out[b]);
            } else {
                out[b] = Objects.requireNonNull(rng, "majority rule needs an rng for ties").nextBoolean() ? 1 : -1;
            }
        }
        return out;
    }

    /**
     * One RG step of a batch; configuration k uses the generator {@code rng} in order (deterministic for a seed).
     *
     * @param spins [n][fine numSites]
     * @return [n][coarse numSites]
     */
    public double[][] apply(double[][] spins, SplittableRandom rng) {
        double[][] out = new double[spins.length][];
        for (int k = 0; k < spins.length; k++) {
            out[k] = apply(spins[k], rng);
        }
        return out;
    }

    /**
     * Repeated steps with the same b and rule while the lattice allows (L/b<sup>s</sup> &ge; 2).
     *
     * @param spins [n][numSites], the start (step 0)
     * @param steps number of RG steps s &ge; 0
     * @param seed  seeds the tie-break generator
     * @return steps+1 batches; element s lives on the lattice of length L/b<sup>s</sup>
     */
    public List<double[][]> iterate(double[][] spins, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[][]> out = new ArrayList<>();
        out.add(spins);
        BlockSpinRg step = this;
        double[][] x = spins;
        for (int s = 1; s <= steps; s++) {
            x = step.apply(x, rng);
            out.add(x);
            if (s < steps) {
                step = of(step.coarse, blockSize, rule);
            }
        }
        return out;
    }

    /**
     * The RG flow of the observables: {@link #iterate} then {@link LatticeObservables#summarize} at each step.
     * For {@code AVERAGE} the observables are of the real-valued block variables.
     */
    public Flow flow(double[][] spins, int steps, long seed) {
        return flow(iterate(spins, steps, seed));
    }

    /** The flow of the observables of batches already made by {@link #iterate} (element s on L/b<sup>s</sup>). */
    public Flow flow(List<double[][]> batches) {
        List<Flow.Step> out = new ArrayList<>();
        HypercubicLattice lattice = fine;
        for (int s = 0; s < batches.size(); s++) {
            out.add(new Flow.Step(s, lattice.length(), LatticeObservables.of(lattice).summarize(batches.get(s))));
            if (s + 1 < batches.size()) {
                lattice = HypercubicLattice.of(lattice.dimension(), lattice.length() / blockSize);
            }
        }
        return new Flow("block-" + rule.name().toLowerCase(java.util.Locale.ROOT) + "-b" + blockSize, out);
    }
}
