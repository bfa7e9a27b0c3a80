package org.workbench.engine.catalog;

/**
 * Where a provider's bundle comes from: the distribution's own bundles, checked against the
 * build's record of them ({@link BuiltInBundles}), or anywhere else (the plugins folder, an upload,
 * the shell's {@code install}), which is third-party code.
 *
 * @param builtIn  whether the bundle is one of the distribution's, with the SHA-256 the build recorded
 * @param location where its jar is: a path relative to the distribution for a built-in, else the
 *                 jar's path (or the framework's location when it is not a file)
 * @param sha256   the jar's SHA-256 ("" when it cannot be read)
 * @param why      for a provider that is not built in, why ("from the plugins folder", "its jar's
 *                 SHA-256 is not the one the build recorded"); "" for a built-in
 */
public record Origin(boolean builtIn, String location, String sha256, String why) {

    /** The origin of providers outside a framework (tests, programmatic lists): counted as built in, unchecked. */
    public static final Origin UNCHECKED = new Origin(true, "", "", "");

    static Origin builtIn(String location, String sha256) {
        return new Origin(true, location, sha256, "");
    }

    static Origin thirdParty(String location, String sha256, String why) {
        return new Origin(false, location, sha256, why);
    }
}
