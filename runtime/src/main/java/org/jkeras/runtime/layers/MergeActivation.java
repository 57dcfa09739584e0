package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A merge ({@code Add}, …) and the elementwise activation layer that alone reads it, as one node (a residual
 * block's {@code Add} then {@code relu}): the activation runs in place on the merge's fresh output, with no second
 * array. Same bits as the two layers; masks as the merge's (an activation passes its input's mask on).
 */
public final class MergeActivation extends FusedPair {
    private final ElementwiseMerge merge;
    private final Activation act; // elementwise, width kept
    private final String actLayer;

    /** {@code merge} then activation layer {@code actLayer} computing {@code act} (elementwise). */
    public MergeActivation(ElementwiseMerge merge, Activation act, String actLayer) {
        super(merge, actLayer);
        if (!act.isElementwise()) throw new IllegalArgumentException("activation " + act.name() + " is not elementwise");
        this.merge = merge;
        this.act = act;
        this.actLayer = actLayer;
    }

    /** The merge, without its activation. */
    public ElementwiseMerge merge() {
        return merge;
    }

    /** The activation run after the merge. */
    public Activation activation() {
        return act;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return merge.outputShape(inputs);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return activate(merge.forward(inputs));
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        return List.of(activate(merge.forwardAll(inputs, masks).get(0)));
    }

    /** In place: a merge always writes a new array. */
    private Tensor activate(Tensor y) {
        int width = y.shape().rank() < 2 ? 1 : y.shape().dim(-1);
        act.applyRows(y.data(), 0, width == 0 ? 0 : y.size() / width, width);
        return y;
    }

    @Override
    public String details() {
        return act.name() + " (fused " + actLayer + ")";
    }
}
