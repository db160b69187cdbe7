package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * Update rules by their config names, and the {@code auto} choice: the rule that gives the most
 * independent samples per second (docs/benchmarks.md): Wolff for the nearest-neighbour model and the
 * Fukui&ndash;Todo cluster rule for the long-range model at zero field; Metropolis otherwise.
 */
public final class UpdateRules {

    /** Every rule name accepted by {@link #create}. */
    public static final String[] NAMES = {"auto", "metropolis", "metropolis-nd4j", "wolff", "swendsen-wang",
        "lr-cluster", "lr-metropolis"};

    private UpdateRules() {
    }

    /**
     * @param name a rule name from {@link #NAMES}
     * @param threads CPU threads for rules that parallelise over chains (0 = all processors)
     * @throws IllegalArgumentException for unknown names or a rule that cannot sample {@code h}
     */
    public static UpdateRule create(String name, Hamiltonian h, int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        UpdateRule rule = switch (name) {
            case "auto" -> auto(h, n);
            case "metropolis" -> MetropolisRule.of(n);
            case "metropolis-nd4j" -> TensorMetropolisRule.of(threads > 0 ? threads : 2); // fixed default: results depend on it
            case "wolff" -> WolffRule.of();
            case "swendsen-wang" -> SwendsenWangRule.of();
            case "lr-cluster" -> LongRangeClusterRule.of();
            case "lr-metropolis" -> LongRangeMetropolisRule.of();
            default -> throw new IllegalArgumentException("sampler.rule: unknown rule '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
        if (!rule.supports(h)) {
            throw new IllegalArgumentException("sampler.rule: '" + name + "' cannot sample " + h + "; use "
                    + (h instanceof LongRangeIsing ? "lr-cluster (zero field) or lr-metropolis"
                            : "wolff or swendsen-wang (zero field), metropolis or metropolis-nd4j")
                    + ", or auto");
        }
        return rule;
    }

    private static UpdateRule auto(Hamiltonian h, int threads) {
        boolean zeroField = h.field() == 0;
        if (h instanceof NearestNeighbourIsing) {
            return zeroField ? WolffRule.of() : MetropolisRule.of(threads);
        }
        return zeroField ? LongRangeClusterRule.of() : LongRangeMetropolisRule.of();
    }
}
