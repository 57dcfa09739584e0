package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.AxisMaps;

/** Keras {@code UnitNormalization(axis)}: {@code x · rsqrt(max(Σ x², 1e-12))} over the given sample axes (L2 norm 1). */
public final class UnitNormalization extends Layer {
    private final boolean[] reduced; // per sample axis

    public UnitNormalization(String name, boolean[] reduced) {
        super(name);
        this.reduced = reduced.clone();
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "UnitNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != reduced.length) throw new IllegalArgumentException("UnitNormalization '" + name() + "' was built for rank " + (reduced.length + 1) + ", got " + in);
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dropFirst().dims();
        boolean[] kept = new boolean[dims.length];
        int groups = 1;
        for (int a = 0; a < dims.length; a++) {
            kept[a] = !reduced[a];
            if (kept[a]) groups *= dims[a];
        }
        int[] group = AxisMaps.project(dims, kept);
        int sample = x.rowSize();
        float[] in = x.data(), y = new float[in.length];
        double[] sq = new double[groups];
        float[] inv = new float[groups];
        for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
            java.util.Arrays.fill(sq, 0);
            for (int i = 0; i < sample; i++) sq[group[i]] += in[base + i] * in[base + i];
            for (int g = 0; g < groups; g++) inv[g] = 1f / (float) Math.sqrt(Math.max((float) sq[g], 1e-12f));
            for (int i = 0; i < sample; i++) y[base + i] = in[base + i] * inv[group[i]];
        }
        return new Tensor(x.shape(), y);
    }
}
