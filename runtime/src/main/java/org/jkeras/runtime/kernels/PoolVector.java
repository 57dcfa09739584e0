package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link PoolKernel}; loaded only when {@code Simd.ENABLED}. Lanewise MAX follows
 * {@code Math.max} (NaN wins, +0 over −0) and ADD and DIV are IEEE operations, so results equal the scalar loop
 * bit for bit.
 */
final class PoolVector {
    private static final VectorSpecies<Float> S = DenseVector.S; // the one species in use (see DenseVector)

    private PoolVector() {
    }

    /** Channels [0, result) go by whole vectors. */
    static int loopBound(int c) {
        return S.loopBound(c);
    }

    /**
     * Channels [0, vec) of one output cell at y[o ..]: the max of {@code floor} and the input cells whose channel
     * 0 lies at {@code x[origin + cells[0 .. n)]}, in that order. One flat loop: C2 keeps a vector carried through
     * one loop in a register, but boxed it (an allocation per cell) when carried through nested z, y, x loops.
     */
    static void max(float[] x, int origin, int[] cells, int n, int vec, float floor, float[] y, int o) {
        for (int ch = 0; ch < vec; ch += S.length()) {
            FloatVector acc = FloatVector.broadcast(S, floor);
            for (int j = 0, at = origin + ch; j < n; j++) acc = acc.max(FloatVector.fromArray(S, x, at + cells[j]));
            acc.intoArray(y, o + ch);
        }
    }

    /**
     * {@link #max} for {@code count} output cells in a row whose windows lie wholly inside the input: cell i has
     * its origin at {@code origin + i·step} and its output at {@code y[o + i·c]}. One call per run: a call per
     * cell cost as much as the maxima of a 2×2 window.
     */
    static void maxRun(float[] x, int origin, int step, int count, int[] cells, int n, int vec, float floor, float[] y, int o, int c) {
        if (n == 4) { // 2×2, the common window: unrolled, same order
            int c1 = cells[1], c2 = cells[2], c3 = cells[3];
            FloatVector f = FloatVector.broadcast(S, floor);
            for (int i = 0; i < count; i++, origin += step, o += c) {
                for (int ch = 0, at = origin; ch < vec; ch += S.length(), at += S.length()) {
                    f.max(FloatVector.fromArray(S, x, at)).max(FloatVector.fromArray(S, x, at + c1)).max(FloatVector.fromArray(S, x, at + c2))
                            .max(FloatVector.fromArray(S, x, at + c3)).intoArray(y, o + ch);
                }
            }
            return;
        }
        for (int i = 0; i < count; i++, origin += step, o += c) max(x, origin, cells, n, vec, floor, y, o);
    }

    /** As {@link #max}, the sum in the same order divided by {@code count}. (Two methods: a vector chosen by a branch is boxed too.) */
    static void average(float[] x, int origin, int[] cells, int n, int vec, float count, float[] y, int o) {
        for (int ch = 0; ch < vec; ch += S.length()) {
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0, at = origin + ch; j < n; j++) acc = acc.add(FloatVector.fromArray(S, x, at + cells[j]));
            acc.div(count).intoArray(y, o + ch);
        }
    }
}
