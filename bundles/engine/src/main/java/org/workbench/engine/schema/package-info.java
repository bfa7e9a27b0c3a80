/**
 * The JSON Schema of descriptors built from the providers installed now ({@code DescriptorSchema}).
 */
package org.workbench.engine.schema;
