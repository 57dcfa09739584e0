package org.jkeras.activations;

import java.util.Arrays;

/**
 * Keras {@code sparsemax(x, axis=-1)}: max(x − τ, 0) over the row, with z the row sorted descending, c its
 * cumulative sums and support k = #{j : z_j − (c_j − 1)/j &gt; 0} (numpy backend nn.sparsemax).
 *
 * <p>Keras up to at least 3.15.1 computes τ = (Σ_{j in support} c_j − 1)/k, summing every cumulative sum in the
 * support instead of taking c_k (keras-team/keras issue #23425, fixed by pull request #23469 after 3.15.1). That
 * agrees with the paper (Martins &amp; Astudillo 2016) when the support has one element and otherwise gives rows
 * that sum to less than 1; the golden Keras 3.15.1 outputs show it. {@code new Sparsemax(false)} reproduces
 * those numbers (float32 cumulative sums as numpy); {@code new Sparsemax(true)} is the projection onto the
 * simplex, τ = (c_k − 1)/k, for models from a Keras with the fix.
 */
public final class Sparsemax extends Activation {
    private final boolean simplexProjection;

    /** Keras 3.15.1's numbers, or with {@code simplexProjection} the textbook τ = (c_k − 1)/k. */
    public Sparsemax(boolean simplexProjection) {
        this.simplexProjection = simplexProjection;
    }

    @Override
    public String name() {
        return "sparsemax";
    }

    @Override
    public String formula() {
        return simplexProjection ? "max(x - tau, 0), tau = (cumsum_k - 1) / k (projection onto the simplex)"
            : "max(x - tau, 0), tau = (sum of cumsum_j over the support - 1) / k (Keras <= 3.15 threshold)";
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void referenceRows(float[] x, int off, int rows, int width) {
        float[] sorted = new float[width];
        for (int r = 0; r < rows; r++) {
            int start = off + r * width;
            System.arraycopy(x, start, sorted, 0, width);
            Arrays.sort(sorted);
            double tau = simplexProjection ? simplexTau(sorted) : kerasTau(sorted);
            for (int i = start; i < start + width; i++) x[i] = (float) Math.max(x[i] - tau, 0.0);
        }
    }

    /** Keras' τ; {@code ascending} is read from its end (descending z). */
    private static double kerasTau(float[] ascending) {
        float cumsum = 0; // float32 cumsum, as np.cumsum
        double supportCumsums = 0;
        int k = 0;
        for (int j = 1; j <= ascending.length; j++) {
            float z = ascending[ascending.length - j];
            cumsum += z;
            if (z - (cumsum - 1f) / (double) j > 0) {
                k++;
                supportCumsums += cumsum;
            }
        }
        return (supportCumsums - 1) / k;
    }

    private static double simplexTau(float[] ascending) {
        double cumsum = 0, cumsumAtK = 0;
        int k = 0;
        for (int j = 1; j <= ascending.length; j++) {
            double z = ascending[ascending.length - j];
            cumsum += z;
            if (1 + j * z > cumsum) {
                k = j;
                cumsumAtK = cumsum;
            }
        }
        return (cumsumAtK - 1) / k;
    }
}
