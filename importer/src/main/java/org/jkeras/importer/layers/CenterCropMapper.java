package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.CenterCrop;

/** Keras {@code CenterCrop(height, width, data_format)} of a (batch, h, w, c) image with a known size at least (height, width). */
public final class CenterCropMapper {
    private CenterCropMapper() {
    }

    public static Layer map(MapContext ctx) {
        boolean cf = SpatialConfig.channelsFirst(ctx);
        Shape in = ctx.inputShape();
        if (in.rank() != 3) throw ctx.error("expected images of rank 4 (batch, height, width, channels), got " + in.prepend(Shape.UNKNOWN));
        int h = in.dim(cf ? 1 : 0), w = in.dim(cf ? 2 : 1);
        if (h == Shape.UNKNOWN || w == Shape.UNKNOWN) throw ctx.error("the image size of input " + in + " must be known");
        int height = ctx.config().getInt("height"), width = ctx.config().getInt("width");
        if (h < height || w < width) {
            throw ctx.error("cropping a " + h + "x" + w + " image to " + height + "x" + width + " makes Keras resize it instead; that is not supported");
        }
        return new CenterCrop(ctx.name(), cf, h, w, height, width);
    }
}
