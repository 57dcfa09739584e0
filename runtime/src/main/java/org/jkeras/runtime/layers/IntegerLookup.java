package org.jkeras.runtime.layers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringHash;

/**
 * Keras {@code IntegerLookup}: int64 tokens (floats truncated first, as Keras casts) to vocabulary indices, or back
 * with {@code invert}. Indices: the mask token's 0 (int output with a {@code mask_token}), then
 * {@code num_oov_indices} OOV slots, then the vocabulary in order. An unknown token takes the single OOV index, or
 * with several OOV slots {@code floormod(token, n)} ({@code oov_method="floormod"}) or the hash bucket of its decimal
 * string ({@code "farmhash"}, keyed by {@code salt}); with none it is an error. Non-int outputs encode the indices
 * over the vocabulary size; {@code tf_idf} multiplies the counts by the idf weights.
 */
public final class IntegerLookup extends Layer {
    /** How an unknown token with several OOV slots picks its slot. */
    public enum OovMethod { FLOORMOD, FARMHASH }

    private final long[] vocab;        // (vocab) tokens in index order, without the special tokens
    private final long[] sortedTokens; // (vocab) for binary search
    private final int[] sortedIndex;   // (vocab) the vocabulary position of sortedTokens[i]
    private final Long maskToken;
    private final long oovToken;
    private final int numOov;
    private final boolean invert;
    private final CategoryEncoder.Mode mode; // COUNT for tf_idf
    private final float[] idf;         // (depth) or null unless tf_idf
    private final int depth;           // encoded width: vocabulary size, or max_tokens when padded
    private final OovMethod oovMethod;
    private final long[] salt;         // {k0, k1} or null

    public IntegerLookup(String name, long[] vocab, Long maskToken, long oovToken, int numOov, boolean invert, CategoryEncoder.Mode mode,
                         float[] idf, int depth, OovMethod oovMethod, long[] salt) {
        super(name);
        this.vocab = vocab.clone();
        this.maskToken = maskToken;
        this.oovToken = oovToken;
        this.numOov = numOov;
        this.invert = invert;
        this.mode = mode;
        this.idf = idf == null ? null : idf.clone();
        this.depth = depth;
        this.oovMethod = oovMethod;
        this.salt = salt == null ? null : salt.clone();
        Integer[] order = new Integer[vocab.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(vocab[a], vocab[b]));
        sortedTokens = new long[vocab.length];
        sortedIndex = new int[vocab.length];
        for (int i = 0; i < order.length; i++) {
            sortedTokens[i] = vocab[order[i]];
            sortedIndex[i] = order[i];
            if (i > 0 && sortedTokens[i] == sortedTokens[i - 1]) throw new IllegalArgumentException("the vocabulary repeats token " + sortedTokens[i]);
        }
        if (idf != null && idf.length != depth) throw new IllegalArgumentException("idf_weights hold " + idf.length + " values for " + depth + " indices");
    }

    private int oovStart() {
        return maskToken != null && mode == CategoryEncoder.Mode.INT ? 1 : 0;
    }

    @Override
    public String kerasClass() {
        return "IntegerLookup";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return CategoryEncoder.outputShape(inputs.get(0), mode, depth);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] in = x.data();
        long[] out = new long[in.length];
        int tokenStart = oovStart() + numOov;
        for (int i = 0; i < in.length; i++) {
            long t = CategoryEncoder.toIndex(in[i]);
            out[i] = invert ? token(t, tokenStart) : index(t, tokenStart);
        }
        Tensor y = CategoryEncoder.encode(out, x.shape(), mode, depth, "IntegerLookup '" + name() + "'");
        if (idf == null) return y;
        float[] v = y.data();
        for (int i = 0; i < v.length; i++) v[i] *= idf[i % depth];
        return y;
    }

    private long index(long t, int tokenStart) {
        if (maskToken != null && t == maskToken) return mode == CategoryEncoder.Mode.INT ? 0 : Long.MAX_VALUE; // outside any encoding
        int p = Arrays.binarySearch(sortedTokens, t);
        if (p >= 0) return tokenStart + sortedIndex[p];
        int oovStart = oovStart();
        if (numOov == 1) return oovStart;
        if (numOov == 0) {
            throw new PredictException("IntegerLookup '" + name() + "': with num_oov_indices=0 every input must be in the vocabulary; found " + t);
        }
        if (oovMethod == OovMethod.FLOORMOD) return oovStart + Math.floorMod(t, (long) numOov);
        byte[] s = Long.toString(t).getBytes(StandardCharsets.US_ASCII);
        return oovStart + (salt == null ? StringHash.bucketFast(s, numOov) : StringHash.bucketStrong(s, numOov, salt[0], salt[1]));
    }

    private long token(long index, int tokenStart) {
        if (maskToken != null && index == 0) return maskToken;
        long p = index - tokenStart;
        return p >= 0 && p < vocab.length ? vocab[(int) p] : oovToken;
    }

    @Override
    public String details() {
        return (invert ? "index to token, " : "") + vocab.length + " tokens, " + numOov + " oov" + (maskToken == null ? "" : ", mask " + maskToken) + " "
                + (idf != null ? "tf_idf" : mode.name().toLowerCase());
    }
}
