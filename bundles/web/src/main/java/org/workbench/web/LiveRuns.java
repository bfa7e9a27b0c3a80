package org.workbench.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs started from the pages since the server started, by id. */
final class LiveRuns {
    private final Map<String, LiveRun> runs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    synchronized LiveRun create(String experiment, List<String> overrides) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        LiveRun run = new LiveRun(HexFormat.of().formatHex(b), experiment, overrides);
        runs.put(run.id(), run);
        return run;
    }

    synchronized LiveRun get(String id) {
        return id == null ? null : runs.get(id);
    }

    synchronized List<LiveRun> all() {
        return new ArrayList<>(runs.values());
    }
}
