package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Tensor contraction by axis labels, the engine of Einsum, Tensordot and Dot: each operand's axes carry labels, the
 * output lists the labels it keeps; a label shared by operands is multiplied along, one missing from the output is
 * summed over, and a size of 1 broadcasts against any other. Operands are contracted left to right, each pair as
 * one batched matrix product ({@link Gemm}): its shared kept labels the batch, its shared dropped ones the inner
 * dimension. Sizes of a label must agree, but for labels from {@code broadcastFrom} on (einsum's ellipsis axes),
 * where 1 stretches as in NumPy; a label repeated within one operand (a diagonal) is refused.
 */
final class Contraction {
    private Contraction() {
    }

    /** The size of every label (1 stretching for labels from {@code broadcastFrom} on); an unknown size meets any other. */
    static Map<Integer, Integer> sizes(List<Shape> shapes, int[][] labels, int broadcastFrom, String who) {
        Map<Integer, Integer> size = new HashMap<>();
        for (int o = 0; o < shapes.size(); o++) {
            Shape s = shapes.get(o);
            if (s.rank() != labels[o].length) {
                throw new IllegalArgumentException(who + ": operand " + o + " of shape " + s + " has " + labels[o].length + " subscripts");
            }
            for (int a = 0; a < s.rank(); a++) {
                for (int b = 0; b < a; b++) {
                    if (labels[o][a] == labels[o][b]) throw new IllegalArgumentException(who + ": a subscript repeated within operand " + o + " (a diagonal) is not supported");
                }
                int d = s.dim(a);
                Integer had = size.get(labels[o][a]);
                boolean stretch = labels[o][a] >= broadcastFrom;
                if (had == null || (had == Shape.UNKNOWN && (d != 1 || !stretch)) || (had == 1 && stretch)) size.put(labels[o][a], d);
                else if (d != had && d != Shape.UNKNOWN && !(d == 1 && stretch)) {
                    throw new IllegalArgumentException(who + ": a subscript has sizes " + had + " and " + d + " in " + shapes);
                }
            }
        }
        return size;
    }

    static Shape shape(List<Shape> shapes, int[][] labels, int[] out, int broadcastFrom, String who) {
        Map<Integer, Integer> size = sizes(shapes, labels, broadcastFrom, who);
        int[] d = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            Integer s = size.get(out[i]);
            if (s == null) throw new IllegalArgumentException(who + ": an output subscript appears in no operand");
            for (int j = 0; j < i; j++) if (out[j] == out[i]) throw new IllegalArgumentException(who + ": an output subscript repeats");
            d[i] = s;
        }
        return Shape.of(d);
    }

    /** A value during contraction: data, its labels and dims. */
    private record Term(float[] data, int[] labels, int[] dims) {
    }

    static Tensor compute(List<Tensor> operands, int[][] labels, int[] out, int broadcastFrom, String who) {
        Shape outShape = shape(operands.stream().map(Tensor::shape).toList(), labels, out, broadcastFrom, who);
        Map<Integer, Integer> size = sizes(operands.stream().map(Tensor::shape).toList(), labels, broadcastFrom, who);
        Term cur = new Term(operands.get(0).data(), labels[0], operands.get(0).shape().dims());
        for (int j = 1; j < operands.size(); j++) {
            List<Integer> keep = new ArrayList<>();
            for (int l : out) keep.add(l);
            for (int o = j + 1; o < operands.size(); o++) for (int l : labels[o]) keep.add(l);
            cur = pair(cur, new Term(operands.get(j).data(), labels[j], operands.get(j).shape().dims()), keep, size);
        }
        float[] r = single(cur, out, size).data();
        return new Tensor(outShape, operands.stream().anyMatch(o -> o.data() == r) ? r.clone() : r); // a result never shares an operand's array
    }

    private static boolean has(int[] labels, int l) {
        for (int x : labels) if (x == l) return true;
        return false;
    }

    /** t's strides for {@code order}, in label space: 0 where t lacks the label or holds it with size 1 (broadcast). */
    private static int[] strides(Term t, int[] order) {
        int[] st = Strided.strides(Shape.of(t.dims)), s = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            for (int a = 0; a < t.labels.length; a++) if (t.labels[a] == order[i] && t.dims[a] != 1) s[i] = st[a];
        }
        return s;
    }

    /** t's data with its axes in {@code order} at sizes {@code d}: t's own array when it already is (never written), else a copy. */
    private static float[] arranged(Term t, int[] order, int[] d) {
        if (Arrays.equals(t.labels, order) && Arrays.equals(t.dims, d)) return t.data;
        return Strided.gather(t.data, 0, d, strides(t, order));
    }

    private static int[] dims(int[] order, Map<Integer, Integer> size) {
        int[] d = new int[order.length];
        for (int i = 0; i < d.length; i++) d[i] = size.get(order[i]);
        return d;
    }

    /** t with its labels brought to {@code out}: a gather when nothing is summed, else a sum in t's element order. */
    private static Term single(Term t, int[] out, Map<Integer, Integer> size) {
        int[] d = dims(out, size);
        boolean sums = false;
        for (int l : t.labels) sums |= !has(out, l);
        if (!sums) return new Term(arranged(t, out, d), out, d);
        for (int i = 0; i < out.length; i++) for (int a = 0; a < t.labels.length; a++) if (t.labels[a] == out[i]) d[i] = t.dims[a]; // summing keeps t's own sizes
        int[] ost = Strided.strides(Shape.of(d)), step = new int[t.labels.length];
        for (int a = 0; a < step.length; a++) for (int i = 0; i < out.length; i++) if (out[i] == t.labels[a]) step[a] = ost[i];
        float[] r = new float[Shape.of(d).size()];
        int rank = t.dims.length;
        int[] pos = new int[rank];
        for (int e = 0, at = 0; e < t.data.length; e++) {
            r[at] += t.data[e];
            for (int a = rank - 1; a >= 0; a--) {
                at += step[a];
                if (++pos[a] < t.dims[a]) break;
                at -= step[a] * t.dims[a];
                pos[a] = 0;
            }
        }
        return new Term(r, out, d);
    }

    private static int[] only(int[] labels, java.util.function.IntPredicate keep) {
        return Arrays.stream(labels).filter(keep).toArray();
    }

    private static Term pair(Term a, Term b, List<Integer> keep, Map<Integer, Integer> size) {
        Term a1 = single(a, only(a.labels, l -> has(b.labels, l) || keep.contains(l)), size);
        Term b1 = single(b, only(b.labels, l -> has(a.labels, l) || keep.contains(l)), size);
        int[] batch = only(a1.labels, l -> has(b1.labels, l) && keep.contains(l));
        int[] inner = only(a1.labels, l -> has(b1.labels, l) && !keep.contains(l));
        int[] freeA = only(a1.labels, l -> !has(b1.labels, l));
        int[] freeB = only(b1.labels, l -> !has(a1.labels, l));
        int nb = prod(batch, size), m = prod(freeA, size), k = prod(inner, size), n = prod(freeB, size);
        int[] ao = concat(batch, freeA, inner), bo = concat(batch, inner, freeB);
        float[] x = arranged(a1, ao, dims(ao, size));
        float[] y = arranged(b1, bo, dims(bo, size));
        int[] ai = new int[nb], bi = new int[nb];
        for (int i = 0; i < nb; i++) {
            ai[i] = i * m * k;
            bi[i] = i * k * n;
        }
        int[] labels = concat(batch, freeA, freeB);
        return new Term(Gemm.batched(x, ai, y, bi, m, k, n), labels, dims(labels, size));
    }

    private static int prod(int[] labels, Map<Integer, Integer> size) {
        int p = 1;
        for (int l : labels) p = Math.multiplyExact(p, size.get(l));
        return p;
    }

    private static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] r = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }
}
