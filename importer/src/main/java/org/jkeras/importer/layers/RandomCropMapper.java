package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.ImageResize;
import org.jkeras.runtime.layers.Identity;
import org.jkeras.runtime.layers.Resizing;

/**
 * {@code RandomCrop(height, width)} at inference. Keras 3.15.1 returns the images unchanged ({@code transform_images}
 * crops only when training), although it declares a {@code (height, width)} output. tf.keras / Keras 2.7+ files get
 * {@code smart_resize}: the largest centred window of the target aspect ratio, resized bilinearly. Older versions
 * resized the shorter side first and then cropped; they are refused.
 */
public final class RandomCropMapper {
    private RandomCropMapper() {
    }

    public static Layer map(MapContext ctx) {
        ResizingMapper.imageInput(ctx);
        int h = ctx.config().getInt("height"), w = ctx.config().getInt("width");
        ctx.config().raw("seed");
        if (ctx.semantics() == Semantics.KERAS_3) {
            SpatialConfig.channelsFirst(ctx);
            return new Identity(ctx.name(), "RandomCrop");
        }
        String v = ctx.kerasVersion();
        if (v == null || !v.matches("2\\.([7-9]|\\d\\d+)(\\D.*)?")) {
            throw ctx.error("RandomCrop of keras_version " + v + " is not supported: before Keras 2.7 inference resized the shorter side, then cropped"
                    + " (jkeras computes the smart_resize of 2.7 and later)");
        }
        return new Resizing(ctx.name(), "RandomCrop", h, w, ImageResize.Method.BILINEAR, Resizing.Fit.CROP, 0f, SpatialConfig.channelsFirst(ctx));
    }
}
