package org.jkeras.runtime.layers;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringHash;
import org.jkeras.runtime.kernels.StringOps;

/**
 * Keras {@code Hashing(num_bins, mask_value, salt, output_mode)}: each string's UTF-8 bytes, or each number (a float
 * truncated to int64 first, as Keras casts) written in decimal ({@code tf.as_string}), hashed with
 * {@code to_hash_bucket_fast} (FarmHash Fingerprint64), or {@code to_hash_bucket_strong} (SipHash-2-4) keyed by the
 * salt. With a {@code mask_value} (and more than one bin) the mask takes bin 0 and the others hash into bins
 * 1..num_bins−1. Then encoded as {@code output_mode}.
 */
public final class Hashing extends Layer {
    private final int numBins;
    private final Object maskValue;     // Float (numbers) or String (strings); null: no mask
    private final long[] salt;          // {k0, k1}, or null: the fast hash
    private final CategoryEncoder.Mode mode;

    /** Hashing of numbers; {@code maskValue} and {@code salt} null when not set. */
    public Hashing(String name, int numBins, Float maskValue, long[] salt, CategoryEncoder.Mode mode) {
        this(name, numBins, (Object) maskValue, salt, mode);
    }

    /** Hashing of strings (numbers too, unless a {@code maskValue} is set); {@code maskValue} and {@code salt} null when not set. */
    public Hashing(String name, int numBins, String maskValue, long[] salt, CategoryEncoder.Mode mode) {
        this(name, numBins, (Object) maskValue, salt, mode);
    }

    private Hashing(String name, int numBins, Object maskValue, long[] salt, CategoryEncoder.Mode mode) {
        super(name);
        if (numBins < 1) throw new IllegalArgumentException("num_bins must be positive, got " + numBins);
        this.numBins = numBins;
        this.maskValue = maskValue;
        this.salt = salt == null ? null : salt.clone();
        this.mode = mode;
    }

    @Override
    public String kerasClass() {
        return "Hashing";
    }

    @Override
    public boolean takesStrings() {
        return !(maskValue instanceof Float);
    }

    @Override
    public boolean takesNumbers() {
        return !(maskValue instanceof String);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return CategoryEncoder.outputShape(squeezed(inputs.get(0)), mode, numBins);
    }

    /** one_hot drops a last axis of size 1 before encoding (Keras' {@code Hashing.call}), and the encoding may drop another. */
    private Shape squeezed(Shape s) {
        return mode == CategoryEncoder.Mode.ONE_HOT && s.rank() >= 1 && s.dim(-1) == 1
                ? Shape.of(java.util.Arrays.copyOf(s.dims(), s.rank() - 1)) : s;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        long[] bins = new long[x.size()];
        boolean masked = maskValue != null && numBins > 1;
        long hashBins = masked ? numBins - 1 : numBins;
        String[] text = x.isString() ? x.strings() : null;
        float[] in = text == null ? x.data() : null;
        for (int i = 0; i < bins.length; i++) {
            if (masked && (text != null ? maskValue.equals(StringOps.wellFormed(text[i])) : in[i] == (Float) maskValue)) continue; // bin 0
            byte[] s = text != null ? StringOps.utf8(text[i]) : Long.toString(CategoryEncoder.toIndex(in[i])).getBytes(StandardCharsets.US_ASCII);
            long h = salt == null ? StringHash.bucketFast(s, hashBins) : StringHash.bucketStrong(s, hashBins, salt[0], salt[1]);
            bins[i] = masked ? h + 1 : h;
        }
        Shape shape = squeezed(x.shape().dropFirst()).prepend(x.batch());
        return CategoryEncoder.encode(bins, shape, mode, numBins, "Hashing '" + name() + "'");
    }

    @Override
    public String details() {
        return numBins + " bins, " + (salt == null ? "FarmHash64" : "SipHash salt [" + salt[0] + ", " + salt[1] + "]")
                + (maskValue == null ? "" : ", mask " + (maskValue instanceof String t ? "'" + t + "'" : maskValue)) + " " + mode.name().toLowerCase();
    }
}
