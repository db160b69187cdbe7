package org.rgflow.critical;

import org.rgflow.mc.ScanListener;

/** Progress of a critical-point run: one {@link ScanListener} per stage and lattice size. */
public interface CriticalListener {

    CriticalListener NONE = new CriticalListener() { };

    /**
     * A stage starts for one size ({@code "coarse"} over the grid, {@code "refine"} at one temperature).
     *
     * @return the listener for its temperatures (closed by {@link #stageFinished})
     */
    default ScanListener stageStarted(String stage, int length, int numTemperatures) {
        return ScanListener.NONE;
    }

    default void stageFinished(String stage, int length) {
    }
}
