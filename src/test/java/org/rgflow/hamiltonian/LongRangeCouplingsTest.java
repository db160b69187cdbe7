package org.rgflow.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.lattice.Lattice;

class LongRangeCouplingsTest {

    /** Largest relative difference over all &Delta; &ne; 0. */
    private static double maxRelativeDifference(double[] a, double[] b) {
        double max = 0;
        for (int k = 1; k < a.length; k++) {
            max = Math.max(max, Math.abs(a[k] / b[k] - 1));
        }
        return max;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1.0, 1.5, 3.0})
    void imageSum1dMatchesHurwitzZetaClosedForm(double sigma) {
        for (int length : new int[] {2, 5, 16}) {
            double[] table = LongRangeCouplings.imageSum(HypercubicLattice.of(1, length), sigma,
                    LongRangeCouplings.DEFAULT_SHELLS);
            assertEquals(0.0, table[0]);
            for (int delta = 1; delta < length; delta++) {
                double exact = LongRangeReference.imageSum1d(delta, length, sigma);
                assertEquals(exact, table[delta], 5e-9 * exact, "L=" + length + " delta=" + delta);
            }
        }
    }

    @Test
    void imageSum2dMatchesBruteForceSum() {
        int length = 6;
        for (double sigma : new double[] {0.5, 1.5}) {
            Lattice lattice = HypercubicLattice.of(2, length);
            double[] table = LongRangeCouplings.imageSum(lattice, sigma, LongRangeCouplings.DEFAULT_SHELLS);
            for (int[] d : new int[][] {{1, 0}, {1, 1}, {3, 0}, {3, 3}, {2, 5}}) {
                double brute = LongRangeReference.bruteForceImageSum2d(d[0], d[1], length, sigma, 100);
                double value = table[lattice.site(d[0], d[1])];
                assertEquals(brute, value, 1e-8 * brute, "sigma=" + sigma + " delta=" + d[0] + "," + d[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void imageSumConvergesInTheNumberOfShells(int dimension) {
        Lattice lattice = HypercubicLattice.of(dimension, dimension == 3 ? 4 : 8);
        double sigma = 1.5;
        double[] reference = LongRangeCouplings.imageSum(lattice, sigma, dimension == 3 ? 24 : 48);
        double previous = Double.POSITIVE_INFINITY;
        for (int shells : new int[] {1, 2, 4, LongRangeCouplings.DEFAULT_SHELLS}) {
            double error = maxRelativeDifference(LongRangeCouplings.imageSum(lattice, sigma, shells), reference);
            assertTrue(error < previous / 4, "error must drop with the shells: M=" + shells + " error=" + error);
            previous = error;
        }
        assertTrue(previous < 1e-8, "default shells error " + previous);
        assertTrue(maxRelativeDifference(LongRangeCouplings.imageSum(lattice, sigma, 1), reference) > 1e-4,
                "one shell should be visibly worse (the test would be blind otherwise)");
    }

    @Test
    void latticeSumMatchesZetaAndDirichletBeta() {
        for (double sigma : new double[] {0.5, 1.5, 3.0}) {
            assertEquals(2 * LongRangeReference.zeta(1 + sigma), LongRangeCouplings.latticeSum(1, sigma), 1e-12);
            double s = 1 + sigma / 2;
            double exact2d = 4 * LongRangeReference.zeta(s) * LongRangeReference.dirichletBeta(s);
            assertEquals(exact2d, LongRangeCouplings.latticeSum(2, sigma), 1e-11 * exact2d);
        }
        // 4 zeta(1.75) beta(1.75), evaluated with mpmath at 30 digits
        assertEquals(7.0100360361009627, LongRangeCouplings.latticeSum(2, 1.5), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void imageSummedTotalIsLatticeSumWithoutTheSelfImages(int dimension) {
        double sigma = 1.5;
        for (int length : new int[] {2, 3, 4, 7}) {
            double[] table = LongRangeCouplings.imageSum(HypercubicLattice.of(dimension, length), sigma,
                    LongRangeCouplings.DEFAULT_SHELLS);
            double total = 0;
            for (double j : table) {
                total += j;
            }
            double expected = LongRangeCouplings.latticeSum(dimension, sigma)
                    * (1 - Math.pow(length, -(dimension + sigma)));
            assertEquals(expected, total, 1e-8 * expected, "d=" + dimension + " L=" + length);
        }
    }

    @Test
    void couplingsAreSymmetricUnderReflection() {
        for (int dimension = 1; dimension <= 3; dimension++) {
            for (int length : new int[] {4, 5}) {
                Lattice lattice = HypercubicLattice.of(dimension, length);
                for (PeriodicSum convention : PeriodicSum.values()) {
                    double[] table = LongRangeCouplings.table(lattice, 0.75, convention);
                    for (int a = 0; a < lattice.numSites(); a++) {
                        int minus = lattice.displacement(a, 0); // -a
                        assertEquals(table[a], table[minus], 0.0, convention + " " + lattice + " delta=" + a);
                        assertEquals(a == 0, table[a] == 0.0);
                    }
                }
            }
        }
    }

    @Test
    void minimumImageByHandOn4x4() {
        Lattice lattice = HypercubicLattice.of(2, 4);
        double[] table = LongRangeCouplings.minimumImage(lattice, 1.5);
        double p = 3.5;
        assertEquals(1.0, table[lattice.site(1, 0)], 1e-15);
        assertEquals(1.0, table[lattice.site(0, 3)], 1e-15);
        assertEquals(Math.pow(2, -p / 2), table[lattice.site(1, 1)], 1e-15);
        assertEquals(Math.pow(2, -p / 2), table[lattice.site(3, 1)], 1e-15);
        // ties at L/2 = 2 keep a single term (not doubled)
        assertEquals(Math.pow(2, -p), table[lattice.site(2, 0)], 1e-15);
        assertEquals(Math.pow(5, -p / 2), table[lattice.site(2, 3)], 1e-15);
        assertEquals(Math.pow(8, -p / 2), table[lattice.site(2, 2)], 1e-15);
        double[] chain = LongRangeCouplings.minimumImage(HypercubicLattice.of(1, 5), 0.5);
        assertEquals(1.0, chain[1], 1e-15);
        assertEquals(Math.pow(2, -1.5), chain[2], 1e-15);
        assertEquals(Math.pow(2, -1.5), chain[3], 1e-15);
        assertEquals(1.0, chain[4], 1e-15);
    }

    @Test
    void rejectsInvalidArguments() {
        Lattice lattice = HypercubicLattice.of(2, 4);
        assertThrows(IllegalArgumentException.class, () -> LongRangeCouplings.imageSum(lattice, 0.0, 4));
        assertThrows(IllegalArgumentException.class, () -> LongRangeCouplings.imageSum(lattice, Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> LongRangeCouplings.imageSum(lattice, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> LongRangeCouplings.latticeSum(4, 1.5));
        assertEquals(PeriodicSum.MINIMUM_IMAGE, PeriodicSum.of("minimum-image"));
        assertEquals(PeriodicSum.IMAGE_SUM, PeriodicSum.of("IMAGE_SUM"));
        assertThrows(IllegalArgumentException.class, () -> PeriodicSum.of("ewald"));
    }
}
