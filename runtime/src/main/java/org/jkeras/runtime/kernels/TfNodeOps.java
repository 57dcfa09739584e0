package org.jkeras.runtime.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.jkeras.activations.Activation;

/**
 * TensorFlow graph ops ({@code NodeDef.op}) as tf.keras {@code TensorFlowOpLayer} records them, on full shapes
 * ({@link TfOps#UNKNOWN} for the batch size while a model is built). Operands are in the node's input order,
 * constants included.
 */
public final class TfNodeOps {
    /** One op: its output shape (from the operands' shapes and, for constants, values; null for tensors while building) and its values. */
    public interface Op {
        int[] shape(List<int[]> shapes, List<float[]> values);

        float[] apply(List<float[]> operands, List<int[]> shapes, int[] out);
    }

    private TfNodeOps() {
    }

    /** A binary elementwise op with broadcasting ({@code AddV2}, {@code Mul}, {@code RealDiv}…), in float32. */
    public static Op binary(DoubleBinaryOperator f) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                arity(s, 2);
                return TfOps.broadcast(s.get(0), s.get(1));
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return TfOps.binary(x.get(0), s.get(0), x.get(1), s.get(1), out, f);
            }
        };
    }

    /** An elementwise unary function in float32. */
    public static Op unary(java.util.function.DoubleUnaryOperator f) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                arity(s, 1);
                return s.get(0);
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                float[] in = x.get(0), y = new float[in.length];
                for (int i = 0; i < y.length; i++) y[i] = (float) f.applyAsDouble(in[i]);
                return y;
            }
        };
    }

    /** A Keras activation on the last axis (Relu, Sigmoid, Softmax…: the same kernels as the activation layers). */
    public static Op activation(Activation a) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                arity(s, 1);
                return s.get(0);
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                float[] y = x.get(0).clone();
                int[] d = s.get(0);
                int width = d.length == 0 ? 1 : d[d.length - 1];
                if (y.length > 0) a.applyRows(y, 0, y.length / width, width);
                return y;
            }
        };
    }

    /** {@code Sum}, {@code Mean}, {@code Max}, {@code Min}, {@code Prod} over the axes of operand 1, {@code keep_dims}. */
    public static Op reduce(TfOps.Reduce kind, boolean keepDims) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                arity(s, 2);
                boolean[] ax = axes(s.get(0).length, constantInts(v, 1));
                List<Integer> o = new ArrayList<>();
                for (int i = 0; i < ax.length; i++) if (!ax[i]) o.add(s.get(0)[i]); else if (keepDims) o.add(1);
                return o.stream().mapToInt(Integer::intValue).toArray();
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return TfOps.reduce(x.get(0), s.get(0), axes(s.get(0).length, ints(x.get(1))), kind);
            }
        };
    }

    /** {@code Reshape} to the shape in operand 1; its -1 is resolved from the size (the batch axis while building). */
    public static Op reshape(int[] target) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                int[] in = s.get(0), out = target.clone();
                int free = -1;
                long known = 1;
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == -1) {
                        if (free >= 0) throw new IllegalArgumentException("Reshape target " + Arrays.toString(target) + " has two -1");
                        free = i;
                    } else {
                        known *= out[i];
                    }
                }
                boolean building = Arrays.stream(in).anyMatch(d -> d == TfOps.UNKNOWN);
                if (building) {
                    if (free != 0) throw new IllegalArgumentException("Reshape to " + Arrays.toString(target) + " fixes the batch size");
                    long rest = 1;
                    for (int i = 1; i < in.length; i++) rest *= in[i];
                    if (rest != known) throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
                    return out;
                }
                long n = TfOps.size(in);
                if (free >= 0) {
                    if (known == 0 || n % known != 0) throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
                    out[free] = (int) (n / known);
                } else if (known != n) {
                    throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
                }
                return out;
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return x.get(0);
            }
        };
    }

    /** A shape-only op: output shape from the input's (ExpandDims, Squeeze, Identity); the values are kept. */
    public static Op reshapeBy(java.util.function.UnaryOperator<int[]> f) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                return f.apply(s.get(0));
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return x.get(0);
            }
        };
    }

    /** {@code ConcatV2}: the last operand is the axis. */
    public static Op concat() {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                int n = s.size() - 1, r = s.get(0).length, axis = axis(constantInts(v, n)[0], r);
                int[] out = s.get(0).clone();
                for (int i = 1; i < n; i++) {
                    int[] d = s.get(i);
                    if (d.length != r) throw new IllegalArgumentException("ConcatV2 of ranks " + r + " and " + d.length);
                    for (int a = 0; a < r; a++) if (a != axis && d[a] != out[a]) throw new IllegalArgumentException("ConcatV2 shapes differ off the axis");
                    out[axis] += d[axis];
                }
                return out;
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                int n = s.size() - 1, axis = axis(ints(x.get(n))[0], out.length);
                int outer = 1, inner = 1;
                for (int a = 0; a < axis; a++) outer *= out[a];
                for (int a = axis + 1; a < out.length; a++) inner *= out[a];
                float[] y = new float[TfOps.size(out)];
                for (int o = 0, at = 0; o < outer; o++) {
                    for (int i = 0; i < n; i++) {
                        int len = s.get(i)[axis] * inner;
                        System.arraycopy(x.get(i), o * len, y, at, len);
                        at += len;
                    }
                }
                return y;
            }
        };
    }

    /** {@code Transpose} by the permutation in operand 1. */
    public static Op transpose() {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                int[] perm = perm(constantInts(v, 1), s.get(0).length), out = new int[perm.length];
                for (int i = 0; i < perm.length; i++) out[i] = s.get(0)[perm[i]];
                return out;
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return TfOps.transpose(x.get(0), s.get(0), perm(ints(x.get(1)), s.get(0).length));
            }
        };
    }

    /** {@code MatMul} (rank 2) and {@code BatchMatMulV2} (leading axes broadcast); {@code ta}/{@code tb}: transpose_a/b or adj_x/y. */
    public static Op matmul(boolean ta, boolean tb, boolean batched) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                arity(s, 2);
                int[] a = s.get(0), b = s.get(1);
                if (a.length < 2 || b.length < 2 || (!batched && (a.length != 2 || b.length != 2))) {
                    throw new IllegalArgumentException("matmul of shapes " + Arrays.toString(a) + " and " + Arrays.toString(b));
                }
                int[] lead = TfOps.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
                int[] out = Arrays.copyOf(lead, lead.length + 2);
                out[lead.length] = ta ? a[a.length - 1] : a[a.length - 2];
                out[lead.length + 1] = tb ? b[b.length - 2] : b[b.length - 1];
                int ka = ta ? a[a.length - 2] : a[a.length - 1], kb = tb ? b[b.length - 1] : b[b.length - 2];
                if (ka != kb && ka != TfOps.UNKNOWN && kb != TfOps.UNKNOWN) throw new IllegalArgumentException("matmul inner dimensions " + ka + " and " + kb);
                return out;
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                return TfOps.matmul(x.get(0), s.get(0), x.get(1), s.get(1), ta, tb, Arrays.copyOf(out, out.length - 2));
            }
        };
    }

    /**
     * {@code StridedSlice} with begin, end and strides in operands 1–3 and the begin/end/shrink masks; ellipsis and
     * new-axis masks are not supported. An axis of unknown size (the batch while building) must be taken whole.
     */
    public static Op stridedSlice(int beginMask, int endMask, int shrinkMask) {
        return new Op() {
            public int[] shape(List<int[]> s, List<float[]> v) {
                return plan(s.get(0), constantInts(v, 1), constantInts(v, 2), constantInts(v, 3))[2];
            }

            public float[] apply(List<float[]> x, List<int[]> s, int[] out) {
                int[][] p = plan(s.get(0), ints(x.get(1)), ints(x.get(2)), ints(x.get(3)));
                return TfOps.slice(x.get(0), s.get(0), p[0], p[1], p[3]);
            }

            /** {begin, strides, output shape without shrunk axes, output shape with them}. */
            int[][] plan(int[] in, int[] b, int[] e, int[] st) {
                int r = in.length;
                if (b.length > r || e.length != b.length || st.length != b.length) throw new IllegalArgumentException("StridedSlice spec of " + b.length + " axes on rank " + r);
                int[] begin = new int[r], stride = new int[r], full = new int[r];
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < r; i++) {
                    int dim = in[i], s = i < st.length ? st[i] : 1;
                    boolean bm = i >= b.length || (beginMask >> i & 1) != 0, em = i >= b.length || (endMask >> i & 1) != 0, shrink = i < b.length && (shrinkMask >> i & 1) != 0;
                    if (s == 0) throw new IllegalArgumentException("StridedSlice stride 0");
                    if (dim == TfOps.UNKNOWN) {
                        if (!(bm || (b[i] == 0 && s == 1)) || !em || s != 1 || shrink) throw new IllegalArgumentException("StridedSlice must take the batch axis whole");
                        full[i] = TfOps.UNKNOWN;
                        stride[i] = 1;
                        kept.add(TfOps.UNKNOWN);
                        continue;
                    }
                    int lo, hi;
                    if (shrink) {
                        lo = b[i] < 0 ? b[i] + dim : b[i];
                        if (lo < 0 || lo >= dim) throw new IllegalArgumentException("StridedSlice index " + b[i] + " out of range for size " + dim);
                        hi = lo + 1;
                        s = 1;
                    } else {
                        lo = bm ? (s > 0 ? 0 : dim - 1) : clamp(b[i] < 0 ? b[i] + dim : b[i], dim, s);
                        hi = em ? (s > 0 ? dim : -1) : clamp(e[i] < 0 ? e[i] + dim : e[i], dim, s);
                    }
                    int n = s > 0 ? Math.max(0, (hi - lo + s - 1) / s) : Math.max(0, (lo - hi - s - 1) / -s);
                    begin[i] = lo;
                    stride[i] = s;
                    full[i] = n;
                    if (!shrink) kept.add(n);
                }
                return new int[][] {begin, stride, kept.stream().mapToInt(Integer::intValue).toArray(), full};
            }

            int clamp(int v, int dim, int s) {
                return s > 0 ? Math.max(0, Math.min(v, dim)) : Math.max(-1, Math.min(v, dim - 1));
            }
        };
    }

    private static void arity(List<int[]> s, int n) {
        if (s.size() != n) throw new IllegalArgumentException("expected " + n + " operand(s), got " + s.size());
    }

    /** Operand {@code i}'s values, which must be known while building: it has to be a constant. */
    private static int[] constantInts(List<float[]> values, int i) {
        if (i >= values.size() || values.get(i) == null) throw new IllegalArgumentException("operand " + i + " must be a constant");
        return ints(values.get(i));
    }

    private static int[] ints(float[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (int) v[i];
        return r;
    }

    private static int axis(int a, int rank) {
        int x = a < 0 ? a + rank : a;
        if (x < 0 || x >= rank) throw new IllegalArgumentException("axis " + a + " out of range for rank " + rank);
        return x;
    }

    private static boolean[] axes(int rank, int[] list) {
        boolean[] m = new boolean[rank];
        for (int a : list) m[axis(a, rank)] = true;
        return m;
    }

    private static int[] perm(int[] p, int rank) {
        if (p.length != rank) throw new IllegalArgumentException("Transpose perm " + Arrays.toString(p) + " for rank " + rank);
        boolean[] seen = new boolean[rank];
        for (int a : p) {
            if (a < 0 || a >= rank || seen[a]) throw new IllegalArgumentException("Transpose perm " + Arrays.toString(p) + " is not a permutation");
            seen[a] = true;
        }
        return p;
    }
}
