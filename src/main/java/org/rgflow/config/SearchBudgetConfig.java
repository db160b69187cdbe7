package org.rgflow.config;

/**
 * @param maxCandidates candidates to run, failed ones included (default 20; a grid stops earlier when exhausted)
 * @param maxMinutes    wall-time limit in minutes, or absent for none (a time limit makes resume depend on speed)
 */
public record SearchBudgetConfig(Integer maxCandidates, Double maxMinutes) {

    public SearchBudgetConfig {
        maxCandidates = Checks.inRange("budget.maxCandidates", maxCandidates == null ? 20 : maxCandidates, 1,
                1_000_000);
        if (maxMinutes != null) {
            Checks.positive("budget.maxMinutes", maxMinutes);
        }
    }
}
