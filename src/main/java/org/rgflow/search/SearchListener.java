package org.rgflow.search;

/** Receives each finished candidate (on the runner's thread, in candidate order). */
@FunctionalInterface
public interface SearchListener {

    /**
     * @param record    the candidate just recorded (or replayed from the table on resume)
     * @param done      candidates recorded so far
     * @param total     planned candidates (budget, or the grid size if smaller)
     * @param best      best score so far, NaN if none succeeded
     * @param etaSeconds estimated seconds left (NaN if unknown)
     */
    void onCandidate(CandidateRecord record, int done, int total, double best, double etaSeconds);

    SearchListener NONE = (r, d, t, b, e) -> { };
}
