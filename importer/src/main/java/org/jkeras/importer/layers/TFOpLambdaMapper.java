package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.activations.Activations;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Concatenate;
import org.jkeras.runtime.layers.Reshape;
import org.jkeras.runtime.layers.TFOpLambda;
import org.jkeras.runtime.layers.TFOpLambda.Op;

/**
 * tf.keras {@code TFOpLambda}: a TensorFlow function recorded in a functional model, named by config key
 * {@code function}, its arguments in the call's keyword arguments. The common elementwise and shape ops are
 * mapped; any other function fails with its name.
 */
public final class TFOpLambdaMapper {
    private static final Map<String, Op> BINARY = Map.ofEntries(
            Map.entry("math.add", Op.ADD), Map.entry("__operators__.add", Op.ADD),
            Map.entry("math.subtract", Op.SUBTRACT), Map.entry("__operators__.sub", Op.SUBTRACT),
            Map.entry("math.multiply", Op.MULTIPLY), Map.entry("__operators__.mul", Op.MULTIPLY),
            Map.entry("math.truediv", Op.DIVIDE), Map.entry("math.divide", Op.DIVIDE), Map.entry("__operators__.truediv", Op.DIVIDE),
            Map.entry("math.maximum", Op.MAXIMUM), Map.entry("math.minimum", Op.MINIMUM),
            Map.entry("math.pow", Op.POW), Map.entry("__operators__.pow", Op.POW));

    /** TensorFlow activation functions and the Keras activation computing the same. */
    private static final Map<String, String> UNARY = Map.ofEntries(
            Map.entry("nn.relu", "relu"), Map.entry("nn.relu6", "relu6"), Map.entry("nn.elu", "elu"), Map.entry("nn.selu", "selu"),
            Map.entry("math.sigmoid", "sigmoid"), Map.entry("nn.sigmoid", "sigmoid"), Map.entry("math.tanh", "tanh"), Map.entry("nn.tanh", "tanh"),
            Map.entry("nn.softmax", "softmax"), Map.entry("math.softmax", "softmax"), Map.entry("nn.log_softmax", "log_softmax"),
            Map.entry("math.exp", "exponential"), Map.entry("math.softplus", "softplus"), Map.entry("nn.softplus", "softplus"),
            Map.entry("nn.silu", "silu"), Map.entry("nn.swish", "silu"), Map.entry("math.log_sigmoid", "log_sigmoid"));

    private TFOpLambdaMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        String fn = cfg.getString("function");
        Config kw = ctx.callKwargs();
        if (BINARY.containsKey(fn)) return binary(ctx, fn, BINARY.get(fn), kw);
        if (UNARY.containsKey(fn)) {
            if (fn.endsWith("softmax") && kw.getInt(-1, "axis") != -1) throw cfg.error("function", fn + " over axis " + kw.getInt(-1, "axis") + " is not supported (only -1)");
            return new ActivationLayer(ctx.name(), "TFOpLambda", Activations.byName(UNARY.get(fn), ctx.semantics()));
        }
        switch (fn) {
            case "reshape": {
                int[] shape = kw.getIntArray("shape");
                if (shape.length == 0) throw cfg.error("shape", "reshape to a scalar is not supported");
                // the first entry is the batch axis (-1 or None)
                return new Reshape(ctx.name(), java.util.Arrays.copyOfRange(shape, 1, shape.length));
            }
            case "concat":
                return new Concatenate(ctx.name(), kw.getInt(-1, "axis"));
            case "expand_dims": {
                Shape in = ctx.inputShape();
                int axis = kw.getInt("axis");
                int rank = in.rank() + 1;
                int a = axis < 0 ? axis + rank + 1 : axis;
                if (a < 1 || a > rank) throw cfg.error("axis", "expand_dims axis " + axis + " is out of range for " + in.prepend(Shape.UNKNOWN));
                List<Integer> d = new ArrayList<>();
                for (int i = 0; i < in.rank(); i++) d.add(in.dim(i));
                d.add(a - 1, 1);
                return new Reshape(ctx.name(), d.stream().mapToInt(Integer::intValue).toArray());
            }
            default:
                throw cfg.error("function", "TensorFlow function '" + fn + "' is not supported; supported: "
                        + new java.util.TreeSet<>(List.of("reshape", "concat", "expand_dims")) + " " + new java.util.TreeSet<>(BINARY.keySet())
                        + " " + new java.util.TreeSet<>(UNARY.keySet()));
        }
    }

    /** {@code op(x, y)}: x the first input; y a second input or a constant (number or nested list). */
    private static Layer binary(MapContext ctx, String fn, Op op, Config kw) {
        int inputs = ctx.inputShapes().size();
        if (inputs == 2) return new TFOpLambda(ctx.name(), fn, op, null, false);
        if (inputs != 1) throw ctx.error(fn + " takes 1 or 2 tensors, got " + inputs);
        JsonElement y = kw.raw("y");
        boolean constantFirst = false;
        if (y == null || isPlaceholder(y)) { // the tensor was passed as y: the constant is x
            y = kw.raw("x");
            constantFirst = true;
        }
        if (y == null || isPlaceholder(y)) throw ctx.error(fn + ": no constant operand among the call's arguments " + kw.raw("x") + ", " + kw.raw("y"));
        return new TFOpLambda(ctx.name(), fn, op, constant(ctx, y), constantFirst);
    }

    private static boolean isPlaceholder(JsonElement e) {
        return e instanceof JsonObject o && o.has("__input__");
    }

    /** A number or nested list as a tensor of its own rank. */
    private static Tensor constant(MapContext ctx, JsonElement e) {
        List<Integer> dims = new ArrayList<>();
        JsonElement cur = e;
        while (cur instanceof JsonArray a) {
            dims.add(a.size());
            if (a.isEmpty()) break;
            cur = a.get(0);
        }
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        Shape s = Shape.of(d);
        float[] data = new float[s.size()];
        int[] pos = {0};
        fill(ctx, e, d, 0, data, pos);
        return new Tensor(d.length == 0 ? Shape.of() : s, data);
    }

    private static void fill(MapContext ctx, JsonElement e, int[] dims, int depth, float[] data, int[] pos) {
        if (depth == dims.length) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw ctx.error("constant operand holds a non-number: " + e);
            data[pos[0]++] = e.getAsFloat();
            return;
        }
        if (!(e instanceof JsonArray a) || a.size() != dims[depth]) throw ctx.error("constant operand is not a rectangular array");
        for (JsonElement x : a) fill(ctx, x, dims, depth + 1, data, pos);
    }
}
