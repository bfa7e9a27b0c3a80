/**
 * The command line: picocli commands ({@code run}, {@code validate}, {@code list}, {@code describe},
 * {@code serve}, {@code worker}, ...) registered by {@code WorkbenchService} for the launcher and the
 * Gogo shell, their options, and the terminal's progress line. The top of the engine: it may use every
 * other package, and none uses it.
 */
package org.workbench.engine.cli;
