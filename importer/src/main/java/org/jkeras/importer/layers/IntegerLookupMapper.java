package org.jkeras.importer.layers;

import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.IntegerLookup;

/**
 * Keras {@code IntegerLookup}; vocabulary and idf weights as {@link LookupConfig} reads them. tf.keras 2.4 named the
 * tokens {@code mask_value}, {@code oov_value} and {@code max_values}.
 */
public final class IntegerLookupMapper {
    private IntegerLookupMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        Mode mode = LookupConfig.mode(cfg);
        boolean invert = LookupConfig.invert(cfg, mode);
        String dtype = cfg.getStringOr("int64", "vocabulary_dtype");
        if (!dtype.equals("int64")) throw cfg.error("vocabulary_dtype", "only int64 is supported, got '" + dtype + "'");
        int numOov = LookupConfig.numOov(cfg);
        Long mask = cfg.has("mask_token", "mask_value") ? int64(cfg, "mask_token", cfg.raw("mask_token", "mask_value")) : null;
        Long oov = cfg.has("oov_token", "oov_value") ? int64(cfg, "oov_token", cfg.raw("oov_token", "oov_value")) : null;
        String oovMethod = cfg.getStringOr("floormod", "oov_method");
        if (!oovMethod.equals("floormod") && !oovMethod.equals("farmhash")) throw cfg.error("oov_method", "expected 'floormod' or 'farmhash', got '" + oovMethod + "'");
        long[] salt = PrepConfig.salt(ctx);
        LookupConfig lc = LookupConfig.read(ctx, new LookupConfig.Tokens() {
            @Override
            public Object json(JsonElement e) {
                return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? int64(cfg, "vocabulary", e) : null;
            }

            @Override
            public Object line(String line) {
                return Long.parseLong(line.strip());
            }
        }, mask, oov, numOov, invert);
        long[] tokens = new long[lc.tokens().length];
        for (int i = 0; i < tokens.length; i++) tokens[i] = (Long) lc.tokens()[i];
        return new IntegerLookup(ctx.name(), tokens, mask, oov == null ? -1 : oov, numOov, invert, lc.mode(), lc.idf(), lc.depth(),
                oovMethod.equals("farmhash") ? IntegerLookup.OovMethod.FARMHASH : IntegerLookup.OovMethod.FLOORMOD, salt);
    }

    private static long int64(Config cfg, String key, JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (ArithmeticException ex) {
                throw cfg.error(key, "expected an int64, got " + e, ex);
            }
        }
        throw cfg.error(key, "expected an integer, got " + e);
    }
}
