package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.MultiHeadAttention;

/**
 * Keras {@code MultiHeadAttention}: {@code num_heads}, {@code key_dim}, {@code value_dim} (default key_dim),
 * {@code use_bias}, {@code output_shape} (default the query's features), {@code attention_axes} (default all
 * sequence axes); {@code dropout} acts only in training, but in Keras 3 a non-zero rate selects the masked-softmax
 * path. The call: {@code (query, value, key=None)} positionally or by keyword, {@code attention_mask},
 * {@code value_mask}, {@code key_mask}, {@code use_causal_mask}, {@code return_attention_scores}; masking follows the
 * file's Keras generation.
 * Weights (EinsumDense, the same in every file form): query, key, value kernels (features, heads, dim) and biases
 * (heads, dim); attention_output kernel (heads, value_dim, output_shape...) and bias (output_shape...)
 * ({@code .keras}: groups {@code query_dense}, {@code key_dense}, {@code value_dense}, {@code output_dense}).
 */
public final class MultiHeadAttentionMapper {
    private MultiHeadAttentionMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int heads = positive(cfg, "num_heads"), keyDim = positive(cfg, "key_dim");
        int valueDim = cfg.getInt(keyDim, "value_dim");
        boolean useBias = cfg.getBool(true, "use_bias");
        if (cfg.getBool(false, "use_gate")) throw cfg.error("use_gate", "gated attention is not supported");
        if (cfg.has("sliding_window")) throw cfg.error("sliding_window", "sliding-window attention is not supported");
        cfg.has("query_shape", "key_shape", "value_shape", "flash_attention"); // tf.keras build shapes; a speed switch
        MultiHeadAttention.Roles roles = roles(ctx);
        List<Shape> in = ctx.inputShapes();
        Shape q = in.get(roles.query()), v = in.get(roles.value()), k = roles.key() >= 0 ? in.get(roles.key()) : v;
        for (Shape s : new Shape[] {q, v, k}) {
            if (s.rank() < 2 || s.dim(-1) == Shape.UNKNOWN) throw ctx.error("expects (batch, steps..., features) inputs with known features, got " + s.prepend(Shape.UNKNOWN));
        }
        int[] outShape = cfg.has("output_shape") ? cfg.getIntArray("output_shape") : new int[] {q.dim(-1)};
        int outWidth = 1;
        for (int d : outShape) {
            if (d <= 0) throw cfg.error("output_shape", "bad dimension " + d);
            outWidth *= d;
        }
        int[] axes = null;
        if (cfg.has("attention_axes")) {
            int[] a = cfg.getIntArray("attention_axes");
            int rank = q.rank() + 2; // the projected query's rank, batch included: Keras normalises negative axes against it
            axes = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                int ax = a[i] >= 0 ? a[i] : (rank - 1) + a[i];
                if (ax < 1 || ax > q.rank() - 1) throw cfg.error("attention_axes", "axis " + a[i] + " is not a sequence axis of input " + q.prepend(Shape.UNKNOWN));
                axes[i] = ax - 1;
            }
        }
        int c = useBias ? 2 : 1;
        List<List<WeightArray>> parts = ctx.weightParts(new String[] {"query_dense", "key_dense", "value_dense", "output_dense"}, new int[] {c, c, c, c});
        long[] params = {0};
        DenseKernel wq = dense(ctx, parts.get(0), "query", q.dim(-1), new int[] {heads, keyDim}, useBias, params);
        DenseKernel wk = dense(ctx, parts.get(1), "key", k.dim(-1), new int[] {heads, keyDim}, useBias, params);
        DenseKernel wv = dense(ctx, parts.get(2), "value", v.dim(-1), new int[] {heads, valueDim}, useBias, params);
        int[] outKernel = new int[2 + outShape.length];
        outKernel[0] = heads;
        outKernel[1] = valueDim;
        System.arraycopy(outShape, 0, outKernel, 2, outShape.length);
        float[] ko = read(ctx, parts.get(3).get(0), "attention_output kernel", outKernel);
        float[] bo = useBias ? read(ctx, parts.get(3).get(1), "attention_output bias", outShape) : null;
        params[0] += ko.length + (bo == null ? 0 : bo.length);
        DenseKernel wo = DenseKernel.pack(ko, bo, heads * valueDim, outWidth, null);
        Config call = ctx.callKwargs();
        return new MultiHeadAttention(ctx.name(), heads, keyDim, valueDim, wq, wk, wv, wo, outShape, axes, roles,
                call.getBool(false, "use_causal_mask"), call.getBool(false, "return_attention_scores"), params[0], ctx.semantics(),
                cfg.getFloat(0f, "dropout") > 0f);
    }

    private static int positive(Config cfg, String key) {
        int v = cfg.getInt(key);
        if (v <= 0) throw cfg.error(key, "must be positive, got " + v);
        return v;
    }

    /** A projection (features, heads, dim) + bias (heads, dim) as a Dense (features, heads·dim). */
    private static DenseKernel dense(MapContext ctx, List<WeightArray> w, String label, int features, int[] out, boolean useBias, long[] params) {
        float[] kernel = read(ctx, w.get(0), label + " kernel", features, out[0], out[1]);
        float[] bias = useBias ? read(ctx, w.get(1), label + " bias", out) : null;
        params[0] += kernel.length + (bias == null ? 0 : bias.length);
        return DenseKernel.pack(kernel, bias, features, out[0] * out[1], null);
    }

    private static float[] read(MapContext ctx, WeightArray w, String label, int... shape) {
        if (!java.util.Arrays.equals(w.shape(), shape)) {
            throw ctx.error("weight '" + w.path() + "' (" + label + ") has shape " + java.util.Arrays.toString(w.shape()) + ", the config implies "
                    + java.util.Arrays.toString(shape));
        }
        return w.read();
    }

    /**
     * Keras' call(query, value, key=None, query_mask=None, value_mask=None, key_mask=None, attention_mask=None): positional
     * inputs fill query, value, key; keyword tensors their names. A {@code query_mask} is read but unused: Keras 3
     * replaces it by the query's own mask.
     */
    static MultiHeadAttention.Roles roles(MapContext ctx) {
        Config call = ctx.callKwargs();
        int n = ctx.inputShapes().size();
        String[] names = {"query", "value", "key", "attention_mask", "value_mask", "key_mask", "query_mask"};
        int[] role = {-1, -1, -1, -1, -1, -1, -1};
        boolean[] byKeyword = new boolean[n];
        for (int r = 0; r < names.length; r++) {
            JsonElement e = call.raw(names[r]);
            if (e != null && e.isJsonObject() && e.getAsJsonObject().has("__input__")) {
                role[r] = e.getAsJsonObject().get("__input__").getAsInt();
                byKeyword[role[r]] = true;
            }
        }
        List<Integer> positional = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!byKeyword[i]) positional.add(i);
        for (int r = 0, p = 0; r < 3 && p < positional.size(); r++) if (role[r] < 0) role[r] = positional.get(p++);
        if (role[0] < 0 || role[1] < 0) throw ctx.error("needs query and value inputs, called with " + n + " input(s)");
        int used = 0;
        for (int r : role) if (r >= 0) used++;
        if (used != n) throw ctx.error("called with " + n + " inputs; only query, value, key, the masks and attention_mask are supported");
        return new MultiHeadAttention.Roles(role[0], role[1], role[2], role[3], role[4], role[5]);
    }
}
