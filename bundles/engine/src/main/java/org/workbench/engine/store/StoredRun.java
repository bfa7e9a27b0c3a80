package org.workbench.engine.store;

import java.util.List;

/**
 * What the store keeps of one result folder, read from it by {@link ResultFolderReader}.
 *
 * @param key        {@code experiment/run-id}, unique across the folders a store indexes
 * @param folder     the run folder's absolute path
 * @param homework   whether it ran a descriptor under {@code experiments/} without overrides
 * @param signature  the folder's modification times and size, compared at each sync
 * @param points     the number of sweep points (0 for a run without a sweep)
 * @param labels     for a sweep, each point's settings ({@code prior.scale=0.5}), in point order
 * @param values     every parameter and scalar result
 */
record StoredRun(String key, String folder, String experiment, String runId, String status, String task, String title,
        String startedAt, Double durationMs, boolean homework, String overrides, List<String> tags, String notes,
        String signature, int points, List<String> labels, List<Value> values) {

    /**
     * One parameter or scalar result: a number in {@code num} or a text (also true and false) in {@code txt}.
     *
     * @param point 0 for the whole run, i for the i-th sweep point
     */
    record Value(int point, String key, Double num, String txt) {
    }
}
