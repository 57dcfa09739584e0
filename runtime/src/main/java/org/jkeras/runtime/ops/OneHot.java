package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras 3 op {@code keras.ops.one_hot(x, num_classes, axis=-1)}: a new axis of {@code num_classes} at {@code axis} of the
 * result (counted over the whole tensor, 0 the batch axis), 1 at each value's class and 0 elsewhere; values are
 * truncated to integers as {@code tf.one_hot} reads int64, and one outside [0, num_classes) gives all zeros.
 */
public final class OneHot extends Layer {
    private final int numClasses;
    private final int axis; // as written: negative counts from the end of the result

    public OneHot(String name, int numClasses, int axis) {
        super(name);
        if (numClasses < 0) throw new IllegalArgumentException("OneHot '" + name + "': num_classes " + numClasses + " is negative");
        this.numClasses = numClasses;
        this.axis = axis;
    }

    @Override
    public String kerasClass() {
        return "OneHot";
    }

    /** The axis of the result for an input of {@code rank} axes (batch included). */
    private int axisFor(int rank) {
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) throw new IllegalArgumentException("OneHot '" + name() + "': axis " + axis + " is out of range for an input of rank " + rank);
        return a;
    }

    private Shape insert(Shape full) {
        int a = axisFor(full.rank());
        int[] d = new int[full.rank() + 1];
        for (int i = 0, j = 0; i < d.length; i++) d[i] = i == a ? numClasses : full.dim(j++);
        return Shape.of(d);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return insert(inputs.get(0).prepend(Shape.UNKNOWN)).dropFirst();
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape out = insert(x.shape());
        int a = axisFor(x.shape().rank());
        int inner = 1; // elements after the class axis, per element before it
        for (int i = a + 1; i < out.rank(); i++) inner *= out.dim(i);
        float[] in = x.data(), r = new float[out.size()];
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            if (!(v > -1 && v < numClasses)) continue; // NaN too
            int c = (int) v; // toward zero: -0.5 reads as class 0
            int outer = i / inner, rest = i % inner;
            r[(outer * numClasses + c) * inner + rest] = 1f;
        }
        return new Tensor(out, r);
    }

    @Override
    public String details() {
        return "one_hot(x, num_classes=" + numClasses + ", axis=" + axis + ")";
    }
}
