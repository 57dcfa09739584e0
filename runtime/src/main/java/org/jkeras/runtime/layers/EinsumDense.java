package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Einsum;

/**
 * Keras {@code EinsumDense}: {@code activation(einsum(equation, x, kernel) + bias)}, the bias broadcast NumPy-style
 * against the output's trailing axes (Keras' {@code ops.add}), the activation on the last axis. The kernel is packed
 * once ({@link Einsum#withConstant}); the equation's batch letter and any {@code ...} axes may be unknown until
 * the rows arrive.
 */
public final class EinsumDense extends Layer {
    private final String equation;
    private final Shape kernelShape;
    private final Einsum.WithConstant einsum;
    private final float[] bias;     // biasShape, or null
    private final int[] biasShape;  // Keras' bias shape: the output axes from the first bias letter on, 1 where not biased
    private final Activation activation;

    public EinsumDense(String name, String equation, Shape inputShape, Shape kernelShape, float[] kernel, float[] bias, int[] biasShape, Activation activation) {
        super(name);
        this.equation = equation;
        this.kernelShape = kernelShape;
        try {
            this.einsum = parse(inputShape).withConstant(kernel);
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
        this.bias = bias == null ? null : bias.clone();
        this.biasShape = biasShape == null ? null : biasShape.clone();
        this.activation = activation;
        if (bias != null && Shape.of(biasShape).size() != bias.length) throw new IllegalArgumentException("EinsumDense '" + name + "': bias does not fill " + Arrays.toString(biasShape));
    }

    private Einsum parse(Shape sample) {
        try {
            return Einsum.parse(equation, sample.prepend(Shape.UNKNOWN), kernelShape);
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    private IllegalArgumentException named(IllegalArgumentException e) {
        String prefix = "EinsumDense '" + name() + "': ";
        return e.getMessage() != null && e.getMessage().startsWith(prefix) ? e : new IllegalArgumentException(prefix + e.getMessage(), e);
    }

    @Override
    public String kerasClass() {
        return "EinsumDense";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape out = parse(inputs.get(0)).outputShape().dropFirst();
        if (biasShape != null) broadcastCheck(out);
        int last = out.rank() == 0 ? Shape.UNKNOWN : out.dim(-1);
        return last == Shape.UNKNOWN ? out : out.withLast(activation.outputWidth(last));
    }

    /** The bias must broadcast against the output's trailing axes (batch excluded, it never reaches it). */
    private void broadcastCheck(Shape out) {
        boolean ok = biasShape.length <= out.rank();
        for (int i = 1; ok && i <= biasShape.length; i++) {
            int o = out.dim(out.rank() - i), b = biasShape[biasShape.length - i];
            ok = b == 1 || o == Shape.UNKNOWN || o == b;
        }
        if (!ok) throw new IllegalArgumentException("EinsumDense '" + name() + "': bias " + Arrays.toString(biasShape) + " does not broadcast to output " + out);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor y;
        try {
            y = einsum.apply(inputs.get(0));
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
        float[] d = y.data();
        int[] od = y.shape().dims();
        if (bias != null) {
            broadcastCheck(y.shape());
            int k = biasShape.length, block = 1;
            for (int i = od.length - k; i < od.length; i++) block *= od[i];
            float[] b = new float[block]; // the bias broadcast to the trailing block
            for (int t = 0; t < block; t++) {
                int bi = 0, stride = 1;
                for (int i = k - 1, rem = t; i >= 0; i--) {
                    int o = od[od.length - k + i], c = rem % o;
                    rem /= o;
                    if (biasShape[i] != 1) bi += c * stride;
                    stride *= biasShape[i];
                }
                b[t] = bias[bi];
            }
            for (int o = 0; o < d.length; o += block) for (int t = 0; t < block; t++) d[o + t] += b[t];
        }
        if (activation.isIdentity()) return y;
        int width = od.length < 2 ? 1 : od[od.length - 1], rows = width == 0 ? 0 : d.length / width;
        activation.applyRows(d, 0, rows, width);
        int outWidth = activation.outputWidth(width);
        return outWidth == width ? y : new Tensor(y.shape().withLast(outWidth), Arrays.copyOf(d, rows * outWidth));
    }

    @Override
    public long paramCount() {
        return (long) kernelShape.size() + (bias == null ? 0 : bias.length);
    }

    @Override
    public String details() {
        return "'" + equation + "' kernel " + kernelShape + (bias == null ? "" : " bias " + Arrays.toString(biasShape))
                + (activation.isIdentity() ? "" : ", " + activation.name() + ": " + activation.formula());
    }
}
