package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * Single-cluster Wolff updates for nearest-neighbour Ising at zero field, J &gt; 0, any d.
 *
 * <p>One cluster update: pick a uniformly random seed site, grow the cluster of equal spins by adding
 * each aligned neighbour bond with probability
 * \[ p_{\mathrm{add}} = 1 - e^{-2J/T}, \]
 * and flip the whole cluster (acceptance 1). Cost O(|C| d) per cluster.
 *
 * <p><b>What a sweep is.</b> The aim is about N flipped spins per sweep. Stopping each sweep as soon as
 * the flipped sizes sum to &ge; N is <em>not</em> exact: the stopping time depends on the trajectory, the
 * last cluster is size-biased and the sampled states are biased toward order (on two sites with one
 * bond this rule converges to the aligned state only). So the rule calibrates and then freezes:
 * <ol>
 * <li>during the first {@link #CALIBRATION_SWEEPS} sweeps after a temperature change, a sweep grows
 * clusters until &ge; N spins have flipped, and the sizes of the second half are recorded;</li>
 * <li>afterwards every sweep is exactly n = max(1, round(N / mean cluster size)) clusters, n fixed per
 * chain and temperature. A fixed power of the Wolff kernel leaves the Boltzmann distribution invariant,
 * so every sweep after calibration is exact; thermalise at least {@code CALIBRATION_SWEEPS} sweeps.</li>
 * </ol>
 * {@link #withFixedClusters(int)} skips calibration. Changing T every sweep (annealing) never freezes.
 *
 * <p>Reference: U. Wolff, Phys. Rev. Lett. 62, 361 (1989).
 */
public final class WolffRule implements UpdateRule {

    /** Name in configs and manifests. */
    public static final String NAME = "wolff";
    /** Sweeps after each temperature change during which the clusters per sweep are calibrated. */
    public static final int CALIBRATION_SWEEPS = 20;

    private final int fixedClusters;

    private WolffRule(int fixedClusters) {
        this.fixedClusters = fixedClusters;
    }

    /** Calibrated sweeps of about N flipped spins (see the class comment). */
    public static WolffRule of() {
        return new WolffRule(0);
    }

    /** Every sweep is exactly {@code clustersPerSweep} &ge; 1 cluster updates. */
    public static WolffRule withFixedClusters(int clustersPerSweep) {
        if (clustersPerSweep < 1) {
            throw new IllegalArgumentException("clustersPerSweep must be >= 1, got " + clustersPerSweep);
        }
        return new WolffRule(clustersPerSweep);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Hamiltonian hamiltonian) {
        return NearestNeighbourRules.isZeroFieldFerromagnet(hamiltonian);
    }

    @Override
    public WolffChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
        NearestNeighbourIsing h = NearestNeighbourRules.require(this, hamiltonian, numChains, start,
                NearestNeighbourRules.clusterAlternatives(hamiltonian));
        return new WolffChains(h, new ByteSpins(h.lattice(), numChains, seed, start), fixedClusters);
    }

    @Override
    public String toString() {
        return fixedClusters == 0 ? "WolffRule[calibrated]" : "WolffRule[clustersPerSweep=" + fixedClusters + "]";
    }
}
