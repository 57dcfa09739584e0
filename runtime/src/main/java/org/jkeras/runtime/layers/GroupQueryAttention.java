package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;

/**
 * Keras {@code GroupQueryAttention} (Ainslie et al. 2023) at inference, on (batch, steps, features) tensors:
 * <pre>
 *   Q = query·Wq + bq (T, Hq, D);  K = key·Wk + bk,  V = value·Wv + bv (S, Hkv, D);  query head n reads kv head n / (Hq / Hkv)
 *   scores = Q·Kᵀ / sqrt(D), per head;  P = softmax over the key steps;  O = P·V;  [O ·= sigmoid(query·Wg + bg)]
 *   out = O·Wo + bo   (T, features of the query)
 * </pre>
 * The pair mask is the AND of the query's, value's and key's timestep masks, the causal mask ({@code j ≤ i}), the
 * sliding window ({@code |i − j| < window}) and an {@code attention_mask} input. Keras takes one of two paths:
 * {@code ops.dot_product_attention} (dropout 0, scores not returned) gives masked logits −0.7·3.38953e38, so a
 * query step with no allowed key averages all of them; the einsum path (dropout > 0 or scores returned) scales Q
 * first, masks with −1e9 and then zeroes the masked weights, so such a step gets zeros. Both are reproduced. The
 * output carries the query's mask.
 */
public final class GroupQueryAttention extends MaskedLayer {
    private static final float DOT_PRODUCT_NEG = (float) (3.38953e38 * -0.7), SOFTMAX_NEG = -1e9f;

    private final int qHeads, kvHeads, headDim;
    private final DenseKernel query;  // (query features, qHeads·headDim), bias (qHeads, headDim)
    private final DenseKernel key;    // (key features, kvHeads·headDim)
    private final DenseKernel value;  // (value features, kvHeads·headDim)
    private final DenseKernel gate;   // (query features, qHeads·headDim) with sigmoid, or null
    private final DenseKernel output; // (qHeads·headDim, query features), bias (query features)
    private final MultiHeadAttention.Roles roles;
    private final boolean causal, returnScores, einsumPath;
    private final int window;         // sliding_window, 0: none
    private final long params;

    public GroupQueryAttention(String name, int qHeads, int kvHeads, int headDim, DenseKernel query, DenseKernel key, DenseKernel value, DenseKernel gate,
                               DenseKernel output, MultiHeadAttention.Roles roles, boolean causal, boolean returnScores, boolean dropout, int window, long params) {
        super(name);
        if (qHeads < 1 || kvHeads < 1 || qHeads % kvHeads != 0) throw new IllegalArgumentException("GroupQueryAttention '" + name + "': " + qHeads + " query heads for " + kvHeads + " key/value heads");
        this.qHeads = qHeads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.query = query;
        this.key = key;
        this.value = value;
        this.gate = gate;
        this.output = output;
        this.roles = roles;
        this.causal = causal;
        this.returnScores = returnScores;
        this.einsumPath = dropout || returnScores;
        this.window = window;
        this.params = params;
    }

    @Override
    public String kerasClass() {
        return "GroupQueryAttention";
    }

    @Override
    public int outputCount() {
        return returnScores ? 2 : 1;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return outputShapes(inputs).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        Shape q = inputs.get(roles.query()), v = inputs.get(roles.value()), k = roles.key() >= 0 ? inputs.get(roles.key()) : v;
        if (q.rank() != 2 || v.rank() != 2 || k.rank() != 2) {
            throw new IllegalArgumentException("GroupQueryAttention '" + name() + "' expects (batch, steps, features) inputs, got query " + q + ", value " + v + ", key " + k);
        }
        if (q.dim(1) != query.inputSize() || k.dim(1) != key.inputSize() || v.dim(1) != value.inputSize() || q.dim(1) != output.units()) {
            throw new IllegalArgumentException("GroupQueryAttention '" + name() + "': feature sizes of query " + q + ", key " + k + ", value " + v + " do not fit the weights");
        }
        if (v.dim(0) != Shape.UNKNOWN && k.dim(0) != Shape.UNKNOWN && v.dim(0) != k.dim(0)) {
            throw new IllegalArgumentException("GroupQueryAttention '" + name() + "': value " + v + " and key " + k + " differ in steps");
        }
        if (roles.attentionMask() >= 0) {
            Shape m = inputs.get(roles.attentionMask());
            if (m.rank() != 2 || (m.dim(1) != Shape.UNKNOWN && v.dim(0) != Shape.UNKNOWN && m.dim(1) != v.dim(0))
                    || (m.dim(0) != Shape.UNKNOWN && q.dim(0) != Shape.UNKNOWN && m.dim(0) != q.dim(0) && m.dim(0) != 1)) {
                throw new IllegalArgumentException("GroupQueryAttention '" + name() + "': attention_mask " + m.prepend(Shape.UNKNOWN)
                        + " is not (batch, query steps or 1, value steps) for query " + q.prepend(Shape.UNKNOWN) + " and value " + v.prepend(Shape.UNKNOWN));
            }
        }
        Shape out = Shape.of(q.dim(0), q.dim(1));
        return returnScores ? List.of(out, Shape.of(qHeads, q.dim(0), v.dim(0))) : List.of(out);
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Tensor q = inputs.get(roles.query()), v = inputs.get(roles.value()), kt = roles.key() >= 0 ? inputs.get(roles.key()) : v;
        int batch = q.batch(), tq = q.shape().dim(1), ts = v.shape().dim(1);
        if (kt.shape().dim(1) != ts) throw new IllegalArgumentException("GroupQueryAttention '" + name() + "': value " + v.shape() + " and key " + kt.shape() + " differ in steps");
        int hq = qHeads * headDim, hkv = kvHeads * headDim, repeats = qHeads / kvHeads;
        float[] qp = new float[batch * tq * hq], kp = new float[batch * ts * hkv], vp = new float[batch * ts * hkv];
        query.forward(q.data(), 0, qp, 0, batch * tq);
        key.forward(kt.data(), 0, kp, 0, batch * ts);
        value.forward(v.data(), 0, vp, 0, batch * ts);
        Mask qm = get(masks, roles.query()), vm = get(masks, roles.value()), km = roles.key() >= 0 ? get(masks, roles.key()) : null;
        float[] am = roles.attentionMask() >= 0 ? inputs.get(roles.attentionMask()).data() : null;
        int amRows = am == null ? 0 : am.length / batch / ts; // (batch, Tq or 1, S)
        if (am != null && (!inputs.get(roles.attentionMask()).shape().equals(Shape.of(batch, amRows, ts)) || (amRows != 1 && amRows != tq))) {
            throw new IllegalArgumentException("GroupQueryAttention '" + name() + "': attention_mask " + inputs.get(roles.attentionMask()).shape() + " does not fit "
                    + tq + " query and " + ts + " value steps");
        }
        boolean masked = qm != null || vm != null || km != null || am != null || causal || window > 0;

        float scale = (float) (1.0 / Math.sqrt(headDim));
        float[] ctx = new float[batch * tq * hq];
        float[] scores = returnScores ? new float[batch * qHeads * tq * ts] : null;
        float[] logits = new float[ts];
        boolean[] keep = new boolean[ts];
        for (int b = 0; b < batch; b++) {
            for (int n = 0; n < qHeads; n++) {
                int kvo = (n / repeats) * headDim;
                for (int i = 0; i < tq; i++) {
                    int qo = (b * tq + i) * hq + n * headDim;
                    for (int j = 0; j < ts; j++) {
                        int ko = (b * ts + j) * hkv + kvo;
                        float acc = 0f;
                        if (einsumPath) {
                            for (int c = 0; c < headDim; c++) acc += (qp[qo + c] * scale) * kp[ko + c];
                        } else {
                            for (int c = 0; c < headDim; c++) acc += qp[qo + c] * kp[ko + c];
                            acc *= scale;
                        }
                        keep[j] = !masked || ((qm == null || qm.keep(b, i)) && (vm == null || vm.keep(b, j)) && (km == null || km.keep(b, j))
                                && (!causal || j <= i) && (window == 0 || Math.abs(i - j) < window)
                                && (am == null || am[(b * amRows + (amRows == 1 ? 0 : i)) * ts + j] != 0f));
                        logits[j] = keep[j] ? acc : einsumPath ? SOFTMAX_NEG : DOT_PRODUCT_NEG;
                    }
                    Attention.softmax(logits, 0, ts);
                    if (einsumPath) for (int j = 0; j < ts; j++) if (!keep[j]) logits[j] = 0f;
                    if (scores != null) System.arraycopy(logits, 0, scores, ((b * qHeads + n) * tq + i) * ts, ts);
                    for (int j = 0; j < ts; j++) {
                        float p = logits[j];
                        for (int c = 0, vo = (b * ts + j) * hkv + kvo; c < headDim; c++) ctx[qo + c] += p * vp[vo + c];
                    }
                }
            }
        }
        if (gate != null) {
            float[] g = new float[ctx.length];
            gate.forward(q.data(), 0, g, 0, batch * tq);
            for (int i = 0; i < ctx.length; i++) ctx[i] *= g[i];
        }
        float[] out = new float[batch * tq * output.outputWidth()];
        output.forward(ctx, 0, out, 0, batch * tq);
        List<Tensor> res = new ArrayList<>();
        res.add(new Tensor(Shape.of(batch, tq, output.outputWidth()), out));
        if (returnScores) res.add(new Tensor(Shape.of(batch, qHeads, tq, ts), scores));
        return res;
    }

    private static Mask get(List<Mask> masks, int i) {
        return i >= 0 && i < masks.size() ? masks.get(i) : null;
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
        return qHeads + " query heads, " + kvHeads + " key/value heads, head_dim " + headDim + (causal ? ", causal" : "") + (window > 0 ? ", sliding_window " + window : "")
                + (gate != null ? ", gated" : "") + (returnScores ? ", returns scores" : "") + (einsumPath ? " (einsum path: fully masked steps give 0)" : "");
    }
}
