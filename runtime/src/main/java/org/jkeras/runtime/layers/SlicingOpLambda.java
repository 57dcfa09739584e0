package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * tf.keras {@code SlicingOpLambda} ({@code x[:, 1:5, 0]}): per sample axis a Python slice (start, stop, step)
 * or a single index, which drops the axis. The batch axis is always taken whole.
 */
public final class SlicingOpLambda extends Layer {

    /** One axis of the slice: an index (drops the axis) or start/stop/step with Python's None as null. */
    public record Axis(Integer index, Integer start, Integer stop, Integer step) {
        public static Axis all() {
            return new Axis(null, null, null, null);
        }
    }

    private final List<Axis> axes; // one per sample axis (batch excluded), missing trailing axes taken whole

    public SlicingOpLambda(String name, List<Axis> axes) {
        super(name);
        this.axes = List.copyOf(axes);
        for (Axis a : axes) {
            if (a.step() != null && a.step() == 0) throw new IllegalArgumentException("SlicingOpLambda '" + name + "': slice step 0");
        }
    }

    @Override
    public String kerasClass() {
        return "SlicingOpLambda";
    }

    private static final int DROPPED = -2; // count of an axis removed by an index (UNKNOWN, -1, is an unknown size)

    /** For each sample axis: first index, step, count ({@link #DROPPED}: the axis is removed, first is the index). */
    private int[][] plan(Shape in) {
        if (axes.size() > in.rank()) throw new IllegalArgumentException("SlicingOpLambda '" + name() + "': " + axes.size() + " axes sliced, input " + in + " has " + in.rank());
        int[][] p = new int[in.rank()][];
        for (int a = 0; a < in.rank(); a++) {
            int n = in.dim(a);
            Axis s = a < axes.size() ? axes.get(a) : Axis.all();
            if (n == Shape.UNKNOWN) {
                if (!s.equals(Axis.all())) throw new IllegalArgumentException("SlicingOpLambda '" + name() + "': axis " + (a + 1) + " of " + in + " is unknown");
                p[a] = new int[] {0, 1, Shape.UNKNOWN};
                continue;
            }
            if (s.index() != null) {
                int i = s.index() < 0 ? s.index() + n : s.index();
                if (i < 0 || i >= n) throw new IllegalArgumentException("SlicingOpLambda '" + name() + "': index " + s.index() + " out of range for axis " + (a + 1) + " of size " + n);
                p[a] = new int[] {i, 1, DROPPED};
                continue;
            }
            int step = s.step() == null ? 1 : s.step();
            // Python slice.indices semantics
            int start, stop;
            if (step > 0) {
                start = s.start() == null ? 0 : clamp(s.start() < 0 ? s.start() + n : s.start(), 0, n);
                stop = s.stop() == null ? n : clamp(s.stop() < 0 ? s.stop() + n : s.stop(), 0, n);
            } else {
                start = s.start() == null ? n - 1 : clamp(s.start() < 0 ? s.start() + n : s.start(), -1, n - 1);
                stop = s.stop() == null ? -1 : clamp(s.stop() < 0 ? s.stop() + n : s.stop(), -1, n - 1);
            }
            int count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
            p[a] = new int[] {start, step, count};
        }
        return p;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        List<Integer> d = new ArrayList<>();
        for (int[] p : plan(inputs.get(0))) if (p[2] != DROPPED) d.add(p[2]);
        return Shape.of(d.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape in = x.shape().dropFirst();
        int[][] p = plan(in);
        int rank = in.rank();
        int[] stride = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; a--) { stride[a] = s; s *= in.dim(a); }
        int[] count = new int[rank];
        int base = 0, outSize = 1;
        for (int a = 0; a < rank; a++) {
            base += p[a][0] * stride[a];
            count[a] = p[a][2] == DROPPED ? 1 : p[a][2];
            outSize *= count[a];
        }
        float[] src = x.data(), out = new float[x.batch() * outSize];
        int[] idx = new int[rank];
        for (int b = 0; b < x.batch(); b++) {
            int off = b * in.size() + base;
            java.util.Arrays.fill(idx, 0);
            for (int k = 0; k < outSize; k++) {
                out[b * outSize + k] = src[off];
                for (int a = rank - 1; a >= 0; a--) {
                    off += p[a][1] * stride[a];
                    if (++idx[a] < count[a]) break;
                    off -= p[a][1] * stride[a] * count[a];
                    idx[a] = 0;
                }
            }
        }
        return new Tensor(outputShape(List.of(in)).prepend(x.batch()), out);
    }
}
