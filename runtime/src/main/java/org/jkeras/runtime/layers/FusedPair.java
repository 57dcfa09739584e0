package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Tensor;

/**
 * A layer and the mask-passing layer that alone reads it (an activation, a normalisation), as one node made by
 * {@code Fusion}: named, classed and masked as the first, since the second passes its input's mask on.
 */
abstract class FusedPair extends Layer {
    protected final Layer first;
    private final String second; // the absorbed layer's name

    FusedPair(Layer first, String second) {
        super(first.name());
        this.first = first;
        this.second = second;
    }

    @Override
    public String kerasClass() {
        return first.kerasClass();
    }

    @Override
    public boolean propagatesMask() {
        return first.propagatesMask();
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return first.outputMask(inputs, masks);
    }

    @Override
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        return first.outputMasks(inputs, masks);
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return first.outputsMasked(inputsMasked);
    }

    @Override
    public int[] maskClearedInputs() {
        return first.maskClearedInputs();
    }

    @Override
    public List<String> fusedFrom() {
        return List.of(second);
    }
}
