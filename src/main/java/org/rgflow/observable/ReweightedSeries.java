package org.rgflow.observable;

import java.util.function.ToDoubleFunction;

/**
 * Single-histogram (Ferrenberg&ndash;Swendsen) reweighting of a Monte Carlo run, with blocked
 * jackknife errors. A run at inverse temperature &beta;&#8320; gives averages at a nearby &beta; as
 * &lang;O&rang;_&beta; = &Sigma;_i O_i w_i / &Sigma;_i w_i, w_i = exp(-(&beta; - &beta;&#8320;) E_i).
 * Energies are shifted by their mean before exponentiating (the constant cancels), so large lattices
 * do not overflow. The reweighting is reliable while the effective sample fraction
 * ({@link #effectiveFraction}) is not small, i.e. |&beta; - &beta;&#8320;| &sigma;_E &#8818; 1.
 *
 * <p>Errors: each chain is cut into blocks of {@code blockLength} consecutive samples (choose
 * &ge; 4 &tau;_int, see {@link #blockLengthFor}); delete-one-block jackknife over all blocks of all
 * chains. Any function of the reweighted means gets an error, including implicit ones such as a
 * root in &beta; ({@link #means(double, int)} with one block left out).
 *
 * <p>Reference: A. M. Ferrenberg and R. H. Swendsen, Phys. Rev. Lett. 61, 2635 (1988).
 * Cost: O(n k) per evaluation of the means for n samples of k columns.
 */
public final class ReweightedSeries {

    private final double[][] energy;
    private final double[][][] columns;
    private final double inverseTemperature;
    private final double energyShift;
    private final int blockLength;
    private final int blocksPerChain;
    private final int width;

    private ReweightedSeries(double[][] energy, double[][][] columns, double inverseTemperature, int blockLength,
            int blocksPerChain, double energyShift) {
        this.energy = energy;
        this.columns = columns;
        this.inverseTemperature = inverseTemperature;
        this.blockLength = blockLength;
        this.blocksPerChain = blocksPerChain;
        this.energyShift = energyShift;
        this.width = columns[0][0].length;
    }

    /**
     * @param energy [chains][n] total energy E of each sample (the quantity conjugate to &beta;)
     * @param columns [chains][n][k] observables per sample; arrays are used, not copied: do not modify
     * @param inverseTemperature &beta;&#8320; of the run
     * @param blockLength samples per jackknife block (&ge; 1); at least 2 blocks in all are required
     */
    public static ReweightedSeries of(double[][] energy, double[][][] columns, double inverseTemperature,
            int blockLength) {
        int chains = energy.length;
        if (chains == 0 || columns.length != chains) {
            throw new IllegalArgumentException("energy and columns need the same number (>= 1) of chains");
        }
        int n = energy[0].length;
        double sum = 0;
        for (int c = 0; c < chains; c++) {
            if (energy[c].length != n || columns[c].length != n) {
                throw new IllegalArgumentException("every chain needs the same number of samples " + n);
            }
            for (double e : energy[c]) {
                sum += e;
            }
        }
        if (blockLength < 1 || n / blockLength * chains < 2) {
            throw new IllegalArgumentException(String.format("need at least 2 jackknife blocks: %d chain(s) x %d "
                    + "samples with blockLength %d; record more samples", chains, n, blockLength));
        }
        return new ReweightedSeries(energy, columns, inverseTemperature, blockLength, n / blockLength,
                sum / ((double) chains * n));
    }

    /**
     * A block length of ceil(4 max &tau;_int) over the given series, enlarged so that there are at most
     * {@code maxBlocks} blocks in all (more blocks only cost time).
     *
     * @param maxBlocks upper bound on the number of blocks (&ge; 2)
     * @param series each [chains][n]
     */
    public static int blockLengthFor(int maxBlocks, double[][]... series) {
        double tau = 0.5;
        for (double[][] s : series) {
            tau = Math.max(tau, Autocorrelation.integratedTime(s));
        }
        int chains = series[0].length;
        int n = series[0][0].length;
        int length = (int) Math.ceil(4 * tau);
        int minLength = (int) Math.ceil((double) chains * n / maxBlocks);
        length = Math.max(length, minLength);
        return Math.max(1, Math.min(length, Math.max(1, chains * n / 2)));
    }

    public double inverseTemperature() {
        return inverseTemperature;
    }

    public int numBlocks() {
        return blocksPerChain * energy.length;
    }

    public int blockLength() {
        return blockLength;
    }

    /** Samples used: blocks &times; block length (a tail shorter than a block is dropped). */
    public long samplesUsed() {
        return (long) numBlocks() * blockLength;
    }

    /** Columns k per sample. */
    public int width() {
        return width;
    }

    /** Reweighted means of all columns at &beta; from all blocks. @return [k] */
    public double[] means(double beta) {
        return means(beta, -1);
    }

    /**
     * Reweighted means at &beta; leaving out one block.
     *
     * @param excludedBlock block index in [0, numBlocks) to leave out, or -1 for none
     * @return [k]
     */
    public double[] means(double beta, int excludedBlock) {
        double db = beta - inverseTemperature;
        double[] sums = new double[width];
        double wsum = 0;
        for (int c = 0; c < energy.length; c++) {
            for (int b = 0; b < blocksPerChain; b++) {
                if (c * blocksPerChain + b == excludedBlock) {
                    continue;
                }
                for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                    double w = db == 0 ? 1 : Math.exp(-db * (energy[c][i] - energyShift));
                    wsum += w;
                    double[] row = columns[c][i];
                    for (int j = 0; j < width; j++) {
                        sums[j] += w * row[j];
                    }
                }
            }
        }
        for (int j = 0; j < width; j++) {
            sums[j] /= wsum;
        }
        return sums;
    }

    /**
     * All reweighted means needed for a jackknife at &beta;, in one O(n k) pass over the samples:
     * row 0 from all blocks, row 1 + b with block b left out.
     *
     * @return [numBlocks + 1][k]
     */
    public double[][] jackknifeMeans(double beta) {
        double db = beta - inverseTemperature;
        int blocks = numBlocks();
        double[][] sums = new double[blocks][width];
        double[] wsum = new double[blocks];
        for (int c = 0; c < energy.length; c++) {
            for (int b = 0; b < blocksPerChain; b++) {
                int row = c * blocksPerChain + b;
                for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                    double w = db == 0 ? 1 : Math.exp(-db * (energy[c][i] - energyShift));
                    wsum[row] += w;
                    double[] x = columns[c][i];
                    for (int j = 0; j < width; j++) {
                        sums[row][j] += w * x[j];
                    }
                }
            }
        }
        double[] total = new double[width];
        double wtotal = 0;
        for (int b = 0; b < blocks; b++) {
            wtotal += wsum[b];
            for (int j = 0; j < width; j++) {
                total[j] += sums[b][j];
            }
        }
        double[][] out = new double[blocks + 1][width];
        for (int j = 0; j < width; j++) {
            out[0][j] = total[j] / wtotal;
        }
        for (int b = 0; b < blocks; b++) {
            double w = wtotal - wsum[b];
            for (int j = 0; j < width; j++) {
                out[b + 1][j] = (total[j] - sums[b][j]) / w;
            }
        }
        return out;
    }

    /**
     * f of the reweighted means at &beta;, with its delete-one-block jackknife error
     * &sigma;&sup2; = (B-1)/B &Sigma;_b (f_(b) - f&#772;)&sup2;.
     */
    public Estimate estimate(double beta, ToDoubleFunction<double[]> f) {
        return estimate(jackknifeMeans(beta), f, blockLength / 4.0, samplesUsed());
    }

    /**
     * f with its jackknife error from precomputed {@link #jackknifeMeans} rows.
     *
     * @param tauInt recorded in the estimate (e.g. blockLength / 4, the &tau;_int the blocks allow for)
     * @param samples recorded in the estimate
     */
    public static Estimate estimate(double[][] jackknifeMeans, ToDoubleFunction<double[]> f, double tauInt,
            long samples) {
        double full = f.applyAsDouble(jackknifeMeans[0]);
        double[] loo = new double[jackknifeMeans.length - 1];
        for (int b = 0; b < loo.length; b++) {
            loo[b] = f.applyAsDouble(jackknifeMeans[b + 1]);
        }
        return new Estimate(full, jackknifeError(loo), tauInt, samples);
    }

    /** Jackknife standard error from leave-one-out values: sqrt((B-1)/B &Sigma;(x_b - x&#772;)&sup2;). */
    public static double jackknifeError(double[] leaveOneOut) {
        int b = leaveOneOut.length;
        double mean = 0;
        for (double v : leaveOneOut) {
            mean += v;
        }
        mean /= b;
        double var = 0;
        for (double v : leaveOneOut) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var * (b - 1.0) / b);
    }

    /**
     * Kish effective sample size of the weights at &beta; divided by the number of samples:
     * (&Sigma;w)&sup2; / (n &Sigma;w&sup2;), 1 at &beta;&#8320;, small when reweighting too far.
     */
    public double effectiveFraction(double beta) {
        double db = beta - inverseTemperature;
        double s1 = 0;
        double s2 = 0;
        long n = 0;
        for (double[] chain : energy) {
            for (int i = 0; i < blocksPerChain * blockLength; i++) {
                double w = Math.exp(-db * (chain[i] - energyShift));
                s1 += w;
                s2 += w * w;
                n++;
            }
        }
        return s1 * s1 / (n * s2);
    }
}
