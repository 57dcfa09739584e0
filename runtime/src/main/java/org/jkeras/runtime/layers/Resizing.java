package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.ImageResize;

/**
 * Keras {@code Resizing(height, width, interpolation, crop_to_aspect_ratio, pad_to_aspect_ratio, fill_value)} on the
 * TensorFlow backend ({@code keras.src.backend.tensorflow.image.resize}): optionally a centred crop, or a symmetric
 * constant padding, to the target aspect ratio (sizes in float32 then truncated, as there), then
 * {@code tf.image.resize} ({@link ImageResize}). Also the inference path of tf.keras {@code RandomCrop}
 * ({@code smart_resize}: crop to the aspect ratio, then bilinear).
 */
public final class Resizing extends Layer {
    /** What happens before resizing when the aspect ratios differ. */
    public enum Fit { STRETCH, CROP, PAD }

    private final String kerasClass;
    private final int height, width;
    private final ImageResize.Method method;
    private final Fit fit;
    private final float fillValue;
    private final boolean channelsFirst;

    public Resizing(String name, String kerasClass, int height, int width, ImageResize.Method method, Fit fit, float fillValue, boolean channelsFirst) {
        super(name);
        if (height < 1 || width < 1) throw new IllegalArgumentException("the target size must be positive, got " + height + "x" + width);
        this.kerasClass = kerasClass;
        this.height = height;
        this.width = width;
        this.method = method;
        this.fit = fit;
        this.fillValue = fillValue;
        this.channelsFirst = channelsFirst;
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        return Grid.shape(new int[] {1, height, width}, Grid.channels(in, channelsFirst), 2, channelsFirst);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Grid g = Grid.of(x.shape().dropFirst(), 2, channelsFirst);
        int batch = x.batch(), h = g.h(), w = g.w(), c = g.c();
        float[] img = channelsFirst ? Transpose.toChannelsLast(x.data(), batch, c, h * w) : x.data();
        if (fit == Fit.CROP) {
            int ch = Math.max(Math.min(h, (int) ((float) (w * height) / width)), 1);
            int cw = Math.max(Math.min(w, (int) ((float) (h * width) / height)), 1);
            int top = (int) ((float) (h - ch) / 2), left = (int) ((float) (w - cw) / 2);
            img = window(img, batch, h, w, c, top, left, ch, cw, 0f);
            h = ch;
            w = cw;
        } else if (fit == Fit.PAD) {
            int ph = Math.max(h, (int) ((float) (w * height) / width)), pw = Math.max(w, (int) ((float) (h * width) / height));
            int top = (int) ((float) (ph - h) / 2), left = (int) ((float) (pw - w) / 2);
            // the same amount on both sides (an odd difference loses a row), as Keras concatenates it
            int nh = h + 2 * Math.max(top, 0), nw = w + 2 * Math.max(left, 0);
            img = window(img, batch, h, w, c, -Math.max(top, 0), -Math.max(left, 0), nh, nw, fillValue);
            h = nh;
            w = nw;
        }
        float[] y = ImageResize.resize(img, batch, h, w, c, height, width, method);
        if (channelsFirst) y = Transpose.toChannelsFirst(y, batch, c, height * width);
        return new Tensor(outputShape(List.of(x.shape().dropFirst())).prepend(batch), y);
    }

    /** The (rows × cols) window of each image starting at (top, left); cells outside the image take {@code fill}. */
    private static float[] window(float[] in, int batch, int h, int w, int c, int top, int left, int rows, int cols, float fill) {
        float[] out = new float[Math.multiplyExact(batch, rows * cols * c)];
        if (fill != 0f) Arrays.fill(out, fill);
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < rows; r++) {
                int sr = top + r;
                if (sr < 0 || sr >= h) continue;
                for (int q = 0; q < cols; q++) {
                    int sq = left + q;
                    if (sq < 0 || sq >= w) continue;
                    System.arraycopy(in, ((b * h + sr) * w + sq) * c, out, ((b * rows + r) * cols + q) * c, c);
                }
            }
        }
        return out;
    }

    /** Channels-first and channels-last layouts of {@code (batch, c, n)} / {@code (batch, n, c)}. */
    private static final class Transpose {
        static float[] toChannelsLast(float[] in, int batch, int c, int n) {
            float[] out = new float[in.length];
            for (int b = 0; b < batch; b++) for (int k = 0; k < c; k++) for (int i = 0; i < n; i++) out[(b * n + i) * c + k] = in[(b * c + k) * n + i];
            return out;
        }

        static float[] toChannelsFirst(float[] in, int batch, int c, int n) {
            float[] out = new float[in.length];
            for (int b = 0; b < batch; b++) for (int k = 0; k < c; k++) for (int i = 0; i < n; i++) out[(b * c + k) * n + i] = in[(b * n + i) * c + k];
            return out;
        }
    }

    @Override
    public String details() {
        return height + "x" + width + " " + method.name().toLowerCase() + (fit == Fit.STRETCH ? "" : ", " + fit.name().toLowerCase() + " to aspect ratio")
                + (fit == Fit.PAD && fillValue != 0f ? " with " + fillValue : "") + (channelsFirst ? " channels_first" : "");
    }
}
