package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.Grid;

/**
 * Keras {@code ZeroPadding1D/2D/3D}, and with negative amounts {@code Cropping1D/2D/3D}: each spatial axis grows by
 * {@code before + after} cells (zeros), {@code out[i] = in[i − before]}. Either data format.
 */
public abstract class BaseZeroPadding extends Layer {
    private final int rank;
    private final boolean channelsFirst;
    private final int[] before, after; // (3) cells added per padded axis (d, h, w); negative crops

    protected BaseZeroPadding(String name, int rank, boolean channelsFirst, int[] before, int[] after) {
        super(name);
        if (before.length != rank || after.length != rank) throw new IllegalArgumentException("padding needs " + rank + " (before, after) pairs");
        this.rank = rank;
        this.channelsFirst = channelsFirst;
        this.before = new int[3];
        this.after = new int[3];
        System.arraycopy(before, 0, this.before, 3 - rank, rank);
        System.arraycopy(after, 0, this.after, 3 - rank, rank);
    }

    /** Spatial rank (1, 2 or 3). */
    public int rank() {
        return rank;
    }

    /** Whether the channels come first. */
    public boolean channelsFirst() {
        return channelsFirst;
    }

    /** Cells added before each spatial axis, (d, h, w) with leading zeros below rank 3 (a copy). */
    public int[] before() {
        return before.clone();
    }

    /** Cells added after each spatial axis, as {@link #before()}. */
    public int[] after() {
        return after.clone();
    }

    private int[] outDims(int[] in) {
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            out[a] = in[a] == Shape.UNKNOWN ? Shape.UNKNOWN : in[a] + before[a] + after[a];
            if (in[a] != Shape.UNKNOWN && out[a] < 1) {
                throw new IllegalArgumentException(kerasClass() + " '" + name() + "' crops a spatial axis of " + in[a] + " to " + out[a]);
            }
        }
        return out;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        return Grid.shape(outDims(Grid.spatial(in, rank, channelsFirst)), Grid.channels(in, channelsFirst), rank, channelsFirst);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Grid gi = Grid.of(x.shape().dropFirst(), rank, channelsFirst);
        Grid go = Grid.of(outDims(new int[] {gi.d(), gi.h(), gi.w()}), gi.c(), channelsFirst);
        int batch = x.batch();
        float[] in = x.data(), y = Arena.floats(Math.multiplyExact(batch, go.size()));
        Arrays.fill(y, 0f); // a recycled array holds old values; the copies below then overwrite the interior
        // channels last: a run of c floats per cell; channels first: per channel, a run of w floats per line
        for (int b = 0; b < batch; b++) {
            int ib = b * gi.size(), ob = b * go.size();
            for (int ch = 0; ch < (channelsFirst ? gi.c() : 1); ch++) {
                for (int z = 0; z < go.d(); z++) {
                    int iz = z - before[0];
                    if (iz < 0 || iz >= gi.d()) continue;
                    for (int yy = 0; yy < go.h(); yy++) {
                        int iy = yy - before[1];
                        if (iy < 0 || iy >= gi.h()) continue;
                        int x0 = Math.max(before[2], 0), x1 = Math.min(gi.w() + before[2], go.w()); // output x range with a source
                        if (x1 <= x0) continue;
                        int len = (x1 - x0) * (channelsFirst ? 1 : gi.c());
                        System.arraycopy(in, ib + gi.at(ch, iz, iy, x0 - before[2]), y, ob + go.at(ch, z, yy, x0), len);
                    }
                }
            }
        }
        return new Tensor(go.shape(rank).prepend(batch), y);
    }

    @Override
    public String details() {
        int[] b = Arrays.copyOfRange(before, 3 - rank, 3), a = Arrays.copyOfRange(after, 3 - rank, 3);
        boolean crop = Arrays.stream(b).anyMatch(v -> v < 0) || Arrays.stream(a).anyMatch(v -> v < 0);
        if (crop) {
            for (int i = 0; i < rank; i++) {
                b[i] = -b[i];
                a[i] = -a[i];
            }
        }
        return (crop ? "crop" : "pad") + " before " + Arrays.toString(b) + " after " + Arrays.toString(a) + (channelsFirst ? " channels_first" : "");
    }

    /** Cropping as negative padding: {@code −a}, each cropped amount checked non-negative. */
    protected static int[] negate(int[] a) {
        int[] n = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) throw new IllegalArgumentException("cropping must be >= 0, got " + java.util.Arrays.toString(a));
            n[i] = -a[i];
        }
        return n;
    }
}
