package org.jkeras.importer.layers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.StringLookup;
import org.jkeras.runtime.layers.TextVectorization;
import org.jkeras.runtime.layers.TextVectorization.Split;
import org.jkeras.runtime.layers.TextVectorization.Standardize;

/**
 * Keras {@code TextVectorization}: its standardize, split and ngrams settings, and the StringLookup Keras builds
 * inside it (mask token {@code ""}, OOV token {@code [UNK]}, one OOV slot), its vocabulary and idf weights read as
 * {@link LookupConfig} reads them. A custom {@code standardize} or {@code split} is Python code jkeras does not run.
 * {@code encoding} only decodes the vocabulary in Python: TensorFlow works on the UTF-8 bytes.
 */
public final class TextVectorizationMapper {
    /** The widest n-gram taken: far beyond any text model's, and a bound on the work a corrupt config can ask for. */
    private static final int MAX_NGRAM = 4096;

    private TextVectorizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        Standardize standardize = choice(cfg, "standardize", Standardize.class, Standardize.LOWER_AND_STRIP_PUNCTUATION);
        Split split = choice(cfg, "split", Split.class, Split.WHITESPACE);
        Mode mode = LookupConfig.mode(cfg);
        if (cfg.getBool(false, "ragged")) throw cfg.error("ragged", "ragged outputs are not supported (jkeras computes dense tensors)");
        Integer length = cfg.has("output_sequence_length") ? cfg.getInt("output_sequence_length") : null;
        if (length != null && (length < 0 || length > Tensor.MAX_EXACT_INT)) {
            throw cfg.error("output_sequence_length", "must be between 0 and 2^24, got " + length);
        }
        if (length != null && mode != Mode.INT) throw cfg.error("output_sequence_length", "is only set for output_mode 'int'");
        cfg.raw("encoding");
        LookupConfig lc = LookupConfig.read(ctx, StringLookupMapper.TOKENS, "", "[UNK]", 1, false);
        StringLookup lookup = new StringLookup(ctx.name(), java.util.Arrays.copyOf(lc.tokens(), lc.tokens().length, String[].class), "", "[UNK]", 1,
                false, lc.mode(), lc.idf(), lc.depth(), null);
        return new TextVectorization(ctx.name(), standardize, split, ngrams(cfg), lookup, length);
    }

    /** {@code standardize} or {@code split}: one of the enum's names in lower case, null for NONE, absent for Keras' default. */
    private static <E extends Enum<E>> E choice(Config cfg, String key, Class<E> type, E dflt) {
        if (cfg.isNull(key)) return Enum.valueOf(type, "NONE");
        JsonElement e = cfg.raw(key);
        if (e == null) return dflt;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw cfg.error(key, "a custom function (" + e + ") is Python code jkeras cannot run; use one of Keras' built-in settings");
        }
        for (E c : type.getEnumConstants()) if (c != Enum.valueOf(type, "NONE") && c.name().equalsIgnoreCase(e.getAsString())) return c;
        throw cfg.error(key, "'" + e.getAsString() + "' is not one of Keras' settings; a custom function is Python code jkeras cannot run");
    }

    /** {@code ngrams}: null, n (widths 1 … n), or a list of widths. */
    private static int[] ngrams(Config cfg) {
        JsonElement e = cfg.raw("ngrams");
        if (e == null) return null;
        int[] widths;
        if (e instanceof JsonArray) {
            widths = cfg.getIntArray("ngrams");
        } else {
            int n = cfg.getInt("ngrams");
            if (n > MAX_NGRAM) throw cfg.error("ngrams", "n-grams of up to " + n + " tokens; jkeras takes up to " + MAX_NGRAM);
            widths = new int[Math.max(0, n)];
            for (int i = 0; i < widths.length; i++) widths[i] = i + 1;
        }
        if (widths.length == 0) throw cfg.error("ngrams", "needs at least one width, got " + e);
        for (int w : widths) if (w < 1 || w > MAX_NGRAM) throw cfg.error("ngrams", "widths must be between 1 and " + MAX_NGRAM + ", got " + e);
        return widths;
    }
}
