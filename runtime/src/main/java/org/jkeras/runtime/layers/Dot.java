package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Dot(axes, normalize)}: per sample, {@code out[i..., j...] = Σ_k x[i.., k, ..] · y[j.., k, ..]}
 * over x's axis {@code axes[0]} and y's axis {@code axes[1]} ({@code batch_dot}); the result keeps x's other
 * axes then y's, and a result with no axis left becomes (1). With {@code normalize}, each input is first
 * L2-normalised along its axis: {@code x · rsqrt(max(Σx², epsilon))}.
 */
public final class Dot extends Layer {
    private final int axisX, axisY;  // sample axes (batch excluded)
    private final boolean normalize;
    private final float epsilon;     // Keras 3: 1e-7 (backend epsilon); Keras 1/2 l2_normalize: 1e-12

    public Dot(String name, int axisX, int axisY, boolean normalize, float epsilon) {
        super(name);
        this.axisX = axisX;
        this.axisY = axisY;
        this.normalize = normalize;
        this.epsilon = epsilon;
    }

    @Override
    public String kerasClass() {
        return "Dot";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 2);
        Shape x = inputs.get(0), y = inputs.get(1);
        if (axisX >= x.rank() || axisY >= y.rank()) {
            throw new IllegalArgumentException("Dot '" + name() + "': axes (" + (axisX + 1) + ", " + (axisY + 1) + ") do not fit shapes " + x + " and " + y);
        }
        if (x.dim(axisX) != y.dim(axisY)) {
            throw new IllegalArgumentException("Dot '" + name() + "': axis sizes differ: " + x + " axis " + (axisX + 1) + " vs " + y + " axis " + (axisY + 1));
        }
        List<Integer> d = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) if (a != axisX) d.add(x.dim(a));
        for (int a = 0; a < y.rank(); a++) if (a != axisY) d.add(y.dim(a));
        if (d.isEmpty()) d.add(1);
        return Shape.of(d.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor tx = inputs.get(0), ty = inputs.get(1);
        Shape sx = tx.shape().dropFirst(), sy = ty.shape().dropFirst();
        float[] x = normalize ? normalized(tx.data(), sx, axisX, tx.batch()) : tx.data();
        float[] y = normalize ? normalized(ty.data(), sy, axisY, ty.batch()) : ty.data();
        int k = sx.dim(axisX);
        // view each sample as (outer, k, inner) around the contracted axis
        int xIn = inner(sx, axisX), xOut = sx.size() / (k * xIn);
        int yIn = inner(sy, axisY), yOut = sy.size() / (k * yIn);
        int nx = xOut * xIn, ny = yOut * yIn;
        Shape outSample = outputShape(List.of(sx, sy));
        float[] out = new float[tx.batch() * nx * ny];
        for (int b = 0; b < tx.batch(); b++) {
            int bx = b * sx.size(), by = b * sy.size(), bo = b * nx * ny;
            for (int i = 0; i < nx; i++) {
                int xo = bx + (i / xIn) * k * xIn + i % xIn;
                for (int j = 0; j < ny; j++) {
                    int yo = by + (j / yIn) * k * yIn + j % yIn;
                    float acc = 0;
                    for (int t = 0; t < k; t++) acc = Math.fma(x[xo + t * xIn], y[yo + t * yIn], acc);
                    out[bo + i * ny + j] = acc;
                }
            }
        }
        return new Tensor(outSample.prepend(tx.batch()), out);
    }

    private static int inner(Shape s, int axis) {
        int n = 1;
        for (int a = axis + 1; a < s.rank(); a++) n *= s.dim(a);
        return n;
    }

    private float[] normalized(float[] data, Shape sample, int axis, int batch) {
        int k = sample.dim(axis), in = inner(sample, axis), outer = batch * sample.size() / (k * in);
        float[] out = new float[data.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < in; i++) {
                int base = o * k * in + i;
                float sq = 0;
                for (int t = 0; t < k; t++) sq += data[base + t * in] * data[base + t * in];
                float inv = (float) (1.0 / Math.sqrt(Math.max(sq, epsilon)));
                for (int t = 0; t < k; t++) out[base + t * in] = data[base + t * in] * inv;
            }
        }
        return out;
    }

    @Override
    public String details() {
        return "axes (" + (axisX + 1) + ", " + (axisY + 1) + ")" + (normalize ? ", normalized" : "");
    }
}
