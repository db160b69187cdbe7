package org.rgflow.mc;

import org.rgflow.lattice.Lattice;

/**
 * Spins of several chains as {@code byte[chain][site]} (&plusmn;1, lattice site order) with one
 * {@link ChainRandom} per chain; the shared state of the cluster rules. Memory N bytes per chain.
 */
final class ByteSpins {

    final byte[][] spins;
    final ChainRandom[] random;

    /** Chain c: ChainRandom(Seeds.chainSeed(seed, c)), spins from {@link MetropolisChains#initialSpins}. */
    ByteSpins(Lattice lattice, int numChains, long seed, InitialState start) {
        spins = new byte[numChains][];
        random = new ChainRandom[numChains];
        for (int c = 0; c < numChains; c++) {
            random[c] = new ChainRandom(Seeds.chainSeed(seed, c));
            spins[c] = MetropolisChains.initialSpins(lattice.numSites(), start, random[c]);
        }
    }

    int numChains() {
        return spins.length;
    }

    void copy(int chain, byte[] out) {
        NearestNeighbourRules.checkChain(chain, spins.length);
        NearestNeighbourRules.checkOut(out, spins[chain].length);
        System.arraycopy(spins[chain], 0, out, 0, out.length);
    }

    void flipAll(int chain) {
        NearestNeighbourRules.checkChain(chain, spins.length);
        byte[] s = spins[chain];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) -s[i];
        }
    }
}
