/**
 * The live side of {@code serve}: the workspace the web bundle drives through {@code org.workbench.api.live}
 * (starting runs with overrides, observing their progress, cancelling them) and starting the web bundles.
 */
package org.workbench.engine.serve;
