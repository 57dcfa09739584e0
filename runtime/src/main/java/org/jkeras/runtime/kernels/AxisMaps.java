package org.jkeras.runtime.kernels;

import java.util.Arrays;

/**
 * Flat-index maps for per-sample reductions and broadcasts: for every element of a C-order array of shape
 * {@code dims}, the flat index of its coordinates restricted to some axes, or of a parameter broadcast onto it.
 */
public final class AxisMaps {
    private AxisMaps() {
    }

    /** For each element, the C-order flat index of its coordinates on the axes with {@code keep[a]}. */
    public static int[] project(int[] dims, boolean[] keep) {
        int[] stride = new int[dims.length];
        int st = 1;
        for (int a = dims.length - 1; a >= 0; a--) {
            stride[a] = keep[a] ? st : 0;
            if (keep[a]) st *= dims[a];
        }
        return walk(dims, stride);
    }

    /**
     * For each element, the flat index into a parameter of shape {@code param} broadcast onto {@code dims} as numpy
     * does (aligned on the right, size-1 axes repeated); throws when they do not broadcast.
     */
    /**
     * For a parameter that {@link #broadcast}s to {@code dims}: 1 when it is one value, the last axis' length when it
     * varies along that axis only (a per-channel parameter), else 0. Its index at flat position i is then
     * {@code i % period}, with no index array to build.
     */
    public static int period(int[] dims, int[] param) {
        int n = 1;
        boolean others = false; // an axis before the last varies
        for (int i = 0; i < param.length; i++) {
            n *= param[i];
            others |= param[i] != 1 && i < param.length - 1;
        }
        if (n == 1) return 1;
        return !others && dims.length > 0 && param[param.length - 1] == dims[dims.length - 1] ? n : 0;
    }

    public static int[] broadcast(int[] dims, int[] param) {
        int lead = 0;
        while (param.length - lead > dims.length && param[lead] == 1) lead++; // leading 1s (e.g. a batch axis)
        if (param.length - lead > dims.length) throw new IllegalArgumentException("shape " + Arrays.toString(param) + " does not broadcast to " + Arrays.toString(dims));
        int[] stride = new int[dims.length];
        int st = 1;
        for (int i = param.length - 1, a = dims.length - 1; i >= lead; i--, a--) {
            if (param[i] != 1 && param[i] != dims[a]) throw new IllegalArgumentException("shape " + Arrays.toString(param) + " does not broadcast to " + Arrays.toString(dims));
            stride[a] = param[i] == 1 ? 0 : st;
            st *= param[i];
        }
        return walk(dims, stride);
    }

    private static int[] walk(int[] dims, int[] stride) {
        int n = 1;
        for (int d : dims) n = Math.multiplyExact(n, d);
        int[] out = new int[n], idx = new int[dims.length];
        int cur = 0;
        for (int i = 0; i < n; i++) {
            out[i] = cur;
            for (int a = dims.length - 1; a >= 0; a--) { // odometer step
                cur += stride[a];
                if (++idx[a] < dims[a]) break;
                cur -= stride[a] * dims[a];
                idx[a] = 0;
            }
        }
        return out;
    }
}
