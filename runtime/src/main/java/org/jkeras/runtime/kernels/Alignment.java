package org.jkeras.runtime.kernels;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Where a float[]'s data sits relative to 64-byte cache lines, so packed weights can start on a line boundary:
 * a 512-bit load that straddles two lines costs two, and the Dense micro-kernel issues four per k (measured
 * Dense 784 → 512 at batch 60: 184 GFLOP/s aligned, 150-165 at the three other offsets).
 *
 * <p>Java has no API for an object's address; this reads it through {@code sun.misc.Unsafe} (module
 * jdk.unsupported, called reflectively, at pack time only), decoding compressed oops with the shift found by
 * allocating small arrays back to back. It is only a hint: when anything is unexpected the answer is 0, and a
 * wrong answer, or an array the GC moves later, costs speed, never a bit of the results. Large arrays, the ones
 * that matter, are not moved by G1 (humongous objects).
 *
 * <p>From JDK 24 on, the first use of Unsafe's memory-access methods prints a deprecation warning on stderr
 * (JEP 498); a library must not do that to its users, so there the hint is always 0.
 */
final class Alignment {
    private static final Object U;
    private static final Method GET_INT, GET_LONG, BASE, SCALE;
    private static final int SHIFT; // -1: unknown, 64: uncompressed oops, else the compressed-oop shift

    static {
        Object u = null;
        Method gi = null, gl = null, base = null, scale = null;
        try {
            if (Runtime.version().feature() >= 24) throw new UnsupportedOperationException("warns on use (JEP 498)");
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = f.get(null);
            gi = c.getMethod("getInt", Object.class, long.class);
            gl = c.getMethod("getLong", Object.class, long.class);
            base = c.getMethod("arrayBaseOffset", Class.class);
            scale = c.getMethod("arrayIndexScale", Class.class);
            if ((int) c.getMethod("addressSize").invoke(u) != 8) u = null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            u = null;
        }
        U = u;
        GET_INT = gi;
        GET_LONG = gl;
        BASE = base;
        SCALE = scale;
        SHIFT = u == null ? -1 : narrowOopShift();
    }

    private Alignment() {
    }

    /** Floats to skip from a[0] so the element reached is 64-byte aligned (0 .. 15); 0 when it cannot tell. */
    static int floatsToLine(float[] a) {
        try {
            long address = address(a);
            if (address < 0) return 0;
            long data = address + base(float[].class);
            return (int) (((64 - (data & 63)) & 63) / Float.BYTES);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    /** The object's current address, or -1 when unknown. */
    private static long address(Object o) throws ReflectiveOperationException {
        if (SHIFT < 0) return -1;
        Object[] holder = {o};
        long base = base(Object[].class);
        if (SHIFT == 64) return (long) GET_LONG.invoke(U, holder, base);
        // the heap base of compressed oops is 0 or a multiple of far more than 64: it does not change the answer
        return ((int) GET_INT.invoke(U, holder, base) & 0xFFFF_FFFFL) << SHIFT;
    }

    private static long base(Class<?> arrayClass) throws ReflectiveOperationException {
        return (int) BASE.invoke(U, arrayClass);
    }

    /**
     * 64 for uncompressed oops, else the compressed-oop shift: empty int[]s allocated back to back lie
     * {@code size} bytes apart, their narrow oops {@code size >> shift}; the smallest positive gap over a few
     * pairs skips a TLAB refill. -1 when that does not come out.
     */
    private static int narrowOopShift() {
        try {
            int scale = (int) SCALE.invoke(U, Object[].class);
            if (scale == 8) return 64;
            if (scale != 4) return -1;
            Object[] probe = new Object[16];
            for (int i = 0; i < probe.length; i++) probe[i] = new int[0];
            long base = base(Object[].class), gap = Long.MAX_VALUE;
            for (int i = 1; i < probe.length; i++) {
                long d = ((int) GET_INT.invoke(U, probe, base + 4L * i) & 0xFFFF_FFFFL) - ((int) GET_INT.invoke(U, probe, base + 4L * (i - 1)) & 0xFFFF_FFFFL);
                if (d > 0) gap = Math.min(gap, d);
            }
            long size = (base(int[].class) + 7) & ~7L; // an empty int[]: its header, 8-byte aligned
            for (int s = 0; s <= 4; s++) if (gap << s == size) return s;
            return -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
