package org.workbench.repository;

import java.util.List;

import org.osgi.resource.Resource;

/**
 * What an install adds to the plugins folder: each resource with the reason it is needed and the
 * repository it comes from, the requested ones first.
 */
record InstallPlan(List<Step> steps) {
    record Step(Resource resource, String reason, String repository) {
        String line() {
            return String.format("  %-44s %s  (from %s)", Identity.text(resource), reason, repository);
        }
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    List<Resource> resources() {
        return steps.stream().map(Step::resource).toList();
    }
}
