package org.jkeras.runtime.layers;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringHash;
import org.jkeras.runtime.kernels.StringOps;

/**
 * Keras {@code StringLookup}: strings to vocabulary indices, or indices back to strings with {@code invert} (see
 * {@link IndexLookup}). An unknown string with several OOV slots takes the hash bucket of its UTF-8 bytes
 * ({@code to_hash_bucket_fast}, or {@code to_hash_bucket_strong} keyed by {@code salt}), whatever {@code oov_method}
 * says, as Keras hashes every string key.
 */
public final class StringLookup extends IndexLookup {
    private final long[] salt; // {k0, k1} or null

    /**
     * {@code vocab}: the tokens without the special ones; {@code maskToken} null for none; {@code idf} (depth) null
     * unless tf_idf (then {@code mode} COUNT); {@code salt} null for the unkeyed hash.
     */
    public StringLookup(String name, String[] vocab, String maskToken, String oovToken, int numOov, boolean invert, CategoryEncoder.Mode mode,
                        float[] idf, int depth, long[] salt) {
        super(name, vocab, maskToken, oovToken, numOov, invert, mode, idf, depth);
        this.salt = salt == null ? null : salt.clone();
    }

    @Override
    public String kerasClass() {
        return "StringLookup";
    }

    @Override
    public boolean takesStrings() {
        return !inverted();
    }

    @Override
    public boolean takesNumbers() {
        return inverted();
    }

    @Override
    public boolean makesStrings() {
        return inverted();
    }

    @Override
    protected Object token(Tensor x, int i) {
        return StringOps.wellFormed(x.strings()[i]);
    }

    /** The index of one (standardized) token, for {@link TextVectorization}. */
    long indexOf(String token) {
        return index(token);
    }

    @Override
    protected long oovSlot(Object token, int n) {
        byte[] s = StringOps.utf8((String) token);
        return salt == null ? StringHash.bucketFast(s, n) : StringHash.bucketStrong(s, n, salt[0], salt[1]);
    }

    @Override
    protected Tensor tokens(Object[] tokens, Shape shape) {
        String[] y = new String[tokens.length];
        for (int i = 0; i < y.length; i++) y[i] = (String) tokens[i];
        return Tensor.ofStrings(y, shape.dims());
    }
}
