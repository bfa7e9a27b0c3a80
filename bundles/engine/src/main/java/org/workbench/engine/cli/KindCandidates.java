package org.workbench.engine.cli;

import java.util.Iterator;

import org.workbench.api.Kinds;

/** Completion candidates and the valid values of {@code list KIND}. */
final class KindCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Kinds.ALL.iterator();
    }
}
