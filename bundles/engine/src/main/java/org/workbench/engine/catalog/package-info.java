/**
 * Finding providers: the OSGi service registry's providers by kind, name and version range
 * ({@code ProviderResolver}, {@code TrackedProviders}), their declared parameters, the distribution's
 * and the plugins folder's bundles and jars, and the bundles started on demand (cluster, web). Depends
 * only on {@code input} (its errors and suggestions); private to the engine bundle, like every package here.
 */
package org.workbench.engine.catalog;
