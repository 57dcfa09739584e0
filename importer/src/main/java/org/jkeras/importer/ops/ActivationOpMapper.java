package org.jkeras.importer.ops;

import java.util.function.Function;

import org.jkeras.activations.Activation;
import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.ActivationOp;

/**
 * Keras 3 activation op nodes ({@code Elu}, {@code Gelu}, {@code Softmax} ...) as {@code keras.ops.nn} and
 * {@code keras.activations} save them: the tensor as the one argument, the parameters ({@code alpha},
 * {@code approximate}, {@code axis}) in the config; the activation is built from its config by the table's function (op nodes exist in Keras 3 files only, so Keras 3 formulas).
 */
public final class ActivationOpMapper {
    private ActivationOpMapper() {
    }

    /** An elementwise activation. */
    public static LayerMapper of(Function<Config, Activation> make) {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            return new ActivationOp(ctx.name(), ctx.className(), make.apply(ctx.config()), null);
        };
    }

    /** A rowwise activation (softmax, log_softmax, sparsemax, glu) along {@code axis}: an int, a list, or None (every axis). */
    public static LayerMapper rowwise(Function<Config, Activation> make, boolean oneAxis) {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            Config cfg = ctx.config();
            int[] axes = OpConfig.axes(cfg, "axis");
            if (oneAxis && (axes == null || axes.length != 1)) throw cfg.error("axis", "expected one axis");
            return new ActivationOp(ctx.name(), ctx.className(), make.apply(cfg), axes);
        };
    }
}
