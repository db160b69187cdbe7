package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shuffle's mixing guarantee, stated statistically (issue 13). Under a uniform permutation of N rows, the
 * number of rows of a shard of K rows in a batch of B is Hypergeometric(N, K, B); {@link ShuffledRowSource}
 * promises exactly that composition for every batch, whether or not the shuffle buffer holds the selection.
 *
 * <p>Error model: passes with different seeds are independent, so for a fixed batch index the counts over
 * {@value #SEEDS} seeds are i.i.d. draws. For each examined batch (first, middle, last full one) and shard, the
 * mean count gets a z-score against the hypergeometric mean and standard error sqrt(var / seeds), and the
 * histogram of the first shard's counts a chi-square against the hypergeometric pmf (bins merged until each
 * expects &ge; 5). The family of tests in one case is held at alpha = 0.001 by Bonferroni. With the defect of
 * issue 13 (one shard at a time in the buffer) the first batch held 100 rows of one temperature: z &gt; 20.
 *
 * <p>Lattice 4 x 4 (16 sites), so a 64 KiB block is 4096 rows: shard sizes 1250, 4096 and 10000 are below, at
 * and above a block.
 */
class ShuffleCompositionTest {

    private static final int SEEDS = 120;
    private static final int BATCH = 100;
    private static final double ALPHA = 1e-3;
    private static final long SEED_BASE = 0x5EED_0013L;
    private static final DatasetLabels LABELS = DatasetLabels.of(2, 4, "ising-nn");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} shards of {1} rows, buffer {2} rows (0 = default)")
    @CsvSource({
            "1, 1250, 0", "1, 4096, 0", "1, 10000, 0",
            "2, 1250, 0", "2, 4096, 0", "2, 10000, 0",
            "25, 1250, 0", "25, 4096, 0", "25, 10000, 0",
            "2, 10000, 3000", "25, 1250, 5000", "25, 4096, 20000", "25, 10000, 30000"})
    void everyBatchHasTheHypergeometricShardComposition(int numShards, int shardRows, int bufferRows) {
        int[] counts = new int[numShards];
        double[] temps = new double[numShards];
        for (int s = 0; s < numShards; s++) {
            // unequal shards, so proportions differ: the last one is half size
            counts[s] = s == numShards - 1 && numShards > 1 ? shardRows / 2 : shardRows;
            temps[s] = 1.0 + 0.25 * s;
        }
        TestDatasets.write(dir, LABELS, Integer.MAX_VALUE, temps, counts);
        SpinDataset dataset = SpinDataset.open(dir);
        assertEquals(numShards, dataset.shards().size(), "one shard per temperature");
        int total = Arrays.stream(counts).sum();
        int fullBatches = total / BATCH;
        int[] examined = {0, fullBatches / 2, fullBatches - 1};

        long[][] sums = new long[examined.length][numShards];
        List<List<Integer>> firstShardCounts = new ArrayList<>();
        for (int e = 0; e < examined.length; e++) {
            firstShardCounts.add(new ArrayList<>());
        }
        ReadOptions options = ReadOptions.defaults().withShuffleBufferRows(bufferRows);
        int[] all = allShards(numShards);
        for (int seed = 0; seed < SEEDS; seed++) {
            int[][] perBatch = pass(dataset, all, options.withShuffle(SEED_BASE + seed), fullBatches, total, new long[0][])
                    .perBatch();
            for (int e = 0; e < examined.length; e++) {
                for (int s = 0; s < numShards; s++) {
                    sums[e][s] += perBatch[examined[e]][s];
                }
                firstShardCounts.get(e).add(perBatch[examined[e]][0]);
            }
        }

        int numTests = examined.length * (numShards + 1);
        double zMax = new NormalDistribution().inverseCumulativeProbability(1 - ALPHA / (2 * numTests));
        for (int e = 0; e < examined.length; e++) {
            for (int s = 0; s < numShards; s++) {
                HypergeometricDistribution h = new HypergeometricDistribution(total, counts[s], BATCH);
                double mean = (double) sums[e][s] / SEEDS;
                double se = Math.sqrt(h.getNumericalVariance() / SEEDS);
                double z = se == 0 ? (mean == h.getNumericalMean() ? 0 : Double.POSITIVE_INFINITY)
                        : (mean - h.getNumericalMean()) / se;
                assertTrue(Math.abs(z) < zMax, String.format("batch %d, shard %d: mean count %.2f, expected %.2f "
                        + "± %.2f (z = %.1f, limit %.2f)", examined[e], s, mean, h.getNumericalMean(), se, z, zMax));
            }
            double p = chiSquarePValue(firstShardCounts.get(e),
                    new HypergeometricDistribution(total, counts[0], BATCH));
            assertTrue(p > ALPHA / numTests, "batch " + examined[e] + ": shard 0 counts do not follow the "
                    + "hypergeometric law, chi-square p = " + p);
        }
    }

    /** Shard composition of each full batch of a pass, and the output positions of probe rows. */
    private record Pass(int[][] perBatch, long[] probePositions) {
    }

    /**
     * One shuffled pass; checks that every row comes exactly once.
     *
     * @param probes {shard, row} pairs whose output positions are recorded
     */
    private static Pass pass(SpinDataset dataset, int[] shards, ReadOptions options, int fullBatches, int total,
            long[][] probes) {
        int[][] perBatch = new int[fullBatches][shards.length];
        long[] positions = new long[probes.length];
        byte[] spins = new byte[BATCH * dataset.numSites()];
        int[] shardOut = new int[BATCH];
        long[] rowOut = new long[BATCH];
        long emitted = 0;
        try (RowSource source = RowSource.create(dataset, shards, options, 0)) {
            for (int b = 0; source.hasNext(); b++) {
                int n = source.next(BATCH, spins, shardOut, rowOut);
                for (int i = 0; i < n; i++, emitted++) {
                    if (b < fullBatches) {
                        perBatch[b][shardOut[i]]++;
                    }
                    for (int p = 0; p < probes.length; p++) {
                        if (probes[p][0] == shardOut[i] && probes[p][1] == rowOut[i]) {
                            positions[p] = emitted;
                        }
                    }
                }
            }
        }
        assertEquals(total, emitted, "every row once");
        return new Pass(perBatch, positions);
    }

    /**
     * When the buffer holds the selection the pass is a uniform permutation: a row's output position is uniform
     * over [0, N), whichever block of whichever shard it sits in. Chi-square of the probes' positions over
     * {@value #SEEDS} seeds in 10 equal bins (12 expected per bin), Bonferroni over the probes at alpha = 0.001.
     */
    @ParameterizedTest(name = "{0} shards of {1} rows")
    @CsvSource({"1, 10000", "2, 10000", "25, 1250"})
    void rowPositionsAreUniformWhenTheBufferHoldsTheSelection(int numShards, int shardRows) {
        int[] counts = new int[numShards];
        double[] temps = new double[numShards];
        Arrays.fill(counts, shardRows);
        Arrays.setAll(temps, s -> 1.0 + 0.25 * s);
        TestDatasets.write(dir, LABELS, Integer.MAX_VALUE, temps, counts);
        SpinDataset dataset = SpinDataset.open(dir);
        int total = numShards * shardRows;
        long[][] probes = {{0, 0}, {0, shardRows / 2}, {0, shardRows - 1}, {numShards - 1, shardRows - 1}};
        int bins = 10;
        long[][] hist = new long[probes.length][bins];
        for (int seed = 0; seed < SEEDS; seed++) {
            Pass p = pass(dataset, allShards(numShards), ReadOptions.defaults().withShuffle(SEED_BASE + seed),
                    0, total, probes);
            for (int k = 0; k < probes.length; k++) {
                hist[k][(int) (p.probePositions()[k] * bins / total)]++;
            }
        }
        ChiSquaredDistribution chi = new ChiSquaredDistribution(bins - 1);
        for (int k = 0; k < probes.length; k++) {
            double expected = (double) SEEDS / bins;
            double chi2 = Arrays.stream(hist[k]).mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
            double pValue = 1 - chi.cumulativeProbability(chi2);
            assertTrue(pValue > ALPHA / probes.length, "probe " + Arrays.toString(probes[k]) + ": positions by decile "
                    + Arrays.toString(hist[k]) + ", chi-square p = " + pValue);
        }
    }

    private static int[] allShards(int n) {
        int[] s = new int[n];
        Arrays.setAll(s, i -> i);
        return s;
    }

    /** Chi-square goodness of fit of integer samples to a pmf, adjacent values merged until each bin expects >= 5. */
    static double chiSquarePValue(List<Integer> samples, HypergeometricDistribution pmf) {
        int n = samples.size();
        int lo = pmf.getSupportLowerBound();
        int hi = pmf.getSupportUpperBound();
        List<double[]> bins = new ArrayList<>(); // {expected, observed}
        double expected = 0;
        double observed = 0;
        for (int k = lo; k <= hi; k++) {
            final int value = k;
            expected += n * pmf.probability(k);
            observed += samples.stream().filter(x -> x == value).count();
            if (expected >= 5) {
                bins.add(new double[] {expected, observed});
                expected = 0;
                observed = 0;
            }
        }
        if (bins.isEmpty()) {
            return 1.0; // a single value is possible (one shard): nothing to test beyond the means
        }
        double[] last = bins.get(bins.size() - 1);
        last[0] += expected;
        last[1] += observed;
        if (bins.size() < 2) {
            return 1.0;
        }
        double chi2 = 0;
        for (double[] bin : bins) {
            chi2 += (bin[1] - bin[0]) * (bin[1] - bin[0]) / bin[0];
        }
        return 1 - new ChiSquaredDistribution(bins.size() - 1).cumulativeProbability(chi2);
    }
}
