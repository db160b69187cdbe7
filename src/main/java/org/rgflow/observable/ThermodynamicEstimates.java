package org.rgflow.observable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equilibrium averages of an Ising run with autocorrelation-aware errors.
 *
 * <p>Definitions (N sites, temperature T, e = E/N, m = M/N):
 * &lang;e&rang;, &lang;|m|&rang;, &lang;m&sup2;&rang;, &lang;m&#8308;&rang;,
 * U4 = 1 - &lang;m&#8308;&rang;/(3&lang;m&sup2;&rang;&sup2;), C = N(&lang;e&sup2;&rang; - &lang;e&rang;&sup2;)/T&sup2;,
 * &chi; = N(&lang;m&sup2;&rang; - &lang;|m|&rang;&sup2;)/T (the finite-lattice susceptibility).
 *
 * <p>Error model: &tau;_int of e, |m| and m&sup2; is measured ({@link Autocorrelation}); each chain
 * is cut into blocks of length &ge; 4 max(&tau;_int) (at least 2 blocks per chain where possible),
 * blocks are treated as independent and all quantities get delete-one-block {@link Jackknife}
 * errors. Independent chains make this honest even when blocks are few.
 */
public record ThermodynamicEstimates(
        double temperature,
        int numSites,
        Estimate energy,
        Estimate absMagnetisation,
        Estimate magnetisation2,
        Estimate magnetisation4,
        Estimate binder,
        Estimate specificHeat,
        Estimate susceptibility,
        double tauEnergy,
        double tauAbsMagnetisation,
        int blockLength) {

    /**
     * @param series per-chain e and m series (at least 2 samples per chain; at least 2 blocks in all)
     * @param numSites N
     * @param temperature T &gt; 0
     */
    public static ThermodynamicEstimates of(IsingSeries series, int numSites, double temperature) {
        double[][] e = series.energies();
        double[][] m = series.magnetisations();
        int chains = e.length;
        int n = e[0].length;
        double[][] absM = new double[chains][n];
        double[][] m2 = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < n; i++) {
                absM[c][i] = Math.abs(m[c][i]);
                m2[c][i] = m[c][i] * m[c][i];
            }
        }
        double tauE = Autocorrelation.integratedTime(e);
        double tauM = Autocorrelation.integratedTime(absM);
        double tauM2 = Autocorrelation.integratedTime(m2);
        double tau = Math.max(tauE, Math.max(tauM, tauM2));
        int blockLength = (int) Math.ceil(4 * tau);
        int blocksPerChain = Math.max(1, n / blockLength);
        if (chains * blocksPerChain < 2) {
            throw new IllegalArgumentException(String.format(
                    "too few samples for an error estimate: %d chain(s) x %d samples with tau_int = %.1f; "
                            + "sample longer (samplesPerChain) or use more chains", chains, n, tau));
        }
        blockLength = n / blocksPerChain;
        int blocks = chains * blocksPerChain;
        // primary quantities: e, e^2, |m|, m^2, m^4
        double[][] sums = new double[blocks][5];
        long[] counts = new long[blocks];
        for (int c = 0; c < chains; c++) {
            for (int b = 0; b < blocksPerChain; b++) {
                int row = c * blocksPerChain + b;
                for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                    double ei = e[c][i];
                    double mi2 = m2[c][i];
                    sums[row][0] += ei;
                    sums[row][1] += ei * ei;
                    sums[row][2] += absM[c][i];
                    sums[row][3] += mi2;
                    sums[row][4] += mi2 * mi2;
                }
                counts[row] = blockLength;
            }
        }
        long used = (long) blocks * blockLength;
        double beta = 1.0 / temperature;
        Estimate energy = est(sums, counts, x -> x[0], tauE, used);
        Estimate absMag = est(sums, counts, x -> x[2], tauM, used);
        Estimate mag2 = est(sums, counts, x -> x[3], tauM2, used);
        Estimate mag4 = est(sums, counts, x -> x[4], tauM2, used);
        Estimate binder = est(sums, counts, x -> 1 - x[4] / (3 * x[3] * x[3]), tauM2, used);
        Estimate heat = est(sums, counts, x -> numSites * (x[1] - x[0] * x[0]) * beta * beta, tauE, used);
        Estimate chi = est(sums, counts, x -> numSites * (x[3] - x[2] * x[2]) * beta, tauM, used);
        return new ThermodynamicEstimates(temperature, numSites, energy, absMag, mag2, mag4, binder, heat, chi,
                tauE, tauM, blockLength);
    }

    /**
     * The exact T = 0 ensemble of a ferromagnet: every configuration is a ground state with energy
     * per site {@code e0} and |m| = 1, so every fluctuation vanishes; errors are zero.
     */
    public static ThermodynamicEstimates exactGroundState(int numSites, double e0, long samples) {
        Estimate one = new Estimate(1, 0, 0.5, samples);
        return new ThermodynamicEstimates(0, numSites, new Estimate(e0, 0, 0.5, samples), one, one, one,
                new Estimate(2.0 / 3.0, 0, 0.5, samples), new Estimate(0, 0, 0.5, samples),
                new Estimate(0, 0, 0.5, samples), 0.5, 0.5, 1);
    }

    private static Estimate est(double[][] sums, long[] counts, java.util.function.ToDoubleFunction<double[]> f,
            double tau, long used) {
        double[] ve = Jackknife.estimate(sums, counts, f);
        return new Estimate(ve[0], ve[1], tau, used);
    }

    /** Flat name &rarr; value map for manifests and CSV tables (value and error per observable). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("temperature", temperature);
        put(map, "energy", energy);
        put(map, "absMagnetisation", absMagnetisation);
        put(map, "magnetisation2", magnetisation2);
        put(map, "magnetisation4", magnetisation4);
        put(map, "binder", binder);
        put(map, "specificHeat", specificHeat);
        put(map, "susceptibility", susceptibility);
        map.put("tauIntEnergy", tauEnergy);
        map.put("tauIntAbsMagnetisation", tauAbsMagnetisation);
        map.put("samples", energy.samples());
        return map;
    }

    private static void put(Map<String, Object> map, String name, Estimate e) {
        map.put(name, e.value());
        map.put(name + "Error", e.error());
    }
}
