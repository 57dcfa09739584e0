package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API loop of {@link RowNorm}, gamma present (and beta, unless rms); loaded only when {@code Simd.ENABLED}. */
final class RowNormVector {
    private static final VectorSpecies<Float> S = DenseVector.S; // the one species in use (see DenseVector)

    private RowNormVector() {
    }

    /** Elements [0, result) of the row, by whole vectors. */
    static int normalize(float[] x, int xo, float[] y, int yo, int n, float mean, float inv, float[] gamma, float[] beta, boolean rms) {
        int end = S.loopBound(n), l = S.length();
        FloatVector vi = FloatVector.broadcast(S, inv), nm = FloatVector.broadcast(S, -mean);
        if (rms) {
            for (int i = 0; i < end; i += l) FloatVector.fromArray(S, x, xo + i).mul(vi).mul(FloatVector.fromArray(S, gamma, i)).intoArray(y, yo + i);
            return end;
        }
        for (int i = 0; i < end; i += l) {
            FloatVector sc = vi.mul(FloatVector.fromArray(S, gamma, i));
            FloatVector res = nm.mul(sc).add(FloatVector.fromArray(S, beta, i));
            FloatVector.fromArray(S, x, xo + i).mul(sc).add(res).intoArray(y, yo + i);
        }
        return end;
    }
}
