package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras' elementwise merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum): the inputs folded
 * left to right, {@code out = combine(...combine(in0, in1)..., inN)}, with NumPy broadcasting of the sample
 * shapes (aligned from the right), as {@code keras.layers.Add} and friends compute in float32.
 */
public abstract class ElementwiseMerge extends Layer {

    protected ElementwiseMerge(String name) {
        super(name);
    }

    /** One step of the fold. */
    protected abstract float combine(float acc, float x);

    /** Applied to the folded value; Average divides by the number of inputs. */
    protected float finish(float acc, int inputs) {
        return acc;
    }

    /** Inputs this merge accepts: at least 2 (Subtract: exactly 2). */
    protected void checkCount(int n) {
        if (n < 2) throw new IllegalArgumentException(kerasClass() + " '" + name() + "' needs at least 2 inputs, got " + n);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        checkCount(inputs.size());
        Shape out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) out = broadcast(out, inputs.get(i));
        return out;
    }

    private Shape broadcast(Shape a, Shape b) {
        return broadcast(a, b, kerasClass() + " '" + name() + "'");
    }

    /** NumPy broadcasting of two shapes aligned from the right; an unknown dimension meets any other. */
    static Shape broadcast(Shape a, Shape b, String who) {
        int rank = Math.max(a.rank(), b.rank());
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
            int y = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
            if (x == y || y == 1) d[i] = x;
            else if (x == 1) d[i] = y;
            else if (x == Shape.UNKNOWN || y == Shape.UNKNOWN) d[i] = Math.max(x, y);
            else throw new IllegalArgumentException(who + ": shapes " + a + " and " + b + " do not broadcast");
        }
        return Shape.of(d);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        int batch = inputs.get(0).batch();
        Shape sample = inputs.get(0).shape().dropFirst();
        boolean same = true;
        for (Tensor t : inputs) {
            sample = broadcast(sample, t.shape().dropFirst());
            same &= t.shape().equals(inputs.get(0).shape());
        }
        Shape outShape = sample.prepend(batch);
        float[] out;
        if (same) {
            out = inputs.get(0).data().clone();
            for (int i = 1; i < inputs.size(); i++) {
                float[] x = inputs.get(i).data();
                for (int k = 0; k < out.length; k++) out[k] = combine(out[k], x[k]);
            }
        } else {
            out = expand(inputs.get(0), outShape);
            for (int i = 1; i < inputs.size(); i++) {
                float[] x = expand(inputs.get(i), outShape);
                for (int k = 0; k < out.length; k++) out[k] = combine(out[k], x[k]);
            }
        }
        int n = inputs.size();
        for (int k = 0; k < out.length; k++) out[k] = finish(out[k], n);
        return new Tensor(outShape, out);
    }

    /** Keras {@code Merge.compute_mask}: a step is kept when every masked input keeps it. */
    @Override
    public org.jkeras.runtime.Mask outputMask(List<Tensor> inputs, List<org.jkeras.runtime.Mask> masks) {
        return Masks.and(masks);
    }

    /** {@code t} broadcast to {@code shape} (batch axis included), as a new array. */
    static float[] expand(Tensor t, Shape shape) {
        int rank = shape.rank();
        int[] src = new int[rank];
        Shape ts = t.shape();
        // the batch axis stays first; sample axes align from the right
        src[0] = ts.dim(0);
        int sampleRank = ts.rank() - 1;
        for (int i = 1; i < rank; i++) {
            int j = i - (rank - 1 - sampleRank);
            src[i] = j >= 1 ? ts.dim(j) : 1;
        }
        int[] stride = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; i--) {
            stride[i] = src[i] == 1 ? 0 : s;
            s *= src[i];
        }
        float[] in = t.data(), out = new float[shape.size()];
        int[] idx = new int[rank];
        int off = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = in[off];
            for (int a = rank - 1; a >= 0; a--) {
                off += stride[a];
                if (++idx[a] < shape.dim(a)) break;
                off -= stride[a] * shape.dim(a);
                idx[a] = 0;
            }
        }
        return out;
    }
}
