package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code x[key]} on a Keras tensor ({@code keras.ops.GetItem}): NumPy basic indexing of the whole tensor, the first
 * item indexing the batch axis. Items: slices (Python bounds: negative from the end, clamped, any non-zero step),
 * integers (the axis dropped; negative from the end, out of range an error), {@code None} (a new axis of 1) and one
 * Ellipsis (as many full slices as the other items leave).
 */
public final class GetItem extends TensorOp {

    /** One item of the key. */
    public sealed interface Item {
    }

    /** {@code start:stop:step}, each null when left out. */
    public record Slice(Integer start, Integer stop, Integer step) implements Item {
        public Slice {
            if (step != null && step == 0) throw new IllegalArgumentException("slice step cannot be zero");
        }
    }

    /** An integer index. */
    public record Index(int index) implements Item {
    }

    /** {@code None}: a new axis of size 1. */
    public record NewAxis() implements Item {
    }

    /** {@code ...}. */
    public record Ellipsis() implements Item {
    }

    private final List<Item> key;

    public GetItem(String name, List<Item> key) {
        super(name, "GetItem");
        this.key = List.copyOf(key);
        if (key.stream().filter(i -> i instanceof Ellipsis).count() > 1) throw new IllegalArgumentException("GetItem '" + name + "': more than one Ellipsis");
    }

    /** Per output axis: its size and the input stride step per element; plus the start offset at {@code view[0][rank]}. */
    private int[][] view(Shape x) {
        int used = 0;
        for (Item i : key) if (i instanceof Slice || i instanceof Index) used++;
        if (used > x.rank()) throw new IllegalArgumentException(who() + ": " + used + " indices for a tensor of rank " + x.rank() + " " + x);
        List<Item> items = new ArrayList<>();
        for (Item i : key) {
            if (i instanceof Ellipsis) for (int k = 0; k < x.rank() - used; k++) items.add(new Slice(null, null, null));
            else items.add(i);
        }
        while (items.stream().filter(i -> i instanceof Slice || i instanceof Index).count() < x.rank()) items.add(new Slice(null, null, null));
        int[] st = x.isFullyKnown() ? Strided.strides(x) : new int[x.rank()];
        List<int[]> axes = new ArrayList<>(); // {size, stride}
        int off = 0, a = 0;
        for (Item i : items) {
            if (i instanceof NewAxis) {
                axes.add(new int[] {1, 0});
            } else if (i instanceof Index ix) {
                int n = x.dim(a), k = ix.index() < 0 && n != Shape.UNKNOWN ? ix.index() + n : ix.index();
                if (n != Shape.UNKNOWN && (k < 0 || k >= n)) {
                    throw new IllegalArgumentException(who() + ": index " + ix.index() + " is out of range for axis " + a + " of size " + n);
                }
                off += k * st[a++];
            } else if (i instanceof Slice s) {
                int n = x.dim(a);
                if (n == Shape.UNKNOWN) {
                    axes.add(new int[] {Shape.UNKNOWN, 0});
                } else {
                    int[] r = bounds(s, n);
                    axes.add(new int[] {r[2], r[1] * st[a]});
                    if (r[2] > 0) off += r[0] * st[a];
                }
                a++;
            }
        }
        int[][] v = new int[2][axes.size() + 1];
        for (int k = 0; k < axes.size(); k++) {
            v[0][k] = axes.get(k)[0];
            v[1][k] = axes.get(k)[1];
        }
        v[0][axes.size()] = off;
        return v;
    }

    /** Python's {@code slice(start, stop, step).indices(n)}: {start, step, length}. */
    static int[] bounds(Slice s, int n) {
        int step = s.step() == null ? 1 : s.step();
        int lo = step > 0 ? 0 : -1, hi = step > 0 ? n : n - 1;
        int start = s.start() == null ? (step > 0 ? lo : hi) : clamp(s.start() < 0 ? s.start() + n : s.start(), lo, hi);
        int stop = s.stop() == null ? (step > 0 ? hi : lo) : clamp(s.stop() < 0 ? s.stop() + n : s.stop(), lo, hi);
        int len = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        return new int[] {start, step, Math.max(0, len)};
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int[] d = view(in.get(0))[0];
        return Shape.of(java.util.Arrays.copyOf(d, d.length - 1));
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        int[][] v = view(x.shape());
        int r = v[0].length - 1;
        int[] dims = java.util.Arrays.copyOf(v[0], r), st = java.util.Arrays.copyOf(v[1], r);
        return new Tensor(Shape.of(dims), Strided.gather(x.data(), v[0][r], dims, st));
    }

    @Override
    public String details() {
        StringBuilder b = new StringBuilder("[");
        for (Item i : key) {
            if (b.length() > 1) b.append(", ");
            if (i instanceof Slice s) b.append(s.start() == null ? "" : s.start()).append(':').append(s.stop() == null ? "" : s.stop())
                    .append(s.step() == null ? "" : ":" + s.step());
            else if (i instanceof Index ix) b.append(ix.index());
            else b.append(i instanceof NewAxis ? "None" : "...");
        }
        return b.append(']').toString();
    }
}
