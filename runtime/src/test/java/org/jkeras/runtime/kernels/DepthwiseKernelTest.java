package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.jkeras.activations.Simd;

/** The depthwise kernel against a plain formula, and its Vector API loop against its scalar loop, bit for bit. */
class DepthwiseKernelTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("3x3 same, 32 channels", 3, 1, 1, 32, 1, Padding.SAME),
                Arguments.of("3x3 stride 2, 40 channels (a tail)", 3, 2, 1, 40, 1, Padding.SAME),
                Arguments.of("5x5 valid, 7 channels (no whole vector)", 5, 1, 1, 7, 1, Padding.VALID),
                Arguments.of("3x3 dilation 2, 144 channels", 3, 1, 2, 144, 1, Padding.SAME),
                Arguments.of("3x3 multiplier 2", 3, 1, 1, 12, 2, Padding.SAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorEqualsScalarAndTheFormula(String label, int k, int stride, int dilation, int cin, int mult, Padding padding) {
        SplittableRandom r = new SplittableRandom(label.hashCode());
        int h = 13, wd = 11, batch = 2, cm = cin * mult;
        float[] w = new float[k * k * cm], b = new float[cm], x = new float[batch * h * wd * cin];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-2, 2);
        Window win = new Window(2, new int[] {k, k}, new int[] {stride, stride}, new int[] {dilation, dilation}, padding, false);
        ConvKernel.Geometry g = win.geometry(new int[] {1, h, wd});
        DepthwiseKernel kernel = new DepthwiseKernel(w, b, win.size3(), win.strides3(), win.dilation3(), cin, mult, null);
        float[] scalar = kernel.linear(x, batch, g, false);
        if (Simd.ENABLED) {
            float[] vector = kernel.linear(x, batch, g, true);
            for (int i = 0; i < scalar.length; i++) {
                assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(vector[i]), label + " element " + i + ": " + scalar[i] + " vs " + vector[i]);
            }
        }
        int oh = g.out()[1], ow = g.out()[2], ph = g.pad()[1], pw = g.pad()[2];
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int c = 0; c < cin; c++) {
                        for (int m = 0; m < mult; m++) {
                            double sum = b[c * mult + m];
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = oy * stride - ph + ky * dilation, ix = ox * stride - pw + kx * dilation;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                    sum += (double) x[((n * h + iy) * wd + ix) * cin + c] * w[(ky * k + kx) * cm + c * mult + m];
                                }
                            }
                            float got = scalar[((n * oh + oy) * ow + ox) * cm + c * mult + m];
                            assertEquals(sum, got, 1e-5 * (1 + Math.abs(sum)), label);
                        }
                    }
                }
            }
        }
    }
}
