package org.workbench.engine.run;

import java.util.Map;

import com.google.gson.JsonObject;

/**
 * What the execution of a plan adds to its {@code result.json}: where the points ran
 * ({@code provenance.executor}) and which points failed, with why (they make the run partial and are
 * listed under {@code missing}).
 *
 * @param executor the executor's provenance ({@code kind}, and the member of each point on a cluster), or
 *                 {@code null} to leave it out
 * @param failures the reason of each failed point, by point index
 */
record ExecutionRecord(JsonObject executor, Map<Integer, String> failures) {
    static final ExecutionRecord NONE = new ExecutionRecord(null, Map.of());

    ExecutionRecord {
        failures = Map.copyOf(failures);
    }
}
