package org.jkeras.runtime.kernels;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.WeakHashMap;

/**
 * Per-thread recycling of the arrays of a model's intermediate values. A new array is zeroed in memory no
 * cache holds (the allocator walks the whole young generation before it reuses anything): the CNN's pooled
 * output at batch 64, 1.4 MB, cost ~100 µs to allocate and first write, as much as its convolution. {@code Model}
 * hands an intermediate's array back here once no value of the run refers to it; the next call of the same
 * shapes takes it, still in L2 or L3.
 *
 * <p>Only callers that write every element use {@link #floats}: a recycled array holds old values. Arrays that
 * reach the caller (model outputs, observed values) or came from it (inputs) are never handed back, and only
 * arrays this thread's Arena made are taken back (a layer may output an array it keeps, such as a constant).
 */
public final class Arena {
    /** Arrays kept per thread, and the floats they may hold in all (64 MB); larger arrays are not kept. */
    private static final int MAX_ARRAYS = 64;
    private static final long MAX_FLOATS = 1L << 24;
    private static final ThreadLocal<Arena> LOCAL = ThreadLocal.withInitial(Arena::new);

    private final ArrayDeque<float[]> free = new ArrayDeque<>(); // most recently released first
    private final WeakHashMap<float[], Boolean> issued = new WeakHashMap<>(); // handed out, not back yet (arrays hash by identity)
    private long floats;

    private Arena() {
    }

    /** An array of n floats with undefined contents, for a caller that writes every element. */
    public static float[] floats(int n) {
        Arena a = LOCAL.get();
        for (Iterator<float[]> it = a.free.iterator(); it.hasNext(); ) {
            float[] f = it.next();
            if (f.length == n) {
                it.remove();
                a.floats -= n;
                a.issued.put(f, Boolean.TRUE);
                return f;
            }
        }
        float[] f = new float[n];
        a.issued.put(f, Boolean.TRUE);
        return f;
    }

    /** Gives back an array no one refers to any more; ignored unless this thread's {@link #floats} made it. */
    public static void release(float[] f) {
        Arena a = LOCAL.get();
        if (a.issued.remove(f) == null || f.length > MAX_FLOATS) return;
        a.free.addFirst(f);
        a.floats += f.length;
        while (a.free.size() > MAX_ARRAYS || a.floats > MAX_FLOATS) a.floats -= a.free.removeLast().length;
    }
}
