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
 * @param out        the results folder
 * @param threads    threads for sweep points on this machine
 * @param timeout    the run's time limit, or {@code null} for none (a descriptor's own applies when shorter)
 * @param cluster    the executor options given beside the descriptor (they win over its {@code executor})
 * @param progress   where progress goes (a terminal, a web page's stream, nowhere)
 */
public record RunRequest(Path descriptor, List<String> overrides, long maxPoints, Path out, int threads, Duration timeout,
        ClusterOptions cluster, ProgressFactory progress) {
    public RunRequest {
        overrides = List.copyOf(overrides);
    }
}
