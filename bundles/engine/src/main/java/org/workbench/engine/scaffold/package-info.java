/**
 * {@code new-plugin}: a plugin project of a given kind generated from templates ({@code Scaffold},
 * {@code PluginSpec}). Uses no other engine package.
 */
package org.workbench.engine.scaffold;
