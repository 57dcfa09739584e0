package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Softmax;

/** Keras {@code Softmax(axis=-1)}; {@code axis} may be a list. The last axis alone runs the fused row kernel. */
public final class SoftmaxMapper {
    private SoftmaxMapper() {
    }

    public static Layer map(MapContext ctx) {
        Shape in = ctx.inputShape();
        int[] axes = ctx.config().has("axis") ? ctx.config().getIntArray("axis") : new int[] {-1};
        int rank = in.rank() + 1; // with the batch axis
        int[] sample = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a <= 0 || a >= rank) throw ctx.config().error("axis", "axis " + axes[i] + " is out of range for input " + in.prepend(Shape.UNKNOWN));
            sample[i] = a - 1;
        }
        if (sample.length == 1 && sample[0] == in.rank() - 1) {
            return new ActivationLayer(ctx.name(), "Softmax", Activations.softmax());
        }
        return new Softmax(ctx.name(), Arrays.stream(sample).distinct().toArray());
    }
}
