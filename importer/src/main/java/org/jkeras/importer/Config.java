package org.jkeras.importer;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.jkeras.KerasImportException;

/**
 * Typed, read-only access to one layer's {@code config} object. Every getter takes the key and its older
 * aliases in order ({@code getInt("units", "output_dim")}); every error names file, layer, class and key.
 */
public final class Config {
    private final JsonObject json;
    private final String where; // "model.h5: layer 'dense_3' (Dense)"
    private final java.util.Set<String> read = new java.util.HashSet<>(); // keys looked at, to report the ignored ones

    /**
     * Reads {@code json} (null reads as an empty config); {@code where} prefixes every error message, e.g.
     * {@code "model.h5: layer 'dense_3' (Dense)"}.
     */
    public Config(JsonObject json, String where) {
        this.json = json == null ? new JsonObject() : json;
        this.where = where;
    }

    /** What the errors name: the file, the layer and its class. */
    public String where() {
        return where;
    }

    /** True when one of the keys is present and not null. */
    public boolean has(String... keys) {
        return find(keys) != null;
    }

    /** True when {@code key} is present with the value null (Python's None), which can differ from the default an absent key takes. */
    public boolean isNull(String key) {
        read.add(key);
        return json.has(key) && json.get(key).isJsonNull();
    }

    /** The first of the keys present and not null, as JSON, for values no typed getter fits; null when none is. */
    public JsonElement raw(String... keys) {
        return find(keys);
    }

    /** The integer under the first key present (a float with no fraction counts); a KerasImportException when absent or not one. */
    public int getInt(String... keys) {
        return toInt(require(keys), keys);
    }

    /** The integer under the first key present, or {@code dflt} when all are absent or null. */
    public int getInt(int dflt, String... keys) {
        JsonElement e = find(keys);
        return e == null ? dflt : toInt(e, keys);
    }

    /** The number under the first key present (also Python's {@code NaN}, {@code Infinity}, {@code -Infinity}); required. */
    public float getFloat(String... keys) {
        return toFloat(require(keys), keys);
    }

    /** The value, or {@code dflt} when absent or null (NaN for "no value" such as ReLU max_value=None). */
    public float getFloat(float dflt, String... keys) {
        JsonElement e = find(keys);
        return e == null ? dflt : toFloat(e, keys);
    }

    /** The boolean under the first key present, or {@code dflt} when absent or null; anything but true or false is an error. */
    public boolean getBool(boolean dflt, String... keys) {
        JsonElement e = find(keys);
        if (e == null) return dflt;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        throw error(keys[0], "expected true or false, got " + e);
    }

    /** The string under the first key present; a KerasImportException when absent or not a string. */
    public String getString(String... keys) {
        JsonElement e = require(keys);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        throw error(keys[0], "expected a string, got " + e);
    }

    /** The string under the first key present, or {@code dflt} when absent or null. */
    public String getStringOr(String dflt, String... keys) {
        return has(keys) ? getString(keys) : dflt;
    }

    /** An int list; JSON null entries (Keras' None) become -1. A single int is a list of one. */
    public int[] getIntArray(String... keys) {
        JsonElement e = require(keys);
        if (e.isJsonPrimitive()) return new int[] {toInt(e, keys)};
        if (!e.isJsonArray()) throw error(keys[0], "expected a list of integers, got " + e);
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).isJsonNull() ? -1 : toInt(a.get(i), keys);
        return out;
    }

    /** The JSON object under the first key present (a nested config, e.g. an initializer's); required. */
    public JsonObject getObject(String... keys) {
        JsonElement e = require(keys);
        if (!e.isJsonObject()) throw error(keys[0], "expected an object, got " + e);
        return e.getAsJsonObject();
    }

    /** An error about config key {@code key} of this layer, for the mapper to throw: {@code where: config key 'key': message}. */
    public KerasImportException error(String key, String message) {
        return new KerasImportException(where + ": config key '" + key + "': " + message);
    }

    /** The same, keeping {@code cause}: the exception that made the value unusable (a number that did not parse, …). */
    public KerasImportException error(String key, String message, Throwable cause) {
        return new KerasImportException(where + ": config key '" + key + "': " + message, cause);
    }

    /** Keys of the config no getter has looked at. */
    public java.util.Set<String> unreadKeys() {
        java.util.Set<String> s = new java.util.TreeSet<>(json.keySet());
        s.removeAll(read);
        return s;
    }

    private JsonElement find(String... keys) {
        java.util.Collections.addAll(read, keys);
        for (String k : keys) {
            JsonElement e = json.get(k);
            if (e != null && !e.isJsonNull()) return e;
        }
        return null;
    }

    private JsonElement require(String... keys) {
        JsonElement e = find(keys);
        if (e == null) {
            List<String> alt = new ArrayList<>(List.of(keys));
            throw new KerasImportException(where + ": missing config key '" + keys[0] + "'"
                    + (alt.size() > 1 ? " (or " + String.join(", ", alt.subList(1, alt.size())) + ")" : ""));
        }
        return e;
    }

    private int toInt(JsonElement e, String... keys) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return (int) d;
        }
        throw error(keys[0], "expected an integer, got " + e);
    }

    private float toFloat(JsonElement e, String... keys) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) return (float) p.getAsDouble();
            // Python json writes NaN / Infinity bare; Gson lenient mode reads them as strings in some paths
            if (p.isString()) {
                switch (p.getAsString()) {
                    case "NaN": return Float.NaN;
                    case "Infinity": return Float.POSITIVE_INFINITY;
                    case "-Infinity": return Float.NEGATIVE_INFINITY;
                    default: break;
                }
            }
        }
        throw error(keys[0], "expected a number, got " + e);
    }
}
