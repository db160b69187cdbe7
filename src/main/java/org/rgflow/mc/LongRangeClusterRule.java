package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.LongRangeIsing;

/**
 * Fukui&ndash;Todo O(N) Swendsen&ndash;Wang update for the long-range Ising model at zero field
 * ({@link LongRangeIsing}, J &ge; 0, h = 0). One sweep is one Swendsen&ndash;Wang decomposition:
 *
 * <ol>
 *   <li>Each unordered pair {i, j} with &Delta; = x_j - x_i carries a bond, active with the
 *       Swendsen&ndash;Wang probability p = 1 - e^{-2&beta;J(&Delta;)} if s_i = s_j. Write p = 1 - e^{-&lambda;}
 *       with &lambda; = 2&beta;J(&Delta;): the bond is active iff a Poisson(&lambda;) count is positive. Split the
 *       pair's rate over its two ordered pairs (i, &Delta;) and (j, -&Delta;), &beta;J(&Delta;) each.</li>
 *   <li>All ordered pairs together form a Poisson process of total mean
 *       &Lambda; = &beta; N &Sigma;_&Delta; J(&Delta;). It is generated site by site: site i gets
 *       k_i ~ Poisson(&beta; &Sigma;_&Delta; J(&Delta;)) candidates (inversion from a table), each with a
 *       displacement drawn with probability J(&Delta;)/&Sigma;J from a Walker alias table (O(1)).</li>
 *   <li>A candidate (i, &Delta;) joins i and i + &Delta; by union&ndash;find when their spins are aligned.</li>
 *   <li>Every cluster flips with probability 1/2.</li>
 * </ol>
 *
 * <p>Cost per sweep O(N (1 + &beta;&Sigma;J)) expected, memory O(N); no O(N&sup2;) step. Independent of the
 * {@link org.rgflow.hamiltonian.PeriodicSum} convention (it only needs the table J(&Delta;)).
 *
 * <p>References: K. Fukui and S. Todo, J. Comput. Phys. 228, 2629 (2009); R. H. Swendsen and
 * J.-S. Wang, Phys. Rev. Lett. 58, 86 (1987).
 */
public final class LongRangeClusterRule implements UpdateRule {

    /** Identifier in configs and manifests. */
    public static final String NAME = "lr-cluster";

    private final double rateScale;

    /** The Fukui&ndash;Todo cluster rule (zero field). */
    public static LongRangeClusterRule of() {
        return new LongRangeClusterRule();
    }

    public LongRangeClusterRule() {
        this(1.0);
    }

    /**
     * Test hook: multiplies every bond rate &lambda; by {@code rateScale}. Any value but 1 samples the
     * wrong distribution (0.5 is the classic factor-of-two slip p = 1 - e^{-&beta;J}).
     */
    LongRangeClusterRule(double rateScale) {
        if (!(rateScale > 0) || !Double.isFinite(rateScale)) {
            throw new IllegalArgumentException("rateScale must be finite and > 0, got " + rateScale);
        }
        this.rateScale = rateScale;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Hamiltonian hamiltonian) {
        return hamiltonian instanceof LongRangeIsing lr && lr.field() == 0 && lr.couplingJ() >= 0
                && lr.lattice().dimension() <= 3;
    }

    @Override
    public MarkovChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
        if (!supports(hamiltonian)) {
            throw new IllegalArgumentException(NAME + " samples the ferromagnetic long-range Ising model (LongRangeIsing,"
                    + " J >= 0) at zero field only; got " + hamiltonian + ". Use rule lr-metropolis for a nonzero field"
                    + " or J < 0, or wolff / swendsen-wang for the nearest-neighbour model.");
        }
        LongRangeChainSupport.checkChains(numChains, start);
        return new LongRangeClusterChains((LongRangeIsing) hamiltonian, numChains, seed, start, rateScale);
    }

    @Override
    public String toString() {
        return rateScale == 1.0 ? NAME : NAME + "[rateScale=" + rateScale + "]";
    }
}
