/**
 * Observables and their statistics: per-configuration energy and magnetisation series
 * ({@link org.rgflow.observable.IsingSeries}), integrated autocorrelation times
 * ({@link org.rgflow.observable.Autocorrelation}), blocked jackknife errors and the thermodynamic
 * estimates of a run ({@link org.rgflow.observable.ThermodynamicEstimates}), weighted least-squares fits
 * ({@link org.rgflow.observable.LinearFit}, {@link org.rgflow.observable.PowerLawFit}), crossings of tabulated
 * curves and single-histogram reweighting. Pure Java; no ND4J.
 */
package org.rgflow.observable;
