package org.workbench.task.trainclassifier;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Which provider version trained which epochs: for each role that a hot swap may replace (the
 * optimizer and the loss), the bundle and version of every component the run used and the epochs it
 * trained. A checkpoint keeps it as the string {@code provenance.components}, a tab-separated table
 * with a header line ({@code role bundle version firstEpoch lastEpoch}), which numpy reads as
 * {@code str(np.load(f)["provenance.components"])}; a resumed run continues it.
 */
final class ComponentHistory {
    static final String ENTRY = "provenance.components";
    private static final String HEADER = "role\tbundle\tversion\tfirstEpoch\tlastEpoch";
    private final List<Span> spans = new ArrayList<>();
    /** The component each role trained with last in this attempt: another one is a swap, whatever its bundle says. */
    private final java.util.Map<String, Object> last = new java.util.HashMap<>();

    /**
     * Epochs {@code first} to {@code last} of {@code role} trained by {@code bundle} {@code version}.
     */
    record Span(String role, String bundle, String version, int first, int last) {
    }

    /** Records that {@code component} (of {@code role}) trained epoch {@code epoch}. */
    void trained(String role, Object component, int epoch) {
        Object before = last.put(role, component);
        boolean swapped = before != null && before != component;
        String[] b = bundleOf(component);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            if (s.role().equals(role)) {
                if (!swapped && s.bundle().equals(b[0]) && s.version().equals(b[1]) && s.last() == epoch - 1) {
                    spans.set(i, new Span(role, s.bundle(), s.version(), s.first(), epoch));
                    return;
                }
                break;
            }
        }
        spans.add(new Span(role, b[0], b[1], epoch, epoch));
    }

    /** The epochs that a swapped-in version trained first (a role's later spans), in order. */
    List<Integer> swapEpochs() {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Span s : spans) {
            if (!seen.add(s.role())) {
                out.add(s.first());
            }
        }
        return List.copyOf(out);
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    String text() {
        StringBuilder t = new StringBuilder(HEADER).append('\n');
        for (Span s : spans) {
            t.append(s.role()).append('\t').append(s.bundle()).append('\t').append(s.version()).append('\t')
                    .append(s.first()).append('\t').append(s.last()).append('\n');
        }
        return t.toString();
    }

    /** The history a checkpoint's {@link #text()} holds. */
    static ComponentHistory parse(String text) {
        ComponentHistory h = new ComponentHistory();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("the checkpoint's " + ENTRY + " line " + (i + 1)
                        + " is not role, bundle, version, first and last epoch: " + lines[i]);
            }
            h.spans.add(new Span(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        return h;
    }

    /** The symbolic name and version of the bundle whose class {@code component} is (its class name outside OSGi). */
    static String[] bundleOf(Object component) {
        Bundle b = FrameworkUtil.getBundle(component.getClass());
        return b == null ? new String[] {component.getClass().getName(), "unknown"}
                : new String[] {b.getSymbolicName(), b.getVersion().toString()};
    }
}
