package org.workbench.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's results: a tree of named values addressed by dotted paths such as
 * {@code posterior.mean}. Leaves are finite numbers, integers, strings, booleans, vectors,
 * matrices, lists of sub-trees, or {@code null} with a reason beside it (key {@code <name>Reason}).
 * A non-finite number is never stored: it becomes {@code null} with the reason, so that
 * {@code result.json} stays valid JSON for every reader. Not thread-safe: one task run owns one tree.
 */
public final class ResultTree {
    /** Suffix of the key that holds the reason for an undefined value. */
    public static final String REASON_SUFFIX = "Reason";

    private final Map<String, Object> root = new LinkedHashMap<>();

    public ResultTree put(String path, double value) {
        if (!Double.isFinite(value)) {
            return undefined(path, "the value is " + value);
        }
        return set(path, value);
    }

    public ResultTree put(String path, long value) {
        return set(path, value);
    }

    public ResultTree put(String path, String value) {
        return set(path, value);
    }

    public ResultTree put(String path, boolean value) {
        return set(path, value);
    }

    /** A vector, copied. */
    public ResultTree put(String path, double[] value) {
        for (double v : value) {
            if (!Double.isFinite(v)) {
                return undefined(path, "the vector has a non-finite element (" + v + ")");
            }
        }
        return set(path, value.clone());
    }

    /** A matrix as an array of rows, copied. */
    public ResultTree put(String path, double[][] value) {
        double[][] copy = new double[value.length][];
        for (int i = 0; i < value.length; i++) {
            for (double v : value[i]) {
                if (!Double.isFinite(v)) {
                    return undefined(path, "the matrix has a non-finite element (" + v + ")");
                }
            }
            copy[i] = value[i].clone();
        }
        return set(path, copy);
    }

    /** A list of strings or integers, copied. */
    public ResultTree putList(String path, List<?> values) {
        return set(path, List.copyOf(values));
    }

    /** A sub-tree, e.g. the per-coordinate diagnostics. */
    public ResultTree put(String path, ResultTree subtree) {
        return set(path, subtree);
    }

    /** Appends a sub-tree to the list at {@code path} (creating it), e.g. one entry of {@code epochs}. */
    @SuppressWarnings("unchecked")
    public ResultTree append(String path, ResultTree item) {
        Object existing = get(path);
        List<ResultTree> list;
        if (existing instanceof List<?> l) {
            list = (List<ResultTree>) l;
        } else if (existing == null) {
            list = new ArrayList<>();
            set(path, list);
        } else {
            throw new IllegalStateException("'" + path + "' already holds a value that is not a list");
        }
        list.add(item);
        return this;
    }

    /** Records that the value at {@code path} is undefined, and why (e.g. "the sum of the data is 0"). */
    public ResultTree undefined(String path, String reason) {
        set(path, null);
        return set(path + REASON_SUFFIX, reason);
    }

    /** The value at a dotted path, or {@code null} when absent or undefined. */
    public Object get(String path) {
        Map<String, Object> node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (child instanceof ResultTree t) {
                node = t.root;
            } else {
                return null;
            }
        }
        return node.get(parts[parts.length - 1]);
    }

    /** Whether the path holds a key (its value may be {@code null}, i.e. undefined). */
    public boolean contains(String path) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? this : get(path.substring(0, dot));
        return parent instanceof ResultTree t && t.root.containsKey(path.substring(dot + 1));
    }

    /** The number at a dotted path, or {@code null} when absent, undefined or not a number. */
    public Double number(String path) {
        return get(path) instanceof Number n ? n.doubleValue() : null;
    }

    /** The top-level entries in insertion order; values are leaves, lists or nested trees. Read-only. */
    public Map<String, Object> entries() {
        return Collections.unmodifiableMap(root);
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    private ResultTree set(String path, Object value) {
        Map<String, Object> node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof ResultTree)) {
                child = new ResultTree();
                node.put(parts[i], child);
            }
            node = ((ResultTree) child).root;
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
