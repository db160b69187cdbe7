package org.rgflow.search;

import java.time.Duration;

/**
 * When a search stops: after {@code maxCandidates} candidates (finished or failed), or when {@code maxTime} has
 * elapsed (checked before each batch is launched; running candidates finish). A grid also stops when exhausted.
 * A time budget makes the set of candidates depend on speed, so only a candidate budget resumes reproducibly.
 *
 * @param maxCandidates &ge; 1
 * @param maxTime       wall time, or null for none
 */
public record Budget(int maxCandidates, Duration maxTime) {

    public Budget {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be >= 1, got " + maxCandidates);
        }
        if (maxTime != null && (maxTime.isNegative() || maxTime.isZero())) {
            throw new IllegalArgumentException("maxTime must be positive, got " + maxTime);
        }
    }

    public static Budget candidates(int n) {
        return new Budget(n, null);
    }
}
