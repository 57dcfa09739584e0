package org.jkeras.importer.layers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.kernels.CategoryEncoder;

/** Config reading shared by the categorical preprocessing mappers: {@code output_mode}, {@code sparse}, {@code salt}. */
final class PrepConfig {
    private PrepConfig() {
    }

    /** {@code output_mode} among {@code allowed} ("binary" is multi_hot's old name); {@code sparse=True} is refused. */
    static CategoryEncoder.Mode mode(MapContext ctx, String dflt, CategoryEncoder.Mode... allowed) {
        Config cfg = ctx.config();
        String s = cfg.getStringOr(dflt, "output_mode");
        CategoryEncoder.Mode m = CategoryEncoder.Mode.of(s);
        if (m == null || !java.util.List.of(allowed).contains(m)) {
            throw cfg.error("output_mode", "'" + s + "' is not supported; supported: " + java.util.Arrays.stream(allowed).map(a -> a.name().toLowerCase()).toList());
        }
        if (cfg.getBool(false, "sparse")) throw cfg.error("sparse", "sparse outputs are not supported (jkeras computes dense tensors)");
        return m;
    }

    /** Keras' {@code salt}: two integers, or one used twice; null when absent. */
    static long[] salt(MapContext ctx) {
        Config cfg = ctx.config();
        JsonElement e = cfg.raw("salt");
        if (e == null) return null;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) return new long[] {integer(cfg, e), integer(cfg, e)};
        if (e instanceof JsonArray a && a.size() == 2) return new long[] {integer(cfg, a.get(0)), integer(cfg, a.get(1))};
        throw cfg.error("salt", "expected an integer or a list of two integers, got " + e);
    }

    /** A JSON integer as an int64 (Python ints may exceed int32). */
    static long integer(Config cfg, JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (ArithmeticException ex) {
                throw cfg.error("salt", "expected an int64, got " + e, ex);
            }
        }
        throw cfg.error("salt", "expected an integer, got " + e);
    }
}
