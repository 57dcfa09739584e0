package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Embedding}: each index of the input picks a row of the table, (batch, d...) to (batch, d..., dim).
 * Indices arrive as floats (an int32 model input holds them exactly up to 2^24); like Keras' cast to int32, a
 * fractional index is truncated toward zero. An index outside [0, input_dim) fails naming the layer. With
 * {@code mask_zero} the output's timestep mask is {@code index != 0}.
 */
public final class Embedding extends Layer {
    private final int inputDim, outputDim;
    private final float[] table; // (input_dim, output_dim)
    private final boolean maskZero;

    public Embedding(String name, int inputDim, int outputDim, float[] table, boolean maskZero) {
        super(name);
        if (table.length != (long) inputDim * outputDim) {
            throw new IllegalArgumentException("Embedding '" + name + "': table of " + table.length + " values for " + inputDim + " x " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.table = table.clone();
        this.maskZero = maskZero;
    }

    @Override
    public String kerasClass() {
        return "Embedding";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (maskZero && in.rank() != 1) {
            throw new IllegalArgumentException("Embedding '" + name() + "' with mask_zero needs (batch, steps) indices to make a timestep mask, got "
                    + in.prepend(Shape.UNKNOWN));
        }
        int[] d = in.dims();
        int[] out = java.util.Arrays.copyOf(d, d.length + 1);
        out[d.length] = outputDim;
        return Shape.of(out);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] idx = x.data(), out = new float[Math.multiplyExact(idx.length, outputDim)];
        for (int i = 0; i < idx.length; i++) {
            float v = idx[i];
            int row = (int) v; // truncation toward zero, as Keras casts to int32
            if (!(v > -1f) || row >= inputDim || Float.isNaN(v)) {
                throw new PredictException("Embedding '" + name() + "': index " + v + " at flat position " + i + " of input " + x.shape()
                        + " is outside [0, " + inputDim + ")");
            }
            System.arraycopy(table, row * outputDim, out, i * outputDim, outputDim);
        }
        int[] d = x.shape().dims();
        int[] od = java.util.Arrays.copyOf(d, d.length + 1);
        od[d.length] = outputDim;
        return new Tensor(Shape.of(od), out);
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        if (!maskZero) return null;
        Tensor x = inputs.get(0);
        int batch = x.shape().dim(0), steps = x.shape().dim(1);
        boolean[] keep = new boolean[batch * steps];
        for (int i = 0; i < keep.length; i++) keep[i] = x.data()[i] != 0f;
        return new Mask(batch, steps, keep);
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return List.of(maskZero);
    }

    @Override
    public long paramCount() {
        return (long) inputDim * outputDim;
    }

    @Override
    public String details() {
        return inputDim + " x " + outputDim + (maskZero ? ", mask_zero" : "");
    }
}
