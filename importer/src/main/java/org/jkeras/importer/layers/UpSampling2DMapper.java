package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.BaseUpSampling.Interpolation;
import org.jkeras.runtime.layers.UpSampling2D;

/**
 * Keras {@code UpSampling2D(size=(2, 2), data_format, interpolation='nearest')}. Bilinear follows the generation's
 * resize: Keras 3 and tf.keras 2 use half-pixel centers ({@code tf.image.resize}); multi-backend Keras 2 up to 2.3
 * (no {@code -tf} suffix) used {@code tf.image.resize_bilinear}'s legacy {@code o / size} coordinates.
 */
public final class UpSampling2DMapper {
    private UpSampling2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[] size = SpatialConfig.ints(ctx, 2, new int[] {2, 2}, "size");
        String mode = ctx.config().getStringOr("nearest", "interpolation");
        Interpolation interpolation = switch (mode) {
            case "nearest" -> Interpolation.NEAREST;
            case "bilinear" -> legacyResize(ctx) ? Interpolation.BILINEAR_LEGACY : Interpolation.BILINEAR;
            default -> throw ctx.config().error("interpolation", "'" + mode + "' is not supported; supported: nearest, bilinear");
        };
        return new UpSampling2D(ctx.name(), SpatialConfig.channelsFirst(ctx), size, interpolation);
    }

    /** Multi-backend Keras 2 (≤ 2.3.x, not tf.keras): {@code resize_bilinear} without half-pixel centers. */
    static boolean legacyResize(MapContext ctx) {
        if (ctx.semantics() == Semantics.KERAS_3) return false;
        String v = ctx.kerasVersion();
        if (v == null) return true;
        if (v.endsWith("-tf")) return false;
        String[] p = v.split("\\.");
        try {
            int major = Integer.parseInt(p[0]), minor = p.length > 1 ? Integer.parseInt(p[1].replaceAll("\\D.*", "")) : 0;
            return major < 2 || major == 2 && minor < 4;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
