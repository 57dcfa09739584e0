package org.jkeras.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * A param holding names to names ({@code feedMap}, {@code fetchMap}), kept in the order given; saved with a pipeline
 * as a JSON object.
 */
final class StringMapParam extends Param<Map<String, String>> {
    private static final long serialVersionUID = 1L;

    StringMapParam(Params parent, String name, String doc) {
        super(parent, name, doc);
    }

    /** An unmodifiable copy that keeps the order of {@code map}. */
    static Map<String, String> copy(Map<String, String> map) {
        Map<String, String> m = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) throw new IllegalArgumentException("a map of names holds a null: " + map);
            m.put(k, v);
        });
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String jsonEncode(Map<String, String> value) {
        JsonObject o = new JsonObject();
        value.forEach(o::addProperty);
        return o.toString();
    }

    @Override
    public Map<String, String> jsonDecode(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : JsonParser.parseString(json).getAsJsonObject().entrySet()) m.put(e.getKey(), e.getValue().getAsString());
        return Collections.unmodifiableMap(m);
    }
}
