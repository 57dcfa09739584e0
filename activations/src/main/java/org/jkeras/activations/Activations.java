package org.jkeras.activations;

import static java.util.Map.entry;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The activation registry: every name a Keras model file may carry as a string, with Keras' defaults for the
 * parameters (keras/src/activations/__init__.py ALL_OBJECTS_DICT; Keras 1/2 use the same names), plus factories
 * for the parametrised forms layers need.
 */
public final class Activations {

    /** Name → activation with Keras' string defaults, for the given generation. One literal table. */
    private static final Map<String, Function<Semantics, Activation>> REGISTRY = Map.ofEntries(
        entry("celu", s -> new Celu(1f)),
        entry("elu", s -> new Elu(1f)),
        entry("exponential", s -> new Exponential()),
        entry("gelu", s -> new Gelu(false)),
        entry("glu", s -> new Glu()),
        entry("hard_shrink", s -> new HardShrink(0.5f)),
        entry("hard_sigmoid", HardSigmoid::new),
        entry("hard_silu", s -> new HardSilu()),
        entry("hard_tanh", s -> new HardTanh()),
        entry("leaky_relu", s -> new LeakyRelu(0.2f)),
        entry("linear", s -> new Linear()),
        entry("log_sigmoid", s -> new LogSigmoid()),
        entry("log_softmax", s -> new LogSoftmax()),
        entry("mish", s -> new Mish()),
        entry("relu", s -> relu()),
        entry("relu6", s -> new Relu6()),
        entry("selu", s -> new Selu()),
        entry("sigmoid", s -> new Sigmoid()),
        entry("silu", s -> new Silu()),
        entry("soft_shrink", s -> new SoftShrink(0.5f)),
        entry("softmax", s -> new Softmax()),
        entry("softplus", s -> new Softplus()),
        entry("softsign", s -> new Softsign()),
        entry("sparse_plus", s -> new SparsePlus()),
        entry("sparse_sigmoid", s -> new SparseSigmoid()),
        entry("sparsemax", s -> new Sparsemax(false)),
        entry("squareplus", s -> new Squareplus(4f)),
        entry("tanh", s -> new Tanh()),
        entry("tanh_shrink", s -> new TanhShrink()));

    /** Alias → canonical name, as Keras 3 adds them. */
    private static final Map<String, String> ALIASES = Map.of("swish", "silu", "hard_swish", "hard_silu");

    private static final SortedSet<String> NAMES;

    static {
        TreeSet<String> names = new TreeSet<>(REGISTRY.keySet());
        names.addAll(ALIASES.keySet());
        NAMES = Collections.unmodifiableSortedSet(names);
    }

    private Activations() {
    }

    /** The activation a model names, e.g. {@code "relu"} or {@code "swish"}, with the formulas of {@code semantics}. */
    public static Activation byName(String name, Semantics semantics) {
        Function<Semantics, Activation> factory = name == null ? null : REGISTRY.get(ALIASES.getOrDefault(name, name));
        if (factory == null) throw new UnknownActivationException(name);
        return factory.apply(semantics);
    }

    /** Every accepted name, aliases included, sorted. */
    public static SortedSet<String> names() {
        return NAMES;
    }

    /** {@code linear}: the identity, which the kernels skip. */
    public static Activation linear() {
        return new Linear();
    }

    /** relu(x) = max(x, 0). */
    public static Activation relu() {
        return new Relu(0f, Float.NaN, 0f);
    }

    /** The {@code ReLU} layer / {@code relu(...)} with all three parameters; {@code maxValue} NaN for none. */
    public static Activation relu(float negativeSlope, float maxValue, float threshold) {
        return new Relu(negativeSlope, maxValue, threshold);
    }

    /** {@code leaky_relu}: max(x, slope·x). The string {@code "leaky_relu"} means slope 0.2, the {@code LeakyReLU} layer 0.3. */
    public static Activation leakyRelu(float slope) {
        return new LeakyRelu(slope);
    }

    /** {@code elu}: x if x ≥ 0 else α·(e^x − 1). */
    public static Activation elu(float alpha) {
        return new Elu(alpha);
    }

    /** {@code celu}: max(x, 0) + α·(e^(min(x, 0)/α) − 1). */
    public static Activation celu(float alpha) {
        return new Celu(alpha);
    }

    /** {@code gelu}, exact (erf) or, with {@code approximate}, the tanh form. */
    public static Activation gelu(boolean approximate) {
        return new Gelu(approximate);
    }

    /** {@code threshold}: x if x &gt; threshold else defaultValue. */
    public static Activation threshold(float threshold, float defaultValue) {
        return new Threshold(threshold, defaultValue);
    }

    /** {@code soft_shrink}: x shrunk towards 0 by {@code threshold}, 0 within it. */
    public static Activation softShrink(float threshold) {
        return new SoftShrink(threshold);
    }

    /** {@code hard_shrink}: x if |x| &gt; threshold else 0. */
    public static Activation hardShrink(float threshold) {
        return new HardShrink(threshold);
    }

    /** {@code squareplus}: (x + √(x² + b)) / 2. */
    public static Activation squareplus(float b) {
        return new Squareplus(b);
    }

    /** {@code hard_sigmoid} with the formula of the given Keras generation (they differ; see {@link HardSigmoid}). */
    public static Activation hardSigmoid(Semantics semantics) {
        return new HardSigmoid(semantics);
    }

    /** {@code sigmoid}: 1 / (1 + e^−x). */
    public static Activation sigmoid() {
        return new Sigmoid();
    }

    /** {@code tanh}. */
    public static Activation tanh() {
        return new Tanh();
    }

    /** {@code softmax} over each row (the last axis). */
    public static Activation softmax() {
        return new Softmax();
    }

    /** {@code log_softmax} over each row (the last axis). */
    public static Activation logSoftmax() {
        return new LogSoftmax();
    }

    /** See {@link Sparsemax}: false = Keras ≤ 3.15's threshold (the registry's), true = the simplex projection. */
    public static Activation sparsemax(boolean simplexProjection) {
        return new Sparsemax(simplexProjection);
    }
}
