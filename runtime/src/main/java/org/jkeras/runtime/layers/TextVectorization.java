package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringOps;

/**
 * Keras {@code TextVectorization} on the TensorFlow backend: each string is standardized ({@link StringOps}: ASCII
 * lower-casing, ASCII punctuation removed), split into tokens (ASCII whitespace, or code points), recombined into
 * {@code ngrams}, and looked up in a {@link StringLookup} whose mask token is {@code ""}. Output {@code int}: token
 * indices per string, zero padded (or truncated) to {@code output_sequence_length}, else to the batch's longest row;
 * {@code multi_hot} / {@code count} / {@code tf_idf}: one row of {@code depth} per string. Without a split, each
 * string is one token and the lookup keeps the input's shape.
 */
public final class TextVectorization extends Layer {
    /** Keras' {@code standardize}. */
    public enum Standardize { LOWER_AND_STRIP_PUNCTUATION, LOWER, STRIP_PUNCTUATION, NONE }

    /** Keras' {@code split}. */
    public enum Split { WHITESPACE, CHARACTER, NONE }

    private final Standardize standardize;
    private final Split split;
    private final int[] ngrams;            // widths in Keras' order, or null
    private final StringLookup lookup;     // mask token "", its mode and idf those of this layer
    private final Integer sequenceLength;  // output_sequence_length, or null

    /** {@code ngrams}: the widths ({@code ngrams=2} is {1, 2}) or null; {@code sequenceLength} null when not set. */
    public TextVectorization(String name, Standardize standardize, Split split, int[] ngrams, StringLookup lookup, Integer sequenceLength) {
        super(name);
        this.standardize = standardize;
        this.split = split;
        this.ngrams = ngrams == null ? null : ngrams.clone();
        this.lookup = lookup;
        this.sequenceLength = sequenceLength;
        if (split != Split.NONE && lookup.mode() == CategoryEncoder.Mode.ONE_HOT) {
            throw new IllegalArgumentException("output_mode one_hot of split strings gives Keras a ragged (batch, tokens, depth) tensor; jkeras computes dense ones");
        }
        if (split == Split.NONE && ngrams != null) throw new IllegalArgumentException("ngrams need a split");
    }

    @Override
    public String kerasClass() {
        return "TextVectorization";
    }

    @Override
    public boolean takesStrings() {
        return true;
    }

    @Override
    public boolean takesNumbers() {
        return false;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        CategoryEncoder.Mode mode = lookup.mode();
        if (split == Split.NONE) {
            if (mode != CategoryEncoder.Mode.INT) return CategoryEncoder.outputShape(in, mode, lookup.depth());
            if (sequenceLength == null) return in;
            if (in.rank() == 0) throw new IllegalArgumentException("output_sequence_length on strings of shape (batch,) without a split would cut the batch axis");
            return in.withLast(sequenceLength);
        }
        if (in.rank() > 1 || in.rank() == 1 && in.dim(0) != 1) {
            throw new IllegalArgumentException("to split strings the input must be (batch,) or (batch, 1), got " + in.prepend(Shape.UNKNOWN));
        }
        if (mode == CategoryEncoder.Mode.INT) return Shape.of(sequenceLength == null ? Shape.UNKNOWN : sequenceLength);
        return Shape.of(lookup.depth());
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        String[] in = x.strings();
        int batch = x.batch();
        CategoryEncoder.Mode mode = lookup.mode();
        if (split == Split.NONE) {
            long[] idx = new long[in.length];
            for (int i = 0; i < in.length; i++) idx[i] = lookup.indexOf(standardized(in[i]));
            if (mode != CategoryEncoder.Mode.INT || sequenceLength == null) {
                return weighted(CategoryEncoder.encode(idx, x.shape(), mode, lookup.depth(), "TextVectorization '" + name() + "'"));
            }
            int w = x.shape().dim(-1), rows = x.shape().withLast(1).size(), width = sequenceLength; // trimmed or zero padded
            float[] y = new float[rows * width];
            for (int r = 0; r < rows; r++) for (int j = 0; j < Math.min(w, width); j++) y[r * width + j] = idx[r * w + j];
            return new Tensor(x.shape().withLast(width), y);
        }
        long[][] rows = new long[batch][];
        int longest = 0;
        for (int b = 0; b < batch; b++) {
            String s = standardized(in[b]);
            List<String> tokens = split == Split.WHITESPACE ? StringOps.splitWhitespace(s) : StringOps.splitCharacters(s);
            if (ngrams != null) tokens = StringOps.ngrams(tokens, ngrams);
            rows[b] = new long[tokens.size()];
            for (int t = 0; t < rows[b].length; t++) rows[b][t] = lookup.indexOf(tokens.get(t));
            longest = Math.max(longest, rows[b].length);
        }
        if (mode == CategoryEncoder.Mode.INT) {
            int width = sequenceLength == null ? longest : sequenceLength;
            float[] y = new float[Math.multiplyExact(batch, width)]; // zero padded, as the ragged to_tensor
            for (int b = 0; b < batch; b++) for (int t = 0; t < Math.min(width, rows[b].length); t++) y[b * width + t] = rows[b][t];
            return new Tensor(Shape.of(batch, width), y);
        }
        int depth = lookup.depth();
        float[] y = new float[Math.multiplyExact(batch, depth)];
        for (int b = 0; b < batch; b++) {
            for (long k : rows[b]) {
                if (k >= depth) continue; // the mask token's index, and any beyond depth, are not counted (bincount)
                int o = b * depth + (int) k;
                y[o] = mode == CategoryEncoder.Mode.COUNT ? y[o] + 1 : 1f;
            }
        }
        return weighted(new Tensor(Shape.of(batch, depth), y));
    }

    /** Counts times the idf weights for tf_idf. */
    private Tensor weighted(Tensor counts) {
        float[] idf = lookup.idf();
        if (idf == null) return counts;
        float[] v = counts.data();
        for (int i = 0; i < v.length; i++) v[i] *= idf[i % idf.length];
        return counts;
    }

    private String standardized(String s) {
        s = StringOps.wellFormed(s);
        if (standardize == Standardize.LOWER || standardize == Standardize.LOWER_AND_STRIP_PUNCTUATION) s = StringOps.lowerAscii(s);
        if (standardize == Standardize.STRIP_PUNCTUATION || standardize == Standardize.LOWER_AND_STRIP_PUNCTUATION) s = StringOps.stripPunctuation(s);
        return s;
    }

    @Override
    public String details() {
        return standardize.name().toLowerCase() + ", split " + split.name().toLowerCase() + (ngrams == null ? "" : ", ngrams " + java.util.Arrays.toString(ngrams))
                + (sequenceLength == null ? "" : ", length " + sequenceLength) + "; " + lookup.details();
    }
}
