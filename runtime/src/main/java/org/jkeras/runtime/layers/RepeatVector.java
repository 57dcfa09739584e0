package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Keras {@code RepeatVector(n)}: (features) becomes (n, features), the sample repeated n times. */
public final class RepeatVector extends Layer {
    private final int n;

    public RepeatVector(String name, int n) {
        super(name);
        if (n <= 0) throw new IllegalArgumentException("RepeatVector '" + name + "': n must be positive, got " + n);
        this.n = n;
    }

    @Override
    public String kerasClass() {
        return "RepeatVector";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != 1) throw new IllegalArgumentException("RepeatVector '" + name() + "' takes (batch, features), got " + in.prepend(Shape.UNKNOWN));
        return Shape.of(n, in.dim(0));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int f = x.rowSize();
        float[] out = new float[x.batch() * n * f];
        for (int b = 0; b < x.batch(); b++) {
            for (int r = 0; r < n; r++) System.arraycopy(x.data(), b * f, out, (b * n + r) * f, f);
        }
        return new Tensor(Shape.of(x.batch(), n, f), out);
    }
}
