package org.rgflow.cli;

import org.rgflow.config.HamiltonianConfig;
import org.rgflow.config.LatticeConfig;
import org.rgflow.config.LongRangeConfig;
import org.rgflow.config.NearestNeighbourConfig;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.hamiltonian.PeriodicSum;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.lattice.Lattice;

/** Builds lattices and Hamiltonians from their config records. */
final class ModelFactory {

    private ModelFactory() {
    }

    static Lattice lattice(LatticeConfig c) {
        return HypercubicLattice.of(c.dimension(), c.length());
    }

    static Hamiltonian hamiltonian(Lattice lattice, HamiltonianConfig c) {
        if (c instanceof NearestNeighbourConfig nn) {
            return NearestNeighbourIsing.of(lattice, nn.couplingJ(), nn.field());
        }
        LongRangeConfig lr = (LongRangeConfig) c;
        return LongRangeIsing.of(lattice, lr.couplingJ(), lr.sigma(), lr.field(), PeriodicSum.of(lr.periodicSum()));
    }

    /** sigma of a long-range model, NaN otherwise (dataset label). */
    static double sigma(HamiltonianConfig c) {
        return c instanceof LongRangeConfig lr ? lr.sigma() : Double.NaN;
    }
}
