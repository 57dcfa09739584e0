package org.jkeras.runtime.kernels;

import org.jkeras.activations.Activation;
import org.jkeras.activations.ElementwiseActivation;

/** Tiny test-only activations: one of each kind the kernel's epilogue distinguishes. */
final class TestActivations {
    private TestActivations() {
    }

    /** Elementwise, with a hand-written batched form (as the real vectorised activations have). */
    static final ElementwiseActivation RELU = new ElementwiseActivation() {
        @Override public String name() { return "relu"; }
        @Override public String formula() { return "max(x, 0)"; }
        @Override public float apply(float x) { return x > 0f ? x : 0f; }
        @Override public void applyInPlace(float[] x, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) if (!(x[i] > 0f)) x[i] = 0f;
        }
    };

    /** Elementwise and not idempotent: applying it twice (or to padding) shows. */
    static final ElementwiseActivation PLUS_ONE = new ElementwiseActivation() {
        @Override public String name() { return "plus_one"; }
        @Override public String formula() { return "x + 1"; }
        @Override public float apply(float x) { return x + 1f; }
    };

    /** x + 1 applied to whole rows after a chunk, as exact gelu is ({@code appliesPerTile} false). */
    static final ElementwiseActivation PLUS_ONE_BY_ROWS = new ElementwiseActivation() {
        @Override public String name() { return "plus_one_by_rows"; }
        @Override public String formula() { return "x + 1"; }
        @Override public float apply(float x) { return x + 1f; }
        @Override public boolean appliesPerTile() { return false; }
    };

    static final ElementwiseActivation IDENTITY = new ElementwiseActivation() {
        @Override public String name() { return "linear"; }
        @Override public String formula() { return "x"; }
        @Override public float apply(float x) { return x; }
        @Override public boolean isIdentity() { return true; }
    };

    /** Row-wise: softmax over the last axis, e^(x - max) / Σ. */
    static final Activation SOFTMAX = new Activation() {
        @Override public String name() { return "softmax"; }
        @Override public String formula() { return "e^(x - max) / sum"; }
        @Override public boolean isElementwise() { return false; }
        @Override public void referenceRows(float[] x, int off, int rows, int width) {
            for (int r = 0; r < rows; r++) {
                int o = off + r * width;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < width; i++) max = Math.max(max, x[o + i]);
                double sum = 0;
                for (int i = 0; i < width; i++) sum += Math.exp(x[o + i] - max);
                for (int i = 0; i < width; i++) x[o + i] = (float) (Math.exp(x[o + i] - max) / sum);
            }
        }
    };

    /** Width-halving like glu: a · sigmoid(b), [a, b] = split(row, 2); output rows packed width/2 apart. */
    static final Activation GLU = new Activation() {
        @Override public String name() { return "glu"; }
        @Override public String formula() { return "a * sigmoid(b)"; }
        @Override public boolean isElementwise() { return false; }
        @Override public int outputWidth(int width) { return width / 2; }
        @Override public void referenceRows(float[] x, int off, int rows, int width) {
            int h = width / 2;
            for (int r = 0; r < rows; r++) {
                int in = off + r * width, out = off + r * h;
                for (int i = 0; i < h; i++) x[out + i] = (float) (x[in + i] / (1 + Math.exp(-x[in + h + i])));
            }
        }
    };
}
