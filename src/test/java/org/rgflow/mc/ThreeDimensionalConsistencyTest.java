package org.rgflow.mc;

import static org.rgflow.mc.OracleAssertions.assertConsistent;
import static org.rgflow.mc.OracleAssertions.estimate;
import static org.rgflow.mc.OracleAssertions.ising;

import org.junit.jupiter.api.Test;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.observable.ThermodynamicEstimates;

/**
 * d = 3 cannot be enumerated (NN needs L &ge; 3, so N &ge; 27 &gt; 24): the rules must agree with each
 * other instead, on L = 4 (vectorised checkerboard) and L = 3 (typewriter) near T_c(3D) &asymp; 4.51.
 */
class ThreeDimensionalConsistencyTest {

    private static final long SAMPLER_SEED = 20240611L;
    private static final long REFERENCE_SEED = 987654321L;
    private static final double TEMPERATURE = 4.5;

    @Test
    void metropolisAgreesWithSwendsenWangAndWolff() {
        NearestNeighbourIsing h = ising(3, 4, 1, 0);
        ThermodynamicEstimates reference = estimate(SwendsenWangRule.of(), h, TEMPERATURE, 8, 100, 3000, REFERENCE_SEED);
        assertConsistent(estimate(MetropolisRule.of(2), h, TEMPERATURE, 8, 300, 3000, SAMPLER_SEED), reference);
        assertConsistent(estimate(WolffRule.of(), h, TEMPERATURE, 8, 100, 3000, SAMPLER_SEED), reference);
    }

    @Test
    void typewriterMetropolisAgreesWithSwendsenWang() {
        NearestNeighbourIsing h = ising(3, 3, 1, 0);
        ThermodynamicEstimates reference = estimate(SwendsenWangRule.of(), h, TEMPERATURE, 8, 100, 3000, REFERENCE_SEED);
        assertConsistent(estimate(MetropolisRule.of(), h, TEMPERATURE, 8, 300, 3000, SAMPLER_SEED), reference);
    }
}
