package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link DepthwiseKernel} for a depth multiplier of 1; loaded only when {@code Simd.ENABLED}.
 * Channels go by whole vectors: per output position and vector of channels, one FMA per tap in tap order from 0,
 * then the bias, as the scalar loop does per channel, so results equal it bit for bit. Each tap list is one flat
 * loop (C2 boxes a vector carried through nested loops).
 */
final class DepthwiseVector {
    private static final VectorSpecies<Float> S = DenseVector.S;

    private DepthwiseVector() {
    }

    /** Channels [0, result) go by whole vectors. */
    static int loopBound(int c) {
        return S.loopBound(c);
    }

    /**
     * Channels [0, vec) of output position y[yo ..]: {@code b + Σ_j x[xAt[j] + c] · w[wAt[j] + c]} over the
     * position's {@code n} taps inside the image.
     */
    static void position(float[] x, int[] xAt, float[] w, int[] wAt, int n, float[] b, int vec, float[] y, int yo) {
        for (int c = 0; c < vec; c += S.length()) {
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < n; j++) acc = FloatVector.fromArray(S, x, xAt[j] + c).fma(FloatVector.fromArray(S, w, wAt[j] + c), acc);
            acc.add(FloatVector.fromArray(S, b, c)).intoArray(y, yo + c);
        }
    }
}
