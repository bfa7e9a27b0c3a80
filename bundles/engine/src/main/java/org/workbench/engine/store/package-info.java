/**
 * The run store: an index of every result folder (experiment, run id, status, times, homework or ad
 * hoc, overrides, parameters, scalar results, component versions, tags, notes) in a database reached
 * through JDBC only, so that the same code serves the embedded H2 file in the results folder and a
 * team's PostgreSQL server. The folders stay the record: the index is a cache brought up to date by
 * comparing folders with it ({@code StoreSync}) and rebuilt from them by {@code runs --reindex}.
 * Queries are written in a small expression language ({@code WhereParser}) that becomes
 * parameterised SQL ({@code WhereSql}). Uses {@code input} for invalid-input reports.
 */
package org.workbench.engine.store;
