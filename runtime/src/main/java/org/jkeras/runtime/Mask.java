package org.jkeras.runtime;

/**
 * A Keras timestep mask: for each sample and step of a (batch, steps, ...) tensor, whether the step is real
 * (true) or padding (false). Made by {@code Masking} and {@code Embedding(mask_zero=True)}, passed along by
 * layers that support masking, or given explicitly in a call ({@code mask=} tensor); read by recurrent,
 * attention, pooling and Keras 3 merge layers.
 */
public final class Mask {
    private final int batch;
    private final int steps;
    private final boolean[] keep; // (batch, steps)

    /** A mask of {@code keep} (copied), indexed [sample · steps + step]; its length must be batch · steps. */
    public Mask(int batch, int steps, boolean[] keep) {
        if (keep.length != batch * steps) throw new IllegalArgumentException("mask of " + keep.length + " values for " + batch + " x " + steps);
        this.batch = batch;
        this.steps = steps;
        this.keep = keep.clone();
    }

    /** The number of samples. */
    public int batch() {
        return batch;
    }

    /** The number of time steps per sample. */
    public int steps() {
        return steps;
    }

    /** Whether {@code step} of {@code sample} is real (true) or padding (false). */
    public boolean keep(int sample, int step) {
        return keep[sample * steps + step];
    }

    /** A mask that keeps every step (Keras' {@code ones_like(..., dtype="bool")}). */
    public static Mask allKept(int batch, int steps) {
        boolean[] keep = new boolean[batch * steps];
        java.util.Arrays.fill(keep, true);
        return new Mask(batch, steps, keep);
    }

    /**
     * A (batch, steps) tensor read as a mask, as Keras casts it to bool: a step is kept where the value is not 0
     * (NaN included). An explicit {@code mask=} argument arrives so, from the ops that computed it.
     */
    public static Mask of(Tensor t) {
        Shape s = t.shape();
        if (s.rank() != 2) throw new IllegalArgumentException("a timestep mask has shape (batch, steps), got " + s);
        float[] d = t.data();
        boolean[] keep = new boolean[d.length];
        for (int i = 0; i < d.length; i++) keep[i] = d[i] != 0f;
        return new Mask(s.dim(0), s.dim(1), keep);
    }

    /** True when every step of every sample is real. */
    public boolean all() {
        for (boolean k : keep) if (!k) return false;
        return true;
    }
}
