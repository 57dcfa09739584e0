package org.jkeras.runtime.ops;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.zeros_like / ones_like / full_like(x, fill_value)}: a tensor of x's shape holding one value. */
public final class FillLike extends TensorOp {
    private final float value;

    public FillLike(String name, String kerasClass, float value) {
        super(name, kerasClass);
        this.value = value;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        return in.get(0);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        float[] out = new float[in.get(0).size()];
        Arrays.fill(out, value);
        return new Tensor(in.get(0).shape(), out);
    }

    @Override
    public String details() {
        return "filled with " + value;
    }
}
