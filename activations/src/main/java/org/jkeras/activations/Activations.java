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

    public static Activation leakyRelu(float slope) {
        return new LeakyRelu(slope);
    }

    public static Activation elu(float alpha) {
        return new Elu(alpha);
    }

    public static Activation celu(float alpha) {
        return new Celu(alpha);
    }

    public static Activation gelu(boolean approximate) {
        return new Gelu(approximate);
    }

    public static Activation threshold(float threshold, float defaultValue) {
        return new Threshold(threshold, defaultValue);
    }

    public static Activation softShrink(float threshold) {
        return new SoftShrink(threshold);
    }

    public static Activation hardShrink(float threshold) {
        return new HardShrink(threshold);
    }

    public static Activation squareplus(float b) {
        return new Squareplus(b);
    }

    public static Activation hardSigmoid(Semantics semantics) {
        return new HardSigmoid(semantics);
    }

    public static Activation sigmoid() {
        return new Sigmoid();
    }

    public static Activation tanh() {
        return new Tanh();
    }

    public static Activation softmax() {
        return new Softmax();
    }

    public static Activation logSoftmax() {
        return new LogSoftmax();
    }

    /** See {@link Sparsemax}: false = Keras ≤ 3.15's threshold (the registry's), true = the simplex projection. */
    public static Activation sparsemax(boolean simplexProjection) {
        return new Sparsemax(simplexProjection);
    }
}
