package org.workbench.executor.hazelcast;

/**
 * What a member trusts: the secret's {@link Envelope}, the nonces it has accepted, the hashes of its
 * own bundles, and where it says what it refused.
 */
record Trust(Envelope envelope, SeenNonces seen, BundleHashes hashes, TrustLog log) {
    /** No secret, the bundles of no framework, refusals on standard error. */
    static final Trust NONE = new Trust(Envelope.NONE, new SeenNonces(), pin -> java.util.Optional.empty(),
            new TrustLog(System.err));
}
