package org.jkeras.runtime.layers;

import java.nio.charset.StandardCharsets;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringHash;

/**
 * Keras {@code IntegerLookup}: int64 tokens (floats truncated first, as Keras casts) to vocabulary indices, or back
 * with {@code invert} (see {@link IndexLookup}). An unknown token with several OOV slots takes
 * {@code floormod(token, n)} ({@code oov_method="floormod"}) or the hash bucket of its decimal string
 * ({@code "farmhash"}, keyed by {@code salt}).
 */
public final class IntegerLookup extends IndexLookup {
    /** How an unknown token with several OOV slots picks its slot. */
    public enum OovMethod { FLOORMOD, FARMHASH }

    private final OovMethod oovMethod;
    private final long[] salt; // {k0, k1} or null

    /**
     * {@code vocab}: the tokens without the special ones; {@code idf} (depth) null unless tf_idf (then {@code mode}
     * COUNT); {@code salt} null for the unkeyed hash.
     */
    public IntegerLookup(String name, long[] vocab, Long maskToken, long oovToken, int numOov, boolean invert, CategoryEncoder.Mode mode,
                         float[] idf, int depth, OovMethod oovMethod, long[] salt) {
        super(name, java.util.Arrays.stream(vocab).boxed().toArray(), maskToken, oovToken, numOov, invert, mode, idf, depth);
        this.oovMethod = oovMethod;
        this.salt = salt == null ? null : salt.clone();
    }

    @Override
    public String kerasClass() {
        return "IntegerLookup";
    }

    @Override
    protected Object token(Tensor x, int i) {
        return CategoryEncoder.toIndex(x.data()[i]);
    }

    @Override
    protected long oovSlot(Object token, int n) {
        long t = (Long) token;
        if (oovMethod == OovMethod.FLOORMOD) return Math.floorMod(t, (long) n);
        byte[] s = Long.toString(t).getBytes(StandardCharsets.US_ASCII);
        return salt == null ? StringHash.bucketFast(s, n) : StringHash.bucketStrong(s, n, salt[0], salt[1]);
    }

    @Override
    protected Tensor tokens(Object[] tokens, Shape shape) {
        float[] y = new float[tokens.length];
        for (int i = 0; i < y.length; i++) y[i] = (Long) tokens[i];
        return new Tensor(shape, y);
    }
}
