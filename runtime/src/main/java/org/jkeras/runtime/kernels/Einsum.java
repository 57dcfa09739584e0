package org.jkeras.runtime.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * NumPy / TensorFlow {@code einsum} on float32 tensors: {@code "ab,bc->ac"}, {@code "bqhd,bkhd->bhqk"},
 * {@code "...ij,...jk->...ik"}, {@code "ii->i"}, {@code "ij->"}, implicit outputs ({@code "ij,jk"}). Shapes are
 * whole tensor shapes (a batch axis, if any, is an axis like the others); they may hold {@link Shape#UNKNOWN}
 * dimensions at parse time, resolved when the operands arrive. Immutable and thread-safe.
 *
 * <p>Semantics: a letter repeated within one operand reads its diagonal; a letter absent from the output is summed
 * over; {@code ...} stands for the same number of leading axes in every operand where it appears, aligned to the
 * right and broadcast NumPy-style (a dimension 1 stretches); lettered dimensions must agree exactly (as
 * {@code tf.einsum}). Without {@code ->} the output is the ellipsis axes, then the letters used once, in ASCII order.
 *
 * <p>Evaluation ({@link #apply}): operands are contracted left to right, two at a time. Each pair is first
 * reduced (letters no later term needs are summed out), then gathered into (batch, free, contracted) and
 * (batch, contracted, free) blocks and multiplied per batch index with {@link DenseKernel}; the last result is
 * gathered into the output's axis order. {@link #reference} is the plain loop over every index, one float sum per
 * output element in index order; tests hold the two together and to an independent loop. {@link #withConstant}
 * packs a constant second operand (a layer's kernel) once.
 */
public final class Einsum {
    /** Label ids: 'A'..'Z' are 0..25, 'a'..'z' 26..51 (so id order is ASCII order), ellipsis axes 52 + position. */
    private static final int LETTERS = 52;

    private final String subscripts;
    private final int[][] labels; // per operand, the label of each axis
    private final int[] out;      // the label of each output axis
    private final int ellipsis;   // number of broadcast ellipsis axes
    private final Shape[] shapes; // operand shapes as parsed
    private final Shape outShape;

    private Einsum(String subscripts, int[][] labels, int[] out, int ellipsis, Shape[] shapes) {
        this.subscripts = subscripts;
        this.labels = labels;
        this.out = out;
        this.ellipsis = ellipsis;
        this.shapes = shapes;
        int[] d = new int[out.length];
        int[] size = sizes(dimsOf(shapes), true);
        for (int i = 0; i < out.length; i++) d[i] = size[out[i]];
        this.outShape = Shape.of(d);
    }

    /**
     * Parses {@code subscripts} for operands of the given shapes (batch axis included, UNKNOWN allowed); throws
     * IllegalArgumentException naming the problem when the subscripts are malformed or do not fit the shapes.
     */
    public static Einsum parse(String subscripts, Shape... operandShapes) {
        String s = subscripts.replace(" ", "");
        int arrow = s.indexOf("->");
        String lhs = arrow < 0 ? s : s.substring(0, arrow), rhs = arrow < 0 ? null : s.substring(arrow + 2);
        if (rhs != null && rhs.contains("->")) throw bad(subscripts, "more than one '->'");
        String[] terms = lhs.split(",", -1);
        if (terms.length != operandShapes.length) {
            throw bad(subscripts, terms.length + " operand term(s) for " + operandShapes.length + " operand(s)");
        }
        int[][] named = new int[terms.length][];
        int[] ellAt = new int[terms.length];
        int e = 0;
        for (int i = 0; i < terms.length; i++) {
            ellAt[i] = terms[i].indexOf("...");
            named[i] = letters(subscripts, terms[i].replace("...", ""));
            if (terms[i].indexOf("...", ellAt[i] + 1) >= 0 && ellAt[i] >= 0) throw bad(subscripts, "'...' twice in one term");
            int rank = operandShapes[i].rank(), extra = rank - named[i].length;
            if (extra < 0 || (ellAt[i] < 0 && extra != 0)) {
                throw bad(subscripts, "term '" + terms[i] + "' does not fit operand " + i + " of shape " + operandShapes[i]);
            }
            if (ellAt[i] >= 0) e = Math.max(e, extra);
        }
        int[][] labels = new int[terms.length][];
        int[] uses = new int[LETTERS];
        for (int i = 0; i < terms.length; i++) {
            int rank = operandShapes[i].rank(), extra = rank - named[i].length;
            labels[i] = new int[rank];
            int before = ellAt[i] < 0 ? named[i].length : letters(subscripts, terms[i].substring(0, ellAt[i])).length;
            for (int a = 0, n = 0; a < rank; a++) {
                if (a >= before && a < before + extra) labels[i][a] = LETTERS + (e - extra) + (a - before);
                else labels[i][a] = named[i][n++];
            }
            for (int l : named[i]) uses[l]++;
        }
        int[] out;
        if (rhs == null) {
            List<Integer> o = new ArrayList<>();
            for (int t = 0; t < e; t++) o.add(LETTERS + t);
            for (int l = 0; l < LETTERS; l++) if (uses[l] == 1) o.add(l);
            out = o.stream().mapToInt(Integer::intValue).toArray();
        } else {
            int at = rhs.indexOf("...");
            if (at < 0 && e > 0) throw bad(subscripts, "the operands have '...' axes but the output names none");
            int[] head = letters(subscripts, at < 0 ? rhs : rhs.substring(0, at)), tail = at < 0 ? new int[0] : letters(subscripts, rhs.substring(at + 3));
            out = new int[head.length + (at < 0 ? 0 : e) + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            for (int t = 0; at >= 0 && t < e; t++) out[head.length + t] = LETTERS + t;
            System.arraycopy(tail, 0, out, out.length - tail.length, tail.length);
            boolean[] seen = new boolean[LETTERS + e];
            for (int l : out) {
                if (seen[l]) throw bad(subscripts, "output label '" + name(l) + "' repeated");
                if (l < LETTERS && uses[l] == 0) throw bad(subscripts, "output label '" + name(l) + "' is in no operand");
                seen[l] = true;
            }
        }
        return new Einsum(subscripts, labels, out, e, operandShapes.clone());
    }

    private static int[] letters(String subscripts, String term) {
        int[] r = new int[term.length()];
        for (int i = 0; i < r.length; i++) {
            char c = term.charAt(i);
            if (c >= 'A' && c <= 'Z') r[i] = c - 'A';
            else if (c >= 'a' && c <= 'z') r[i] = 26 + c - 'a';
            else throw bad(subscripts, "unexpected character '" + c + "'");
        }
        return r;
    }

    private static String name(int label) {
        return label < 26 ? String.valueOf((char) ('A' + label)) : label < LETTERS ? String.valueOf((char) ('a' + label - 26)) : "...";
    }

    private static IllegalArgumentException bad(String subscripts, String why) {
        return new IllegalArgumentException("einsum '" + subscripts + "': " + why);
    }

    public String subscripts() {
        return subscripts;
    }

    public int operandCount() {
        return labels.length;
    }

    /** The output shape implied by the parsed operand shapes (UNKNOWN where an operand's dimension was). */
    public Shape outputShape() {
        return outShape;
    }

    private static int[][] dimsOf(Shape[] s) {
        int[][] d = new int[s.length][];
        for (int i = 0; i < s.length; i++) d[i] = s[i].dims();
        return d;
    }

    /** Each label's size; lettered sizes must agree, ellipsis ones broadcast. {@code open}: UNKNOWN dimensions allowed. */
    private int[] sizes(int[][] dims, boolean open) {
        int[] size = new int[LETTERS + ellipsis];
        Arrays.fill(size, Shape.UNKNOWN);
        boolean[] fromOne = new boolean[size.length]; // an ellipsis label seen only with dimension 1 so far
        for (int i = 0; i < labels.length; i++) {
            if (dims[i].length != labels[i].length) throw bad(subscripts, "operand " + i + " has rank " + dims[i].length + ", parsed for " + labels[i].length);
            for (int a = 0; a < dims[i].length; a++) {
                int l = labels[i][a], d = dims[i][a];
                if (d == Shape.UNKNOWN) {
                    if (!open) throw bad(subscripts, "operand " + i + " has an unknown dimension");
                    continue;
                }
                if (size[l] == Shape.UNKNOWN || (l >= LETTERS && fromOne[l] && d != 1)) {
                    size[l] = d;
                    fromOne[l] = l >= LETTERS && d == 1;
                } else if (size[l] != d && !(l >= LETTERS && d == 1)) {
                    throw bad(subscripts, "label '" + name(l) + "' is " + size[l] + " in one place and " + d + " in another (operand " + i + " axis " + a + ")");
                }
            }
        }
        if (open) {
            // an ellipsis axis seen as 1 in one operand and unknown in another is unknown
            for (int i = 0; i < labels.length; i++) {
                for (int a = 0; a < dims[i].length; a++) if (dims[i][a] == Shape.UNKNOWN && fromOne[labels[i][a]]) size[labels[i][a]] = Shape.UNKNOWN;
            }
        }
        return size;
    }

    /** Every operand as a tensor of the parsed rank, dimensions matching where they were known at parse time. */
    private int[][] check(Tensor[] operands) {
        if (operands.length != labels.length) throw bad(subscripts, "takes " + labels.length + " operand(s), got " + operands.length);
        int[][] dims = new int[operands.length][];
        for (int i = 0; i < operands.length; i++) {
            dims[i] = operands[i].shape().dims();
            Shape p = shapes[i];
            boolean ok = dims[i].length == p.rank();
            for (int a = 0; ok && a < dims[i].length; a++) ok = p.dim(a) == Shape.UNKNOWN || p.dim(a) == dims[i][a];
            if (!ok) throw bad(subscripts, "operand " + i + " has shape " + operands[i].shape() + ", parsed for " + p);
        }
        return dims;
    }

    /** The einsum of {@code operands} (a new array, never an operand's), by pairwise contraction through {@link DenseKernel}. */
    public Tensor apply(Tensor... operands) {
        int[][] dims = check(operands);
        int[] size = sizes(dims, false);
        Term acc = reduce(operands[0].data(), labels[0], dims[0], needed(1), size);
        for (int i = 1; i < operands.length; i++) {
            Term b = reduce(operands[i].data(), labels[i], dims[i], needed(i + 1, acc.labels), size);
            acc = contract(acc, b, needed(i + 1), size);
        }
        float[] y = arrange(acc, out, size);
        for (Tensor t : operands) if (y == t.data()) y = y.clone(); // an identity einsum: the result is the caller's own
        return new Tensor(resolved(size), y);
    }

    /** The output shape for these operand sizes. */
    private Shape resolved(int[] size) {
        int[] d = new int[out.length];
        for (int i = 0; i < out.length; i++) d[i] = size[out[i]];
        return Shape.of(d);
    }

    /** Labels that the output or operands {@code from..} (and {@code also}) use: those must survive until then. */
    private boolean[] needed(int from, int[]... also) {
        boolean[] keep = new boolean[LETTERS + ellipsis];
        for (int l : out) keep[l] = true;
        for (int i = from; i < labels.length; i++) for (int l : labels[i]) keep[l] = true;
        for (int[] a : also) for (int l : a) keep[l] = true;
        return keep;
    }

    /** A contiguous intermediate in C order over distinct labels. */
    private record Term(float[] data, int[] labels) {
    }

    /** An operand as a term: its diagonals read, labels outside {@code keep} summed out, broadcast axes expanded. */
    private static Term reduce(float[] src, int[] srcLabels, int[] srcDims, boolean[] keep, int[] size) {
        List<Integer> kept = new ArrayList<>(), summed = new ArrayList<>();
        for (int l : srcLabels) {
            if (kept.contains(l) || summed.contains(l)) continue;
            (keep[l] ? kept : summed).add(l);
        }
        int[] order = new int[kept.size() + summed.size()];
        for (int i = 0; i < kept.size(); i++) order[i] = kept.get(i);
        for (int i = 0; i < summed.size(); i++) order[kept.size() + i] = summed.get(i);
        float[] g = gather(src, srcLabels, srcDims, order, size);
        int inner = 1;
        for (int l : summed) inner *= size[l];
        return new Term(summed.isEmpty() ? g : sumInner(g, g.length / Math.max(1, inner), inner), kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code a} times {@code b}, summing the labels both hold and {@code keep} lacks; result labels (batch, a's free, b's free). */
    private static Term contract(Term a, Term b, boolean[] keep, int[] size) {
        List<Integer> batch = new ArrayList<>(), sum = new ArrayList<>(), m = new ArrayList<>(), n = new ArrayList<>();
        for (int l : a.labels) {
            boolean inB = contains(b.labels, l);
            (inB ? (keep[l] ? batch : sum) : m).add(l);
        }
        for (int l : b.labels) if (!contains(a.labels, l)) n.add(l);
        int nb = product(batch, size), rows = product(m, size), k = product(sum, size), cols = product(n, size);
        float[] ad = gather(a.data, a.labels, dims(a.labels, size), concat(batch, m, sum), size);
        float[] bd = gather(b.data, b.labels, dims(b.labels, size), concat(batch, sum, n), size);
        float[] c = new float[Math.multiplyExact(Math.multiplyExact(nb, rows), cols)];
        if (c.length > 0 && k > 0) {
            for (int i = 0; i < nb; i++) {
                float[] w = nb == 1 ? bd : Arrays.copyOfRange(bd, i * k * cols, (i + 1) * k * cols);
                DenseKernel.pack(w, null, k, cols, null).forward(ad, i * rows * k, c, i * rows * cols, rows);
            }
        }
        return new Term(c, concat(batch, m, n));
    }

    /** A term's data in the axis order {@code order} (a permutation of its labels). */
    private static float[] arrange(Term t, int[] order, int[] size) {
        return gather(t.data, t.labels, dims(t.labels, size), order, size);
    }

    /**
     * {@code src} (axes labelled {@code srcLabels}, dimensions {@code srcDims}, C order) read in label order
     * {@code order}: a label repeated in src reads the diagonal, an axis of dimension 1 broadcasts to the label's
     * size. Returns src itself when that is already the layout.
     */
    static float[] gather(float[] src, int[] srcLabels, int[] srcDims, int[] order, int[] size) {
        int[] stride = new int[size.length];
        int st = 1;
        boolean plain = srcLabels.length == order.length;
        for (int a = srcLabels.length - 1; a >= 0; a--) {
            if (srcDims[a] != 1) stride[srcLabels[a]] += st;
            st *= srcDims[a];
            plain = plain && srcLabels[a] == order[a] && srcDims[a] == size[order[a]];
        }
        if (plain) return src;
        int r = order.length, total = 1;
        int[] d = new int[r], s = new int[r];
        for (int i = 0; i < r; i++) {
            d[i] = size[order[i]];
            s[i] = stride[order[i]];
            total = Math.multiplyExact(total, d[i]);
        }
        float[] y = new float[total];
        if (total == 0) return y;
        if (r == 0) {
            y[0] = src[0];
            return y;
        }
        int[] idx = new int[r];
        int inner = d[r - 1], is = s[r - 1], base = 0;
        for (int o = 0; o < total; o += inner) {
            for (int j = 0, p = base; j < inner; j++, p += is) y[o + j] = src[p];
            for (int ax = r - 2; ax >= 0; ax--) { // odometer over the outer axes
                base += s[ax];
                if (++idx[ax] < d[ax]) break;
                base -= s[ax] * d[ax];
                idx[ax] = 0;
            }
        }
        return y;
    }

    private static float[] sumInner(float[] x, int outer, int inner) {
        float[] y = new float[outer];
        for (int o = 0; o < outer; o++) {
            float acc = 0f;
            for (int j = 0, p = o * inner; j < inner; j++) acc += x[p + j];
            y[o] = acc;
        }
        return y;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) if (v == x) return true;
        return false;
    }

    private static int product(List<Integer> ls, int[] size) {
        int p = 1;
        for (int l : ls) p = Math.multiplyExact(p, size[l]);
        return p;
    }

    private static int[] dims(int[] ls, int[] size) {
        int[] d = new int[ls.length];
        for (int i = 0; i < ls.length; i++) d[i] = size[ls[i]];
        return d;
    }

    @SafeVarargs
    private static int[] concat(List<Integer>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The scalar reference: for each output element in C order, one float sum of the operands' product over every
     * summed index, the summed labels in id order, the last fastest.
     */
    public Tensor reference(Tensor... operands) {
        int[][] dims = check(operands);
        int[] size = sizes(dims, false);
        boolean[] inOut = new boolean[size.length];
        for (int l : out) inOut[l] = true;
        List<Integer> summedList = new ArrayList<>();
        for (int[] ls : labels) for (int l : ls) if (!inOut[l] && !summedList.contains(l)) summedList.add(l);
        summedList.sort(null);
        int[] summed = summedList.stream().mapToInt(Integer::intValue).toArray();
        int[][] strides = new int[operands.length][size.length];
        for (int i = 0; i < operands.length; i++) {
            for (int a = dims[i].length - 1, st = 1; a >= 0; st *= dims[i][a], a--) if (dims[i][a] != 1) strides[i][labels[i][a]] += st;
        }
        Shape shape = resolved(size);
        float[] y = new float[shape.size()];
        int[] at = new int[size.length];
        int inner = 1;
        for (int l : summed) inner = Math.multiplyExact(inner, size[l]);
        for (int o = 0; o < y.length; o++) {
            for (int i = out.length - 1, rem = o; i >= 0; i--) {
                at[out[i]] = rem % size[out[i]];
                rem /= size[out[i]];
            }
            float acc = 0f;
            for (int j = 0; j < inner; j++) {
                for (int i = summed.length - 1, rem = j; i >= 0; i--) {
                    at[summed[i]] = rem % size[summed[i]];
                    rem /= size[summed[i]];
                }
                float p = 1f;
                for (int i = 0; i < operands.length; i++) {
                    int off = 0;
                    for (int l = 0; l < size.length; l++) off += strides[i][l] * at[l];
                    p *= operands[i].data()[off];
                }
                acc += p;
            }
            y[o] = acc;
        }
        return new Tensor(shape, y);
    }

    /**
     * This two-operand einsum with its second operand fixed to {@code constant} (of the fully known parsed shape),
     * packed once: a layer kernel such as EinsumDense's.
     */
    public WithConstant withConstant(float[] constant) {
        if (labels.length != 2) throw bad(subscripts, "a constant second operand needs two operands, there are " + labels.length);
        if (!shapes[1].isFullyKnown() || shapes[1].size() != constant.length) {
            throw bad(subscripts, "constant of " + constant.length + " values for operand shape " + shapes[1]);
        }
        return new WithConstant(constant.clone());
    }

    /** {@link Einsum} with a constant second operand; when it shares no batch label, one packed {@link DenseKernel}. */
    public final class WithConstant {
        private final Tensor constant;
        private final DenseKernel kernel; // (contracted, free) labels of the constant; null: the constant shares a batch label
        private final int[] rowLabels;    // the first operand's free labels then the contracted ones
        private final int[] resultLabels; // the first operand's free labels then the constant's

        private WithConstant(float[] data) {
            constant = new Tensor(shapes[1], data);
            int[] open = new int[labels[0].length];
            Arrays.fill(open, Shape.UNKNOWN);
            int[] size = sizes(new int[][] {open, shapes[1].dims()}, true); // only the constant's sizes are needed here
            boolean[] keepB = needed(2, labels[0]);
            Term b = reduce(data, labels[1], shapes[1].dims(), keepB, size);
            boolean[] keepA = needed(2, b.labels);
            List<Integer> m = new ArrayList<>(), sum = new ArrayList<>(), n = new ArrayList<>();
            boolean batch = false;
            for (int l : distinct(labels[0])) {
                if (!keepA[l]) continue;
                if (!contains(b.labels, l)) m.add(l);
                else if (contains(out, l)) batch = true;
                else sum.add(l);
            }
            for (int l : b.labels) if (!contains(labels[0], l)) n.add(l);
            int k = product(sum, size), cols = product(n, size);
            kernel = batch || k == 0 || cols == 0 ? null : DenseKernel.pack(arrange(b, concat(sum, n), size), null, k, cols, null);
            rowLabels = concat(m, sum);
            resultLabels = concat(m, n);
        }

        /** The einsum of {@code x} and the constant. */
        public Tensor apply(Tensor x) {
            if (kernel == null) return Einsum.this.apply(x, constant);
            Tensor[] ops = {x, constant};
            int[][] dims = check(ops);
            int[] size = sizes(dims, false);
            Term a = reduce(x.data(), labels[0], dims[0], needed(2, labels[1]), size);
            float[] rows = arrange(a, rowLabels, size);
            int n = rows.length / kernel.inputSize();
            float[] y = new float[Math.multiplyExact(n, kernel.outputWidth())];
            kernel.forward(rows, 0, y, 0, n);
            return new Tensor(resolved(size), arrange(new Term(y, resultLabels), out, size));
        }
    }

    private static int[] distinct(int[] a) {
        return Arrays.stream(a).distinct().toArray();
    }

    @Override
    public String toString() {
        return "einsum '" + subscripts + "'";
    }
}
