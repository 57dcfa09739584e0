package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.split(x, indices_or_sections, axis)}: a node of several outputs, {@code sections} equal parts, or
 * the parts between the ascending {@code indices} (as NumPy: the first part ends at the first index).
 */
public final class Split extends TensorOp {
    private final int sections;  // > 0: equal parts; 0: by indices
    private final int[] indices;
    private final int axis;

    public Split(String name, int sections, int[] indices, int axis) {
        super(name, "Split");
        if ((sections > 0) == (indices != null)) throw new IllegalArgumentException("Split '" + name + "': sections or indices");
        this.sections = sections;
        this.indices = indices == null ? null : indices.clone();
        this.axis = axis;
    }

    @Override
    public int outputCount() {
        return sections > 0 ? sections : indices.length + 1;
    }

    /** Start of each part and the end, along an axis of size n (UNKNOWN: unknown bounds). */
    private int[] bounds(int n) {
        int parts = outputCount();
        int[] b = new int[parts + 1];
        if (sections > 0) {
            if (n != Shape.UNKNOWN && n % sections != 0) {
                throw new IllegalArgumentException(who() + ": axis " + axis + " of size " + n + " does not split into " + sections + " equal parts");
            }
            for (int i = 0; i <= parts; i++) b[i] = n == Shape.UNKNOWN ? Shape.UNKNOWN : n / sections * i;
            return b;
        }
        b[parts] = n;
        for (int i = 0; i < indices.length; i++) {
            b[i + 1] = indices[i];
            if (indices[i] < b[i] || (n != Shape.UNKNOWN && indices[i] > n)) {
                throw new IllegalArgumentException(who() + ": indices " + str(indices) + " are not ascending within axis " + axis + " of size " + n);
            }
        }
        return b;
    }

    private List<Shape> shapes(Shape x) {
        int ax = axis(axis, x.rank());
        int[] b = bounds(x.dim(ax));
        List<Shape> out = new ArrayList<>();
        for (int i = 0; i < outputCount(); i++) {
            int[] d = x.dims();
            d[ax] = b[i] == Shape.UNKNOWN || b[i + 1] == Shape.UNKNOWN ? Shape.UNKNOWN : b[i + 1] - b[i];
            out.add(Shape.of(d));
        }
        return out;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        return shapes(in.get(0)).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        return shapes(operandShapes(inputs).get(0)).stream().map(this::perSample).toList();
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int ax = axis(axis, x.shape().rank());
        int[] b = bounds(x.shape().dim(ax)), st = Strided.strides(x.shape());
        List<Tensor> out = new ArrayList<>();
        for (Shape s : shapes(x.shape())) {
            out.add(new Tensor(s, Strided.gather(x.data(), b[out.size()] * st[ax], s.dims(), st)));
        }
        return out;
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        return forwardAll(in).get(0);
    }

    @Override
    public String details() {
        return (sections > 0 ? sections + " parts" : "at " + str(indices)) + " along axis " + axis;
    }
}
