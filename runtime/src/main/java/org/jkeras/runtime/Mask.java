package org.jkeras.runtime;

/**
 * A Keras timestep mask: for each sample and step of a (batch, steps, ...) tensor, whether the step is real
 * (true) or padding (false). Made by {@code Masking} and {@code Embedding(mask_zero=True)}, passed along by
 * layers that support masking, consumed by recurrent layers (masked steps keep the previous state).
 */
public final class Mask {
    private final int batch;
    private final int steps;
    private final boolean[] keep; // (batch, steps)

    public Mask(int batch, int steps, boolean[] keep) {
        if (keep.length != batch * steps) throw new IllegalArgumentException("mask of " + keep.length + " values for " + batch + " x " + steps);
        this.batch = batch;
        this.steps = steps;
        this.keep = keep.clone();
    }

    public int batch() {
        return batch;
    }

    public int steps() {
        return steps;
    }

    public boolean keep(int sample, int step) {
        return keep[sample * steps + step];
    }

    /** True when every step of every sample is real. */
    public boolean all() {
        for (boolean k : keep) if (!k) return false;
        return true;
    }
}
