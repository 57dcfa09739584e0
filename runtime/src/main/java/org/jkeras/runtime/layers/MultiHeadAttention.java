package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.Parallel;

/**
 * Keras {@code MultiHeadAttention} (Vaswani et al. 2017) at inference:
 * <pre>
 *   Q = query·Wq + bq,  K = key·Wk + bk,  V = value·Wv + bv      (…, heads, key_dim | value_dim)
 *   scores = (Q · Kᵀ) / sqrt(key_dim) over the attention axes, per head
 *   P = softmax over all key positions;  out = (P · V)·Wo + bo       (…, output_shape)
 * </pre>
 * Attention axes are per-sample axes of the query (default: every axis but the features); the other axes act as
 * batch axes. The pair mask is the AND of the query's and value's (and key's) timestep masks (or the
 * {@code value_mask} / {@code key_mask} passed in the call), the causal mask and an {@code attention_mask} input,
 * as Keras' {@code _compute_attention_mask}. Excluded pairs, by the path Keras takes:
 * <ul>
 * <li>Keras 3 {@code ops.dot_product_attention} ((batch, steps, features) inputs, no dropout, scores not returned):
 * logits {@code (Q·Kᵀ)·scale} replaced by -0.7·3.38953e38; a query row with no allowed key gets uniform weights.
 * <li>Keras 3 {@code Softmax} layer (otherwise): logits {@code (Q·scale)·Kᵀ} replaced by -1e9 and the weights of
 * excluded pairs set to 0, so a row with no allowed key gives zero weights.
 * <li>Keras 1/2 ({@code tf.keras}): logits {@code (Q·scale)·Kᵀ} plus -1e9.
 * </ul>
 * The output carries the query's mask. Keras 3 deletes the masks of the query, value and key tensors as it runs
 * ({@link #maskClearedInputs}).
 */
public final class MultiHeadAttention extends MaskedLayer {
    /** Which call inputs are which: indices into the node's inputs, -1 when absent. */
    public record Roles(int query, int value, int key, int attentionMask, int valueMask, int keyMask) {
        public Roles(int query, int value, int key, int attentionMask) {
            this(query, value, key, attentionMask, -1, -1);
        }
    }

    private final int heads, keyDim, valueDim;
    private final DenseKernel query;   // (query features, heads*key_dim), bias (heads, key_dim) flattened; null when in qkv
    private final DenseKernel key;     // (key features, heads*key_dim); null when in qkv
    private final DenseKernel value;   // (value features, heads*value_dim); null when in qkv
    private final DenseKernel qkv;     // (features, 2·heads·key_dim + heads·value_dim): the three side by side, or null
    private final int qIn, kIn, vIn;   // feature sizes of query, key, value
    private final DenseKernel output;  // (heads*value_dim, prod(output_shape)), bias (output_shape)
    private final int[] outShape;      // output_shape, or (query features,)
    private final int[] axes;          // attention axes, per-sample, without the feature axis; null: all
    private final Roles roles;
    private final boolean causal, returnScores;
    private final long params;
    private final Semantics semantics; // the generation whose masking applies
    private final boolean dropout;     // dropout > 0: Keras 3 takes the Softmax-layer path even at inference
    private static final Activation SOFTMAX = Activations.softmax();

    /** Keras 3 masking, no dropout. */
    public MultiHeadAttention(String name, int heads, int keyDim, int valueDim, DenseKernel query, DenseKernel key, DenseKernel value,
                              DenseKernel output, int[] outShape, int[] axes, Roles roles, boolean causal, boolean returnScores, long params) {
        this(name, heads, keyDim, valueDim, query, key, value, output, outShape, axes, roles, causal, returnScores, params, Semantics.KERAS_3, false);
    }

    public MultiHeadAttention(String name, int heads, int keyDim, int valueDim, DenseKernel query, DenseKernel key, DenseKernel value,
                              DenseKernel output, int[] outShape, int[] axes, Roles roles, boolean causal, boolean returnScores, long params,
                              Semantics semantics, boolean dropout) {
        super(name);
        this.semantics = semantics;
        this.dropout = dropout;
        this.heads = heads;
        this.keyDim = keyDim;
        this.valueDim = valueDim;
        this.qIn = query.inputSize();
        this.kIn = key.inputSize();
        this.vIn = value.inputSize();
        // one packed kernel when the three read one feature size: self-attention projects in one GEMM
        this.qkv = DenseKernel.concatColumns(query, key, value);
        this.query = qkv == null ? query : null;
        this.key = qkv == null ? key : null;
        this.value = qkv == null ? value : null;
        this.output = output;
        this.outShape = outShape.clone();
        this.axes = axes == null ? null : axes.clone();
        this.roles = roles;
        this.causal = causal;
        this.returnScores = returnScores;
        this.params = params;
    }

    @Override
    public String kerasClass() {
        return "MultiHeadAttention";
    }

    @Override
    public int outputCount() {
        return returnScores ? 2 : 1;
    }

    private int[] attnAxes(int k) {
        if (axes == null) {
            int[] a = new int[k];
            for (int i = 0; i < k; i++) a[i] = i;
            return a;
        }
        for (int a : axes) {
            if (a < 0 || a >= k) throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': attention axis " + (a + 1) + " is not a sequence axis of a rank-" + (k + 2) + " input");
        }
        return axes;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return outputShapes(inputs).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        Shape q = inputs.get(roles.query()), v = inputs.get(roles.value()), kk = roles.key() >= 0 ? inputs.get(roles.key()) : v;
        int k = q.rank() - 1;
        if (k < 1) throw new IllegalArgumentException("MultiHeadAttention '" + name() + "' expects (batch, steps..., features) inputs, got " + q.prepend(Shape.UNKNOWN));
        if (v.rank() != q.rank() || kk.rank() != q.rank()) throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': query " + q + ", value " + v + " and key " + kk + " differ in rank");
        if (q.dim(-1) != qIn || kk.dim(-1) != kIn || v.dim(-1) != vIn) {
            throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': feature sizes of query " + q + ", key " + kk + ", value " + v
                    + " do not fit the weights (" + qIn + ", " + kIn + ", " + vIn + ")");
        }
        int[] a = attnAxes(k);
        for (int i = 0; i < k; i++) {
            if (v.dim(i) != kk.dim(i)) throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': value " + v + " and key " + kk + " differ");
            if (!contains(a, i) && q.dim(i) != v.dim(i)) throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': query " + q + " and value " + v + " differ on non-attention axis " + (i + 1));
        }
        for (int m : new int[] {roles.valueMask(), roles.keyMask()}) {
            if (m >= 0 && (k != 1 || inputs.get(m).rank() != 1 || (inputs.get(m).dim(0) != v.dim(0) && inputs.get(m).dim(0) != Shape.UNKNOWN && v.dim(0) != Shape.UNKNOWN))) {
                throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': a value_mask / key_mask " + inputs.get(m).prepend(Shape.UNKNOWN)
                        + " must be (batch, steps) for a (batch, steps, features) value " + v.prepend(Shape.UNKNOWN));
            }
        }
        if ((roles.attentionMask() >= 0 || causal) && k != 1) {
            throw new IllegalArgumentException("MultiHeadAttention '" + name() + "': attention_mask / use_causal_mask are supported for (batch, steps, features) inputs only");
        }
        int[] od = new int[k + outShape.length];
        for (int i = 0; i < k; i++) od[i] = q.dim(i);
        System.arraycopy(outShape, 0, od, k, outShape.length);
        if (!returnScores) return List.of(Shape.of(od));
        List<Integer> sd = new ArrayList<>();
        for (int i = 0; i < k; i++) if (!contains(a, i)) sd.add(q.dim(i));
        sd.add(heads);
        for (int i : a) sd.add(q.dim(i));
        for (int i : a) sd.add(v.dim(i));
        return List.of(Shape.of(od), Shape.of(sd.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static boolean contains(int[] a, int x) {
        for (int y : a) if (y == x) return true;
        return false;
    }

    /**
     * For a per-sample grid {@code dims} (without features) and the attention axes: row index (in the batch's
     * flattened rows) of [group][position], where a group is one sample and one index of the non-attention axes.
     */
    private static int[] rowsByGroup(int batch, int[] dims, int[] attn) {
        int k = dims.length, per = 1, t = 1;
        for (int d : dims) per *= d;
        for (int a : attn) t *= dims[a];
        int groupsPer = per / Math.max(1, t);
        int[] rows = new int[batch * per];
        int[] coord = new int[k];
        for (int flat = 0; flat < per; flat++) {
            int rem = flat;
            for (int i = k - 1; i >= 0; i--) {
                coord[i] = rem % dims[i];
                rem /= dims[i];
            }
            int g = 0, p = 0;
            for (int i = 0; i < k; i++) if (!contains(attn, i)) g = g * dims[i] + coord[i];
            for (int a : attn) p = p * dims[a] + coord[a];
            for (int b = 0; b < batch; b++) rows[(b * groupsPer + g) * t + p] = b * per + flat;
        }
        return rows;
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Tensor q = inputs.get(roles.query()), v = inputs.get(roles.value()), kt = roles.key() >= 0 ? inputs.get(roles.key()) : v;
        int batch = q.batch(), k = q.shape().rank() - 2;
        int[] qd = Arrays.copyOfRange(q.shape().dims(), 1, k + 1), kd = Arrays.copyOfRange(v.shape().dims(), 1, k + 1);
        int[] a = attnAxes(k);
        int qRows = q.size() / qIn, kRows = v.size() / vIn;
        Projected pr = project(q, kt, v, qRows, kRows);
        float scale = (float) (1.0 / Math.sqrt(keyDim));
        boolean dotPath = semantics == Semantics.KERAS_3 && k == 1 && !dropout && !returnScores;
        if (!dotPath) { // the query scaled before the product
            for (int r = 0; r < qRows; r++) {
                for (int i = r * pr.q().stride(), end = i + heads * keyDim; i < end; i++) pr.q().data()[i] *= scale;
            }
        }
        float logitScale = dotPath ? scale : 1f;

        int tq = 1, ts = 1;
        for (int i : a) {
            tq *= qd[i];
            ts *= kd[i];
        }
        int groups = qRows / tq;
        int[] qIdx = rowsByGroup(batch, qd, a), kIdx = rowsByGroup(batch, kd, a);
        Mask qm = get(masks, roles.query());
        Mask vm = roles.valueMask() >= 0 ? Mask.of(inputs.get(roles.valueMask())) : get(masks, roles.value());
        Mask km = roles.keyMask() >= 0 ? Mask.of(inputs.get(roles.keyMask())) : roles.key() >= 0 ? get(masks, roles.key()) : null;
        if (k != 1) qm = vm = km = null; // timestep masks exist for (batch, steps, features) tensors only
        float[] am = roles.attentionMask() >= 0 ? inputs.get(roles.attentionMask()).data() : null;
        int amRows = am == null ? 0 : am.length / batch / ts; // (batch, Tq or 1, S)

        float neg = -0.7f * 3.38953e38f;
        int hk = heads * keyDim, hv = heads * valueDim;
        float[] ctx = new float[qRows * hv];
        float[] scores = returnScores ? new float[groups * heads * tq * ts] : null;
        Pairs pairs = new Pairs(qm, vm, km, am, amRows, logitScale, neg, dotPath);
        int nq = tq, ns = ts, perBatch = groups / batch;
        Parallel.parallelFor(groups * heads, 2L * groups * heads * tq * ts * (keyDim + valueDim),
                t -> attendHead(t / heads, t / heads / perBatch, t % heads, nq, ns, qIdx, kIdx, pr, pairs, ctx, scores));
        int width = output.outputWidth();
        float[] out = new float[qRows * width];
        output.forward(ctx, 0, out, 0, qRows);
        int[] od = new int[1 + k + outShape.length];
        od[0] = batch;
        System.arraycopy(qd, 0, od, 1, k);
        System.arraycopy(outShape, 0, od, 1 + k, outShape.length);
        List<Tensor> res = new ArrayList<>();
        res.add(new Tensor(Shape.of(od), out));
        if (returnScores) res.add(new Tensor(outputShapes(shapes(inputs)).get(1).prepend(batch), scores));
        return res;
    }

    /** Projected rows: row r of the projection at {@code data[r·stride + col ..]}. */
    private record Rows(float[] data, int stride, int col) {
    }

    /** The query, key and value projections; with {@link #qkv}, views of one or two arrays (columns offset). */
    private record Projected(Rows q, Rows k, Rows v) {
    }

    /**
     * Q, K and V. With {@link #qkv}: self-attention (one tensor for all three) runs one GEMM; otherwise each tensor
     * runs its part's panels of the same kernel into rows as wide as qkv's output, the parts' columns in place.
     */
    private Projected project(Tensor q, Tensor kt, Tensor v, int qRows, int kRows) {
        int hk = heads * keyDim, hv = heads * valueDim;
        if (qkv == null) {
            float[] qp = new float[qRows * hk], kp = new float[kRows * hk], vp = new float[kRows * hv];
            query.forward(q.data(), 0, qp, 0, qRows);
            key.forward(kt.data(), 0, kp, 0, kRows);
            value.forward(v.data(), 0, vp, 0, kRows);
            return new Projected(new Rows(qp, hk, 0), new Rows(kp, hk, 0), new Rows(vp, hv, 0));
        }
        int w = qkv.outputWidth(), pq = hk / qkv.panelWidth(), pk = 2 * pq, end = w / qkv.panelWidth();
        if (q == kt && q == v) {
            float[] all = new float[qRows * w];
            qkv.forward(q.data(), 0, all, 0, qRows);
            return new Projected(new Rows(all, w, 0), new Rows(all, w, hk), new Rows(all, w, 2 * hk));
        }
        float[] qp = new float[qRows * w], kv = new float[kRows * w];
        qkv.forwardPanels(q.data(), 0, qp, 0, qRows, 0, pq);
        if (kt == v) {
            qkv.forwardPanels(v.data(), 0, kv, 0, kRows, pq, end);
        } else {
            qkv.forwardPanels(kt.data(), 0, kv, 0, kRows, pq, pk);
            qkv.forwardPanels(v.data(), 0, kv, 0, kRows, pk, end);
        }
        return new Projected(new Rows(qp, w, 0), new Rows(kv, w, hk), new Rows(kv, w, 2 * hk));
    }

    /** What decides a pair's logit for (batch, steps, features) inputs: masks, the causal flag, the path Keras takes. */
    private record Pairs(Mask qm, Mask vm, Mask km, float[] am, int amRows, float logitScale, float neg, boolean dotPath) {
        boolean unmasked(boolean causal) {
            return qm == null && vm == null && km == null && am == null && !causal;
        }
    }

    /**
     * Head {@code n} of group {@code g} (a sample, or a slice along the non-attention axes) of sample {@code b}:
     * logits {@code Q_h·K_hᵀ} and context {@code P·V_h} as two GEMMs through {@link DenseKernel} (K_hᵀ and V_h
     * gathered from the projections into per-thread scratch), the softmax vectorised per row. {@code qIdx}/{@code kIdx} give the projected rows of the
     * group's query and key positions.
     */
    private void attendHead(int g, int b, int n, int tq, int ts, int[] qIdx, int[] kIdx, Projected pr, Pairs pairs,
                            float[] ctx, float[] scores) {
        int hv = heads * valueDim;
        Rows q = pr.q(), k = pr.k(), v = pr.v();
        float[] qp = q.data(), kp = k.data(), vp = v.data();
        float[][] scratch = SCRATCH.get();
        float[] qh = grow(scratch, 0, tq * keyDim), p = grow(scratch, 1, tq * ts), ch = grow(scratch, 2, tq * valueDim);
        for (int i = 0; i < tq; i++) System.arraycopy(qp, qIdx[g * tq + i] * q.stride() + q.col() + n * keyDim, qh, i * keyDim, keyDim);
        DenseKernel.gather(kp, kIdx, g * ts, k.stride(), k.col() + n * keyDim, keyDim, ts, true, 0).forward(qh, 0, p, 0, tq);
        boolean plain = pairs.unmasked(causal);
        boolean zeroExcluded = !pairs.dotPath() && semantics == Semantics.KERAS_3;
        boolean[] allowed = plain ? null : new boolean[ts];
        for (int i = 0; i < tq; i++) {
            int row = i * ts;
            if (plain) {
                if (pairs.logitScale() != 1f) for (int j = 0; j < ts; j++) p[row + j] *= pairs.logitScale();
            } else {
                for (int j = 0; j < ts; j++) {
                    boolean keep = (pairs.qm() == null || pairs.qm().keep(b, i)) && (pairs.vm() == null || pairs.vm().keep(b, j))
                            && (pairs.km() == null || pairs.km().keep(b, j)) && (!causal || i >= j)
                            && (pairs.am() == null || pairs.am()[(b * pairs.amRows() + (pairs.amRows() == 1 ? 0 : i)) * ts + j] != 0f);
                    allowed[j] = keep;
                    float acc = p[row + j];
                    p[row + j] = keep ? acc * pairs.logitScale() : pairs.dotPath() ? pairs.neg() : semantics == Semantics.KERAS_3 ? -1e9f : acc + -1e9f;
                }
            }
            SOFTMAX.applyRows(p, row, 1, ts);
            if (!plain && zeroExcluded) for (int j = 0; j < ts; j++) if (!allowed[j]) p[row + j] = 0f;
        }
        if (scores != null) System.arraycopy(p, 0, scores, (g * heads + n) * tq * ts, tq * ts);
        DenseKernel.gather(vp, kIdx, g * ts, v.stride(), v.col() + n * valueDim, ts, valueDim, false, 1).forward(p, 0, ch, 0, tq);
        for (int i = 0; i < tq; i++) System.arraycopy(ch, i * valueDim, ctx, qIdx[g * tq + i] * hv + n * valueDim, valueDim);
    }

    /** Per thread: one head's Q rows, logits and context ({@link #attendHead}), reused across calls. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][0]);

    /** scratch[i], grown to at least n floats. */
    private static float[] grow(float[][] scratch, int i, int n) {
        if (scratch[i].length < n) scratch[i] = new float[n];
        return scratch[i];
    }

    private static List<Shape> shapes(List<Tensor> ts) {
        List<Shape> s = new ArrayList<>();
        for (Tensor t : ts) s.add(t.shape().dropFirst());
        return s;
    }

    private static Mask get(List<Mask> masks, int i) {
        return i >= 0 && i < masks.size() ? masks.get(i) : null;
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        boolean qm = inputsMasked.get(roles.query());
        return returnScores ? List.of(qm, false) : List.of(qm);
    }

    /** Keras 3 {@code MultiHeadAttention.call} runs {@code set_keras_mask(query | value | key, None)} on its inputs. */
    @Override
    public int[] maskClearedInputs() {
        if (semantics != Semantics.KERAS_3) return new int[0];
        return roles.key() >= 0 ? new int[] {roles.query(), roles.value(), roles.key()} : new int[] {roles.query(), roles.value()};
    }

    @Override
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        Mask qm = get(masks, roles.query());
        return returnScores ? Arrays.asList(qm, null) : Collections.singletonList(qm);
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return get(masks, roles.query());
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        return heads + " heads, key_dim " + keyDim + ", value_dim " + valueDim + (axes == null ? "" : ", attention_axes " + Arrays.toString(Arrays.stream(axes).map(a -> a + 1).toArray()))
                + (causal ? ", causal" : "") + (returnScores ? ", returns scores" : "");
    }
}
