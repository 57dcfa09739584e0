package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Attention} (Luong-style): inputs [query (batch, Tq, d), value (batch, Tv, dv), key (batch, Tv, d)
 * (optional, default value)].
 * <pre>
 *   dot:    scores = scale · (q · kᵀ)                          (scale 1 without use_scale)
 *   concat: scores = concat_score_weight · Σ_d tanh(scale · (q_i + k_j))
 *   scores -= 1e9 where the value mask or the causal mask excludes (i, j);  w = softmax(scores, axis=-1)
 *   out = w · v,  zeroed at masked query steps;  optionally w as a second output
 * </pre>
 * Dropout only acts in training and is ignored. {@link AdditiveAttention} shares the masking and softmax.
 */
public class Attention extends MaskedLayer {
    private final boolean concat;
    private final float scale;         // () use_scale weight, 1 without
    private final boolean useScale;
    private final float concatWeight;  // () concat_score_weight, concat only
    private final boolean causal, returnScores;

    public Attention(String name, boolean concat, Float scale, float concatWeight, boolean causal, boolean returnScores) {
        super(name);
        this.concat = concat;
        this.useScale = scale != null;
        this.scale = scale == null ? 1f : scale;
        this.concatWeight = concatWeight;
        this.causal = causal;
        this.returnScores = returnScores;
    }

    /** For subclasses: same masking, softmax and outputs, their own scores. */
    protected Attention(String name, boolean causal, boolean returnScores) {
        this(name, false, null, 1f, causal, returnScores);
    }

    @Override
    public String kerasClass() {
        return "Attention";
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
        if (inputs.size() != 2 && inputs.size() != 3) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' takes [query, value] or [query, value, key], got " + inputs.size() + " input(s)");
        }
        Shape q = inputs.get(0), v = inputs.get(1), k = inputs.size() > 2 ? inputs.get(2) : v;
        for (Shape s : inputs) {
            if (s.rank() != 2) throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects (batch, steps, dim) inputs, got " + s.prepend(Shape.UNKNOWN));
        }
        if (k.dim(0) != v.dim(0) && k.dim(0) != Shape.UNKNOWN && v.dim(0) != Shape.UNKNOWN) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "': key " + k + " and value " + v + " differ in steps");
        }
        checkDims(q, k);
        Shape out = Shape.of(q.dim(0), v.dim(1));
        return returnScores ? List.of(out, Shape.of(q.dim(0), v.dim(0))) : List.of(out);
    }

    /** The query and key feature sizes the scores need. */
    protected void checkDims(Shape q, Shape k) {
        if (q.dim(1) != k.dim(1)) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "': query dim " + q.dim(1) + " differs from key dim " + k.dim(1));
        }
    }

    /** scores (Tq, Tv) of one sample: q (Tq, d) at qo, k (Tv, d) at ko. */
    protected void scores(float[] q, int qo, float[] k, int ko, int tq, int tv, int d, float[] s) {
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tv; j++) {
                float acc = 0f;
                if (!concat) {
                    for (int c = 0; c < d; c++) acc += q[qo + i * d + c] * k[ko + j * d + c];
                    if (useScale) acc *= scale;
                } else {
                    for (int c = 0; c < d; c++) {
                        float x = q[qo + i * d + c] + k[ko + j * d + c];
                        acc += (float) Math.tanh(useScale ? scale * x : x);
                    }
                    acc *= concatWeight;
                }
                s[i * tv + j] = acc;
            }
        }
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Tensor q = inputs.get(0), v = inputs.get(1), k = inputs.size() > 2 ? inputs.get(2) : v;
        Mask qm = masks.isEmpty() ? null : masks.get(0), vm = masks.size() > 1 ? masks.get(1) : null;
        int batch = q.batch(), tq = q.shape().dim(1), d = q.shape().dim(2), tv = v.shape().dim(1), dv = v.shape().dim(2), dk = k.shape().dim(2);
        float[] out = new float[batch * tq * dv], w = new float[batch * tq * tv];
        float[] s = new float[tq * tv];
        for (int b = 0; b < batch; b++) {
            scores(q.data(), b * tq * d, k.data(), b * tv * dk, tq, tv, d, s);
            for (int i = 0; i < tq; i++) {
                int row = i * tv;
                for (int j = 0; j < tv; j++) {
                    boolean keep = (vm == null || vm.keep(b, j)) && (!causal || i >= j);
                    if (!keep) s[row + j] -= 1e9f;
                }
                softmax(s, row, tv);
                System.arraycopy(s, row, w, (b * tq + i) * tv, tv);
                boolean qKeep = qm == null || qm.keep(b, i);
                int o = (b * tq + i) * dv;
                if (!qKeep) continue; // result *= q_mask
                for (int j = 0; j < tv; j++) {
                    float p = s[row + j];
                    int vo = (b * tv + j) * dv;
                    for (int c = 0; c < dv; c++) out[o + c] += p * v.data()[vo + c];
                }
            }
        }
        List<Tensor> res = new ArrayList<>();
        res.add(Tensor.of(out, batch, tq, dv));
        if (returnScores) res.add(Tensor.of(w, batch, tq, tv));
        return res;
    }

    /** In place: e^(x - max) / Σ over {@code n} floats from {@code off}, as Keras' softmax. */
    static void softmax(float[] x, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, x[off + i]);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[off + i] - max);
            x[off + i] = e;
            sum += e;
        }
        float total = (float) sum;
        for (int i = 0; i < n; i++) x[off + i] /= total;
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        boolean qm = !inputsMasked.isEmpty() && inputsMasked.get(0);
        return returnScores ? List.of(qm, false) : List.of(qm);
    }

    @Override
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        Mask qm = masks.isEmpty() ? null : masks.get(0);
        return returnScores ? java.util.Arrays.asList(qm, null) : Collections.singletonList(qm);
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return masks.isEmpty() ? null : masks.get(0);
    }

    @Override
    public long paramCount() {
        return (useScale ? 1 : 0) + (concat ? 1 : 0);
    }

    @Override
    public String details() {
        return "score_mode " + (concat ? "concat" : "dot") + (useScale ? ", scale " + scale : "") + (concat ? ", concat_score_weight " + concatWeight : "")
                + (causal ? ", causal" : "") + (returnScores ? ", returns scores" : "");
    }
}
