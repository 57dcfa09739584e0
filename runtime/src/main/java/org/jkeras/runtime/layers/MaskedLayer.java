package org.jkeras.runtime.layers;

import java.util.Collections;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Tensor;

/**
 * A layer whose computation reads the inputs' timestep masks (recurrent and attention layers): it implements
 * {@link #forwardAll(List, List)} alone, and a call without masks is that call with every mask absent.
 */
public abstract class MaskedLayer extends Layer {

    protected MaskedLayer(String name) {
        super(name);
    }

    @Override
    public final Tensor forward(List<Tensor> inputs) {
        return forwardAll(inputs).get(0);
    }

    @Override
    public final List<Tensor> forwardAll(List<Tensor> inputs) {
        return forwardAll(inputs, Collections.nCopies(inputs.size(), null));
    }

    @Override
    public abstract List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks);
}
