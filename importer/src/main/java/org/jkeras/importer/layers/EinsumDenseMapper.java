package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.EinsumDense;

/**
 * Keras {@code EinsumDense(equation, output_shape, activation, bias_axes)}: weights kernel then bias (if
 * {@code bias_axes}), their shapes derived as Keras' {@code _analyze_einsum_string} does: the equation is
 * {@code X,Y->Z}, {@code ...X,Y->...Z} or {@code X...,Y->Z...}; a kernel letter takes its size from the output
 * ({@code output_shape}, batch excluded, elided axes copied from the input) or else from the input; the bias spans
 * the output letters from the first one in {@code bias_axes} on, 1 for letters not in it, plus a 1 per right-elided
 * axis. LoRA weights are merged into the kernel when Keras saves; quantized layers are refused.
 */
public final class EinsumDenseMapper {
    private static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");
    private static final Pattern LEFT = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
    private static final Pattern RIGHT = Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

    private EinsumDenseMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        String equation = cfg.getString("equation");
        int[] partial = cfg.getIntArray("output_shape");
        String biasAxes = cfg.getStringOr(null, "bias_axes");
        if (cfg.has("quantization_config")) throw cfg.error("quantization_config", "quantized EinsumDense layers are not supported");
        cfg.has("lora_rank", "lora_alpha", "gptq_unpacked_column_size"); // LoRA is merged into the saved kernel
        Shape in = ctx.inputShape();

        String dotted = equation.replace("...", "0");
        Matcher m = PLAIN.matcher(dotted);
        boolean left = false;
        if (!m.lookingAt()) {
            m = LEFT.matcher(dotted);
            left = m.lookingAt();
            if (!left && !(m = RIGHT.matcher(dotted)).lookingAt()) {
                throw cfg.error("equation", "'" + equation + "' is not of the form X,Y->Z, ...X,Y->...Z or X...,Y->Z...");
            }
        }
        String inSpec = m.group(1), wSpec = m.group(2), outSpec = m.group(3);
        int rank = in.rank() + 1, elided = rank - inSpec.length();
        List<Integer> out = new ArrayList<>(); // Keras' full output shape, batch first (None: UNKNOWN)
        out.add(Shape.UNKNOWN);
        for (int d : partial) out.add(d);
        if (elided > 0 && left) {
            for (int i = 1; i < elided; i++) out.add(1, dim(in, i)); // as Keras: each inserted at 1
        } else if (elided > 0) {
            for (int i = rank - elided; i < rank; i++) out.add(dim(in, i));
        }
        int outBase = left ? elided : 0, inBase = left ? elided : 0; // where each spec's letters start
        int[] kernel = new int[wSpec.length()];
        for (int i = 0; i < kernel.length; i++) {
            char c = wSpec.charAt(i);
            int o = outSpec.indexOf(c), x = inSpec.indexOf(c);
            if (o >= 0) kernel[i] = at(ctx, out, outBase + o);
            else if (x >= 0) kernel[i] = dim(in, inBase + x);
            else throw cfg.error("equation", "kernel letter '" + c + "' of '" + equation + "' is neither in the input nor in the output");
            if (kernel[i] == Shape.UNKNOWN) throw cfg.error("output_shape", "the size of kernel axis '" + c + "' of '" + equation + "' is unknown for input " + in.prepend(Shape.UNKNOWN));
        }
        int[] biasShape = null;
        if (biasAxes != null) {
            int first = Integer.MAX_VALUE;
            for (char c : biasAxes.toCharArray()) {
                if (outSpec.indexOf(c) < 0) throw cfg.error("bias_axes", "'" + c + "' is not an output letter of '" + equation + "'");
                first = Math.min(first, outSpec.indexOf(c));
            }
            List<Integer> b = new ArrayList<>();
            for (int i = first; i < outSpec.length(); i++) {
                int size = biasAxes.indexOf(outSpec.charAt(i)) >= 0 ? at(ctx, out, i + (left ? elided : 0)) : 1;
                if (size == Shape.UNKNOWN) throw cfg.error("bias_axes", "the size of output axis '" + outSpec.charAt(i) + "' is unknown");
                b.add(size);
            }
            if (!left) for (int i = 0; i < elided; i++) b.add(1);
            biasShape = b.stream().mapToInt(Integer::intValue).toArray();
        }
        ctx.expectWeightCount(biasShape == null ? 1 : 2);
        float[] k = ctx.weight(0, "kernel", kernel);
        float[] bias = biasShape == null ? null : ctx.weight(1, "bias", biasShape);
        return new EinsumDense(ctx.name(), equation, in, Shape.of(kernel), k, bias, biasShape, ctx.activation("linear", "activation"));
    }

    /** Axis {@code axis} (batch = 0) of the input. */
    private static int dim(Shape sample, int axis) {
        return axis == 0 ? Shape.UNKNOWN : sample.dim(axis - 1);
    }

    private static int at(MapContext ctx, List<Integer> shape, int i) {
        if (i < 0 || i >= shape.size()) throw ctx.error("output_shape " + shape.subList(1, shape.size()) + " has no axis " + i + " for the equation");
        return shape.get(i);
    }
}
