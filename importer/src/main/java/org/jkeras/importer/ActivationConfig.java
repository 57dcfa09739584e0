package org.jkeras.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.KerasImportException;
import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.activations.UnknownActivationException;

/**
 * Reads an activation from a layer config: a plain name ({@code "relu"}) as Keras writes built-ins, or a
 * serialized object ({@code {"module": "keras.activations", "class_name": "function", "config": "relu"}},
 * {@code {"class_name": "relu"}}). A custom activation fails with its registered name.
 */
final class ActivationConfig {
    private ActivationConfig() {
    }

    static Activation parse(Config cfg, Semantics semantics, Registry registry, String dflt, String... keys) {
        JsonElement e = cfg.raw(keys);
        String name;
        if (e == null) {
            name = dflt;
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            name = e.getAsString();
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            String registered = primitive(o.get("registered_name"), null);
            if (registered != null && registry.activation(registered) != null) return registry.activation(registered);
            name = nameOf(o, cfg, keys[0], registry);
        } else {
            throw cfg.error(keys[0], "expected an activation name, got " + e);
        }
        if (name != null && registry.activation(name) != null) return registry.activation(name);
        if (name == null) throw cfg.error(keys[0], "missing activation");
        try {
            return Activations.byName(name, semantics);
        } catch (UnknownActivationException ex) {
            throw cfg.error(keys[0], "unknown activation '" + name + "'; supported: " + String.join(", ", Activations.names()), ex);
        }
    }

    private static String nameOf(JsonObject o, Config cfg, String key, Registry registry) {
        String module = primitive(o.get("module"), "");
        String registered = primitive(o.get("registered_name"), null);
        JsonElement config = o.get("config");
        // Keras 3 serializes a built-in function as class_name "function" with its name as config
        if (config != null && config.isJsonPrimitive() && (module.isEmpty() || module.startsWith("keras"))) return config.getAsString();
        String cls = primitive(o.get("class_name"), null);
        if (cls != null && (module.isEmpty() || module.startsWith("keras"))) return cls;
        if (cls != null && registry.activation(cls) != null) return cls;
        throw new KerasImportException(cfg.where() + ": config key '" + key + "': custom activation '"
                + (registered != null ? registered : o) + "' is not a Keras built-in; register it with KerasModel.loader().registerActivation(...)"
                + "; built-ins: " + String.join(", ", Activations.names()));
    }

    private static String primitive(JsonElement e, String dflt) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : dflt;
    }
}
