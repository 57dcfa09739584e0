package org.jkeras.io;

import java.util.Arrays;

/** A growable float array for readers that learn the number of values only as they read them. */
final class FloatList {
    /** The largest array JVMs reliably allocate. */
    private static final int MAX = Integer.MAX_VALUE - 8;

    private final String name;
    private float[] values;
    private int size;

    FloatList(String nameForErrors, int initialCapacity) {
        this.name = nameForErrors;
        this.values = new float[Math.max(16, initialCapacity)];
    }

    void add(float v) {
        if (size == values.length) {
            if (size >= MAX) throw new ArrayFileException(name + ": more than " + MAX + " values, too many for one array");
            values = Arrays.copyOf(values, (int) Math.min(MAX, 2L * size));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
