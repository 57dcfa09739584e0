package org.jkeras.runtime.kernels;

import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras' {@code numerical_utils.encode_categorical_inputs} on the TensorFlow backend, for integer indices held as
 * float32 (exact up to 2^24). Ranks below count the batch axis, as Keras sees the tensor:
 * <ul>
 * <li>{@code one_hot}: a last axis of size 1 is dropped (rank ≥ 2), then a {@code depth} axis appended; an index
 * outside {@code [0, depth)} gives a row of zeros ({@code tf.one_hot}).</li>
 * <li>{@code multi_hot} / {@code count} of rank 2: {@code tf.math.bincount} per row; indices ≥ depth are dropped, a
 * negative index is an error, as in TensorFlow.</li>
 * <li>{@code multi_hot} / {@code count} of rank ≥ 3: one-hot, then max / sum over axis 1 (not the last axis: Keras
 * reduces axis 1), out-of-range indices dropped.</li>
 * </ul>
 * Rank 1 ({@code (batch,)}) with multi_hot or count counts over the whole batch in Keras; that is refused.
 */
public final class CategoryEncoder {
    /** Keras {@code output_mode}; {@code INT} leaves the indices as they are. */
    public enum Mode {
        INT, ONE_HOT, MULTI_HOT, COUNT;

        /** The Keras spelling ({@code "multi_hot"}), or null when unknown. {@code "binary"} is the old name of multi_hot. */
        public static Mode of(String s) {
            return switch (s) {
                case "int" -> INT;
                case "one_hot" -> ONE_HOT;
                case "multi_hot", "binary" -> MULTI_HOT;
                case "count" -> COUNT;
                default -> null;
            };
        }
    }

    private CategoryEncoder() {
    }

    /** The per-sample output shape for per-sample input shape {@code in}. */
    public static Shape outputShape(Shape in, Mode mode, int depth) {
        int[] d = in.dims();
        return switch (mode) {
            case INT -> in;
            case ONE_HOT -> (d.length >= 1 && d[d.length - 1] == 1 ? in.withLast(depth) : append(d, depth));
            case MULTI_HOT, COUNT -> {
                if (d.length == 0) {
                    throw new IllegalArgumentException(mode.name().toLowerCase() + " of a (batch,) input counts across the batch in Keras"
                            + " (output (" + depth + ",)); give the input a last axis");
                }
                int[] rest = java.util.Arrays.copyOfRange(d, 1, d.length);
                yield append(rest, depth);
            }
        };
    }

    private static Shape append(int[] d, int last) {
        int[] o = java.util.Arrays.copyOf(d, d.length + 1);
        o[d.length] = last;
        return Shape.of(o);
    }

    /** TensorFlow's float → int64 cast on x86: truncation toward zero; NaN and out-of-range values become INT64_MIN. */
    public static long toIndex(float v) {
        if (Float.isNaN(v) || Math.abs(v) >= 0x1p63f) return Long.MIN_VALUE;
        return (long) v;
    }

    /** Encodes {@code x} (batch first, values are integer indices) as {@code mode} with {@code depth} classes. */
    public static Tensor encode(Tensor x, Mode mode, int depth, String who) {
        if (mode == Mode.INT) return x;
        float[] in = x.data();
        long[] idx = new long[in.length];
        for (int i = 0; i < in.length; i++) idx[i] = toIndex(in[i]);
        return encode(idx, x.shape(), mode, depth, who);
    }

    /** Encodes int64 indices of shape {@code shape} (batch first) as {@code mode} with {@code depth} classes. */
    public static Tensor encode(long[] idx, Shape shape, Mode mode, int depth, String who) {
        Shape sample = shape.dropFirst();
        int batch = shape.dim(0);
        if (mode == Mode.INT) {
            float[] y = new float[idx.length];
            for (int i = 0; i < y.length; i++) y[i] = idx[i];
            return new Tensor(shape, y);
        }
        Shape out = outputShape(sample, mode, depth).prepend(batch);
        float[] y = new float[out.size()];
        if (mode == Mode.ONE_HOT) {
            for (int i = 0; i < idx.length; i++) {
                long k = idx[i];
                if (k >= 0 && k < depth) y[i * depth + (int) k] = 1f;
            }
            return new Tensor(out, y);
        }
        boolean count = mode == Mode.COUNT;
        if (sample.rank() == 1) { // tf.math.bincount per row
            int n = sample.dim(0);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < n; j++) {
                    long k = idx[b * n + j];
                    if (k < 0) {
                        throw new PredictException(who + ": input must be non-negative for " + mode.name().toLowerCase()
                                + " (TensorFlow's bincount fails); found " + k + " in row " + b);
                    }
                    if (k < depth) y[b * depth + (int) k] = count ? y[b * depth + (int) k] + 1 : 1f;
                }
            }
            return new Tensor(out, y);
        }
        // one-hot then reduced over axis 1: (batch, n1, rest..., depth) -> (batch, rest..., depth)
        int n1 = sample.dim(0), rest = n1 == 0 ? 0 : sample.size() / n1;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n1; i++) {
                for (int r = 0; r < rest; r++) {
                    long k = idx[(b * n1 + i) * rest + r];
                    if (k < 0 || k >= depth) continue;
                    int o = (b * rest + r) * depth + (int) k;
                    y[o] = count ? y[o] + 1 : 1f;
                }
            }
        }
        return new Tensor(out, y);
    }
}
