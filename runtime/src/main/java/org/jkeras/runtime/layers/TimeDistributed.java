package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code TimeDistributed}: the inner layer applied to every step of a (batch, steps, ...) input, run once
 * on the (batch · steps, ...) reshaped tensor (every Keras layer treats samples independently at inference).
 * The timestep mask passes through.
 */
public final class TimeDistributed extends Layer {
    private final Layer inner;

    public TimeDistributed(String name, Layer inner) {
        super(name);
        if (inner.outputCount() != 1) throw new IllegalArgumentException("TimeDistributed '" + name + "': the inner layer has " + inner.outputCount() + " outputs");
        this.inner = inner;
    }

    public Layer inner() {
        return inner;
    }

    @Override
    public String kerasClass() {
        return "TimeDistributed";
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() < 2) throw new IllegalArgumentException("TimeDistributed '" + name() + "' expects (batch, steps, ...), got " + in.prepend(Shape.UNKNOWN));
        return inner.outputShape(List.of(in.dropFirst())).prepend(in.dim(0));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] d = x.shape().dims();
        int rows = Math.multiplyExact(d[0], d[1]);
        int[] flat = new int[d.length - 1];
        flat[0] = rows;
        System.arraycopy(d, 2, flat, 1, d.length - 2);
        Tensor y = inner.forward(List.of(x.reshape(Shape.of(flat))));
        int[] yd = y.shape().dims();
        int[] out = new int[yd.length + 1];
        out[0] = d[0];
        out[1] = d[1];
        System.arraycopy(yd, 1, out, 2, yd.length - 1);
        return y.reshape(Shape.of(out));
    }

    @Override
    public long paramCount() {
        return inner.paramCount();
    }

    @Override
    public String details() {
        String d = inner.details();
        return inner.kerasClass() + (d.isEmpty() ? "" : " " + d);
    }
}
