package org.jkeras.runtime.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;

/**
 * Keras' {@code IndexLookup}, the base of {@link IntegerLookup} and {@link StringLookup}: tokens to vocabulary
 * indices, or back with {@code invert}. Indices: the mask token's 0 (int output with a {@code mask_token}), then
 * {@code num_oov_indices} OOV slots, then the vocabulary in order. An unknown token takes the single OOV index, or
 * with several OOV slots the one {@link #oovSlot} picks; with none it is an error. A mask token maps to 0 (int output)
 * or to no index at all (other outputs). Non-int outputs encode the indices over {@code depth}; {@code tf_idf}
 * multiplies the counts by the idf weights.
 */
public abstract class IndexLookup extends Layer {
    private final Object[] vocab;                 // (vocab) tokens in index order, without the special tokens
    private final Map<Object, Integer> positions; // token -> its position in vocab
    private final Object maskToken;               // null: none
    private final Object oovToken;                // what invert gives an index outside the vocabulary
    private final int numOov;
    private final boolean invert;
    private final CategoryEncoder.Mode mode;      // COUNT for tf_idf
    private final float[] idf;                    // (depth) or null unless tf_idf
    private final int depth;                      // encoded width: vocabulary size, or max_tokens when padded

    /** For subclasses: tokens as Long (IntegerLookup) or String (StringLookup); {@code idf} null unless tf_idf (then mode COUNT). */
    protected IndexLookup(String name, Object[] vocab, Object maskToken, Object oovToken, int numOov, boolean invert, CategoryEncoder.Mode mode,
                          float[] idf, int depth) {
        super(name);
        this.vocab = vocab.clone();
        this.maskToken = maskToken;
        this.oovToken = oovToken;
        this.numOov = numOov;
        this.invert = invert;
        this.mode = mode;
        this.idf = idf == null ? null : idf.clone();
        this.depth = depth;
        positions = new HashMap<>(vocab.length * 2);
        for (int i = 0; i < vocab.length; i++) {
            if (positions.put(vocab[i], i) != null) throw new IllegalArgumentException("the vocabulary repeats token " + vocab[i]);
        }
        if (idf != null && idf.length != depth) throw new IllegalArgumentException("idf_weights hold " + idf.length + " values for " + depth + " indices");
    }

    /** The OOV slot (0 … n − 1) of an unknown token when there are {@code n} > 1 slots. */
    protected abstract long oovSlot(Object token, int n);

    /** Element {@code i} of the input (flat, C order) as a token. */
    protected abstract Object token(Tensor x, int i);

    /** The output of {@code invert}: {@code tokens} (mask, OOV or vocabulary tokens) in the input's shape. */
    protected abstract Tensor tokens(Object[] tokens, Shape shape);

    private int oovStart() {
        return maskToken != null && mode == CategoryEncoder.Mode.INT ? 1 : 0;
    }

    /** Whether {@code invert} is set: indices to tokens. */
    protected final boolean inverted() {
        return invert;
    }

    /** The encoded width of non-int outputs. */
    final int depth() {
        return depth;
    }

    /** The idf weights (depth), or null unless tf_idf. */
    final float[] idf() {
        return idf;
    }

    /** The output mode (COUNT for tf_idf). */
    final CategoryEncoder.Mode mode() {
        return mode;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return CategoryEncoder.outputShape(inputs.get(0), mode, depth);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int n = x.size();
        if (invert) {
            Object[] out = new Object[n];
            float[] in = x.data();
            int tokenStart = oovStart() + numOov;
            for (int i = 0; i < n; i++) out[i] = tokenAt(CategoryEncoder.toIndex(in[i]), tokenStart);
            return tokens(out, x.shape());
        }
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) idx[i] = index(token(x, i));
        Tensor y = CategoryEncoder.encode(idx, x.shape(), mode, depth, kerasClass() + " '" + name() + "'");
        if (idf == null) return y;
        float[] v = y.data();
        for (int i = 0; i < v.length; i++) v[i] *= idf[i % depth];
        return y;
    }

    /** The index of {@code t}: 0 for the mask token (int output; {@link Long#MAX_VALUE}, counted nowhere, otherwise), an OOV slot for an unknown token. */
    final long index(Object t) {
        if (maskToken != null && maskToken.equals(t)) return mode == CategoryEncoder.Mode.INT ? 0 : Long.MAX_VALUE;
        Integer p = positions.get(t);
        int oovStart = oovStart();
        if (p != null) return oovStart + numOov + p;
        if (numOov == 1) return oovStart;
        if (numOov == 0) {
            throw new PredictException(kerasClass() + " '" + name() + "': with num_oov_indices=0 every input must be in the vocabulary; found " + t);
        }
        return oovStart + oovSlot(t, numOov);
    }

    private Object tokenAt(long index, int tokenStart) {
        if (maskToken != null && index == 0) return maskToken;
        long p = index - tokenStart;
        return p >= 0 && p < vocab.length ? vocab[(int) p] : oovToken;
    }

    @Override
    public String details() {
        return (invert ? "index to token, " : "") + vocab.length + " tokens, " + numOov + " oov" + (maskToken == null ? "" : ", mask " + show(maskToken)) + " "
                + (idf != null ? "tf_idf" : mode.name().toLowerCase());
    }

    private static String show(Object token) {
        return token instanceof String s ? "'" + s + "'" : String.valueOf(token);
    }
}
