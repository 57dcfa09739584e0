package org.jkeras.importer.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.IntegerLookup;

/**
 * Keras {@code IntegerLookup}. The vocabulary is the config's {@code vocabulary} when it was given to the
 * constructor; an adapted layer keeps it only in a {@code .keras} archive ({@code assets/.../vocabulary.txt}, special
 * tokens first). tf_idf weights: the stored {@code idf_weights} variable ({@code .keras}), else the config's, padded
 * as Keras' {@code set_vocabulary} does. tf.keras 2.4 named the tokens {@code mask_value}, {@code oov_value} and
 * {@code max_values}.
 */
public final class IntegerLookupMapper {
    private IntegerLookupMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        String modeName = cfg.getStringOr("int", "output_mode");
        boolean tfIdf = modeName.equals("tf_idf") || modeName.equals("tf-idf");
        Mode mode = tfIdf ? Mode.COUNT : PrepConfig.mode(ctx, "int", Mode.INT, Mode.ONE_HOT, Mode.MULTI_HOT, Mode.COUNT);
        if (tfIdf && cfg.getBool(false, "sparse")) throw cfg.error("sparse", "sparse outputs are not supported (jkeras computes dense tensors)");
        boolean invert = cfg.getBool(false, "invert");
        if (invert && mode != Mode.INT) throw cfg.error("output_mode", "invert needs output_mode 'int', got '" + modeName + "'");
        String dtype = cfg.getStringOr("int64", "vocabulary_dtype");
        if (!dtype.equals("int64")) throw cfg.error("vocabulary_dtype", "only int64 is supported, got '" + dtype + "'");
        int numOov = cfg.getInt(1, "num_oov_indices");
        if (numOov < 0) throw cfg.error("num_oov_indices", "must be at least 0, got " + numOov);
        Long mask = cfg.has("mask_token", "mask_value") ? int64(cfg, "mask_token", cfg.raw("mask_token", "mask_value")) : null;
        Long oov = cfg.has("oov_token", "oov_value") ? int64(cfg, "oov_token", cfg.raw("oov_token", "oov_value")) : null;
        String oovMethod = cfg.getStringOr("floormod", "oov_method");
        if (!oovMethod.equals("floormod") && !oovMethod.equals("farmhash")) throw cfg.error("oov_method", "expected 'floormod' or 'farmhash', got '" + oovMethod + "'");
        long[] salt = PrepConfig.salt(ctx);
        Integer maxTokens = cfg.has("max_tokens", "max_values") ? cfg.getInt("max_tokens", "max_values") : null;
        boolean pad = cfg.getBool(false, "pad_to_max_tokens");
        cfg.raw("vocabulary_size");

        int oovStart = mask != null && mode == Mode.INT && !tfIdf ? 1 : 0, tokenStart = oovStart + numOov;
        long[] vocabulary = vocabulary(ctx, cfg);
        // a vocabulary that starts with the special tokens (as the saved vocabulary.txt does) has them stripped
        boolean special = vocabulary.length >= tokenStart;
        for (int i = 0; i < tokenStart && special; i++) {
            Long want = i < oovStart ? mask : oov;
            special = want != null && vocabulary[i] == want;
        }
        long[] tokens = special ? java.util.Arrays.copyOfRange(vocabulary, tokenStart, vocabulary.length) : vocabulary;
        for (long t : tokens) {
            if (mask != null && t == mask) throw cfg.error("vocabulary", "holds the mask token " + mask + " past the special tokens");
            if (invert && oov != null && t == oov) throw cfg.error("vocabulary", "holds the OOV token " + oov + " past the special tokens");
        }
        int depth = pad ? (maxTokens == null ? -1 : maxTokens) : tokenStart + tokens.length;
        if (pad && maxTokens == null) throw cfg.error("pad_to_max_tokens", "needs max_tokens");
        if (maxTokens != null && tokenStart + tokens.length > maxTokens) {
            throw cfg.error("max_tokens", "the vocabulary of " + (tokenStart + tokens.length) + " exceeds max_tokens " + maxTokens);
        }
        float[] idf = tfIdf ? idf(ctx, cfg, vocabulary.length, special, tokenStart, depth) : null;
        return new IntegerLookup(ctx.name(), tokens, mask, oov == null ? -1 : oov, numOov, invert, mode, idf, depth,
                oovMethod.equals("farmhash") ? IntegerLookup.OovMethod.FARMHASH : IntegerLookup.OovMethod.FLOORMOD, salt);
    }

    private static long[] vocabulary(MapContext ctx, Config cfg) {
        JsonElement v = cfg.raw("vocabulary");
        List<Long> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonElement e : a) out.add(int64(cfg, "vocabulary", e));
        } else {
            byte[] file = ctx.asset("vocabulary.txt");
            if (file == null) {
                throw cfg.error("vocabulary", v == null
                        ? "not in the config: an adapted layer's vocabulary is saved only in the .keras archive's assets, which this file form lacks"
                        : "a vocabulary file path (" + v + ") outside the model; only a .keras archive carries the file");
            }
            List<String> lines = new ArrayList<>(List.of(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            for (String line : lines) {
                try {
                    out.add(Long.parseLong(line.strip()));
                } catch (NumberFormatException e) {
                    throw cfg.error("vocabulary", "assets vocabulary.txt holds a line that is not an integer: '" + line + "'", e);
                }
            }
        }
        if (out.isEmpty()) throw cfg.error("vocabulary", "is empty");
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** The stored {@code idf_weights} variable, or the config's padded as {@code set_vocabulary}: the mean in front, zeros after. */
    private static float[] idf(MapContext ctx, Config cfg, int vocabLength, boolean special, int tokenStart, int depth) {
        for (WeightArray w : ctx.weights()) {
            if (w.path().endsWith("/idf_weights")) {
                if (w.shape().length != 1 || w.shape()[0] != depth) throw ctx.error("weight '" + w.path() + "' has shape " + java.util.Arrays.toString(w.shape()) + ", expected [" + depth + "]");
                return w.read();
            }
        }
        if (!(cfg.raw("idf_weights") instanceof JsonArray a)) {
            throw cfg.error("idf_weights", "tf_idf needs idf weights: an adapted layer keeps them only in the .keras archive");
        }
        if (a.size() != vocabLength) throw cfg.error("idf_weights", "holds " + a.size() + " values for a vocabulary of " + vocabLength);
        double sum = 0;
        double[] given = new double[a.size()];
        for (int i = 0; i < given.length; i++) {
            JsonElement e = a.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw cfg.error("idf_weights", "expected numbers, got " + e);
            given[i] = e.getAsDouble();
            sum += given[i];
        }
        int front = special ? 0 : tokenStart;
        if (front + given.length > depth) throw cfg.error("idf_weights", "more weights than the " + depth + " output indices");
        float[] idf = new float[depth];
        for (int i = 0; i < front; i++) idf[i] = (float) (sum / given.length);
        for (int i = 0; i < given.length; i++) idf[front + i] = (float) given[i];
        return idf;
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
