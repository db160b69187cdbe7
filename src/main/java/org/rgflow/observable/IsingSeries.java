package org.rgflow.observable;

/**
 * Per-chain time series of the energy per site e and magnetisation per site m, recorded every
 * {@code interval} sweeps. Mutable; filled by one thread with {@link #add}.
 */
public final class IsingSeries {

    private final double[][] energy;
    private final double[][] magnetisation;
    private final int[] size;

    /** @param numChains chains; @param capacity samples per chain */
    public IsingSeries(int numChains, int capacity) {
        if (numChains < 1 || capacity < 1) {
            throw new IllegalArgumentException("numChains and capacity must be >= 1, got " + numChains + ", " + capacity);
        }
        this.energy = new double[numChains][capacity];
        this.magnetisation = new double[numChains][capacity];
        this.size = new int[numChains];
    }

    /** Appends one sample of chain {@code chain}: e = E/N and m = M/N. */
    public void add(int chain, double energyPerSite, double magnetisationPerSite) {
        int i = size[chain]++;
        energy[chain][i] = energyPerSite;
        magnetisation[chain][i] = magnetisationPerSite;
    }

    public int numChains() {
        return energy.length;
    }

    /** Samples per chain (the minimum over chains). */
    public int length() {
        int n = Integer.MAX_VALUE;
        for (int s : size) {
            n = Math.min(n, s);
        }
        return n;
    }

    /** e series truncated to {@link #length()}: [chains][n]. */
    public double[][] energies() {
        return truncate(energy);
    }

    /** m series truncated to {@link #length()}: [chains][n]. */
    public double[][] magnetisations() {
        return truncate(magnetisation);
    }

    private double[][] truncate(double[][] data) {
        int n = length();
        double[][] out = new double[data.length][];
        for (int c = 0; c < data.length; c++) {
            out[c] = java.util.Arrays.copyOf(data[c], n);
        }
        return out;
    }
}
