package org.rgflow.mc;

/** Progress of a temperature scan, e.g. for a progress bar. Called on the scanning thread. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() { };

    /** A temperature starts; {@code totalSweeps} is an estimate (the pilot length is adaptive). */
    default void temperatureStarted(int index, double temperature, long totalSweeps) {
    }

    /** {@code sweeps} more sweeps are done at the current temperature. */
    default void sweepsDone(long sweeps) {
    }

    default void temperatureFinished(TemperatureResult result) {
    }
}
