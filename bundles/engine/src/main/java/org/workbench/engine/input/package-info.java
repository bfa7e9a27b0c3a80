/**
 * Input checking shared by every layer: {@code InvalidInputException} (exit 2, naming the file and
 * JSON path), parameter binding and number rules, did-you-mean suggestions and the escaping of user
 * text in messages. The bottom of the engine: it uses no other engine package.
 */
package org.workbench.engine.input;
