package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.StringHash;
import org.jkeras.runtime.kernels.StringOps;

/**
 * Keras {@code HashedCrossing(num_bins, output_mode)}: TensorFlow's {@code tf.sparse.cross_hashed} of two or more
 * features of shape {@code ()} or {@code (1,)} per sample. Per sample, starting from the hash key {@code 0xDECAFCAFFE},
 * each feature in order is folded in with {@code FingerprintCat64}: a string by its FarmHash {@code Fingerprint64}, an
 * integer (a float truncated to int64, as Keras casts) by its own value; the bin is the result modulo
 * {@code num_bins}, unsigned. Then encoded as {@code output_mode} ({@code int} or {@code one_hot}).
 */
public final class HashedCrossing extends Layer {
    private static final long HASH_KEY = 0xDECAFCAFFEL; // tf.sparse.cross_hashed's default hash_key
    private static final long MUL = 0xc6a4a7935bd1e995L;

    private final int numBins;
    private final CategoryEncoder.Mode mode;

    /** {@code mode} INT or ONE_HOT. */
    public HashedCrossing(String name, int numBins, CategoryEncoder.Mode mode) {
        super(name);
        if (numBins < 1) throw new IllegalArgumentException("num_bins must be positive, got " + numBins);
        this.numBins = numBins;
        this.mode = mode;
    }

    @Override
    public String kerasClass() {
        return "HashedCrossing";
    }

    @Override
    public boolean takesStrings() {
        return true;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        if (inputs.size() < 2) throw new IllegalArgumentException("HashedCrossing '" + name() + "' crosses at least two inputs, got " + inputs.size());
        Shape first = inputs.get(0);
        for (Shape s : inputs) {
            if (!s.equals(first) || s.rank() > 1 || s.rank() == 1 && s.dim(0) != 1) {
                throw new IllegalArgumentException("HashedCrossing inputs must all be (batch,) or all (batch, 1), got " + inputs);
            }
        }
        return CategoryEncoder.outputShape(first, mode, numBins);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        long[] bins = new long[x.size()];
        for (int i = 0; i < bins.length; i++) {
            long h = HASH_KEY;
            for (Tensor f : inputs) {
                long v = f.isString() ? StringHash.fingerprint64(StringOps.utf8(f.strings()[i])) : CategoryEncoder.toIndex(f.data()[i]);
                h = fingerprintCat64(h, v);
            }
            bins[i] = Long.remainderUnsigned(h, numBins);
        }
        return CategoryEncoder.encode(bins, x.shape(), mode, numBins, "HashedCrossing '" + name() + "'");
    }

    /** TensorFlow's {@code FingerprintCat64(fp1, fp2)}. */
    static long fingerprintCat64(long fp1, long fp2) {
        long r = fp1 ^ MUL;
        r ^= shiftMix(fp2 * MUL) * MUL;
        r *= MUL;
        r = shiftMix(r) * MUL;
        return shiftMix(r);
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }

    @Override
    public String details() {
        return numBins + " bins " + mode.name().toLowerCase();
    }
}
