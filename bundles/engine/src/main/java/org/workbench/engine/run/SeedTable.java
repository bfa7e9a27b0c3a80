package org.workbench.engine.run;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A point's seeds by label, read-only, in the order they were given, held as an array of the labels
 * (interned: every point has the same few) and a {@code long[]}: about 100 bytes a point where a
 * {@code LinkedHashMap} of boxed seeds takes 400, which a sweep of 100,000 points holds until its
 * {@code result.json} is written.
 */
final class SeedTable extends AbstractMap<String, Long> {
    private final String[] labels;
    private final long[] seeds;

    private SeedTable(String[] labels, long[] seeds) {
        this.labels = labels;
        this.seeds = seeds;
    }

    /** The seeds of {@code seeds}, in its order. */
    static SeedTable of(Map<String, Long> seeds) {
        if (seeds instanceof SeedTable table) {
            return table;
        }
        String[] labels = new String[seeds.size()];
        long[] values = new long[seeds.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : seeds.entrySet()) {
            labels[i] = e.getKey().intern();
            values[i++] = e.getValue();
        }
        return new SeedTable(labels, values);
    }

    @Override
    public Long get(Object key) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(key)) {
                return seeds[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < labels.length;
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        if (next >= labels.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(labels[i], seeds[i]);
                    }
                };
            }

            @Override
            public int size() {
                return labels.length;
            }
        };
    }
}
