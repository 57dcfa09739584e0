package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.DenseKernel;

/**
 * Keras {@code Dense}: {@code activation(x · kernel + bias)} on the last axis of an input of any rank ≥ 2,
 * in one fused kernel pass per row block. {@code fusedFrom} names the activation layers folded into it.
 */
public final class Dense extends Layer {
    private final DenseKernel kernel; // packed from kernel (in, units) and bias (units)
    private final boolean useBias;
    private final List<String> fusedFrom;

    public Dense(String name, DenseKernel kernel, boolean useBias, List<String> fusedFrom) {
        super(name);
        this.kernel = kernel;
        this.useBias = useBias;
        this.fusedFrom = List.copyOf(fusedFrom);
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "Dense";
    }

    public Activation activation() {
        return kernel.activation();
    }

    /** The packed kernel with its fused activation (shared, immutable). */
    public DenseKernel kernel() {
        return kernel;
    }

    @Override
    public List<String> fusedFrom() {
        return fusedFrom;
    }

    /** This layer with {@code act} applied in its epilogue, {@code layerName} recorded as fused. */
    public Dense fuse(Activation act, String layerName) {
        if (!activation().isIdentity()) throw new IllegalStateException("'" + name() + "' already has activation " + activation().name());
        List<String> names = new java.util.ArrayList<>(fusedFrom);
        names.add(layerName);
        return new Dense(name(), kernel.withActivation(act), useBias, names);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() < 1 || in.dim(-1) != kernel.inputSize()) {
            throw new IllegalArgumentException("Dense '" + name() + "' expects a last axis of " + kernel.inputSize() + ", got input shape " + in);
        }
        return in.withLast(kernel.outputWidth());
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int rows = x.size() / kernel.inputSize();
        float[] y = Arena.floats(Math.multiplyExact(rows, kernel.outputWidth())); // every element written
        kernel.forward(x.data(), 0, y, 0, rows);
        return new Tensor(x.shape().withLast(kernel.outputWidth()), y);
    }

    @Override
    public long paramCount() {
        return (long) kernel.inputSize() * kernel.units() + (useBias ? kernel.units() : 0);
    }

    @Override
    public String details() {
        String d = activation().isIdentity() ? "" : activation().name() + ": " + activation().formula();
        return fusedFrom.isEmpty() ? d : d + " (fused " + String.join(", ", fusedFrom) + ")";
    }
}
