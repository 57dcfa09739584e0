package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Keras {@code Permute(dims)}: sample axes reordered; {@code dims} is 1-based as in Keras. */
public final class Permute extends Layer {
    private final int[] perm; // 0-based sample axes: output axis i reads input axis perm[i]

    public Permute(String name, int[] dims) {
        super(name);
        perm = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int a = dims[i] - 1;
            if (a < 0 || a >= dims.length || seen[a]) throw new IllegalArgumentException("Permute '" + name + "': dims " + Arrays.toString(dims) + " is not a permutation of 1.." + dims.length);
            seen[a] = true;
            perm[i] = a;
        }
    }

    @Override
    public String kerasClass() {
        return "Permute";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != perm.length) throw new IllegalArgumentException("Permute '" + name() + "' permutes " + perm.length + " axes, input " + in + " has " + in.rank());
        int[] d = new int[perm.length];
        for (int i = 0; i < d.length; i++) d[i] = in.dim(perm[i]);
        return Shape.of(d);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape in = x.shape().dropFirst();
        Shape outSample = outputShape(List.of(in));
        int rank = perm.length;
        int[] inStride = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; a--) { inStride[a] = s; s *= in.dim(a); }
        int[] step = new int[rank]; // input stride of each output axis
        for (int i = 0; i < rank; i++) step[i] = inStride[perm[i]];
        int n = in.size();
        float[] src = x.data(), out = new float[src.length];
        int[] idx = new int[rank];
        for (int b = 0; b < x.batch(); b++) {
            int base = b * n, off = 0;
            Arrays.fill(idx, 0);
            for (int k = 0; k < n; k++) {
                out[base + k] = src[base + off];
                for (int a = rank - 1; a >= 0; a--) {
                    off += step[a];
                    if (++idx[a] < outSample.dim(a)) break;
                    off -= step[a] * outSample.dim(a);
                    idx[a] = 0;
                }
            }
        }
        return new Tensor(outSample.prepend(x.batch()), out);
    }

    @Override
    public String details() {
        return "dims " + Arrays.toString(Arrays.stream(perm).map(a -> a + 1).toArray());
    }
}
