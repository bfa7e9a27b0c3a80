package org.workbench.engine.cli;

import java.util.Iterator;

import org.workbench.engine.scaffold.Scaffold;

/** The kinds {@code new-plugin} has a template for. */
final class ScaffoldKinds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Scaffold.KINDS.keySet().iterator();
    }
}
