package org.workbench.engine.store;

import java.util.List;
import java.util.Map;

/**
 * The keys a query may name. A key without a dot is one of the run's own fields ({@link #FIELDS});
 * a key with a dot is a parameter ({@code prior.scale}, {@code task.replications}), a component's
 * provider or version ({@code prior.use}, {@code prior.version}) or a scalar result
 * ({@code results.testMse.map}).
 */
final class StoreKeys {
    /** The run's own fields: the key, its SQL column and whether it holds text (else a number or a boolean). */
    record Field(String key, String column, Class<?> type) {
    }

    static final String TAG = "tag";
    static final String NOTE = "note";

    static final Map<String, Field> FIELDS = Map.of(
            "experiment", new Field("experiment", "r.experiment", String.class),
            "run", new Field("run", "r.run_id", String.class),
            "status", new Field("status", "r.status", String.class),
            "task", new Field("task", "r.task", String.class),
            "title", new Field("title", "r.title", String.class),
            "started", new Field("started", "r.started_at", String.class),
            "duration", new Field("duration", "r.duration_ms", Double.class),
            "homework", new Field("homework", "r.homework", Boolean.class),
            TAG, new Field(TAG, null, String.class),
            NOTE, new Field(NOTE, "r.notes", String.class));

    /** The fields in the order messages list them. */
    static final List<String> FIELD_ORDER = List.of("experiment", "run", "status", "task", "title", "started",
            "duration", "homework", TAG, NOTE, "seed");

    private StoreKeys() {
    }

    /** Whether {@code key} is well formed: letters, digits, _ and -, in segments joined by dots. */
    static boolean wellFormed(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*") && key.length() <= StoreSchema.KEY_LENGTH;
    }

    static boolean isField(String key) {
        return FIELDS.containsKey(key);
    }

    /** Whether a query may name {@code key}: a field, {@code seed} (a run's or a sweep point's) or a dotted key. */
    static boolean known(String key) {
        return wellFormed(key) && (key.contains(".") || isField(key) || key.equals("seed"));
    }
}
