package org.rgflow.critical;

import org.rgflow.observable.Estimate;
import org.rgflow.observable.PeriodicPowerLawFit;
import org.rgflow.observable.ReweightedSeries;

/**
 * Observables of one lattice size reweighted to the estimated T_c, with jackknife errors.
 *
 * @param length L
 * @param temperature the T_c they are evaluated at
 * @param simulatedTemperature T of the run that was reweighted
 * @param effectiveFraction Kish effective sample fraction of the reweighting (1 = no reweighting)
 * @param magnetisation2 &lang;m&sup2;&rang;
 * @param binder U4
 * @param binderSlope dU4/dT
 * @param spinCorrelator G(r), r = 0..L/2 (null without correlators)
 * @param spinCorrelatorError its errors
 * @param energyCorrelator connected &lang;&epsilon;_0 &epsilon;_r&rang; - &lang;&epsilon;&#772;&rang;&sup2;, r = 0..L/2
 * @param energyCorrelatorError its errors
 * @param spinFit fit of G(r) by A[r^-p + (L-r)^-p]; p = 2&Delta;_&sigma;
 * @param spinExponent p with its jackknife error
 * @param energyFit the same fit of the connected energy correlator; p = 2&Delta;_&epsilon;
 * @param energyExponent p with its jackknife error
 */
public record SizeAtCriticality(int length, double temperature, double simulatedTemperature,
        double effectiveFraction, Estimate magnetisation2, Estimate binder, Estimate binderSlope,
        double[] spinCorrelator, double[] spinCorrelatorError, double[] energyCorrelator,
        double[] energyCorrelatorError, PeriodicPowerLawFit spinFit, Estimate spinExponent,
        PeriodicPowerLawFit energyFit, Estimate energyExponent) {

    static SizeAtCriticality measure(PointSamples p, double tc, CriticalOptions options) {
        double beta = 1 / tc;
        ReweightedSeries b = p.binder();
        double[][] jm = b.jackknifeMeans(beta);
        double tau = b.blockLength() / 4.0;
        Estimate m2 = ReweightedSeries.estimate(jm, x -> x[PointSamples.M2], tau, b.samplesUsed());
        Estimate u4 = ReweightedSeries.estimate(jm, BinderObservables::binder, tau, b.samplesUsed());
        Estimate slope = ReweightedSeries.estimate(jm, x -> BinderObservables.binderSlope(x, p.numSites(), tc), tau,
                b.samplesUsed());
        double eff = b.effectiveFraction(beta);
        if (p.correlators() == null) {
            return new SizeAtCriticality(p.length(), tc, p.temperature(), eff, m2, u4, slope, null, null, null, null,
                    null, null, null, null);
        }
        ReweightedSeries c = p.correlators();
        double[][] cm = c.jackknifeMeans(beta);
        int w = p.numDistances();
        int rows = cm.length;
        double[][] spin = new double[rows][w];
        double[][] energy = new double[rows][w];
        for (int k = 0; k < rows; k++) {
            double mean = cm[k][2 * w];
            for (int r = 0; r < w; r++) {
                spin[k][r] = cm[k][r];
                energy[k][r] = cm[k][w + r] - mean * mean;
            }
        }
        double[] spinErr = columnErrors(spin);
        double[] energyErr = columnErrors(energy);
        int rMin = options.correlatorMinDistance();
        int rMax = options.correlatorMaxDistance(p.length());
        double length = p.length();
        PeriodicPowerLawFit spinFit = PeriodicPowerLawFit.of(spin[0], spinErr, length, rMin, rMax);
        PeriodicPowerLawFit energyFit = PeriodicPowerLawFit.of(energy[0], energyErr, length, rMin, rMax);
        double[] spinLoo = new double[rows - 1];
        double[] energyLoo = new double[rows - 1];
        for (int k = 1; k < rows; k++) {
            spinLoo[k - 1] = PeriodicPowerLawFit.of(spin[k], spinErr, length, rMin, rMax).exponent();
            energyLoo[k - 1] = PeriodicPowerLawFit.of(energy[k], energyErr, length, rMin, rMax).exponent();
        }
        Estimate spinExp = new Estimate(spinFit.exponent(), ReweightedSeries.jackknifeError(spinLoo), tau,
                c.samplesUsed());
        Estimate energyExp = new Estimate(energyFit.exponent(), ReweightedSeries.jackknifeError(energyLoo), tau,
                c.samplesUsed());
        return new SizeAtCriticality(p.length(), tc, p.temperature(), eff, m2, u4, slope, spin[0], spinErr,
                energy[0], energyErr, spinFit, spinExp, energyFit, energyExp);
    }

    /** Jackknife error of each column from rows [0 = full, 1.. = leave-one-out]. */
    private static double[] columnErrors(double[][] rows) {
        int w = rows[0].length;
        double[] err = new double[w];
        double[] loo = new double[rows.length - 1];
        for (int r = 0; r < w; r++) {
            for (int k = 1; k < rows.length; k++) {
                loo[k - 1] = rows[k][r];
            }
            err[r] = ReweightedSeries.jackknifeError(loo);
        }
        return err;
    }
}
