package org.jkeras.runtime.kernels;

/**
 * How a convolution or pooling window of effective extent {@code w} (dilation included) and stride {@code s}
 * meets the border of an axis of length {@code n}: the output length and the cells padded before the first one.
 * Windows never read the padding: convolutions see zeros there, pooling ignores it.
 */
public enum Padding {
    /** No padding: {@code out = floor((n − w) / s) + 1}. */
    VALID,
    /** TensorFlow SAME: {@code out = ceil(n / s)}, total pad {@code max((out − 1)·s + w − n, 0)}, the odd cell after. */
    SAME,
    /** Keras causal (Conv1D): {@code w − 1} cells before, none after: {@code out = ceil(n / s)}. */
    CAUSAL,
    /** Keras 1 {@code border_mode='full'}: {@code w − 1} cells on both sides, {@code out = floor((n + w − 2) / s) + 1}. */
    FULL,
    /**
     * Theano {@code border_mode='half'} then cropped to {@code ceil(n / s)}, as Keras 1/2 ran {@code 'same'}
     * convolutions on theano ({@code _postprocess_conv2d_output}): {@code w / 2} cells before.
     */
    THEANO_SAME_CONV,
    /**
     * Keras 1/2 theano {@code pool2d(padding='same')}: {@code pad = w − 2} for odd {@code w > 2}, else {@code w − 1},
     * on both sides, then cropped to {@code ceil(n / s)}; windows keep only real cells ({@code average_exc_pad}).
     */
    THEANO_SAME_POOL;

    /** Output length; 0 or less when the window does not fit (VALID on a too short axis). */
    public int outLength(int n, int w, int s) {
        return switch (this) {
            case VALID -> n < w ? 0 : (n - w) / s + 1;
            case FULL -> (n + w - 2) / s + 1;
            default -> (n + s - 1) / s;
        };
    }

    /** Cells padded before the first input cell. */
    public int padBefore(int n, int w, int s) {
        return switch (this) {
            case VALID -> 0;
            case SAME -> Math.max((outLength(n, w, s) - 1) * s + w - n, 0) / 2;
            case CAUSAL, FULL -> w - 1;
            case THEANO_SAME_CONV -> w / 2;
            case THEANO_SAME_POOL -> w > 2 && w % 2 == 1 ? w - 2 : w - 1;
        };
    }

    /** Keras name of a padding mode ({@code valid}, {@code same}, {@code causal}), or null when unknown. */
    public static Padding ofKeras(String name) {
        return switch (name) {
            case "valid" -> VALID;
            case "same" -> SAME;
            case "causal" -> CAUSAL;
            case "full" -> FULL;
            default -> null;
        };
    }
}
