package org.workbench.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.workbench.engine.service.ClusterOptions;

/**
 * The command-line options of executors, workers and resumes as picocli reads them, for {@code run},
 * {@code all} and {@code worker}: {@code --executor NAME}, {@code --join HOST:PORT,...}, {@code --cluster NAME},
 * {@code --port N}, {@code --interface ADDRESS}, {@code --slots N}, {@code --resume}, {@code --no-fetch}.
 */
final class ClusterFlags {
    @picocli.CommandLine.Option(names = "--executor", paramLabel = "NAME",
            description = "Where points run: local (default) or hazelcast (with --cluster, --join).")
    String executor;

    @picocli.CommandLine.Option(names = "--join", paramLabel = "HOST:PORT,...", description = "Cluster members to join.")
    String join;

    @picocli.CommandLine.Option(names = "--cluster", paramLabel = "NAME", description = "The cluster's name.")
    String cluster;

    @picocli.CommandLine.Option(names = "--port", paramLabel = "N", description = "This member's cluster port.")
    String port;

    @picocli.CommandLine.Option(names = "--interface", paramLabel = "ADDRESS", description = "The address to bind (loopback by default).")
    String networkInterface;

    @picocli.CommandLine.Option(names = "--slots", paramLabel = "N", description = "Units this member runs at once.")
    String slots;

    @picocli.CommandLine.Option(names = "--no-fetch", description = "Do not fetch pinned bundles a member lacks.")
    boolean noFetch;

    @picocli.CommandLine.Option(names = "--resume", description = "Finish the interrupted or partial run of the same descriptor.")
    boolean resume;

    ClusterOptions options() {
        Map<String, String> with = new LinkedHashMap<>();
        put(with, "join", join);
        put(with, "cluster", cluster);
        put(with, "port", port);
        put(with, "interface", networkInterface);
        put(with, "slots", slots);
        if (noFetch) {
            with.put("fetch", "false");
        }
        return new ClusterOptions(executor, Map.copyOf(with), resume);
    }

    private static void put(Map<String, String> with, String key, String value) {
        if (value != null) {
            with.put(key, value);
        }
    }
}
