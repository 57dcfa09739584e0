package org.jkeras.runtime.layers;

import org.jkeras.runtime.Shape;

/**
 * Keras {@code AdditiveAttention} (Bahdanau-style): {@code scores_ij = Σ_d scale_d · tanh(q_id + k_jd)}
 * (scale 1 without use_scale); masking, softmax and outputs as {@link Attention}.
 */
public final class AdditiveAttention extends Attention {
    private final float[] scale; // (dim) or null without use_scale

    public AdditiveAttention(String name, float[] scale, boolean causal, boolean returnScores) {
        super(name, causal, returnScores);
        this.scale = scale == null ? null : scale.clone();
    }

    @Override
    public String kerasClass() {
        return "AdditiveAttention";
    }

    @Override
    protected void checkDims(Shape q, Shape k) {
        super.checkDims(q, k);
        if (scale != null && q.dim(1) != scale.length) {
            throw new IllegalArgumentException("AdditiveAttention '" + name() + "': scale has " + scale.length + " values for query dim " + q.dim(1));
        }
    }

    @Override
    protected void scores(float[] q, int qo, float[] k, int ko, int tq, int tv, int d, float[] s) {
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tv; j++) {
                float acc = 0f;
                for (int c = 0; c < d; c++) {
                    float t = (float) Math.tanh(q[qo + i * d + c] + k[ko + j * d + c]);
                    acc += scale == null ? t : scale[c] * t;
                }
                s[i * tv + j] = acc;
            }
        }
    }

    @Override
    public long paramCount() {
        return scale == null ? 0 : scale.length;
    }

    @Override
    public String details() {
        return scale == null ? "no scale" : "scale (" + scale.length + ")";
    }
}
