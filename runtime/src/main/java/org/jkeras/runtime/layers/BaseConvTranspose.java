package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code Conv1D/2D/3DTranspose}: the gradient of a convolution with respect to its input, kernel
 * {@code (k..., filters, cin)}. Per axis, with effective kernel {@code K = (k − 1)·dilation + 1}, Keras'
 * {@code deconv_output_length}:
 * <pre>
 *   output_padding None:  valid: n·s + max(K − s, 0)        same: n·s
 *   output_padding p:     valid: (n − 1)·s + K + p          same: (n − 1)·s + K − 2·(K / 2) + p
 * </pre>
 * and TensorFlow's {@code conv_transpose} padding for that output length: none for valid, for same
 * {@code max((n − 1)·s + K − out, 0) / 2} cells before (the padding of the forward convolution it inverts).
 */
public abstract class BaseConvTranspose extends BaseConv {
    private final int[] outputPadding; // (3) per padded axis, -1 where Keras' output_padding is None

    /** {@code kernel}: Keras' {@code (k..., filters, cin)}; {@code outputPadding} of length rank, or null for None. */
    protected BaseConvTranspose(String name, Window window, int[] outputPadding, float[] kernel, float[] bias, int cin, int filters, Activation act) {
        super(name, window, kernel, bias, cin, filters, 1, act, true);
        if (window.padding() != Padding.VALID && window.padding() != Padding.SAME) {
            throw new IllegalArgumentException("a transposed convolution takes padding valid or same, got " + window.padding().name().toLowerCase());
        }
        this.outputPadding = new int[] {-1, -1, -1};
        if (outputPadding != null) {
            if (outputPadding.length != window.rank()) throw new IllegalArgumentException("output_padding needs " + window.rank() + " values");
            int[] s = window.strides();
            for (int a = 0; a < outputPadding.length; a++) {
                if (outputPadding[a] < 0 || outputPadding[a] >= s[a]) {
                    throw new IllegalArgumentException("output_padding " + outputPadding[a] + " must be >= 0 and smaller than the stride " + s[a]);
                }
                this.outputPadding[3 - window.rank() + a] = outputPadding[a];
            }
        }
    }

    private int outLength(int a, int n) {
        if (n == Shape.UNKNOWN) return Shape.UNKNOWN;
        int k = window.extent3(a), s = window.strides3()[a], p = outputPadding[a];
        boolean same = window.padding() == Padding.SAME;
        if (p < 0) return same ? n * s : n * s + Math.max(k - s, 0);
        return same ? (n - 1) * s + k - 2 * (k / 2) + p : (n - 1) * s + k + p;
    }

    @Override
    protected int[] outDims3(int[] in3) {
        return new int[] {outLength(0, in3[0]), outLength(1, in3[1]), outLength(2, in3[2])};
    }

    @Override
    protected ConvKernel.Geometry geometry(int[] in3) {
        int[] out = outDims3(in3), pad = new int[3];
        for (int a = 0; a < 3; a++) {
            if (window.padding() == Padding.SAME) pad[a] = Math.max((in3[a] - 1) * window.strides3()[a] + window.extent3(a) - out[a], 0) / 2;
        }
        return new ConvKernel.Geometry(in3.clone(), out, pad);
    }
}
