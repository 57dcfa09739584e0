package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Keras {@code Concatenate(axis=-1)}: inputs joined along one sample axis; the other axes must agree. */
public final class Concatenate extends Layer {
    private final int axis; // as in Keras: counts the batch axis, may be negative
    private final Semantics semantics; // whose mask rule applies

    /** Keras 1/2 mask rule (a step is kept when every masked input keeps it). */
    public Concatenate(String name, int axis) {
        this(name, axis, Semantics.KERAS_1_2);
    }

    /** With the mask rule of {@code semantics}: Keras 3 keeps a step when any input keeps it (an unmasked input keeps all). */
    public Concatenate(String name, int axis, Semantics semantics) {
        super(name);
        this.axis = axis;
        this.semantics = semantics;
    }

    @Override
    public String kerasClass() {
        return "Concatenate";
    }

    /** The sample axis (batch excluded) for inputs of per-sample rank {@code rank}. */
    private int sampleAxis(int rank) {
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 1 || a > rank) throw new IllegalArgumentException("Concatenate '" + name() + "': axis " + axis + " is out of range for rank " + (rank + 1));
        return a - 1;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        if (inputs.size() < 2) throw new IllegalArgumentException("Concatenate '" + name() + "' needs at least 2 inputs, got " + inputs.size());
        Shape first = inputs.get(0);
        int a = sampleAxis(first.rank());
        int[] d = first.dims();
        for (int i = 1; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            boolean ok = s.rank() == first.rank();
            for (int k = 0; ok && k < s.rank(); k++) ok = k == a || s.dim(k) == d[k] || s.dim(k) == Shape.UNKNOWN || d[k] == Shape.UNKNOWN;
            if (!ok) throw new IllegalArgumentException("Concatenate '" + name() + "': shapes " + first + " and " + s + " differ off axis " + axis);
            d[a] = d[a] == Shape.UNKNOWN || s.dim(a) == Shape.UNKNOWN ? Shape.UNKNOWN : d[a] + s.dim(a);
        }
        return Shape.of(d);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Shape s0 = inputs.get(0).shape();
        int a = sampleAxis(s0.rank() - 1) + 1; // with batch
        int outer = 1;
        for (int k = 0; k < a; k++) outer *= s0.dim(k);
        int total = 0;
        int[] block = new int[inputs.size()]; // floats per outer index, per input
        for (int i = 0; i < block.length; i++) {
            block[i] = inputs.get(i).size() / Math.max(1, outer);
            total += block[i];
        }
        float[] out = new float[outer * total];
        for (int o = 0, dst = 0; o < outer; o++) {
            for (int i = 0; i < block.length; i++) {
                System.arraycopy(inputs.get(i).data(), o * block[i], out, dst, block[i]);
                dst += block[i];
            }
        }
        int[] d = s0.dims();
        d[a] = 0;
        for (Tensor t : inputs) d[a] += t.shape().dim(a);
        return new Tensor(Shape.of(d), out);
    }

    /**
     * Keras' {@code Concatenate.compute_mask}: joined along the steps when concatenating steps (an unmasked input
     * counts as all kept); otherwise combined per step, AND of the masks present in Keras 1/2, OR in Keras 3 where an
     * unmasked input counts as all kept (so the result keeps every step, but is a mask, not none).
     */
    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        if (masks.stream().allMatch(m -> m == null)) return null;
        int rank = inputs.get(0).shape().rank();
        int a = axis < 0 ? axis + rank : axis;
        if (a == 1) {
            int batch = inputs.get(0).batch(), steps = 0;
            for (Tensor t : inputs) steps += t.shape().dim(1);
            boolean[] keep = new boolean[batch * steps];
            for (int b = 0; b < batch; b++) {
                int at = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    Mask m = masks.get(i);
                    int n = inputs.get(i).shape().dim(1);
                    for (int t = 0; t < n; t++) keep[b * steps + at + t] = m == null || m.keep(b, t);
                    at += n;
                }
            }
            return new Mask(batch, steps, keep);
        }
        if (semantics != Semantics.KERAS_3) return Masks.and(masks);
        if (Masks.anyNull(masks)) return Mask.allKept(inputs.get(0).batch(), inputs.get(0).shape().dim(1));
        return Masks.or(masks);
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return List.of(inputsMasked.contains(Boolean.TRUE));
    }

    @Override
    public String details() {
        return "axis " + axis;
    }
}
