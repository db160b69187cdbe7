package org.rgflow.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rgflow.observable.Estimate;
import org.rgflow.provenance.AtomicFiles;

/**
 * A flow measured step by step: for an RBM flow, step s is after s full v&rarr;h&rarr;v steps; for a stacked
 * flow, step s is up to level s and back down; for block RG, after s block steps. Each step holds the pooled
 * observables of the n configurations at that step.
 *
 * @param name  a label ("rbm-sampled-sampled", "block-majority-b2", ...)
 * @param steps in order, step 0 = the start
 */
public record Flow(String name, List<Step> steps) {

    /**
     * @param step        index (0 = start)
     * @param length      linear size L of the lattice the observables were measured on
     * @param observables pooled estimates at this step
     */
    public record Step(int step, int length, ObservableSummary observables) {
    }

    public Flow {
        steps = List.copyOf(steps);
    }

    /** Header {@code flow,step,L,<ObservableSummary.CSV_COLUMNS>}. */
    public static String csvHeader() {
        return "flow,step,L," + String.join(",", ObservableSummary.CSV_COLUMNS);
    }

    /** The table, header plus one row per step, '\n' line ends. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(csvHeader()).append('\n');
        for (Step s : steps) {
            sb.append(name).append(',').append(s.step()).append(',').append(s.length()).append(',')
                    .append(s.observables().csvValues()).append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #toCsv()} atomically (temporary file, fsync, rename). */
    public void writeCsv(Path target) throws IOException {
        AtomicFiles.write(target, toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** One observable along the flow, e.g. {@code flow.series(ObservableSummary::absMagnetization)}. */
    public Estimate[] series(java.util.function.Function<ObservableSummary, Estimate> observable) {
        return steps.stream().map(s -> observable.apply(s.observables())).toArray(Estimate[]::new);
    }
}
