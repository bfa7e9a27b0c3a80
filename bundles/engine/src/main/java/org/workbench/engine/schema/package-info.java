/**
 * The published JSON Schemas: of descriptors, built from the providers installed now
 * ({@code DescriptorSchema}), and of {@code result.json}, fixed by the engine ({@code ResultSchema}).
 */
package org.workbench.engine.schema;
