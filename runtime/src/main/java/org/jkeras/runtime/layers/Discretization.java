package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;

/**
 * Keras {@code Discretization(bin_boundaries, output_mode)}: the bin of each value, TensorFlow's {@code Bucketize} —
 * {@code std::upper_bound} over the float32 boundaries, so a value equal to a boundary falls in the bin above it and
 * NaN in the last bin — then encoded as {@code output_mode} with {@code len(bin_boundaries) + 1} classes.
 */
public final class Discretization extends Layer {
    private final float[] boundaries; // (bins - 1) as given, float32
    private final CategoryEncoder.Mode mode;

    public Discretization(String name, float[] boundaries, CategoryEncoder.Mode mode) {
        super(name);
        this.boundaries = boundaries.clone();
        this.mode = mode;
    }

    @Override
    public String kerasClass() {
        return "Discretization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return CategoryEncoder.outputShape(inputs.get(0), mode, boundaries.length + 1);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] in = x.data(), bins = new float[in.length];
        for (int i = 0; i < in.length; i++) bins[i] = upperBound(boundaries, in[i]);
        return CategoryEncoder.encode(new Tensor(x.shape(), bins), mode, boundaries.length + 1, "Discretization '" + name() + "'");
    }

    /** libstdc++'s {@code std::upper_bound}: the first position whose boundary exceeds {@code v} (the same steps, sorted or not). */
    static int upperBound(float[] b, float v) {
        int first = 0, count = b.length;
        while (count > 0) {
            int step = count / 2, it = first + step;
            if (!(v < b[it])) {
                first = it + 1;
                count -= step + 1;
            } else {
                count = step;
            }
        }
        return first;
    }

    @Override
    public String details() {
        return "bins " + Arrays.toString(boundaries) + " " + mode.name().toLowerCase();
    }
}
