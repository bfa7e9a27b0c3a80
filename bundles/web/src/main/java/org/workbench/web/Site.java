package org.workbench.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.workbench.api.live.Workspace;

/**
 * What every page shares while the workbench serves: the workspace's folders, the templates, the
 * markdown renderer, the live runs and this server's random token, which state-changing requests
 * must carry so that another site open in the same browser cannot drive the local server.
 */
@Component(service = Site.class)
public final class Site {
    private final Workspace workspace;
    private final String token;
    private final Templates templates = new Templates();
    private final Markdown markdown = new Markdown();
    private final LiveRuns live = new LiveRuns();
    private final RunIndex index;

    /** The engine's run summary while it serves (docs/web.md); without it the pages read the folders. */
    @Reference(service = java.util.function.Function.class, target = "(workbench.service=run-summary)",
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile java.util.function.Function<String, String> summary;

    @Activate
    public Site(@Reference Workspace workspace) {
        this.workspace = workspace;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.token = HexFormat.of().formatHex(bytes);
        this.index = new RunIndex(workspace.results(), workspace.experiments(), () -> summary);
    }

    Workspace workspace() {
        return workspace;
    }

    String token() {
        return token;
    }

    Templates templates() {
        return templates;
    }

    Markdown markdown() {
        return markdown;
    }

    LiveRuns live() {
        return live;
    }

    RunIndex index() {
        return index;
    }

    /** Compares a request's token with this server's in constant time. */
    boolean tokenMatches(String candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
