package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A convolution and the two-input residual {@code Add} that alone reads its output (through an inference no-op
 * such as Dropout, if any), with the elementwise activation after the Add, as one node (made by {@code Fusion}):
 * the addition and activation run in the convolution's epilogue, so neither the convolution's output nor a second
 * pass over memory exists. Inputs: the convolution's input, then the Add's other operand. Same bits as the layers
 * one by one; when the operand's shape differs from the convolution's output (an Add that broadcasts), the layers
 * run one by one. The node produces the Add's (or its activation's) output, under the convolution's name.
 */
public final class ConvAdd extends Layer {
    private final BaseConv conv;
    private final Layer merge;        // the Add, or the Add with its activation (MergeActivation): run when shapes differ
    private final Activation after;   // the activation after the Add; identity for none
    private final int slot;           // the Add's input the convolution fed
    private final List<String> fusedFrom;

    /**
     * {@code conv} feeding input {@code slot} of {@code merge} (an {@link Add} of two inputs, or one in a
     * {@link MergeActivation} computing {@code after}), through the no-op layers {@code between}.
     */
    public ConvAdd(BaseConv conv, List<String> between, Layer merge, Activation after, int slot) {
        super(conv.name());
        if (!conv.canAdd()) throw new IllegalArgumentException(conv + " cannot run a residual Add in its epilogue");
        if (!after.isElementwise()) throw new IllegalArgumentException("activation " + after.name() + " is not elementwise");
        if (slot != 0 && slot != 1) throw new IllegalArgumentException("a residual Add has inputs 0 and 1, not " + slot);
        this.conv = conv;
        this.merge = merge;
        this.after = after;
        this.slot = slot;
        List<String> names = new ArrayList<>(conv.fusedFrom());
        names.addAll(between);
        names.add(merge.name());
        names.addAll(merge.fusedFrom());
        this.fusedFrom = List.copyOf(names);
    }

    @Override
    public String kerasClass() {
        return conv.kerasClass();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 2);
        return merge.outputShape(inAddOrder(conv.outputShape(inputs.subList(0, 1)), inputs.get(1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        expectInputs(inputs, 2);
        Tensor x = inputs.get(0), residual = inputs.get(1);
        Shape out = conv.outputShape(List.of(x.shape().dropFirst())).prepend(x.batch());
        if (out.equals(residual.shape())) return conv.forwardAdding(x, residual, after);
        return merge.forward(inAddOrder(conv.forward(List.of(x)), residual));
    }

    /** The Add's inputs in its own order: the convolution's output at its slot. */
    private <T> List<T> inAddOrder(T convOut, T other) {
        return slot == 0 ? Arrays.asList(convOut, other) : Arrays.asList(other, convOut);
    }

    /** The Add's mask rules, the convolution's output carrying none (convolutions do not pass masks on). */
    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return merge.outputMask(inputs, inAddOrder(null, masks.size() > 1 ? masks.get(1) : null));
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return merge.outputsMasked(inAddOrder(false, inputsMasked.size() > 1 && inputsMasked.get(1)));
    }

    @Override
    public List<String> fusedFrom() {
        return fusedFrom;
    }

    @Override
    public long paramCount() {
        return conv.paramCount();
    }

    @Override
    public String details() {
        return conv.details() + "; fused " + merge.kerasClass() + " '" + merge.name() + "'" + (after.isIdentity() ? "" : " then " + after.name());
    }
}
