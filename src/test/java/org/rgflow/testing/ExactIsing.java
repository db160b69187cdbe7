package org.rgflow.testing;

import org.rgflow.hamiltonian.Hamiltonian;

/**
 * Exact thermodynamics of a small Ising system by enumerating all 2^N configurations (N &le; 24).
 * Works for any {@link Hamiltonian}: it calls {@code energy(spins)} on every state, so it is an
 * oracle independent of every sampler. Sums use a shifted exponent (E - E_min) for stability.
 * Cost O(2^N &middot; cost(energy)).
 */
public final class ExactIsing {

    public final double temperature;
    public final int numSites;
    /** &lang;e&rang;, &lang;e&sup2;&rang; with e = E/N. */
    public final double energy;
    public final double energy2;
    /** &lang;|m|&rang;, &lang;m&sup2;&rang;, &lang;m&#8308;&rang; with m = M/N. */
    public final double absMagnetisation;
    public final double magnetisation2;
    public final double magnetisation4;
    /** ln Z. */
    public final double logZ;

    private ExactIsing(double t, int n, double e, double e2, double am, double m2, double m4, double logZ) {
        this.temperature = t;
        this.numSites = n;
        this.energy = e;
        this.energy2 = e2;
        this.absMagnetisation = am;
        this.magnetisation2 = m2;
        this.magnetisation4 = m4;
        this.logZ = logZ;
    }

    /** U4 = 1 - &lang;m&#8308;&rang;/(3&lang;m&sup2;&rang;&sup2;). */
    public double binder() {
        return 1 - magnetisation4 / (3 * magnetisation2 * magnetisation2);
    }

    /** C = N (&lang;e&sup2;&rang; - &lang;e&rang;&sup2;) / T&sup2;. */
    public double specificHeat() {
        return numSites * (energy2 - energy * energy) / (temperature * temperature);
    }

    /** &chi; = N (&lang;m&sup2;&rang; - &lang;|m|&rang;&sup2;) / T. */
    public double susceptibility() {
        return numSites * (magnetisation2 - absMagnetisation * absMagnetisation) / temperature;
    }

    /** Enumerates all states of {@code h} at temperature {@code t}. */
    public static ExactIsing of(Hamiltonian h, double t) {
        int n = h.lattice().numSites();
        if (n > 24) {
            throw new IllegalArgumentException("enumeration limited to N <= 24 sites, got " + n);
        }
        long states = 1L << n;
        double[] energies = new double[(int) states];
        int[] mags = new int[(int) states];
        byte[] spins = new byte[n];
        double eMin = Double.POSITIVE_INFINITY;
        for (long s = 0; s < states; s++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                spins[i] = (byte) (((s >>> i) & 1) == 1 ? 1 : -1);
                m += spins[i];
            }
            double e = h.energy(spins);
            energies[(int) s] = e;
            mags[(int) s] = m;
            eMin = Math.min(eMin, e);
        }
        double z = 0, se = 0, se2 = 0, sam = 0, sm2 = 0, sm4 = 0;
        for (int s = 0; s < states; s++) {
            double w = Math.exp(-(energies[s] - eMin) / t);
            double e = energies[s] / n;
            double m = (double) mags[s] / n;
            z += w;
            se += w * e;
            se2 += w * e * e;
            sam += w * Math.abs(m);
            sm2 += w * m * m;
            sm4 += w * m * m * m * m;
        }
        return new ExactIsing(t, n, se / z, se2 / z, sam / z, sm2 / z, sm4 / z, Math.log(z) - eMin / t);
    }
}
