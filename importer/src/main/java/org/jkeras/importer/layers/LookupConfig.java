package org.jkeras.importer.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;

/**
 * What Keras' {@code IndexLookup} layers read alike (IntegerLookup, StringLookup, and the StringLookup inside
 * TextVectorization): output mode, vocabulary and idf weights. The vocabulary is the config's {@code vocabulary} when
 * it was given to the constructor; an adapted layer keeps it only in a {@code .keras} archive
 * ({@code assets/.../vocabulary.txt}, special tokens first, read back as Python's {@code splitlines} reads it).
 * tf_idf weights: the stored {@code idf_weights} variable ({@code .keras}), else the config's, padded as Keras'
 * {@code set_vocabulary} does.
 *
 * @param mode   the encoding (COUNT for tf_idf)
 * @param tokens the vocabulary without the special tokens
 * @param depth  the encoded width: the vocabulary size with its special tokens, or {@code max_tokens} when padded
 * @param idf    (depth) the idf weights, null unless tf_idf
 */
record LookupConfig(Mode mode, Object[] tokens, int depth, float[] idf) {

    /** How one vocabulary dtype's tokens are read: a JSON config value, and a line of {@code vocabulary.txt}. */
    interface Tokens {
        /** The token a config value holds; null when it is not one of this dtype. */
        Object json(JsonElement e);

        /** The token a line of the assets' vocabulary holds; IllegalArgumentException when it is not one. */
        Object line(String line);
    }

    /** The output mode: one of Keras' five (tf_idf as COUNT, see {@link #isTfIdf}); {@code sparse=True} is refused. */
    static Mode mode(Config cfg) {
        if (isTfIdf(cfg)) {
            if (cfg.getBool(false, "sparse")) throw cfg.error("sparse", "sparse outputs are not supported (jkeras computes dense tensors)");
            return Mode.COUNT;
        }
        String s = cfg.getStringOr("int", "output_mode");
        Mode m = Mode.of(s);
        if (m == null) throw cfg.error("output_mode", "'" + s + "' is not supported; supported: int, one_hot, multi_hot, count, tf_idf");
        if (cfg.getBool(false, "sparse")) throw cfg.error("sparse", "sparse outputs are not supported (jkeras computes dense tensors)");
        return m;
    }

    /** {@code invert}, which only output_mode 'int' allows. */
    static boolean invert(Config cfg, Mode mode) {
        boolean invert = cfg.getBool(false, "invert");
        if (invert && (mode != Mode.INT || isTfIdf(cfg))) {
            throw cfg.error("output_mode", "invert needs output_mode 'int', got '" + cfg.getString("output_mode") + "'");
        }
        return invert;
    }

    /** {@code num_oov_indices} (default 1), at least 0. */
    static int numOov(Config cfg) {
        int numOov = cfg.getInt(1, "num_oov_indices");
        if (numOov < 0) throw cfg.error("num_oov_indices", "must be at least 0, got " + numOov);
        return numOov;
    }

    /** Whether {@code output_mode} is tf_idf (or its old spelling tf-idf). */
    static boolean isTfIdf(Config cfg) {
        String s = cfg.getStringOr("int", "output_mode");
        return s.equals("tf_idf") || s.equals("tf-idf");
    }

    /**
     * Reads the vocabulary (config key {@code vocabulary}, else the asset {@code vocabulary.txt}), strips the special
     * tokens when it starts with them ({@code mask} for int output, then {@code numOov} times {@code oov}), checks
     * it against {@code max_tokens}, and reads the idf weights for tf_idf.
     */
    static LookupConfig read(MapContext ctx, Tokens reader, Object mask, Object oov, int numOov, boolean invert) {
        Config cfg = ctx.config();
        Mode mode = mode(cfg);
        boolean tfIdf = isTfIdf(cfg);
        Integer maxTokens = cfg.has("max_tokens", "max_values") ? cfg.getInt("max_tokens", "max_values") : null;
        if (maxTokens != null && maxTokens <= 1) throw cfg.error("max_tokens", "must be greater than 1, got " + maxTokens);
        boolean pad = cfg.getBool(false, "pad_to_max_tokens");
        cfg.raw("vocabulary_size");
        int oovStart = mask != null && mode == Mode.INT && !tfIdf ? 1 : 0, tokenStart = oovStart + numOov;
        Object[] vocabulary = vocabulary(ctx, reader);
        // a vocabulary that starts with the special tokens (as the saved vocabulary.txt does) has them stripped
        boolean special = vocabulary.length >= tokenStart;
        for (int i = 0; i < tokenStart && special; i++) special = Objects.equals(vocabulary[i], i < oovStart ? mask : oov);
        Object[] tokens = special ? Arrays.copyOfRange(vocabulary, tokenStart, vocabulary.length) : vocabulary;
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object t : tokens) {
            if (!seen.add(t)) throw cfg.error("vocabulary", "repeats the token " + show(t));
            if (mask != null && t.equals(mask)) throw cfg.error("vocabulary", "holds the mask token " + show(mask) + " past the special tokens");
            if (invert && oov != null && t.equals(oov)) throw cfg.error("vocabulary", "holds the OOV token " + show(oov) + " past the special tokens");
        }
        if (pad && maxTokens == null) throw cfg.error("pad_to_max_tokens", "needs max_tokens");
        int depth = pad ? maxTokens : tokenStart + tokens.length;
        if (maxTokens != null && tokenStart + tokens.length > maxTokens) {
            throw cfg.error("max_tokens", "the vocabulary of " + (tokenStart + tokens.length) + " exceeds max_tokens " + maxTokens);
        }
        // indices travel as float32: beyond 2^24 they would not be exact (and an encoding that wide is no real model's)
        if ((long) tokenStart + tokens.length > Tensor.MAX_EXACT_INT) {
            throw cfg.error("num_oov_indices", (tokenStart + tokens.length) + " indices reach beyond 2^24, which float32 cannot hold exactly");
        }
        if (depth > Tensor.MAX_EXACT_INT) throw cfg.error("max_tokens", depth + " indices reach beyond 2^24, which float32 cannot hold exactly");
        float[] idf = tfIdf ? idf(ctx, vocabulary.length, special, tokenStart, depth) : null;
        return new LookupConfig(mode, tokens, depth, idf);
    }

    private static Object[] vocabulary(MapContext ctx, Tokens reader) {
        Config cfg = ctx.config();
        JsonElement v = cfg.raw("vocabulary");
        List<Object> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonElement e : a) {
                Object t = reader.json(e);
                if (t == null) throw cfg.error("vocabulary", "holds " + e + ", not a token of this layer's dtype");
                out.add(t);
            }
        } else {
            byte[] file = ctx.asset("vocabulary.txt");
            if (file == null) {
                throw cfg.error("vocabulary", v == null
                        ? "not in the config: an adapted layer's vocabulary is saved only in the .keras archive's assets, which this file form lacks"
                        : "a vocabulary file path (" + v + ") outside the model; only a .keras archive carries the file");
            }
            List<String> lines = splitLines(new String(file, StandardCharsets.UTF_8));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            for (String line : lines) {
                try {
                    out.add(reader.line(line));
                } catch (IllegalArgumentException e) {
                    throw cfg.error("vocabulary", "assets vocabulary.txt holds a line that is not a token: '" + line + "'", e);
                }
            }
        }
        if (out.isEmpty()) throw cfg.error("vocabulary", "is empty");
        return out.toArray();
    }

    /**
     * Python's {@code str.splitlines()} of a file opened in text mode, as Keras' {@code load_assets} reads the
     * vocabulary: lines end at {@code \n}, {@code \r\n}, {@code \r}, {@code \v}, {@code \f}, {@code \x1c}–{@code \x1e},
     * {@code \x85}, U+2028 and U+2029; a final line break adds no empty line.
     */
    static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c >= 0x1c && c <= 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (!brk) continue;
            out.add(s.substring(start, i));
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
            start = i + 1;
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    /** The stored {@code idf_weights} variable, or the config's padded as {@code set_vocabulary}: the mean in front, zeros after. */
    private static float[] idf(MapContext ctx, int vocabLength, boolean special, int tokenStart, int depth) {
        Config cfg = ctx.config();
        JsonElement config = cfg.raw("idf_weights"); // the stored variable, where there is one, is what Keras loads over it
        for (WeightArray w : ctx.weights()) {
            if (w.path().endsWith("/idf_weights")) {
                if (w.shape().length != 1 || w.shape()[0] != depth) throw ctx.error("weight '" + w.path() + "' has shape " + Arrays.toString(w.shape()) + ", expected [" + depth + "]");
                return w.read();
            }
        }
        if (!(config instanceof JsonArray a)) {
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

    private static String show(Object token) {
        return token instanceof String s ? "'" + s + "'" : String.valueOf(token);
    }
}
