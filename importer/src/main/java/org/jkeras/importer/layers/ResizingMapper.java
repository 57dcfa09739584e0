package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.ImageResize;
import org.jkeras.runtime.layers.Resizing;

/**
 * Keras {@code Resizing(height, width, interpolation="bilinear", crop_to_aspect_ratio, pad_to_aspect_ratio,
 * fill_mode="constant", fill_value, antialias=False, data_format)}; bilinear, nearest and bicubic are computed.
 */
public final class ResizingMapper {
    private ResizingMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        boolean cf = SpatialConfig.channelsFirst(ctx);
        imageInput(ctx);
        boolean crop = cfg.getBool(false, "crop_to_aspect_ratio"), pad = cfg.getBool(false, "pad_to_aspect_ratio");
        if (crop && pad) throw cfg.error("pad_to_aspect_ratio", "only one of crop_to_aspect_ratio and pad_to_aspect_ratio can be true");
        String fill = cfg.getStringOr("constant", "fill_mode");
        if (!fill.equals("constant")) throw cfg.error("fill_mode", "only 'constant' is supported (as on Keras' TensorFlow backend), got '" + fill + "'");
        if (cfg.getBool(false, "antialias")) throw cfg.error("antialias", "antialiased resizing (TensorFlow's scale_and_translate) is not supported");
        Resizing.Fit fit = crop ? Resizing.Fit.CROP : pad ? Resizing.Fit.PAD : Resizing.Fit.STRETCH;
        return new Resizing(ctx.name(), ctx.className(), cfg.getInt("height"), cfg.getInt("width"), method(ctx), fit, cfg.getFloat(0f, "fill_value"), cf);
    }

    static void imageInput(MapContext ctx) {
        Shape in = ctx.inputShape();
        if (in.rank() != 3) throw ctx.error("expected images of rank 4 (batch, height, width, channels), got " + in.prepend(Shape.UNKNOWN));
    }

    static ImageResize.Method method(MapContext ctx) {
        String m = ctx.config().getStringOr("bilinear", "interpolation");
        return switch (m) {
            case "bilinear" -> ImageResize.Method.BILINEAR;
            case "nearest" -> ImageResize.Method.NEAREST;
            case "bicubic" -> ImageResize.Method.BICUBIC;
            default -> throw ctx.config().error("interpolation", "'" + m + "' is not supported; supported: bilinear, nearest, bicubic");
        };
    }
}
