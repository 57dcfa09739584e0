package org.jkeras.importer;

import java.util.ArrayList;
import java.util.List;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

/** Small helpers over jHDF for what Keras writes: string attributes in every encoding Keras used. */
final class Hdf5 {
    private Hdf5() {
    }

    /** A string attribute (fixed or variable length, ASCII or UTF-8), or null when absent. */
    static String string(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) return null;
        List<String> l = strings(a);
        return l.isEmpty() ? null : l.get(0);
    }

    /** A string-list attribute such as {@code layer_names} / {@code weight_names}; empty for Keras' empty float64 array. */
    static List<String> strings(Node node, String name) {
        Attribute a = node.getAttribute(name);
        return a == null ? null : strings(a);
    }

    private static List<String> strings(Attribute a) {
        if (a.isEmpty()) return List.of();
        Object d = a.getData();
        List<String> out = new ArrayList<>();
        flatten(d, out);
        return out;
    }

    private static void flatten(Object d, List<String> out) {
        if (d instanceof String s) {
            out.add(s);
        } else if (d instanceof byte[] b) {
            out.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        } else if (d instanceof Object[] arr) {
            for (Object o : arr) flatten(o, out);
        }
        // numeric data (Keras writes an empty float64 array for "no weights"): no strings
    }
}
