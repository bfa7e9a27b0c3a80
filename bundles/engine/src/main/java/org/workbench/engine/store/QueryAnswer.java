package org.workbench.engine.store;

import java.util.List;

/**
 * @param total how many rows match (all pages)
 * @param rows  the rows of the page asked for
 */
public record QueryAnswer(int total, List<RunRow> rows) {
}
