package org.jkeras.importer;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jkeras.importer.ops.BinaryOpMapper;
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
            Map.entry("Einsum", EinsumOpMapper::map));

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
