package org.workbench.engine.catalog;

/**
 * Bundles of the distribution that only some commands need, started when one of them runs: the
 * cluster executor ({@value #CLUSTER}: Hazelcast, 21 MB, whose manifest alone takes the framework
 * longer to read than most bundles take to start) for {@code worker}, a run with a cluster
 * executor and the catalogue commands; the web bundles for {@code serve} and {@code report}
 * ({@code WebBundles}). Every other command starts without them.
 */
@FunctionalInterface
public interface OnDemandBundles {
    /** The distribution's folder of the cluster executor and its library. */
    String CLUSTER = "cluster";

    /** The distribution's folder of the run store's JDBC drivers (H2, PostgreSQL), for {@code runs}, {@code tag}, {@code note} and runs into a results folder that keeps a store. */
    String STORE = "store";

    /** Nothing on demand: commands outside a framework (tests). */
    OnDemandBundles NONE = folder -> null;

    /**
     * Starts (once) the bundles of the distribution's folder {@code folder}.
     *
     * @return {@code null} when they run, else why they do not (no such folder, a bundle that did not start)
     */
    String start(String folder);

    /**
     * The jars of the distribution's folder {@code folder}, sorted, without installing or starting
     * them (their declarations can be read from the files); none when there is no such folder.
     */
    default java.util.List<java.nio.file.Path> jars(String folder) {
        return java.util.List.of();
    }
}
