package org.workbench.engine.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.workbench.engine.run.ProgressFactory;

/**
 * One descriptor to run, as the command line, the shell and the web page ask for it alike.
 *
 * @param descriptor the descriptor file
 * @param overrides  {@code --set} and {@code --sweep} values in the order given ({@code PATH=VALUE})
 * @param maxPoints  the most points a sweep may expand to
 * @param maxDescriptorBytes the largest descriptor file read
 * @param out        the results folder
 * @param threads    threads for sweep points on this machine
 * @param timeout    the run's time limit, or {@code null} for none (a descriptor's own applies when shorter)
 * @param cluster    the executor options given beside the descriptor (they win over its {@code executor})
 * @param progress   where progress goes (a terminal, a web page's stream, nowhere)
 * @param placement  where the planned run goes: this JVM, or a child JVM ({@code --isolate})
 */
public record RunRequest(Path descriptor, List<String> overrides, long maxPoints, long maxDescriptorBytes, Path out,
        int threads, Duration timeout, ClusterOptions cluster, ProgressFactory progress, RunPlacement placement) {
    public RunRequest {
        overrides = List.copyOf(overrides);
    }

    /** This request with its progress going to {@code other}. */
    public RunRequest withProgress(ProgressFactory other) {
        return new RunRequest(descriptor, overrides, maxPoints, maxDescriptorBytes, out, threads, timeout, cluster, other,
                placement);
    }

    /** A request for a run in this JVM. */
    public RunRequest(Path descriptor, List<String> overrides, long maxPoints, long maxDescriptorBytes, Path out,
            int threads, Duration timeout, ClusterOptions cluster, ProgressFactory progress) {
        this(descriptor, overrides, maxPoints, maxDescriptorBytes, out, threads, timeout, cluster, progress, RunPlacement.HERE);
    }
}
