package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code GlobalAveragePooling1D}: the mean of every channel over all steps; see {@link BaseGlobalPooling}.
 * With a timestep mask, the mean of the kept steps: {@code sum(where(mask, x, 0)) / sum(mask)} in Keras 3,
 * {@code sum(x * mask) / sum(mask)} in Keras 2 (a masked NaN or infinity then counts); a sample with no kept step
 * gives NaN, as 0 / 0 does in Keras. The output carries no mask.
 */
public final class GlobalAveragePooling1D extends BaseGlobalPooling {
    private final boolean channelsFirst;
    private final Semantics semantics;

    /** With Keras 3's masked mean. */
    public GlobalAveragePooling1D(String name, boolean channelsFirst, boolean keepDims) {
        this(name, channelsFirst, keepDims, Semantics.KERAS_3);
    }

    public GlobalAveragePooling1D(String name, boolean channelsFirst, boolean keepDims, Semantics semantics) {
        super(name, 1, channelsFirst, keepDims, false);
        this.channelsFirst = channelsFirst;
        this.semantics = semantics;
    }

    @Override
    public String kerasClass() {
        return "GlobalAveragePooling1D";
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Mask mask = masks.isEmpty() ? null : masks.get(0);
        if (mask == null) return List.of(forward(inputs));
        Tensor x = inputs.get(0);
        int batch = x.batch(), steps = x.shape().dim(channelsFirst ? 2 : 1), c = x.shape().dim(channelsFirst ? 1 : 2);
        if (mask.batch() != batch || mask.steps() != steps) {
            throw new PredictException("GlobalAveragePooling1D '" + name() + "': mask of " + mask.batch() + " x " + mask.steps()
                    + " steps for input " + x.shape());
        }
        int cs = channelsFirst ? steps : 1, ts = channelsFirst ? 1 : c; // strides of channel and step
        float[] in = x.data(), y = new float[batch * c];
        for (int b = 0; b < batch; b++) {
            int kept = 0;
            for (int t = 0; t < steps; t++) if (mask.keep(b, t)) kept++;
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int t = 0, o = b * steps * c + ch * cs; t < steps; t++, o += ts) {
                    if (mask.keep(b, t)) sum += in[o];
                    else if (semantics != Semantics.KERAS_3) sum += in[o] * 0f; // x * mask
                }
                y[b * c + ch] = (float) sum / kept; // two float32 sums divided, as Keras
            }
        }
        return List.of(new Tensor(outputShape(List.of(x.shape().dropFirst())).prepend(batch), y));
    }
}
