package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code PReLU}: {@code x if x >= 0 else alpha · x}, alpha learned per element of the sample shape,
 * broadcast along {@code shared_axes} (those axes have size 1 in alpha).
 */
public final class PReLU extends Layer {
    private final float[] alpha;   // (alphaShape), C order
    private final Shape alphaShape; // sample shape with shared axes set to 1

    public PReLU(String name, float[] alpha, Shape alphaShape) {
        super(name);
        if (alpha.length != alphaShape.size()) {
            throw new IllegalArgumentException("PReLU '" + name + "': alpha has " + alpha.length + " values, shape " + alphaShape + " needs " + alphaShape.size());
        }
        this.alpha = alpha.clone();
        this.alphaShape = alphaShape;
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "PReLU";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        boolean ok = in.rank() == alphaShape.rank();
        for (int a = 0; ok && a < in.rank(); a++) {
            ok = alphaShape.dim(a) == 1 || alphaShape.dim(a) == in.dim(a);
        }
        if (!ok) throw new IllegalArgumentException("PReLU '" + name() + "': alpha shape " + alphaShape + " does not fit input shape " + in);
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape s = x.shape();
        int rank = alphaShape.rank();
        // alpha index of each element: strides of alpha, zero along shared (size-1) axes
        int[] dims = new int[rank], stride = new int[rank];
        int st = 1;
        for (int a = rank - 1; a >= 0; a--) {
            dims[a] = s.dim(a + 1);
            stride[a] = alphaShape.dim(a) == 1 ? 0 : st;
            st *= alphaShape.dim(a);
        }
        float[] in = x.data(), out = new float[in.length];
        int sample = x.rowSize();
        int[] idx = new int[rank];
        for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
            java.util.Arrays.fill(idx, 0);
            int ai = 0;
            for (int i = 0; i < sample; i++) {
                float v = in[base + i];
                out[base + i] = v >= 0 ? v : alpha[ai] * v;
                for (int a = rank - 1; a >= 0; a--) { // odometer step over the sample's axes
                    ai += stride[a];
                    if (++idx[a] < dims[a]) break;
                    ai -= stride[a] * dims[a];
                    idx[a] = 0;
                }
            }
        }
        return new Tensor(s, out);
    }

    @Override
    public long paramCount() {
        return alpha.length;
    }
}
