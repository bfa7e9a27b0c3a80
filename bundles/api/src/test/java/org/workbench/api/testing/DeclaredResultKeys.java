package org.workbench.api.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workbench.api.ResultTree;
import org.workbench.api.TaskProvider;

/**
 * Checks a task's {@link TaskProvider#resultKeys()} against results its task really wrote, so that the
 * declaration cannot rot: every key written (each leaf, as a dotted path, {@code name[]} inside a list of
 * objects) must match a declared pattern, and every declared pattern must match a key of at least one of
 * the runs given (pass runs that together reach every optional key).
 */
public final class DeclaredResultKeys {
    private DeclaredResultKeys() {
    }

    public static void assertMatch(TaskProvider provider, List<ResultTree> runs) {
        List<String> declared = provider.resultKeys();
        if (declared.isEmpty()) {
            throw new AssertionError("the task declares no result keys");
        }
        Set<String> written = new LinkedHashSet<>();
        for (ResultTree r : runs) {
            leaves("", r, written);
        }
        List<String> undeclared = new ArrayList<>();
        for (String key : written) {
            if (declared.stream().noneMatch(p -> matches(p, key))) {
                undeclared.add(key);
            }
        }
        List<String> absent = declared.stream().filter(p -> written.stream().noneMatch(k -> matches(p, k))).toList();
        if (!undeclared.isEmpty() || !absent.isEmpty()) {
            throw new AssertionError("written but not declared: " + undeclared + "; declared but never written: "
                    + absent + "; written: " + written);
        }
    }

    private static void leaves(String prefix, ResultTree tree, Set<String> out) {
        for (Map.Entry<String, Object> e : tree.entries().entrySet()) {
            String key = e.getKey();
            if (key.endsWith(ResultTree.REASON_SUFFIX) && tree.entries().containsKey(
                    key.substring(0, key.length() - ResultTree.REASON_SUFFIX.length()))) {
                continue; // the reason beside an undefined value comes with its key
            }
            String path = prefix + key;
            if (e.getValue() instanceof ResultTree sub) {
                leaves(path + ".", sub, out);
            } else if (e.getValue() instanceof List<?> items && !items.isEmpty()
                    && items.stream().allMatch(ResultTree.class::isInstance)) {
                for (Object item : items) {
                    leaves(path + "[].", (ResultTree) item, out);
                }
            } else {
                out.add(path);
            }
        }
    }

    /** The pattern language of {@link TaskProvider#resultKeys()}: a last segment {@code *} is any key below. */
    static boolean matches(String pattern, String key) {
        String[] p = pattern.split("\\.");
        String[] k = key.split("\\.");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("*") && i == p.length - 1) {
                return k.length > i;
            }
            if (i >= k.length || !p[i].equals(k[i])) {
                return false;
            }
        }
        return p.length == k.length;
    }
}
