package org.workbench.repository;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --repo URL}: a repository for this command only, beside the configured ones. */
final class RepoOptions {
    @Option(names = "--repo", paramLabel = "URL", description = "also use this repository (a folder, file: or http(s): URL) for this command")
    List<String> repos = new ArrayList<>();
}
