package org.rgflow.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the results table.
 *
 * @param index      candidate number
 * @param parameters name -> value as text ({@code String.valueOf}; doubles round-trip exactly)
 * @param score      the score, NaN when failed
 * @param seconds    wall time of training and scoring
 * @param status     OK or FAILED
 * @param error      reason of a failure ("" when OK)
 */
public record CandidateRecord(int index, Map<String, String> parameters, double score, double seconds, Status status,
        String error) {

    /** Outcome of a candidate. */
    public enum Status { OK, FAILED }

    public CandidateRecord {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        error = error == null ? "" : error.replaceAll("[\\r\\n]+", " ");
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** Parameter values as text, in order. */
    public static Map<String, String> text(Map<String, Object> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
