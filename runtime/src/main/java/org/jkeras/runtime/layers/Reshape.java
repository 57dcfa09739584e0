package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Reshape}: same data in C order, a new sample shape; one {@code -1} is inferred, at load time when the
 * input's shape is known, else per call (a sequence of open length: {@code (None, 8)} to {@code (-1, 4)}).
 */
public final class Reshape extends Layer {
    private final int[] target; // sample shape, may hold one -1

    public Reshape(String name, int[] target) {
        super(name);
        this.target = target.clone();
        if (Arrays.stream(target).filter(d -> d == -1).count() > 1 || Arrays.stream(target).anyMatch(d -> d < -1)) {
            throw new IllegalArgumentException("Reshape '" + name + "': bad target_shape " + Arrays.toString(target));
        }
    }

    @Override
    public String kerasClass() {
        return "Reshape";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.isFullyKnown()) return resolve(in.size(), in);
        return Shape.of(target); // the -1, if any, stays open until the rows arrive
    }

    private Shape resolve(int size, Shape in) {
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) unknownAt = i;
            else known *= target[i];
        }
        int[] d = target.clone();
        if (unknownAt >= 0) {
            if (known == 0 || size % known != 0) throw mismatch(in);
            d[unknownAt] = (int) (size / known);
        } else if (known != size) {
            throw mismatch(in);
        }
        return Shape.of(d);
    }

    private IllegalArgumentException mismatch(Shape in) {
        return new IllegalArgumentException("Reshape '" + name() + "': cannot reshape " + in + " (" + in.size() + " values) to " + Arrays.toString(target));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape sample = x.shape().dropFirst();
        try {
            sample = resolve(sample.size(), sample);
        } catch (IllegalArgumentException e) {
            throw new PredictException(e.getMessage(), e);
        }
        return x.reshape(sample.prepend(x.batch()));
    }

    @Override
    public String details() {
        return "target " + Arrays.toString(target);
    }
}
