package org.rgflow.train;

/**
 * Metrics of one training epoch of one layer, on the monitoring rows ({@link TrainingOptions#monitorExamples()}).
 * NaN when not computed (no held-out data; exact likelihood too expensive).
 *
 * @param layer                 layer index in the stack
 * @param epoch                 1-based epoch just finished
 * @param epochs                epochs planned for this layer
 * @param reconstructionError   mean-field reconstruction error per spin (training rows)
 * @param pseudoLogLikelihood   per-spin pseudo-log-likelihood (training rows; exact over all sites when
 *                              n_v &le; 64, else one random site per row with a seeded generator)
 * @param freeEnergyTrain       mean F(v) on training rows
 * @param freeEnergyHeldOut     mean F(v) on held-out rows
 * @param logLikelihoodTrain    exact mean log-likelihood (training rows)
 * @param logLikelihoodHeldOut  exact mean log-likelihood (held-out rows)
 * @param seconds               wall time of the epoch (training steps only)
 */
public record EpochMetrics(int layer, int epoch, int epochs, double reconstructionError, double pseudoLogLikelihood,
        double freeEnergyTrain, double freeEnergyHeldOut, double logLikelihoodTrain, double logLikelihoodHeldOut,
        double seconds) {

    /** CSV column names, in {@link #csvRow()} order. */
    public static final String CSV_HEADER = "layer,epoch,reconstruction_error,pseudo_log_likelihood_per_spin,"
            + "free_energy_train,free_energy_held_out,free_energy_gap,log_likelihood_train,log_likelihood_held_out,seconds";

    /** Held-out minus training mean free energy (grows with overfitting). */
    public double freeEnergyGap() {
        return freeEnergyHeldOut - freeEnergyTrain;
    }

    /** One CSV row (no newline), {@code Double.toString} numbers. */
    public String csvRow() {
        return layer + "," + epoch + "," + reconstructionError + "," + pseudoLogLikelihood + "," + freeEnergyTrain
                + "," + freeEnergyHeldOut + "," + freeEnergyGap() + "," + logLikelihoodTrain + ","
                + logLikelihoodHeldOut + "," + seconds;
    }
}
