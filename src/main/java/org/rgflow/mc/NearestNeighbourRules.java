package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/** Shared checks of the nearest-neighbour rules: which Hamiltonians they accept and why not. */
final class NearestNeighbourRules {

    private NearestNeighbourRules() {
    }

    /** Validates the common arguments of {@code start} and returns the Hamiltonian as NN Ising. */
    static NearestNeighbourIsing require(UpdateRule rule, Hamiltonian h, int numChains, InitialState start,
            String alternatives) {
        if (h == null || start == null) {
            throw new IllegalArgumentException("hamiltonian and initial state must not be null");
        }
        if (numChains < 1) {
            throw new IllegalArgumentException("numChains must be >= 1, got " + numChains);
        }
        if (!rule.supports(h)) {
            throw new IllegalArgumentException(String.format(
                    "update rule '%s' cannot sample %s. TO FIX THIS: %s", rule.name(), h, alternatives));
        }
        return (NearestNeighbourIsing) h;
    }

    /** True for nearest-neighbour Ising at zero field with ferromagnetic J &gt; 0 (cluster rules). */
    static boolean isZeroFieldFerromagnet(Hamiltonian h) {
        return h instanceof NearestNeighbourIsing nn && nn.field() == 0 && nn.couplingJ() > 0;
    }

    /** Advice for Hamiltonians the cluster rules reject. */
    static String clusterAlternatives(Hamiltonian h) {
        if (h instanceof NearestNeighbourIsing) {
            return "cluster rules need zero field and ferromagnetic J > 0; use \"metropolis\" (or"
                    + " \"metropolis-nd4j\") for h != 0 or J <= 0";
        }
        return "this rule handles nearest-neighbour Ising only; use a long-range rule (LongRange*) for "
                + (h == null ? "this model" : h.model());
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
    }

    static void checkChain(int chain, int numChains) {
        if (chain < 0 || chain >= numChains) {
            throw new IndexOutOfBoundsException("chain " + chain + " not in [0, " + numChains + ")");
        }
    }

    static void checkOut(byte[] out, int numSites) {
        if (out == null || out.length != numSites) {
            throw new IllegalArgumentException("out must have length numSites = " + numSites + ", got "
                    + (out == null ? "null" : out.length));
        }
    }
}
