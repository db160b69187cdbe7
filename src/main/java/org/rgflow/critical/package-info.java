/**
 * Critical temperature and scaling dimensions from Monte Carlo: {@link org.rgflow.critical.CriticalRunner}
 * samples each (L, T), finds Binder-cumulant crossings (coarse grid, then single-histogram reweighting),
 * and fits G(r), the energy correlator, &lang;m&sup2;&rang;(L) and dU4/dT(L) at T_c;
 * {@link org.rgflow.critical.CriticalReport} writes the CSV tables and PNG figures.
 * Uses lattice, hamiltonian, mc, observable, plot and provenance; never config or cli.
 */
package org.rgflow.critical;
