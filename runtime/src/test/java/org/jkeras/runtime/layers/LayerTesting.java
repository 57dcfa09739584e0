package org.jkeras.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the layer tests: building tensors, running a layer, comparing floats. */
final class LayerTesting {
    private LayerTesting() {
    }

    static Tensor tensor(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    /** start, start + 1, ... as a tensor of the given shape (batch first). */
    static Tensor arange(float start, int... dims) {
        float[] d = new float[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = start + i;
        return new Tensor(Shape.of(dims), d);
    }

    /**
     * Runs {@code layer.forward} and checks that the result has the batch of the first input and the per-sample
     * shape {@code layer.outputShape} predicts; also checks the inputs were not written to.
     */
    static Tensor run(Layer layer, Tensor... in) {
        List<Shape> samples = new ArrayList<>();
        List<float[]> before = new ArrayList<>();
        for (Tensor t : in) {
            samples.add(t.shape().dropFirst());
            before.add(t.data().clone());
        }
        Shape predicted = layer.outputShape(samples);
        Tensor out = layer.forward(List.of(in));
        assertEquals(predicted.prepend(in[0].batch()), out.shape(), "forward's shape vs outputShape of " + layer);
        for (int i = 0; i < in.length; i++) {
            assertTrue(Arrays.equals(before.get(i), in[i].data()), "input " + i + " was written to by " + layer);
        }
        return out;
    }

    /** Bitwise equality, reporting the first differing index. */
    static void assertBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError("at " + i + ": expected " + expected[i] + " but was " + actual[i]
                        + "\n expected " + Arrays.toString(expected) + "\n actual   " + Arrays.toString(actual));
            }
        }
    }

    static void assertClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                throw new AssertionError("at " + i + ": expected " + expected[i] + " but was " + actual[i] + " (tolerance " + tol + ")"
                        + "\n actual " + Arrays.toString(actual));
            }
        }
    }

    static Shape shape(int... dims) {
        return Shape.of(dims);
    }

    /** An IllegalArgumentException whose message names the layer (in quotes, as every layer error does). */
    static IllegalArgumentException assertNamedError(String layerName, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage() != null && ex.getMessage().contains("'" + layerName + "'"),
                "message should name '" + layerName + "': " + ex.getMessage());
        return ex;
    }
}
