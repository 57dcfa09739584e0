package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;

/**
 * Keras {@code AdaptiveAverage/MaxPooling1D/2D/3D}: each spatial axis of {@code n} cells becomes {@code out} bins, bin
 * {@code i} covering the PyTorch range {@code floor(i·n/out) .. ceil((i+1)·n/out)} (computed in float32, as the
 * TensorFlow backend does). Like that backend, the axes are pooled one after another (depth, height, width), and a
 * bin is the backend's "small" window {@code ceil(n/out)} or, where the range is one longer, the "big" one; an
 * average is a float sum over the window divided by its length.
 */
public abstract class BaseAdaptivePooling extends Layer {
    private final int rank;
    private final boolean channelsFirst, max;
    private final int[] outputSize; // (rank) bins per spatial axis

    protected BaseAdaptivePooling(String name, int rank, boolean channelsFirst, int[] outputSize, boolean max) {
        super(name);
        if (outputSize.length != rank) throw new IllegalArgumentException(kerasClass() + " '" + name + "': output_size needs " + rank + " values, got " + Arrays.toString(outputSize));
        for (int v : outputSize) if (v < 1) throw new IllegalArgumentException(kerasClass() + " '" + name + "': output_size must be positive, got " + Arrays.toString(outputSize));
        this.rank = rank;
        this.channelsFirst = channelsFirst;
        this.outputSize = outputSize.clone();
        this.max = max;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != rank + 1) throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects inputs of rank " + (rank + 2) + ", got " + in.prepend(Shape.UNKNOWN));
        int[] sp = Grid.spatial(in, rank, channelsFirst);
        for (int a = 3 - rank; a < 3; a++) {
            if (sp[a] == Shape.UNKNOWN) throw new IllegalArgumentException(kerasClass() + " '" + name() + "' needs known spatial sizes, got " + in.prepend(Shape.UNKNOWN));
        }
        int[] out = {1, 1, 1};
        System.arraycopy(outputSize, 0, out, 3 - rank, rank);
        return Grid.shape(out, Grid.channels(in, channelsFirst), rank, channelsFirst);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dims(); // batch first
        float[] data = x.data();
        int first = channelsFirst ? 2 : 1; // the first spatial axis
        for (int s = 0; s < rank; s++) {
            int axis = first + s, n = dims[axis], out = outputSize[s], outer = 1, inner = 1;
            for (int a = 0; a < axis; a++) outer *= dims[a];
            for (int a = axis + 1; a < dims.length; a++) inner *= dims[a];
            data = pool(data, outer, n, inner, out);
            dims[axis] = out;
        }
        return new Tensor(Shape.of(dims), data == x.data() ? data.clone() : data);
    }

    /** One axis of {@code n} cells, {@code (outer, n, inner)} in memory, pooled to {@code out} bins. */
    private float[] pool(float[] x, int outer, int n, int inner, int out) {
        int small = (n + out - 1) / out, big = small + 1;
        int[] start = new int[out], len = new int[out];
        for (int i = 0; i < out; i++) {
            int s = (int) Math.floor((float) i * (float) n / (float) out);
            int e = (int) Math.ceil((float) (i + 1) * (float) n / (float) out);
            start[i] = Math.min(s, n - 1);
            len[i] = Math.min(e, n) - start[i] == big ? big : small;
            if (start[i] + len[i] > n) throw new IllegalStateException(kerasClass() + " '" + name() + "': bin " + i + " of " + n + " cells overruns");
        }
        float[] y = new float[Math.multiplyExact(Math.multiplyExact(outer, out), inner)];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < out; i++) {
                int src = (o * n + start[i]) * inner, dst = (o * out + i) * inner;
                for (int j = 0; j < inner; j++) {
                    float acc = x[src + j];
                    for (int t = 1; t < len[i]; t++) {
                        float v = x[src + t * inner + j];
                        acc = max ? Math.max(acc, v) : acc + v;
                    }
                    y[dst + j] = max ? acc : acc / len[i];
                }
            }
        }
        return y;
    }

    @Override
    public String details() {
        return "output_size " + Arrays.toString(outputSize) + (channelsFirst ? " channels_first" : "");
    }
}
