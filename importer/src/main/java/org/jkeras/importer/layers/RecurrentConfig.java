package org.jkeras.importer.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.RNN;

/**
 * Config and weight reading shared by the recurrent mappers. Keras 1 keys: {@code output_dim} (units),
 * {@code inner_activation} (recurrent_activation); Keras 1 stores one weight per gate ({@code lstm_1_W_i},
 * {@code U_i}, {@code b_i}, ... in the list order i, c, f, o; GRU z, r, h) unless it ran with
 * {@code consume_less='gpu'}, which stores them fused like Keras 2 and 3: kernel (in, gates·units),
 * recurrent_kernel (units, gates·units), bias, gates side by side in Keras' order (LSTM i, f, c, o; GRU z, r, h).
 */
final class RecurrentConfig {
    private static final Pattern PER_GATE = Pattern.compile(".*_([WUb])_([a-z])(:\\d+)?$");

    private RecurrentConfig() {
    }

    /** {@code units} ({@code output_dim}), positive. */
    static int units(Config cfg) {
        int units = cfg.getInt("units", "output_dim");
        if (units <= 0) throw cfg.error("units", "must be positive, got " + units);
        return units;
    }

    static Activation activation(MapContext ctx) {
        return ctx.activation("tanh", "activation");
    }

    /** Keras 1/2 default hard_sigmoid, tf.keras 2 and Keras 3 sigmoid (their configs always name it). */
    static Activation recurrentActivation(MapContext ctx) {
        return ctx.activation(ctx.semantics() == Semantics.KERAS_3 ? "sigmoid" : "hard_sigmoid", "recurrent_activation", "inner_activation");
    }

    /** The loop flags; {@code stateful} runs stateless (recorded for {@code inspect}); {@code unroll} changes nothing. */
    static RNN.Options options(MapContext ctx) {
        Config cfg = ctx.config();
        // initialisation and training-only settings (Keras 1: consume_less only picks an implementation)
        cfg.has("unit_forget_bias", "forget_bias_init", "consume_less", "dropout_W", "dropout_U", "use_cudnn");
        if (cfg.getBool(false, "time_major")) throw cfg.error("time_major", "time-major inputs are not supported");
        String note = cfg.getBool(false, "stateful")
                ? "stateful=True: runs stateless, every predict starts from zero states (or the initial states given as inputs)" : "";
        return new RNN.Options(cfg.getBool(false, "return_sequences"), cfg.getBool(false, "return_state"), cfg.getBool(false, "go_backwards"),
                cfg.getBool(false, "zero_output_for_mask"), note, ctx.semantics() != Semantics.KERAS_3);
    }

    /** Features per step of the sequence input (batch, steps, features); checks the initial-state inputs' count. */
    static int inputSize(MapContext ctx, int states) {
        List<Shape> in = ctx.inputShapes();
        if (in.size() != 1 && in.size() != 1 + states) {
            throw ctx.error("takes a sequence and optionally " + states + " initial state(s), called with " + in.size() + " input(s)");
        }
        Shape seq = in.get(0);
        if (seq.rank() != 2) throw ctx.error("expects input (batch, steps, features), got " + seq.prepend(Shape.UNKNOWN));
        if (seq.dim(1) == Shape.UNKNOWN) throw ctx.error("the feature axis of input " + seq.prepend(Shape.UNKNOWN) + " must be known");
        return seq.dim(1);
    }

    /** True when the file stores Keras 1 per-gate weights (W, U, b for each of {@code gates} gates) rather than fused ones. */
    static boolean perGate(MapContext ctx, int gates) {
        return gates > 1 && ctx.weightCount() == 3 * gates;
    }

    /**
     * Keras 1 per-gate weights fused into [W (in, g·u), U (u, g·u), b (g·u)] with the gates in {@code order}
     * (e.g. "ifco"), found by name ({@code lstm_1_W_i:0}), whatever their position in the list.
     */
    static float[][] fuseGates(MapContext ctx, String order, int in, int units) {
        Map<String, Integer> byKey = new HashMap<>();
        List<WeightArray> ws = ctx.weights();
        for (int i = 0; i < ws.size(); i++) {
            String path = ws.get(i).path();
            Matcher m = PER_GATE.matcher(path.substring(path.lastIndexOf('/') + 1));
            if (!m.matches() || byKey.put(m.group(1) + "_" + m.group(2), i) != null) {
                throw ctx.error("cannot read Keras 1 per-gate weight '" + path + "' (expected names like <layer>_W_i, _U_i, _b_i): " + ws);
            }
        }
        int g = order.length();
        float[] w = new float[in * g * units], u = new float[units * g * units], b = new float[g * units];
        for (int k = 0; k < g; k++) {
            char gate = order.charAt(k);
            float[] wk = ctx.weight(index(ctx, byKey, "W_" + gate), "W_" + gate, in, units);
            float[] uk = ctx.weight(index(ctx, byKey, "U_" + gate), "U_" + gate, units, units);
            float[] bk = ctx.weight(index(ctx, byKey, "b_" + gate), "b_" + gate, units);
            for (int r = 0; r < in; r++) System.arraycopy(wk, r * units, w, r * g * units + k * units, units);
            for (int r = 0; r < units; r++) System.arraycopy(uk, r * units, u, r * g * units + k * units, units);
            System.arraycopy(bk, 0, b, k * units, units);
        }
        return new float[][] {w, u, b};
    }

    private static int index(MapContext ctx, Map<String, Integer> byKey, String key) {
        Integer i = byKey.get(key);
        if (i == null) throw ctx.error("Keras 1 per-gate weight '" + key + "' is missing; the file holds " + ctx.weights());
        return i;
    }
}
