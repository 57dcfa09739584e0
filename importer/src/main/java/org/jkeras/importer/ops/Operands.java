package org.jkeras.importer.ops;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Tensor;

/**
 * The operands of a shape or linear-algebra op node, each an input tensor or a constant: {@link #inputOf} holds the
 * input index of each (-1 for a constant), {@link #constants} the constant (null for an input). Also reads the axis
 * arguments these ops keep in their config (an int, a list, or None).
 */
public final class Operands {
    final int[] inputOf;
    final Tensor[] constants;

    private Operands(List<Integer> inputOf, List<Tensor> constants) {
        this.inputOf = inputOf.stream().mapToInt(Integer::intValue).toArray();
        this.constants = constants.toArray(new Tensor[0]);
    }

    /** The given arguments as operands. */
    static Operands of(OpArgs args, List<JsonElement> items, String what) {
        List<Integer> in = new ArrayList<>();
        List<Tensor> c = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonElement e = items.get(i);
            int k = OpArgs.inputIndex(e);
            in.add(k);
            c.add(k >= 0 ? null : args.constant(e, what + " " + i));
        }
        return new Operands(in, c);
    }

    /** Arguments {@code first} .. {@code first + n - 1} (or their keywords) as operands. */
    static Operands positional(MapContext ctx, String... names) {
        OpArgs args = new OpArgs(ctx);
        List<JsonElement> items = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            JsonElement e = args.get(i, names[i]);
            if (e == null) throw ctx.error("missing argument " + i + " ('" + names[i] + "')");
            items.add(e);
        }
        return of(args, items, "argument");
    }

    /** A list argument ({@code ops.concatenate([x1, x2, ...])}), argument 0 or keyword {@code name}. */
    static Operands list(MapContext ctx, String name) {
        OpArgs args = new OpArgs(ctx);
        JsonElement e = args.get(0, name);
        if (!(e instanceof JsonArray a) || a.isEmpty()) throw ctx.error("argument 0 ('" + name + "') is not a list of tensors: " + e);
        List<JsonElement> items = new ArrayList<>();
        a.forEach(items::add);
        return of(args, items, "'" + name + "' item");
    }

    /** Checks that the one operand is the node's input tensor (ops of one tensor hold no constant operand). */
    void requireInput(MapContext ctx) {
        if (inputOf.length != 1 || inputOf[0] != 0) throw ctx.error("argument 0 ('x') is not the node's input tensor");
    }

    /** Config key {@code key} as a list of axes (an int is a list of one), or null when absent or None. */
    static int[] axes(Config cfg, String key) {
        return cfg.has(key) ? cfg.getIntArray(key) : null;
    }
}
