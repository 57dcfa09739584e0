package org.jkeras.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jkeras.activations.Activation;

/**
 * The mappers and activations one load uses: the built-in table plus what the user registered, keyed by
 * Keras class name, by {@code package>Name} (Keras' registered name of a custom object), or for a
 * {@code Lambda} layer by the layer's own name. User entries win over built-ins. Immutable once built.
 */
public final class Registry {
    private final Map<String, LayerMapper> layers;
    private final Map<String, Activation> activations;

    /**
     * The built-in table plus {@code layers} (keyed by layer name, {@code package>Name} or class name) and
     * {@code activations} (keyed by the name a model uses); both copied.
     */
    public Registry(Map<String, LayerMapper> layers, Map<String, Activation> activations) {
        this.layers = Map.copyOf(layers);
        this.activations = Map.copyOf(activations);
    }

    /** The built-in mappers and activations alone. */
    public static Registry builtIn() {
        return new Registry(Map.of(), Map.of());
    }

    /**
     * The mapper for a layer: user entries by layer name, registered name, class name; then the built-in. An op node
     * ({@link LayerSpec#isOp()}) is looked up among the ops only (a user entry by its node name first): {@code Add}
     * the op and {@code Add} the merge layer are different things.
     */
    public LayerMapper mapper(LayerSpec l) {
        if (l.isOp()) {
            LayerMapper m = layers.get(l.name());
            return m != null ? m : OpMappers.get(l.className());
        }
        LayerMapper m = layers.get(l.name());
        if (m == null) m = layers.get(registeredName(l));
        if (m == null) m = layers.get(l.className());
        if (m == null && !l.className().equals("Lambda")) m = LayerMappers.get(l.className());
        return m;
    }

    /** A user-registered activation, or null. */
    public Activation activation(String name) {
        return activations.get(name);
    }

    /** Every Keras class name with a built-in mapper, and every registered key, sorted (for error messages). */
    public SortedSet<String> supportedLayers() {
        TreeSet<String> s = new TreeSet<>(LayerMappers.supported());
        s.addAll(layers.keySet());
        return s;
    }

    private static String registeredName(LayerSpec l) {
        return l.registeredName() == null ? l.className() : l.registeredName();
    }

    /** Builder for {@code KerasModel.loader()}. */
    public static final class Builder {
        private final Map<String, LayerMapper> layers = new HashMap<>();
        private final Map<String, Activation> activations = new HashMap<>();

        /** An empty builder: only the built-ins until entries are added. */
        public Builder() {
        }

        /** Maps layers under {@code key} (a layer name, {@code package>Name} or class name) with {@code mapper}. */
        public Builder layer(String key, LayerMapper mapper) {
            layers.put(key, mapper);
            return this;
        }

        /** Uses {@code activation} wherever a model names {@code name}. */
        public Builder activation(String name, Activation activation) {
            activations.put(name, activation);
            return this;
        }

        /** The registry of the entries added so far; the builder may go on. */
        public Registry build() {
            return new Registry(new HashMap<>(layers), new HashMap<>(activations));
        }
    }
}
