package org.workbench.api.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.workbench.api.ComponentContext;

/** A {@link ComponentContext} for tests: fixed seed and base folder, peers supplied by the test. */
public final class TestContext implements ComponentContext {
    private final String role;
    private final long seed;
    private final Path base;
    private final Map<String, Object> peers = new HashMap<>();

    public TestContext(String role, long seed, Path base) {
        this.role = role;
        this.seed = seed;
        this.base = base;
    }

    /** Makes {@code component} available as {@link #peer(String, Class)} under {@code role}. */
    public TestContext withPeer(String peerRole, Object component) {
        peers.put(peerRole, component);
        return this;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path resolve(Path path) {
        return base.resolve(path);
    }

    @Override
    public <C> C peer(String peerRole, Class<C> type) {
        Object c = peers.get(peerRole);
        if (c == null) {
            throw new IllegalArgumentException("no peer in role " + peerRole);
        }
        return type.cast(c);
    }

    @Override
    public boolean hasPeer(String peerRole) {
        return peers.containsKey(peerRole);
    }
}
