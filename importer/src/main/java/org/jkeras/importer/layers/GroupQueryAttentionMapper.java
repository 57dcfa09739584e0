package org.jkeras.importer.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.GroupQueryAttention;
import org.jkeras.runtime.layers.MultiHeadAttention;

/**
 * Keras {@code GroupQueryAttention} (Python class {@code GroupedQueryAttention}): {@code head_dim},
 * {@code num_query_heads}, {@code num_key_value_heads}, {@code use_bias}, {@code use_gate}, {@code sliding_window},
 * {@code dropout} (only picks Keras' einsum path at inference). The call as MultiHeadAttention's: {@code (query,
 * value, key=None)}, {@code attention_mask}, {@code use_causal_mask}, {@code return_attention_scores}. Weights
 * (EinsumDense) in Keras' order: query (features, Hq, D), key and value (features, Hkv, D), the gate (features, Hq, D)
 * between key and value when {@code use_gate}, each with a (heads, D) bias, then attention_output (Hq, D, features)
 * and its (features) bias ({@code .keras}: groups {@code _query_dense}, {@code _key_dense}, {@code _gate_dense},
 * {@code _value_dense}, {@code _output_dense}).
 */
public final class GroupQueryAttentionMapper {
    private GroupQueryAttentionMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int headDim = positive(cfg, "head_dim"), qHeads = positive(cfg, "num_query_heads"), kvHeads = positive(cfg, "num_key_value_heads");
        if (qHeads % kvHeads != 0) throw cfg.error("num_key_value_heads", kvHeads + " does not divide num_query_heads " + qHeads);
        boolean useBias = cfg.getBool(true, "use_bias"), useGate = cfg.getBool(false, "use_gate");
        int window = cfg.has("sliding_window") ? positive(cfg, "sliding_window") : 0;
        boolean dropout = cfg.getFloat(0f, "dropout") > 0f;
        if (cfg.getBool(false, "flash_attention")) throw cfg.error("flash_attention", "flash attention is not available on the TensorFlow backend Keras computes with");
        MultiHeadAttention.Roles roles = MultiHeadAttentionMapper.roles(ctx);
        List<Shape> in = ctx.inputShapes();
        Shape q = in.get(roles.query()), v = in.get(roles.value()), k = roles.key() >= 0 ? in.get(roles.key()) : v;
        for (Shape s : new Shape[] {q, v, k}) {
            if (s.rank() != 2 || s.dim(1) == Shape.UNKNOWN) throw ctx.error("expects (batch, steps, features) inputs with known features, got " + s.prepend(Shape.UNKNOWN));
        }
        if (q.dim(1) != v.dim(1)) throw ctx.error("the query's features (" + q.dim(1) + ") and the value's (" + v.dim(1) + ") must be equal");
        int features = q.dim(1), c = useBias ? 2 : 1;
        String[] groups = useGate ? new String[] {"_query_dense", "_key_dense", "_gate_dense", "_value_dense", "_output_dense"}
                : new String[] {"_query_dense", "_key_dense", "_value_dense", "_output_dense"};
        int[] counts = new int[groups.length];
        Arrays.fill(counts, c);
        List<List<WeightArray>> parts = ctx.weightParts(groups, counts);
        long[] params = {0};
        DenseKernel wq = projection(ctx, parts.get(0), "query", features, qHeads, headDim, useBias, null, params);
        DenseKernel wk = projection(ctx, parts.get(1), "key", k.dim(1), kvHeads, headDim, useBias, null, params);
        Activation sigmoid = Activations.byName("sigmoid", ctx.semantics());
        DenseKernel wg = useGate ? projection(ctx, parts.get(2), "gate", features, qHeads, headDim, useBias, sigmoid, params) : null;
        int at = useGate ? 3 : 2;
        DenseKernel wv = projection(ctx, parts.get(at), "value", v.dim(1), kvHeads, headDim, useBias, null, params);
        List<WeightArray> o = parts.get(at + 1);
        float[] ko = read(ctx, o.get(0), "attention_output kernel", qHeads, headDim, features);
        float[] bo = useBias ? read(ctx, o.get(1), "attention_output bias", features) : null;
        params[0] += ko.length + (bo == null ? 0 : bo.length);
        DenseKernel wo = DenseKernel.pack(ko, bo, qHeads * headDim, features, null);
        Config call = ctx.callKwargs();
        return new GroupQueryAttention(ctx.name(), qHeads, kvHeads, headDim, wq, wk, wv, wg, wo, roles, call.getBool(false, "use_causal_mask"),
                call.getBool(false, "return_attention_scores"), dropout, window, params[0]);
    }

    private static int positive(Config cfg, String key) {
        int v = cfg.getInt(key);
        if (v <= 0) throw cfg.error(key, "must be positive, got " + v);
        return v;
    }

    /** An EinsumDense {@code bqm,muh->bquh}: kernel (features, heads, dim) and bias (heads, dim) as a Dense (features, heads·dim). */
    private static DenseKernel projection(MapContext ctx, List<WeightArray> w, String label, int features, int heads, int dim, boolean useBias,
                                          Activation act, long[] params) {
        if (w.size() != (useBias ? 2 : 1)) throw ctx.error(label + ": expected " + (useBias ? 2 : 1) + " weight(s), the file holds " + w);
        float[] kernel = read(ctx, w.get(0), label + " kernel", features, heads, dim);
        float[] bias = useBias ? read(ctx, w.get(1), label + " bias", heads, dim) : null;
        params[0] += kernel.length + (bias == null ? 0 : bias.length);
        return DenseKernel.pack(kernel, bias, features, heads * dim, act);
    }

    private static float[] read(MapContext ctx, WeightArray w, String label, int... shape) {
        if (!Arrays.equals(w.shape(), shape)) {
            throw ctx.error("weight '" + w.path() + "' (" + label + ") has shape " + Arrays.toString(w.shape()) + ", the config implies " + Arrays.toString(shape));
        }
        return w.read();
    }
}
