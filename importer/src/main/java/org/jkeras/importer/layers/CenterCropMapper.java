package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.CenterCrop;

/**
 * Keras {@code CenterCrop(height, width, data_format)} of (batch, h, w, c) images: a crop of images at least that
 * large, a crop to the aspect ratio and a bilinear resize of smaller ones (decided per call on the image's size).
 */
public final class CenterCropMapper {
    private CenterCropMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int height = cfg.getInt("height"), width = cfg.getInt("width");
        if (height < 1) throw cfg.error("height", "must be positive, got " + height);
        if (width < 1) throw cfg.error("width", "must be positive, got " + width);
        return new CenterCrop(ctx.name(), SpatialConfig.channelsFirst(ctx), height, width);
    }
}
