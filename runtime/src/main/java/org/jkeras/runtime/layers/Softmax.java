package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Softmax} over one or more axes that are not only the last one (the last-axis case maps to an
 * {@link ActivationLayer}): {@code exp(x - max) / sum(exp(x - max))} over the chosen axes, max and sum
 * taken jointly over all of them as {@code keras.ops.softmax} does.
 */
public final class Softmax extends Layer {
    private final int[] axes; // sample axes (batch axis excluded), sorted

    public Softmax(String name, int[] axes) {
        super(name);
        this.axes = axes.clone();
        Arrays.sort(this.axes);
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "Softmax";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        for (int a : axes) {
            if (a < 0 || a >= in.rank()) throw new IllegalArgumentException("Softmax '" + name() + "': axis " + (a + 1) + " is out of range for input shape " + in);
        }
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dims(); // with batch
        boolean[] reduce = new boolean[dims.length];
        for (int a : axes) reduce[a + 1] = true;
        // enumerate every group: the kept axes index groups, the reduced axes index members
        int[] strides = new int[dims.length];
        for (int a = dims.length - 1, s = 1; a >= 0; a--) { strides[a] = s; s *= dims[a]; }
        int groupSize = 1;
        for (int a = 0; a < dims.length; a++) if (reduce[a]) groupSize *= dims[a];
        int[] member = new int[groupSize];
        fillOffsets(dims, strides, reduce, true, member);
        int[] group = new int[x.size() / Math.max(1, groupSize)];
        fillOffsets(dims, strides, reduce, false, group);
        float[] in = x.data(), out = new float[in.length];
        for (int g : group) {
            float max = Float.NEGATIVE_INFINITY;
            for (int m : member) max = Math.max(max, in[g + m]);
            double sum = 0;
            for (int m : member) {
                double e = Math.exp((double) in[g + m] - max);
                out[g + m] = (float) e;
                sum += e;
            }
            for (int m : member) out[g + m] = (float) (out[g + m] / sum);
        }
        return new Tensor(x.shape(), out);
    }

    /** Offsets of every combination of the axes with {@code reduce[a] == pick}, in C order. */
    private static void fillOffsets(int[] dims, int[] strides, boolean[] reduce, boolean pick, int[] into) {
        int[] idx = new int[dims.length];
        for (int i = 0; i < into.length; i++) {
            int off = 0;
            for (int a = 0; a < dims.length; a++) if (reduce[a] == pick) off += idx[a] * strides[a];
            into[i] = off;
            for (int a = dims.length - 1; a >= 0; a--) {
                if (reduce[a] != pick) continue;
                if (++idx[a] < dims[a]) break;
                idx[a] = 0;
            }
        }
    }

    @Override
    public String details() {
        return "softmax over axes " + Arrays.toString(Arrays.stream(axes).map(a -> a + 1).toArray());
    }
}
