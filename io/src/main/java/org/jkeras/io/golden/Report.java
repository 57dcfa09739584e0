package org.jkeras.io.golden;

import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** A {@link Comparison.Result} as text for people, as JSON for programs, and as a one-paragraph failure message. */
public final class Report {
    private Report() {
    }

    /** The full report, one line per output, then the layer trace and the verdict. */
    public static String text(Comparison.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("golden: ").append(r.golden()).append(" (").append(r.goldenKind()).append(")\n");
        b.append(String.format(Locale.ROOT, "tolerance: |actual - expected| <= %s + %s * |expected|, NaN equals NaN%n", Stats.num(r.atol()),
                Stats.num(r.rtol())));
        for (Comparison.OutputResult o : r.outputs()) {
            b.append("output '").append(o.key()).append("' ").append(o.stats().actualShape()).append(": ").append(o.pass() ? "PASS" : "FAIL")
                    .append("  ").append(o.stats().summary()).append('\n');
        }
        layers(b, r);
        for (String n : r.notes()) b.append("note: ").append(n).append('\n');
        long failed = r.outputs().stream().filter(o -> !o.pass()).count();
        b.append(r.pass() ? "PASS" : "FAIL: " + failed + " of " + r.outputs().size() + " output(s) outside the tolerance").append('\n');
        return b.toString();
    }

    private static void layers(StringBuilder b, Comparison.Result r) {
        if (r.layersCompared() == 0 && r.unmatched().isEmpty()) return;
        b.append("layers: ").append(r.layersCompared()).append(" recorded layer output(s) compared");
        Comparison.LayerResult first = r.firstDivergence();
        if (first == null) {
            b.append(r.layersCompared() > 0 ? ", all within the tolerance" : "").append('\n');
        } else {
            b.append(", ").append(r.divergent().size()).append(" diverge\n");
            b.append("first diverging layer: ").append(describe(first)).append('\n');
        }
        if (!r.unmatched().isEmpty()) {
            b.append("not compared (no jkeras layer of that name): ").append(r.unmatched().size()).append(' ').append(clip(r.unmatched().toString()))
                    .append('\n');
        }
    }

    /** E.g. {@code 'dense_1' (Dense): 3 of 10 values off; max abs ...}. */
    public static String describe(Comparison.LayerResult l) {
        String key = l.goldenKey().equals(l.layer()) ? "" : " [recorded as '" + l.goldenKey() + "']";
        return "'" + l.layer() + "' (" + l.kerasClass() + ")" + (l.output() > 0 ? " output " + l.output() : "") + key + ": " + l.stats().summary();
    }

    /** A failure message naming each failing output, the worst index, actual and expected, and the first diverging layer. */
    public static String failure(Comparison.Result r) {
        StringBuilder b = new StringBuilder();
        for (Comparison.OutputResult o : r.outputs()) {
            if (o.pass()) continue;
            if (b.length() > 0) b.append("; ");
            b.append("output '").append(o.key()).append("' ");
            b.append(String.format(Locale.ROOT, "(atol %s, rtol %s): ", Stats.num(r.atol()), Stats.num(r.rtol())));
            b.append(o.stats().summary());
        }
        Comparison.LayerResult first = r.firstDivergence();
        if (first != null) b.append("; first diverging layer ").append(describe(first));
        else if (r.layersCompared() > 0) b.append("; all ").append(r.layersCompared()).append(" recorded layer outputs agree");
        b.append(" [golden ").append(r.golden()).append(']');
        return b.toString();
    }

    /** The comparison as a JSON object: per output and per diverging layer, with the tolerance and the notes. */
    public static String json(Comparison.Result r) {
        JsonObject root = new JsonObject();
        root.addProperty("golden", r.golden());
        root.addProperty("format", r.goldenKind());
        root.addProperty("atol", r.atol());
        root.addProperty("rtol", r.rtol());
        root.addProperty("pass", r.pass());
        JsonArray outs = new JsonArray();
        for (Comparison.OutputResult o : r.outputs()) {
            JsonObject j = stats(o.stats());
            j.addProperty("name", o.name());
            j.addProperty("key", o.key());
            j.addProperty("index", o.index());
            outs.add(j);
        }
        root.add("outputs", outs);
        JsonObject layers = new JsonObject();
        layers.addProperty("compared", r.layersCompared());
        JsonArray div = new JsonArray();
        for (Comparison.LayerResult l : r.divergent()) div.add(layer(l));
        layers.add("first_divergence", r.firstDivergence() == null ? JsonNull.INSTANCE : layer(r.firstDivergence()));
        layers.add("divergent", div);
        JsonArray unmatched = new JsonArray();
        r.unmatched().forEach(unmatched::add);
        layers.add("not_compared", unmatched);
        root.add("layers", layers);
        JsonArray notes = new JsonArray();
        r.notes().forEach(notes::add);
        root.add("notes", notes);
        return new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(root);
    }

    private static JsonObject layer(Comparison.LayerResult l) {
        JsonObject j = stats(l.stats());
        j.addProperty("layer", l.layer());
        j.addProperty("class_name", l.kerasClass());
        j.addProperty("recorded_as", l.goldenKey());
        j.addProperty("output_index", l.output());
        return j;
    }

    private static JsonObject stats(Stats s) {
        JsonObject j = new JsonObject();
        j.addProperty("pass", s.pass());
        j.add("shape", dims(s.actualShape().dims()));
        j.add("expected_shape", dims(s.expectedShape().dims()));
        j.addProperty("count", s.count());
        j.addProperty("mismatches", s.mismatches());
        j.addProperty("max_abs", s.maxAbs());
        j.addProperty("max_rel", s.maxRel());
        j.addProperty("max_ulp", s.maxUlp() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : s.maxUlp());
        j.addProperty("worst_index", s.worstIndex());
        if (s.isText()) {
            j.addProperty("actual", s.actualText());
            j.addProperty("expected", s.expectedText());
        } else {
            j.addProperty("actual", s.actual());
            j.addProperty("expected", s.expected());
        }
        return j;
    }

    private static JsonArray dims(int[] d) {
        JsonArray a = new JsonArray();
        for (int x : d) a.add(x);
        return a;
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "...]" : s;
    }
}
