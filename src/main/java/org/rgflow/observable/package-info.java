/**
 * Observables and their statistics: per-configuration energy and magnetisation series
 * ({@link org.rgflow.observable.IsingSeries}), integrated autocorrelation times
 * ({@link org.rgflow.observable.Autocorrelation}), blocked jackknife errors and the thermodynamic
 * estimates of a run ({@link org.rgflow.observable.ThermodynamicEstimates}). Pure Java; no ND4J.
 */
package org.rgflow.observable;
