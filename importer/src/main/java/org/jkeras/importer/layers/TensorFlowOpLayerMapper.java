package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.activations.Activations;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder;
import org.jkeras.runtime.kernels.TfNodeOps;
import org.jkeras.runtime.kernels.TfNodeOps.Op;
import org.jkeras.runtime.kernels.TfOps;
import org.jkeras.runtime.layers.TensorFlowOpLayer;
import org.jkeras.runtime.layers.TensorFlowOpLayer.Operand;

/**
 * tf.keras {@code TensorFlowOpLayer} (TensorFlow 2.0–2.3 wrote one per raw TensorFlow op called on Keras tensors):
 * {@code node_def} {@code {name, op, input, attr}} as protobuf JSON, and {@code constants} {@code {"i": value}} for the
 * inputs that were not Keras tensors; the layer's inbound tensors fill the other inputs in order. The common ops are
 * mapped; any other fails with its name.
 */
public final class TensorFlowOpLayerMapper {
    private static final Map<String, String> ACTIVATIONS = Map.ofEntries(
            Map.entry("Relu", "relu"), Map.entry("Relu6", "relu6"), Map.entry("Sigmoid", "sigmoid"), Map.entry("Tanh", "tanh"),
            Map.entry("Softmax", "softmax"), Map.entry("LogSoftmax", "log_softmax"), Map.entry("Elu", "elu"), Map.entry("Selu", "selu"),
            Map.entry("Softplus", "softplus"), Map.entry("Softsign", "softsign"));
    private static final List<String> OTHERS = List.of("Add", "AddV2", "Sub", "Mul", "RealDiv", "Div", "Maximum", "Minimum", "Pow",
            "SquaredDifference", "Exp", "Log", "Sqrt", "Rsqrt", "Square", "Neg", "Abs", "Identity", "Mean", "Sum", "Max", "Min", "Prod",
            "Reshape", "ConcatV2", "ExpandDims", "Squeeze", "Transpose", "Cast", "MatMul", "BatchMatMul", "BatchMatMulV2", "StridedSlice");

    private TensorFlowOpLayerMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Config node = new Config(cfg.getObject("node_def"), cfg.where() + " node_def");
        String op = node.getString("op");
        node.raw("name");
        JsonObject attr = node.has("attr") ? node.getObject("attr") : new JsonObject();
        JsonObject constants = cfg.has("constants") ? cfg.getObject("constants") : new JsonObject();
        List<String> names = new ArrayList<>();
        if (node.raw("input") instanceof JsonArray in) for (JsonElement e : in) if (!e.getAsString().startsWith("^")) names.add(e.getAsString());
        List<Operand> operands = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < names.size(); i++) {
            JsonElement c = constants.get(Integer.toString(i));
            if (c == null || c.isJsonNull()) {
                operands.add(Operand.of(next++));
            } else {
                NormConfig.NumArray a = NormConfig.numbers(ctx, "constants", c);
                operands.add(Operand.constant(a.values(), a.shape()));
            }
        }
        if (next != ctx.inputShapes().size()) {
            throw cfg.error("node_def", op + " takes " + next + " tensor input(s) besides its constants " + constants.keySet() + ", the layer is called on "
                    + ctx.inputShapes().size());
        }
        return new TensorFlowOpLayer(ctx.name(), op, op(ctx, op, attr, operands), operands);
    }

    private static Op op(MapContext ctx, String op, JsonObject attr, List<Operand> operands) {
        if (ACTIVATIONS.containsKey(op)) return TfNodeOps.activation(Activations.byName(ACTIVATIONS.get(op), ctx.semantics()));
        return switch (op) {
            case "Add", "AddV2" -> TfNodeOps.binary((a, b) -> a + b);
            case "Sub" -> TfNodeOps.binary((a, b) -> a - b);
            case "Mul" -> TfNodeOps.binary((a, b) -> a * b);
            case "RealDiv", "Div" -> TfNodeOps.binary((a, b) -> a / b);
            case "Maximum" -> TfNodeOps.binary((a, b) -> Double.isNaN(a) || a > b ? a : b);
            case "Minimum" -> TfNodeOps.binary((a, b) -> Double.isNaN(a) || a < b ? a : b);
            case "Pow" -> TfNodeOps.binary((a, b) -> (float) Math.pow((float) a, (float) b));
            case "SquaredDifference" -> TfNodeOps.binary((a, b) -> {
                float d = (float) (a - b);
                return d * d;
            });
            case "Exp" -> TfNodeOps.unary(Math::exp);
            case "Log" -> TfNodeOps.unary(Math::log);
            case "Sqrt" -> TfNodeOps.unary(Math::sqrt);
            case "Rsqrt" -> TfNodeOps.unary(x -> 1f / (float) Math.sqrt(x));
            case "Square" -> TfNodeOps.unary(x -> (float) x * (float) x);
            case "Neg" -> TfNodeOps.unary(x -> -x);
            case "Abs" -> TfNodeOps.unary(Math::abs);
            case "Identity" -> TfNodeOps.reshapeBy(s -> s);
            case "Mean", "Sum", "Max", "Min", "Prod" -> TfNodeOps.reduce(TfOps.Reduce.valueOf(op.equals("Mean") ? "MEAN" : op.toUpperCase()), bool(attr, "keep_dims"));
            case "Reshape" -> TfNodeOps.reshape(constant(ctx, op, operands, 1));
            case "ConcatV2" -> TfNodeOps.concat();
            case "ExpandDims" -> {
                int dim = constant(ctx, op, operands, 1)[0];
                yield TfNodeOps.reshapeBy(s -> {
                    int a = dim < 0 ? dim + s.length + 1 : dim;
                    if (a < 0 || a > s.length) throw new IllegalArgumentException("ExpandDims axis " + dim + " out of range for rank " + s.length);
                    int[] o = new int[s.length + 1];
                    for (int i = 0, j = 0; i < o.length; i++) o[i] = i == a ? 1 : s[j++];
                    return o;
                });
            }
            case "Squeeze" -> {
                int[] dims = intList(attr, "squeeze_dims");
                yield TfNodeOps.reshapeBy(s -> {
                    boolean[] drop = new boolean[s.length];
                    if (dims.length == 0) {
                        for (int i = 1; i < s.length; i++) drop[i] = s[i] == 1; // never the batch axis
                    } else {
                        for (int d : dims) {
                            int a = d < 0 ? d + s.length : d;
                            if (a < 0 || a >= s.length || s[a] != 1) throw new IllegalArgumentException("Squeeze axis " + d + " of " + Arrays.toString(s) + " is not of size 1");
                            drop[a] = true;
                        }
                    }
                    List<Integer> o = new ArrayList<>();
                    for (int i = 0; i < s.length; i++) if (!drop[i]) o.add(s[i]);
                    return o.stream().mapToInt(Integer::intValue).toArray();
                });
            }
            case "Transpose" -> TfNodeOps.transpose();
            case "Cast" -> cast(ctx, type(attr, "DstT"));
            case "MatMul" -> TfNodeOps.matmul(bool(attr, "transpose_a"), bool(attr, "transpose_b"), false);
            case "BatchMatMul", "BatchMatMulV2" -> TfNodeOps.matmul(bool(attr, "adj_x"), bool(attr, "adj_y"), true);
            case "StridedSlice" -> {
                if (integer(attr, "ellipsis_mask") != 0 || integer(attr, "new_axis_mask") != 0) {
                    throw ctx.config().error("node_def", "StridedSlice with an ellipsis or new axes is not supported");
                }
                yield TfNodeOps.stridedSlice(integer(attr, "begin_mask"), integer(attr, "end_mask"), integer(attr, "shrink_axis_mask"));
            }
            default -> {
                TreeSet<String> all = new TreeSet<>(OTHERS);
                all.addAll(ACTIVATIONS.keySet());
                throw ctx.config().error("node_def", "TensorFlow op '" + op + "' is not supported; supported: " + all);
            }
        };
    }

    private static Op cast(MapContext ctx, String type) {
        return switch (type) {
            case "DT_FLOAT", "DT_DOUBLE" -> TfNodeOps.reshapeBy(s -> s);
            case "DT_INT32", "DT_INT64", "DT_INT16", "DT_INT8" -> TfNodeOps.unary(x -> (double) CategoryEncoder.toIndex((float) x));
            case "DT_BOOL" -> TfNodeOps.unary(x -> x != 0 ? 1 : 0);
            default -> throw ctx.config().error("node_def", "Cast to " + type + " is not supported");
        };
    }

    /** Operand {@code i}, which must be a constant of integers. */
    private static int[] constant(MapContext ctx, String op, List<Operand> operands, int i) {
        if (i >= operands.size() || operands.get(i).constant() == null) throw ctx.config().error("constants", op + " needs input " + i + " as a constant");
        float[] v = operands.get(i).constant();
        int[] r = new int[v.length];
        for (int k = 0; k < v.length; k++) r[k] = (int) v[k];
        return r;
    }

    private static JsonObject value(JsonObject attr, String key) {
        return attr.get(key) instanceof JsonObject o ? o : new JsonObject();
    }

    private static boolean bool(JsonObject attr, String key) {
        JsonElement b = value(attr, key).get("b");
        return b != null && b.getAsBoolean();
    }

    private static int integer(JsonObject attr, String key) {
        JsonElement i = value(attr, key).get("i");
        return i == null ? 0 : Integer.parseInt(i.getAsString());
    }

    private static String type(JsonObject attr, String key) {
        JsonElement t = value(attr, key).get("type");
        return t == null ? "DT_FLOAT" : t.getAsString();
    }

    private static int[] intList(JsonObject attr, String key) {
        if (!(value(attr, key).get("list") instanceof JsonObject l) || !(l.get("i") instanceof JsonArray a)) return new int[0];
        int[] r = new int[a.size()];
        for (int k = 0; k < r.length; k++) r[k] = Integer.parseInt(a.get(k).getAsString());
        return r;
    }
}
