package org.rgflow.cli;

import static org.rgflow.cli.MemoryBudget.times;

import java.util.List;
import org.rgflow.config.CriticalConfig;
import org.rgflow.config.LongRangeConfig;
import org.rgflow.config.SampleConfig;
import org.rgflow.config.SamplerConfig;
import org.rgflow.config.SearchConfig;
import org.rgflow.config.TrainConfig;
import org.rgflow.mc.SamplingSchedule;

/**
 * The big allocations of each command, estimated from its config and arguments before any of them is made (for
 * {@link MemoryBudget}). They count the arrays whose size grows with the inputs, not the JVM's own overhead, so a
 * run near a limit may still run out; one far above it is refused before work starts.
 */
final class MemoryEstimates {

    /** Bytes of the training data's shuffle buffer (SpinDataSetIterator: 64 MiB of int8 rows). */
    private static final long SHUFFLE_BUFFER = 64L << 20;
    /** Rows kept for the per-epoch metrics of training and held-out data (TrainSetup.MONITOR_EXAMPLES). */
    private static final long MONITOR_ROWS = TrainSetup.MONITOR_EXAMPLES;
    /** One critical-point sample: its energy and a row of 7 moments (with the array header). */
    private static final long SAMPLE_BYTES = 8 + 16 + 7 * 8;

    private MemoryEstimates() {
    }

    /**
     * {@code rgflow sample} (Java heap): the neighbour table, every chain's int8 spins and the rule's per-site
     * arrays, the long-range coupling tables, and e and m of every recorded configuration and of the longest pilot.
     */
    static MemoryBudget sample(SampleConfig c, String source) {
        long d = c.lattice().dimension();
        long sites = pow(c.lattice().length(), d);
        SamplerConfig s = c.sampler();
        long chains = s.numChains();
        MemoryBudget b = MemoryBudget.of(source + " (lattice " + c.lattice().length() + "^" + d + ", "
                + s.numChains() + " chains, " + s.configurationsPerTemperature() + " configurations per temperature)");
        b.heap("neighbour table", times(sites, 2 * d, Integer.BYTES));
        boolean longRange = c.hamiltonian() instanceof LongRangeConfig;
        String rule = "auto".equals(s.rule()) ? (longRange && c.hamiltonian().field() == 0 ? "lr-cluster"
                : longRange ? "lr-metropolis" : c.hamiltonian().field() == 0 ? "wolff" : "metropolis") : s.rule();
        switch (rule) { // the chains' states and each rule's per-site arrays (mc.*Chains)
            case "metropolis" -> b.heap("chain states (int per site)", times(chains, sites, Integer.BYTES));
            case "metropolis-nd4j" -> {
                b.heap("chain tensors", times(chains, sites, Float.BYTES));
                b.offHeap("chain tensors and temporaries", times(3, chains, sites, Float.BYTES));
            }
            case "lr-metropolis" -> b.heap("chain spins and local fields", times(chains, sites, 1 + Double.BYTES));
            default -> {
                b.heap("chain spins", times(chains, sites));
                b.heap("cluster arrays", times(sites, "wolff".equals(rule) ? 4 : "swendsen-wang".equals(rule) ? 9
                        : 25));
            }
        }
        if (longRange) {
            b.heap("coupling tables", times(sites, 64));
        }
        b.heap("recorded e and m", times(chains + s.configurationsPerTemperature(), 2 * Double.BYTES));
        if (s.sweepsBetweenSamples() == 0) {
            b.heap("pilot series", times(chains, SamplingSchedule.MAX_PILOT_SWEEPS, 2 * Double.BYTES));
        }
        return b;
    }

    /**
     * {@code rgflow critical} at its largest lattice (Java heap): neighbour table, chain spins and cluster arrays,
     * and the samples of the coarse grid (e, |m|, m^2, m^4 moments per sample) and of a refinement point (with its
     * correlator row of L values per sample).
     */
    static MemoryBudget critical(CriticalConfig c, String source) {
        long length = c.sizes().get(c.sizes().size() - 1);
        long sites = pow(length, c.dimension());
        long chains = c.sampling().numChains();
        MemoryBudget b = MemoryBudget.of(source + " (largest lattice " + length + "^" + c.dimension() + ", " + chains
                + " chains, " + c.sampling().samplesPerChain() + " samples per chain)");
        b.heap("neighbour table", times(sites, 2L * c.dimension(), Integer.BYTES));
        b.heap("chain spins and cluster arrays", times(chains, sites, 17));
        if (c.hamiltonian() instanceof LongRangeConfig) {
            b.heap("coupling tables", times(sites, 64));
        }
        b.heap("coarse-grid samples", times(c.temperatures().toArray().length, chains, c.sampling().samplesPerChain(),
                SAMPLE_BYTES));
        if (c.refinement().enabled()) {
            b.heap("refinement samples", times(chains, c.refinement().samplesPerChain(),
                    SAMPLE_BYTES + 16 + length * Double.BYTES));
        }
        return b;
    }

    /**
     * {@code rgflow train} and each search candidate: all layers' parameters, and for the largest layer its
     * gradient, updater state, CD buffers (batch + chains rows of both layers), PCD chains and CD scratch, plus the
     * batch, monitoring rows, a checkpoint's serialised copy and (train only) the shuffle buffer.
     *
     * @param numVisible the dataset's sites
     */
    static MemoryBudget train(TrainConfig c, int numVisible, String source) {
        MemoryBudget b = MemoryBudget.of(source + " (layers " + c.layers() + ", batchSize " + c.batchSize()
                + (c.persistent() ? ", " + chains(c) + " persistent chains" : "") + ", " + c.dtype() + ")");
        addTraining(b, c, numVisible, 1);
        return b.heap("shuffle buffer", SHUFFLE_BUFFER);
    }

    /** Adds {@code copies} concurrent trainings of {@code c} (a search trains {@code parallel} at once). */
    static void addTraining(MemoryBudget b, TrainConfig c, int numVisible, int copies) {
        long dtype = "double".equals(c.dtype()) ? Double.BYTES : Float.BYTES;
        List<Integer> l = c.layers();
        long params = 0;
        long largest = 0;
        long widest = 0;
        long widestPair = 0;
        for (int i = 0; i + 1 < l.size(); i++) {
            long p = MemoryBudget.plus(times(l.get(i), l.get(i + 1)), l.get(i) + l.get(i + 1));
            params = MemoryBudget.plus(params, p);
            largest = Math.max(largest, p);
            widest = Math.max(widest, Math.max(l.get(i), l.get(i + 1)));
            widestPair = Math.max(widestPair, (long) l.get(i) + l.get(i + 1));
        }
        long state = "adam".equals(c.updater()) ? 2 : "nesterovs".equals(c.updater()) ? 1 : 0;
        long chains = chains(c);
        long rows = c.batchSize() + (c.persistent() ? chains : c.batchSize());
        b.offHeap("parameters", times(copies, params, dtype));
        b.offHeap("gradient and updater state", times(copies, largest, 1 + state, dtype));
        b.offHeap("CD buffers", times(copies, rows, widestPair, 2, dtype));
        b.offHeap("batches", times(copies, c.batchSize(), numVisible + widest, dtype));
        b.heap("CD scratch", times(copies, Math.max(c.batchSize(), chains), widest, 3, Float.BYTES));
        b.heap("monitoring rows", times(copies, 2 * MONITOR_ROWS, numVisible, Double.BYTES));
        b.heap("checkpoint copy", times(copies, params, 2, dtype));
    }

    /**
     * {@code rgflow search} (RBMs): the dataset's rows as float arrays (and their stacked copy), the physics score's
     * reference rows, and {@code parallel} trainings of the largest candidate.
     */
    static MemoryBudget search(SearchConfig c, TrainConfig largest, int numVisible, long rows, boolean physics,
            String source) {
        MemoryBudget b = MemoryBudget.of(source + " (" + rows + " configurations of " + numVisible + " sites in "
                + "memory, " + c.parallel() + " candidates at once, the largest with layers " + largest.layers() + ")");
        b.offHeap("dataset rows and their stacked copy", times(rows, numVisible, 2, Float.BYTES));
        if (physics) {
            b.offHeap("physics reference rows", times(rows, numVisible, Float.BYTES));
            b.heap("physics reference rows", times(rows, numVisible, Double.BYTES));
        }
        addTraining(b, largest, numVisible, c.parallel());
        return b;
    }

    /**
     * Gibbs chains through a stack (sample-model, analyze flow): every chain's units of all layers a few times over
     * (states, probabilities, samples) off the heap, and its visible spins as doubles on the heap.
     *
     * @param heapCopies how many {@code double[chains][numVisible]} batches are held at once
     */
    static MemoryBudget chains(String what, long chains, int[] layerSizes, int heapCopies) {
        long units = 0;
        for (int s : layerSizes) {
            units += s;
        }
        return MemoryBudget.of(what)
                .offHeap("chain states, probabilities and samples", times(chains, units, 3, Double.BYTES))
                .heap("configurations", times(heapCopies, chains, layerSizes[0], Double.BYTES));
    }

    /** Configurations read from a dataset as doubles (analyses), {@code copies} batches of them at once. */
    static MemoryBudget configurations(String what, long rows, long sites, int copies) {
        return MemoryBudget.of(what).heap("configurations as doubles", times(copies, rows, sites, Double.BYTES));
    }

    private static long chains(TrainConfig c) {
        return c.persistent() && c.numPersistentChains() > 0 ? c.numPersistentChains() : c.batchSize();
    }

    private static long pow(long base, long exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p = times(p, base);
        }
        return p;
    }
}
