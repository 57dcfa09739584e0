package org.jkeras.importer;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.importer.ops.ActivationOpMapper;
import org.jkeras.importer.ops.BinaryOpMapper;
import org.jkeras.importer.ops.NormalizeMapper;
import org.jkeras.importer.ops.OneHotMapper;
import org.jkeras.importer.ops.ReduceMapper;
import org.jkeras.importer.ops.TernaryOpMapper;
import org.jkeras.importer.ops.UnaryOpMapper;
import org.jkeras.importer.ops.BroadcastToOpMapper;
import org.jkeras.importer.ops.ConcatenateOpMapper;
import org.jkeras.importer.ops.DotOpMapper;
import org.jkeras.importer.ops.EinsumOpMapper;
import org.jkeras.importer.ops.ExpandDimsOpMapper;
import org.jkeras.importer.ops.FlipOpMapper;
import org.jkeras.importer.ops.GetItemOpMapper;
import org.jkeras.importer.ops.MatmulOpMapper;
import org.jkeras.importer.ops.RepeatOpMapper;
import org.jkeras.importer.ops.ReshapeOpMapper;
import org.jkeras.importer.ops.SplitOpMapper;
import org.jkeras.importer.ops.SqueezeOpMapper;
import org.jkeras.importer.ops.StackOpMapper;
import org.jkeras.importer.ops.TakeOpMapper;
import org.jkeras.importer.ops.TensordotOpMapper;
import org.jkeras.importer.ops.TileOpMapper;
import org.jkeras.importer.ops.TransposeOpMapper;
import org.jkeras.runtime.ops.BinaryOp.Fn;
import org.jkeras.runtime.ops.Reduce;
import org.jkeras.runtime.ops.TernaryOp;
import org.jkeras.runtime.ops.UnaryOp;

/**
 * The one table from Keras 3 op class ({@code keras.ops.*} saved as a node of a functional model, module
 * {@code keras.src.ops.numpy} / {@code .nn} / {@code .core} / {@code .math}) to mapper. Kept apart from
 * {@link LayerMappers}: an op {@code Add} is not the merge layer {@code Add}.
 */
public final class OpMappers {
    private static final Map<String, LayerMapper> BUILT_IN = Map.ofEntries(
            Map.entry("Add", BinaryOpMapper.of(Fn.ADD)),
            Map.entry("Subtract", BinaryOpMapper.of(Fn.SUBTRACT)),
            Map.entry("Multiply", BinaryOpMapper.of(Fn.MULTIPLY)),
            Map.entry("Divide", BinaryOpMapper.of(Fn.TRUE_DIVIDE)),
            Map.entry("TrueDivide", BinaryOpMapper.of(Fn.TRUE_DIVIDE)),
            Map.entry("FloorDivide", BinaryOpMapper.of(Fn.FLOOR_DIVIDE)),
            Map.entry("Mod", BinaryOpMapper.of(Fn.MOD)),
            Map.entry("Power", BinaryOpMapper.of(Fn.POWER)),
            Map.entry("Maximum", BinaryOpMapper.of(Fn.MAXIMUM)),
            Map.entry("Minimum", BinaryOpMapper.of(Fn.MINIMUM)),
            Map.entry("Equal", BinaryOpMapper.of(Fn.EQUAL)),
            Map.entry("NotEqual", BinaryOpMapper.of(Fn.NOT_EQUAL)),
            Map.entry("Greater", BinaryOpMapper.of(Fn.GREATER)),
            Map.entry("GreaterEqual", BinaryOpMapper.of(Fn.GREATER_EQUAL)),
            Map.entry("Less", BinaryOpMapper.of(Fn.LESS)),
            Map.entry("LessEqual", BinaryOpMapper.of(Fn.LESS_EQUAL)),
            Map.entry("LogicalAnd", BinaryOpMapper.of(Fn.LOGICAL_AND)),
            Map.entry("LogicalOr", BinaryOpMapper.of(Fn.LOGICAL_OR)),
            Map.entry("LogicalXor", BinaryOpMapper.of(Fn.LOGICAL_XOR)),
            Map.entry("Negative", UnaryOpMapper.of(UnaryOp.Fn.NEGATIVE)),
            Map.entry("Absolute", UnaryOpMapper.of(UnaryOp.Fn.ABSOLUTE)),
            Map.entry("Abs", UnaryOpMapper.of(UnaryOp.Fn.ABSOLUTE)),
            Map.entry("Fabs", UnaryOpMapper.of(UnaryOp.Fn.ABSOLUTE)),
            Map.entry("Square", UnaryOpMapper.of(UnaryOp.Fn.SQUARE)),
            Map.entry("Sqrt", UnaryOpMapper.of(UnaryOp.Fn.SQRT)),
            Map.entry("Rsqrt", UnaryOpMapper.of(UnaryOp.Fn.RSQRT)),
            Map.entry("Cbrt", UnaryOpMapper.of(UnaryOp.Fn.CBRT)),
            Map.entry("Reciprocal", UnaryOpMapper.of(UnaryOp.Fn.RECIPROCAL)),
            Map.entry("Exp", UnaryOpMapper.of(UnaryOp.Fn.EXP)),
            Map.entry("Exp2", UnaryOpMapper.of(UnaryOp.Fn.EXP2)),
            Map.entry("Expm1", UnaryOpMapper.of(UnaryOp.Fn.EXPM1)),
            Map.entry("Log", UnaryOpMapper.of(UnaryOp.Fn.LOG)),
            Map.entry("Log2", UnaryOpMapper.of(UnaryOp.Fn.LOG2)),
            Map.entry("Log10", UnaryOpMapper.of(UnaryOp.Fn.LOG10)),
            Map.entry("Log1p", UnaryOpMapper.of(UnaryOp.Fn.LOG1P)),
            Map.entry("Sign", UnaryOpMapper.of(UnaryOp.Fn.SIGN)),
            Map.entry("Signbit", UnaryOpMapper.of(UnaryOp.Fn.SIGNBIT)),
            Map.entry("Floor", UnaryOpMapper.of(UnaryOp.Fn.FLOOR)),
            Map.entry("Ceil", UnaryOpMapper.of(UnaryOp.Fn.CEIL)),
            Map.entry("Trunc", UnaryOpMapper.of(UnaryOp.Fn.TRUNC)),
            Map.entry("Sin", UnaryOpMapper.of(UnaryOp.Fn.SIN)),
            Map.entry("Cos", UnaryOpMapper.of(UnaryOp.Fn.COS)),
            Map.entry("Tan", UnaryOpMapper.of(UnaryOp.Fn.TAN)),
            Map.entry("Arcsin", UnaryOpMapper.of(UnaryOp.Fn.ARCSIN)),
            Map.entry("Arccos", UnaryOpMapper.of(UnaryOp.Fn.ARCCOS)),
            Map.entry("Arctan", UnaryOpMapper.of(UnaryOp.Fn.ARCTAN)),
            Map.entry("Sinh", UnaryOpMapper.of(UnaryOp.Fn.SINH)),
            Map.entry("Cosh", UnaryOpMapper.of(UnaryOp.Fn.COSH)),
            Map.entry("Arcsinh", UnaryOpMapper.of(UnaryOp.Fn.ARCSINH)),
            Map.entry("Arccosh", UnaryOpMapper.of(UnaryOp.Fn.ARCCOSH)),
            Map.entry("Arctanh", UnaryOpMapper.of(UnaryOp.Fn.ARCTANH)),
            Map.entry("Deg2rad", UnaryOpMapper.of(UnaryOp.Fn.DEG2RAD)),
            Map.entry("Rad2deg", UnaryOpMapper.of(UnaryOp.Fn.RAD2DEG)),
            Map.entry("LogicalNot", UnaryOpMapper.of(UnaryOp.Fn.LOGICAL_NOT)),
            Map.entry("Isnan", UnaryOpMapper.of(UnaryOp.Fn.ISNAN)),
            Map.entry("Isfinite", UnaryOpMapper.of(UnaryOp.Fn.ISFINITE)),
            Map.entry("Isinf", UnaryOpMapper.of(UnaryOp.Fn.ISINF)),
            Map.entry("Isposinf", UnaryOpMapper.of(UnaryOp.Fn.ISPOSINF)),
            Map.entry("Isneginf", UnaryOpMapper.of(UnaryOp.Fn.ISNEGINF)),
            Map.entry("StopGradient", UnaryOpMapper.of(UnaryOp.Fn.IDENTITY)),
            Map.entry("Copy", UnaryOpMapper.of(UnaryOp.Fn.IDENTITY)),
            Map.entry("Real", UnaryOpMapper.of(UnaryOp.Fn.IDENTITY)),
            Map.entry("Conjugate", UnaryOpMapper.of(UnaryOp.Fn.IDENTITY)),
            Map.entry("Conj", UnaryOpMapper.of(UnaryOp.Fn.IDENTITY)),
            Map.entry("Round", UnaryOpMapper.round()),
            Map.entry("Cast", UnaryOpMapper.cast()),
            Map.entry("SaturateCast", UnaryOpMapper.saturateCast()),
            Map.entry("ConvertToTensor", UnaryOpMapper.convertToTensor()),
            Map.entry("NanToNum", UnaryOpMapper.nanToNum()),
            Map.entry("Where", TernaryOpMapper.where()),
            Map.entry("Clip", TernaryOpMapper.clip()),
            Map.entry("Sum", ReduceMapper.of(Reduce.Fn.SUM)),
            Map.entry("Mean", ReduceMapper.of(Reduce.Fn.MEAN)),
            Map.entry("Max", ReduceMapper.of(Reduce.Fn.MAX)),
            Map.entry("Amax", ReduceMapper.of(Reduce.Fn.MAX)),
            Map.entry("Min", ReduceMapper.of(Reduce.Fn.MIN)),
            Map.entry("Amin", ReduceMapper.of(Reduce.Fn.MIN)),
            Map.entry("Prod", ReduceMapper.of(Reduce.Fn.PROD)),
            Map.entry("All", ReduceMapper.of(Reduce.Fn.ALL)),
            Map.entry("Any", ReduceMapper.of(Reduce.Fn.ANY)),
            Map.entry("Std", ReduceMapper.of(Reduce.Fn.STD)),
            Map.entry("Var", ReduceMapper.of(Reduce.Fn.VAR)),
            Map.entry("Logsumexp", ReduceMapper.of(Reduce.Fn.LOGSUMEXP)),
            Map.entry("Argmax", ReduceMapper.of(Reduce.Fn.ARGMAX)),
            Map.entry("Argmin", ReduceMapper.of(Reduce.Fn.ARGMIN)),
            Map.entry("Relu", ActivationOpMapper.of(c -> Activations.relu())),
            Map.entry("Relu6", ActivationOpMapper.of(c -> Activations.byName("relu6", Semantics.KERAS_3))),
            Map.entry("Sigmoid", ActivationOpMapper.of(c -> Activations.sigmoid())),
            Map.entry("Tanh", ActivationOpMapper.of(c -> Activations.tanh())),
            Map.entry("Softplus", ActivationOpMapper.of(c -> Activations.byName("softplus", Semantics.KERAS_3))),
            Map.entry("Softsign", ActivationOpMapper.of(c -> Activations.byName("softsign", Semantics.KERAS_3))),
            Map.entry("Silu", ActivationOpMapper.of(c -> Activations.byName("silu", Semantics.KERAS_3))),
            Map.entry("LogSigmoid", ActivationOpMapper.of(c -> Activations.byName("log_sigmoid", Semantics.KERAS_3))),
            Map.entry("LeakyRelu", ActivationOpMapper.of(c -> Activations.leakyRelu(c.getFloat(0.2f, "negative_slope")))),
            Map.entry("HardSigmoid", ActivationOpMapper.of(c -> Activations.hardSigmoid(Semantics.KERAS_3))),
            Map.entry("HardSilu", ActivationOpMapper.of(c -> Activations.byName("hard_silu", Semantics.KERAS_3))),
            Map.entry("Elu", ActivationOpMapper.of(c -> Activations.elu(c.getFloat(1f, "alpha")))),
            Map.entry("Selu", ActivationOpMapper.of(c -> Activations.byName("selu", Semantics.KERAS_3))),
            Map.entry("Gelu", ActivationOpMapper.of(c -> Activations.gelu(c.getBool(true, "approximate")))),
            Map.entry("Celu", ActivationOpMapper.of(c -> Activations.celu(c.getFloat(1f, "alpha")))),
            Map.entry("TanhShrink", ActivationOpMapper.of(c -> Activations.byName("tanh_shrink", Semantics.KERAS_3))),
            Map.entry("HardTanh", ActivationOpMapper.of(c -> Activations.byName("hard_tanh", Semantics.KERAS_3))),
            Map.entry("SoftShrink", ActivationOpMapper.of(c -> Activations.softShrink(c.getFloat(0.5f, "threshold")))),
            Map.entry("HardShrink", ActivationOpMapper.of(c -> Activations.hardShrink(c.getFloat(0.5f, "threshold")))),
            Map.entry("Squareplus", ActivationOpMapper.of(c -> Activations.squareplus(c.getFloat(4f, "b")))),
            Map.entry("SparsePlus", ActivationOpMapper.of(c -> Activations.byName("sparse_plus", Semantics.KERAS_3))),
            Map.entry("SparseSigmoid", ActivationOpMapper.of(c -> Activations.byName("sparse_sigmoid", Semantics.KERAS_3))),
            Map.entry("Threshold", ActivationOpMapper.of(c -> Activations.threshold(c.getFloat("threshold"), c.getFloat("default_value")))),
            Map.entry("Softmax", ActivationOpMapper.rowwise(c -> Activations.softmax(), false)),
            Map.entry("LogSoftmax", ActivationOpMapper.rowwise(c -> Activations.logSoftmax(), false)),
            Map.entry("Sparsemax", ActivationOpMapper.rowwise(c -> Activations.sparsemax(false), true)),
            Map.entry("Glu", ActivationOpMapper.rowwise(c -> Activations.byName("glu", Semantics.KERAS_3), true)),
            Map.entry("OneHot", new OneHotMapper()),
            Map.entry("Normalize", new NormalizeMapper()),
            // shape and linear algebra
            Map.entry("Reshape", ReshapeOpMapper::map),
            Map.entry("Transpose", TransposeOpMapper::map),
            Map.entry("ExpandDims", ExpandDimsOpMapper::map),
            Map.entry("Squeeze", SqueezeOpMapper::map),
            Map.entry("Concatenate", ConcatenateOpMapper::map),
            Map.entry("Stack", StackOpMapper::map),
            Map.entry("Split", SplitOpMapper::map),
            Map.entry("Tile", TileOpMapper::map),
            Map.entry("Repeat", RepeatOpMapper::map),
            Map.entry("BroadcastTo", BroadcastToOpMapper::map),
            Map.entry("Flip", FlipOpMapper::map),
            Map.entry("Take", TakeOpMapper::map),
            Map.entry("GetItem", GetItemOpMapper::map),
            Map.entry("Matmul", MatmulOpMapper::map),
            Map.entry("Dot", DotOpMapper::map),
            Map.entry("Tensordot", TensordotOpMapper::map),
            Map.entry("Einsum", EinsumOpMapper::map),
            Map.entry("Swapaxes", org.jkeras.importer.ops.AxisMoveOpMapper::swapaxes),
            Map.entry("Moveaxis", org.jkeras.importer.ops.AxisMoveOpMapper::moveaxis),
            Map.entry("ZerosLike", org.jkeras.importer.ops.FillLikeOpMapper.of(0f)),
            Map.entry("OnesLike", org.jkeras.importer.ops.FillLikeOpMapper.of(1f)),
            Map.entry("FullLike", org.jkeras.importer.ops.FillLikeOpMapper.of(null)));

    private OpMappers() {
    }

    /** The mapper for an op class, or null. */
    public static LayerMapper get(String className) {
        return BUILT_IN.get(className);
    }

    public static SortedSet<String> supported() {
        return new TreeSet<>(BUILT_IN.keySet());
    }
}
