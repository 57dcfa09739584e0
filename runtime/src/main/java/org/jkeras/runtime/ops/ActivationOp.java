package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 activation op node ({@code keras.ops.elu(x, 0.5)}, {@code keras.activations.gelu(x)}, {@code ops.softmax(x,
 * axis=1)} ...), computed by the activation's own kernel. Elementwise activations see every value; rowwise ones
 * (softmax, log_softmax, sparsemax, glu) see the values along their axes as one row, the axes counted over the whole
 * tensor (0 is the batch axis) and taken jointly when there are several, as {@code keras.ops.softmax} does with a tuple.
 */
public final class ActivationOp extends Layer {
    private final String kerasClass;
    private final Activation activation;
    private final int[] axes; // rowwise only: the axes of a row, as written (negative from the end); null: every axis

    public ActivationOp(String name, String kerasClass, Activation activation, int[] axes) {
        super(name);
        this.kerasClass = kerasClass;
        this.activation = activation;
        this.axes = axes == null ? null : axes.clone();
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (activation.isElementwise()) return in;
        Shape full = in.prepend(Shape.UNKNOWN);
        boolean[] mask = Axes.mask(axes, full.rank(), who());
        int width = 1, axis = -1;
        for (int a = 0; a < mask.length; a++) {
            if (!mask[a]) continue;
            width = full.dim(a) == Shape.UNKNOWN || width == Shape.UNKNOWN ? Shape.UNKNOWN : width * full.dim(a);
            axis = a;
        }
        if (width == Shape.UNKNOWN && activation.outputWidth(2) != 2) throw new IllegalArgumentException(who() + ": the axis must have a known size");
        if (width == Shape.UNKNOWN || activation.outputWidth(width) == width) return in;
        int[] d = full.dims();
        try {
            d[axis] = activation.outputWidth(width);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
        if (countOf(mask) != 1) throw new IllegalArgumentException(who() + ": " + activation.name() + " takes one axis");
        return Shape.of(d).dropFirst();
    }

    private static int countOf(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    private String who() {
        return kerasClass + " '" + name() + "'";
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] in = x.data();
        if (activation.isElementwise()) {
            float[] out = in.clone();
            activation.applyRows(out, 0, 1, out.length);
            return new Tensor(x.shape(), out);
        }
        int[] dims = x.shape().dims();
        boolean[] mask = Axes.mask(axes, dims.length, who());
        if (countOf(mask) == 1 && mask[dims.length - 1]) { // the last axis: rows are contiguous, the kernel takes them all
            int width = dims[dims.length - 1], rows = width == 0 ? 0 : in.length / width;
            float[] buf = in.clone();
            activation.applyRows(buf, 0, rows, width);
            int[] outDims = dims.clone();
            outDims[dims.length - 1] = activation.outputWidth(width);
            return new Tensor(Shape.of(outDims), buf.length == rows * outDims[dims.length - 1] ? buf
                    : java.util.Arrays.copyOf(buf, rows * outDims[dims.length - 1]));
        }
        int[] groups = Axes.offsets(dims, mask, false), members = Axes.offsets(dims, mask, true);
        int width = members.length, outWidth = activation.outputWidth(width);
        int[] outDims = dims.clone();
        int[] outMembers = members;
        if (outWidth != width) { // glu: one axis, halved
            for (int a = 0; a < dims.length; a++) if (mask[a]) outDims[a] = outWidth;
            outMembers = Axes.offsets(outDims, mask, true);
        }
        int[] outGroups = outWidth != width ? Axes.offsets(outDims, mask, false) : groups;
        float[] out = new float[in.length / width * outWidth], row = new float[width];
        for (int g = 0; g < groups.length; g++) {
            for (int m = 0; m < width; m++) row[m] = in[groups[g] + members[m]];
            activation.applyRows(row, 0, 1, width);
            for (int m = 0; m < outWidth; m++) out[outGroups[g] + outMembers[m]] = row[m];
        }
        return new Tensor(Shape.of(outDims), out);
    }

    @Override
    public String details() {
        return activation.name() + ": " + activation.formula() + (activation.isElementwise() ? "" : axes == null ? ", every axis" : ", axis " + java.util.Arrays.toString(axes));
    }
}
