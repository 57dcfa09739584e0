package org.jkeras.importer.layers;

import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.StringLookup;

/**
 * Keras {@code StringLookup}; vocabulary and idf weights as {@link LookupConfig} reads them. {@code oov_method} does
 * not matter for strings: Keras hashes every unknown string into its OOV slots. {@code encoding} only decodes the
 * vocabulary in Python: TensorFlow compares the UTF-8 bytes of the strings.
 */
public final class StringLookupMapper {
    private StringLookupMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        Mode mode = LookupConfig.mode(cfg);
        boolean invert = LookupConfig.invert(cfg, mode);
        int numOov = LookupConfig.numOov(cfg);
        String mask = cfg.has("mask_token") ? cfg.getString("mask_token") : null;
        String oov = cfg.getStringOr("[UNK]", "oov_token");
        cfg.raw("oov_method");
        cfg.raw("encoding");
        LookupConfig lc = LookupConfig.read(ctx, TOKENS, mask, oov, numOov, invert);
        String[] tokens = java.util.Arrays.copyOf(lc.tokens(), lc.tokens().length, String[].class);
        return new StringLookup(ctx.name(), tokens, mask, oov, numOov, invert, lc.mode(), lc.idf(), lc.depth(), PrepConfig.salt(ctx));
    }

    /** String tokens: JSON strings in the config, whole lines in the assets' vocabulary. */
    static final LookupConfig.Tokens TOKENS = new LookupConfig.Tokens() {
        @Override
        public Object json(JsonElement e) {
            return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
        }

        @Override
        public Object line(String line) {
            return line;
        }
    };
}
