package org.jkeras.importer.layers;

import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.KerasImportException;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;

/**
 * Config reading shared by the convolution, pooling, padding and resampling mappers, with the Keras 1 keys:
 * {@code nb_filter}, {@code filter_length}, {@code nb_row}/{@code nb_col}, {@code kernel_dim1..3},
 * {@code border_mode}, {@code subsample(_length)}, {@code atrous_rate}, {@code pool_length}, {@code stride},
 * {@code dim_ordering: 'th'|'tf'}, {@code bias}.
 *
 * <p>Theano: Keras 1/2 on theano ran true convolutions (the kernel flipped) and its own {@code 'same'} padding;
 * a file whose {@code backend} is {@code theano} gets its conv kernels flipped spatially (Keras'
 * {@code convert_kernel}, which Keras 2 itself applies when it loads a theano file on tensorflow) and the
 * theano border rules ({@link Padding#THEANO_SAME_CONV}, {@link Padding#THEANO_SAME_POOL}).
 */
final class SpatialConfig {
    private SpatialConfig() {
    }

    static boolean theano(MapContext ctx) {
        return "theano".equals(ctx.backend());
    }

    /**
     * channels_first from {@code data_format} (Keras 2/3) or {@code dim_ordering} (Keras 1: 'th' is channels first);
     * Keras 1 1-D layers have neither and were always (steps, channels).
     */
    static boolean channelsFirst(MapContext ctx) {
        Config cfg = ctx.config();
        if (cfg.has("data_format")) {
            String f = cfg.getString("data_format");
            if (f.equals("channels_first")) return true;
            if (f.equals("channels_last")) return false;
            throw cfg.error("data_format", "expected channels_last or channels_first, got '" + f + "'");
        }
        if (cfg.has("dim_ordering")) {
            String f = cfg.getString("dim_ordering");
            if (f.equals("th")) return true;
            if (f.equals("tf")) return false;
            throw cfg.error("dim_ordering", "expected 'th' or 'tf', got '" + f + "'");
        }
        return false;
    }

    /** {@code rank} positive ints from the first present key (an int applies to every axis), or {@code dflt}. */
    static int[] ints(MapContext ctx, int rank, int[] dflt, String... keys) {
        Config cfg = ctx.config();
        if (!cfg.has(keys)) {
            if (dflt == null) cfg.getInt(keys); // throws: missing key
            return dflt.clone();
        }
        int[] v = cfg.getIntArray(keys);
        if (v.length == 1 && rank > 1) {
            int[] all = new int[rank];
            Arrays.fill(all, v[0]);
            v = all;
        }
        if (v.length != rank) throw cfg.error(keys[0], "expected " + rank + " value(s), got " + Arrays.toString(v));
        for (int x : v) if (x < 1) throw cfg.error(keys[0], "values must be positive, got " + Arrays.toString(v));
        return v;
    }

    /** One int per axis from per-axis keys (Keras 1 {@code nb_row, nb_col}); null when the first is absent. */
    static int[] perAxis(MapContext ctx, String... keys) {
        if (!ctx.config().has(keys[0])) return null;
        int[] v = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            v[i] = ctx.config().getInt(keys[i]);
            if (v[i] < 1) throw ctx.config().error(keys[i], "must be positive, got " + v[i]);
        }
        return v;
    }

    static int[] ones(int rank) {
        int[] a = new int[rank];
        Arrays.fill(a, 1);
        return a;
    }

    /** The padding mode ({@code padding} or Keras 1 {@code border_mode}); theano files get theano's 'same'. */
    static Padding padding(MapContext ctx, boolean pooling, String... allowed) {
        Config cfg = ctx.config();
        String p = cfg.getStringOr("valid", "padding", "border_mode").toLowerCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(p)) {
            throw cfg.error("padding", "'" + p + "' is not supported here; expected one of " + Arrays.toString(allowed));
        }
        Padding mode = Padding.ofKeras(p);
        if (mode == Padding.SAME && theano(ctx)) return pooling ? Padding.THEANO_SAME_POOL : Padding.THEANO_SAME_CONV;
        return mode;
    }

    /**
     * The window of a convolution: kernel size ({@code kernel_size}, or the Keras 1 per-rank keys), strides
     * ({@code strides}, {@code subsample}, {@code subsample_length}), dilation ({@code dilation_rate},
     * {@code atrous_rate}) and padding.
     */
    static Window convWindow(MapContext ctx, int rank, boolean channelsFirst, String... paddings) {
        int[] size;
        if (ctx.config().has("kernel_size")) size = ints(ctx, rank, null, "kernel_size");
        else if (rank == 1) size = ints(ctx, 1, null, "filter_length");
        else if (rank == 2) size = perAxis(ctx, "nb_row", "nb_col");
        else size = perAxis(ctx, "kernel_dim1", "kernel_dim2", "kernel_dim3");
        if (size == null) ctx.config().getInt("kernel_size"); // throws: missing key
        int[] strides = ints(ctx, rank, ones(rank), "strides", "subsample", "subsample_length");
        int[] dilation = ints(ctx, rank, ones(rank), "dilation_rate", "atrous_rate");
        return new Window(rank, size, strides, dilation, padding(ctx, false, paddings), channelsFirst);
    }

    /** The window of a pooling layer: {@code pool_size} ({@code pool_length}), {@code strides} ({@code stride}; None: the pool size). */
    static Window poolWindow(MapContext ctx, int rank) {
        int[] size = ints(ctx, rank, rank == 1 ? new int[] {2} : null, "pool_size", "pool_length");
        int[] strides = ints(ctx, rank, size, "strides", "stride");
        Padding padding = padding(ctx, true, "valid", "same");
        return new Window(rank, size, strides, ones(rank), padding, channelsFirst(ctx));
    }

    /** The input channels of a spatial input (must be known). */
    static int inputChannels(MapContext ctx, int rank, boolean channelsFirst) {
        var in = ctx.inputShape();
        if (in.rank() != rank + 1) {
            throw ctx.error("expected an input of rank " + (rank + 2) + " (batch, " + rank + " spatial axes and channels), got " + in.prepend(-1));
        }
        int c = channelsFirst ? in.dim(0) : in.dim(-1);
        if (c < 1) throw ctx.error("the channel axis of input " + in + " must be known");
        return c;
    }

    /** Keras 1 {@code use_bias} was {@code bias}. */
    static boolean useBias(MapContext ctx) {
        return ctx.config().getBool(true, "use_bias", "bias");
    }

    static int filters(MapContext ctx) {
        int f = ctx.config().getInt("filters", "nb_filter");
        if (f < 1) throw ctx.config().error("filters", "must be positive, got " + f);
        return f;
    }

    /**
     * Keras' {@code convert_kernel}: reverses every axis of {@code spatial} extents (the leading ones) of a kernel
     * whose trailing axes hold {@code inner} floats per tap.
     */
    static float[] flipSpatial(float[] kernel, int[] spatial, int inner) {
        int taps = 1;
        for (int k : spatial) taps *= k;
        float[] out = new float[kernel.length];
        int[] idx = new int[spatial.length];
        for (int t = 0; t < taps; t++) {
            int src = 0; // flat index of the mirrored tap
            for (int a = 0, rest = t; a < spatial.length; a++) {
                int stride = 1;
                for (int b = a + 1; b < spatial.length; b++) stride *= spatial[b];
                idx[a] = rest / stride;
                rest %= stride;
                src = src * spatial[a] + (spatial[a] - 1 - idx[a]);
            }
            System.arraycopy(kernel, src * inner, out, t * inner, inner);
        }
        return out;
    }

    /** Moves axis order: {@code out} has axes {@code perm} of {@code in} (numpy {@code transpose(in, perm)}). */
    static float[] transpose(float[] in, int[] dims, int[] perm) {
        int n = dims.length;
        int[] outDims = new int[n], inStride = new int[n];
        for (int a = n - 1, st = 1; a >= 0; a--) {
            inStride[a] = st;
            st *= dims[a];
        }
        for (int a = 0; a < n; a++) outDims[a] = dims[perm[a]];
        float[] out = new float[in.length];
        int[] idx = new int[n];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int a = 0; a < n; a++) src += idx[a] * inStride[perm[a]];
            out[o] = in[src];
            for (int a = n - 1; a >= 0; a--) {
                if (++idx[a] < outDims[a]) break;
                idx[a] = 0;
            }
        }
        return out;
    }

    /**
     * Per-axis (before, after) amounts for ZeroPadding/Cropping: an int (every side), per-axis ints (symmetric; for
     * 1-D a pair is (before, after)), per-axis pairs, or a Keras 1 dict ({@code top_pad}, {@code left_crop}...).
     * Returns {before[rank], after[rank]}.
     */
    static int[][] amounts(MapContext ctx, int rank, String key, String dictSuffix) {
        Config cfg = ctx.config();
        JsonElement e = cfg.raw(key);
        int[] before = new int[rank], after = new int[rank];
        if (e == null) {
            Arrays.fill(before, 1);
            Arrays.fill(after, 1);
            if (key.equals("cropping")) {
                Arrays.fill(before, 0);
                Arrays.fill(after, 0);
            }
            return new int[][] {before, after};
        }
        try {
            if (e.isJsonPrimitive()) {
                Arrays.fill(before, e.getAsInt());
                Arrays.fill(after, e.getAsInt());
            } else if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                String[][] names = rank == 1 ? new String[][] {{"left"}, {"right"}}
                        : rank == 2 ? new String[][] {{"top", "left"}, {"bottom", "right"}} : null;
                if (names == null) throw cfg.error(key, "a dict is not understood for 3-D layers: " + e);
                for (int a = 0; a < rank; a++) {
                    before[a] = o.get(names[0][a] + dictSuffix).getAsInt();
                    after[a] = o.get(names[1][a] + dictSuffix).getAsInt();
                }
            } else {
                JsonArray a = e.getAsJsonArray();
                if (rank == 1 && a.size() == 2 && a.get(0).isJsonPrimitive()) {
                    before[0] = a.get(0).getAsInt();
                    after[0] = a.get(1).getAsInt();
                } else if (a.size() == rank) {
                    for (int i = 0; i < rank; i++) {
                        JsonElement x = a.get(i);
                        if (x.isJsonPrimitive()) {
                            before[i] = x.getAsInt();
                            after[i] = x.getAsInt();
                        } else {
                            JsonArray pair = x.getAsJsonArray();
                            if (pair.size() != 2) throw cfg.error(key, "expected (before, after) pairs, got " + e);
                            before[i] = pair.get(0).getAsInt();
                            after[i] = pair.get(1).getAsInt();
                        }
                    }
                } else {
                    throw cfg.error(key, "expected " + rank + " value(s) or (before, after) pairs, got " + e);
                }
            }
        } catch (KerasImportException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw cfg.error(key, "expected an int, per-axis ints or (before, after) pairs, got " + e, ex);
        }
        for (int a = 0; a < rank; a++) {
            if (before[a] < 0 || after[a] < 0) throw cfg.error(key, "amounts must be >= 0, got " + e);
        }
        return new int[][] {before, after};
    }
}
