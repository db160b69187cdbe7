package org.rgflow.critical;

import org.rgflow.mc.TemperatureResult;
import org.rgflow.observable.ReweightedSeries;

/**
 * The per-sample time series of one run at lattice size L and temperature T, ready for reweighting.
 *
 * <p>Columns of {@link #binder()} per sample (m = M/N, e = E/N): {@value #ABS_M} |m|,
 * {@value #M2} m&sup2;, {@value #M4} m&#8308;, {@value #E} e, {@value #E2} e&sup2;, {@value #M2E} m&sup2;e,
 * {@value #M4E} m&#8308;e. {@link #correlators()} is null or holds per sample G(r) for r = 0..L/2, then
 * C_&epsilon;&epsilon;(r) for r = 0..L/2, then &epsilon;&#772; (see {@link org.rgflow.lattice.AxisCorrelations}).
 *
 * @param length L
 * @param numSites N
 * @param temperature T of the simulation
 * @param binder reweightable series of the magnetisation and energy moments
 * @param correlators reweightable correlator series, or null
 * @param summary the direct (not reweighted) estimates and run diagnostics, as in a temperature scan
 */
public record PointSamples(int length, int numSites, double temperature, ReweightedSeries binder,
        ReweightedSeries correlators, TemperatureResult summary) {

    public static final int ABS_M = 0;
    public static final int M2 = 1;
    public static final int M4 = 2;
    public static final int E = 3;
    public static final int E2 = 4;
    public static final int M2E = 5;
    public static final int M4E = 6;
    /** Number of binder columns. */
    public static final int BINDER_WIDTH = 7;

    /** Distances r = 0..L/2 in each correlator block. */
    public int numDistances() {
        return length / 2 + 1;
    }
}
