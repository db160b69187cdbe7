package org.rgflow.search;

import java.util.List;
import org.apache.commons.math3.distribution.RealDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/**
 * Arbiter leaves with identity equality. Arbiter de-duplicates leaves by {@code equals} before numbering them
 * ({@code LeafUtils.getUniqueObjects}), so two equal ranges (say numHidden and epochs, both 2..8) would share one
 * value; these subclasses keep every dimension independent while staying {@code instanceof} the classes the grid
 * generator recognises.
 */
final class UniqueLeaves {

    private UniqueLeaves() {
    }

    static final class Integers extends IntegerParameterSpace {
        private static final long serialVersionUID = 1L;

        Integers(int min, int max) {
            super(min, max);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    static final class Continuous extends ContinuousParameterSpace {
        private static final long serialVersionUID = 1L;

        Continuous(double min, double max) {
            super(min, max);
        }

        Continuous(RealDistribution distribution) {
            super(distribution);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    static final class Discrete<T> extends DiscreteParameterSpace<T> {
        private static final long serialVersionUID = 1L;

        Discrete(List<T> values) {
            super(values);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
