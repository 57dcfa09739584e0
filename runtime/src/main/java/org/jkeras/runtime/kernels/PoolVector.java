package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for pooling over contiguous channels; used only when {@code Simd.ENABLED}. Lanewise MAX
 * follows {@code Math.max} (NaN wins, +0 over −0) and ADD is IEEE addition, so results equal the scalar loops
 * bit for bit.
 */
public final class PoolVector {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private PoolVector() {
    }

    /** {@code acc[i] = max(acc[i], in[off + i])} for i < n. */
    public static void max(float[] acc, float[] in, int off, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, acc, i).max(FloatVector.fromArray(S, in, off + i)).intoArray(acc, i);
        }
        for (; i < n; i++) acc[i] = Math.max(acc[i], in[off + i]);
    }

    /** {@code acc[i] += in[off + i]} for i < n. */
    public static void add(float[] acc, float[] in, int off, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, acc, i).add(FloatVector.fromArray(S, in, off + i)).intoArray(acc, i);
        }
        for (; i < n; i++) acc[i] += in[off + i];
    }
}
