/**
 * Analyses of configurations and trained RBMs as renormalization-group maps: lattice observables of batches
 * ({@link org.rgflow.analysis.LatticeObservables}), block-spin RG ({@link org.rgflow.analysis.BlockSpinRg}), RBM and
 * stacked-RBM flows ({@link org.rgflow.analysis.RbmFlow}, {@link org.rgflow.analysis.Flow}), visible&ndash;hidden
 * correlators ({@link org.rgflow.analysis.Correlators}, {@link org.rgflow.analysis.CorrelatorMaps}) and weight
 * spectra and receptive-field sizes ({@link org.rgflow.analysis.WeightAnalysis}). Configurations are
 * {@code double[n][numSites]} rows in the &plusmn;1 encoding (row-major sites as in {@code lattice}).
 * Uses lattice, observable, rbm, plot, provenance; never config, cli, train or search.
 */
package org.rgflow.analysis;
