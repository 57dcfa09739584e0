package org.jkeras.testmodels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.jkeras.importer.Hdf5;
import org.jkeras.io.Npy;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * One golden case saved by real Keras: model files in each form, recorded inputs and predictions, the
 * tolerance from its {@code case.json}.
 */
record GoldenCase(String name, Path dir, JsonObject meta, List<String> layers, double atol, double rtol,
                  List<Form> forms, List<Named> inputs, List<Named> outputs, Set<String> expectUnsupported) {

    /** A file form of the model: a single file, or a JSON config with its weights. */
    record Form(String label, Path model, Path weights) {
    }

    record Named(String name, Tensor tensor) {
    }

    static Path root() {
        // surefire runs in the module folder; the data sits beside src/
        return Path.of("").toAbsolutePath().resolve("keras3").getParent();
    }

    /**
     * Cases under {@code keras3/}: model.h5, model.keras, model.json + model.weights.h5 (those its {@code forms} and
     * {@code extra_forms} list, when it does: the forms Keras itself reloads, and those it writes but cannot read);
     * io.h5 predictions.
     */
    static List<GoldenCase> keras3() throws IOException {
        List<GoldenCase> out = new ArrayList<>();
        for (Path dir : sortedDirs(root().resolve("keras3"))) {
            JsonObject meta = json(dir.resolve("case.json"));
            if (!meta.has("tolerance")) continue;
            List<Form> all = List.of(
                    new Form("model.h5", dir.resolve("model.h5"), null),
                    new Form("model.keras", dir.resolve("model.keras"), null),
                    new Form("model.json+model.weights.h5", dir.resolve("model.json"), dir.resolve("model.weights.h5")));
            List<String> listed = meta.has("forms") ? new ArrayList<>(strings(meta.getAsJsonArray("forms"))) : null;
            if (listed != null && meta.has("extra_forms")) listed.addAll(strings(meta.getAsJsonArray("extra_forms")));
            List<Form> forms = all.stream().filter(f -> listed == null || listed.contains(f.label())).toList();
            List<Named> in = new ArrayList<>(), outs = new ArrayList<>();
            try (HdfFile io = new HdfFile(dir.resolve("io.h5"))) {
                readGroup(io, "inputs", in);
                readGroup(io, "outputs", outs);
            }
            JsonObject tol = meta.getAsJsonObject("tolerance");
            out.add(new GoldenCase(dir.getFileName().toString(), dir, meta, strings(meta.getAsJsonArray("layers_used")),
                    tol.get("atol").getAsDouble(), tol.get("rtol").getAsDouble(), forms, in, outs, expectUnsupported(meta)));
        }
        return out;
    }

    /** Cases under {@code keras-public/}: files written by Keras 1.x/2.x; in_N.npy / out_N.npy predictions. */
    static List<GoldenCase> kerasPublic() throws IOException {
        List<GoldenCase> out = new ArrayList<>();
        for (Path dir : sortedDirs(root().resolve("keras-public"))) {
            if (!Files.exists(dir.resolve("case.json"))) continue;
            JsonObject meta = json(dir.resolve("case.json"));
            JsonObject files = meta.getAsJsonObject("model_files");
            List<Form> forms = new ArrayList<>();
            if (files.has("full_model_h5")) {
                forms.add(new Form(files.get("full_model_h5").getAsString(), dir.resolve(files.get("full_model_h5").getAsString()), null));
            }
            if (files.has("config_json") && files.has("weights_h5")) {
                forms.add(new Form(files.get("config_json").getAsString() + "+" + files.get("weights_h5").getAsString(),
                        dir.resolve(files.get("config_json").getAsString()), dir.resolve(files.get("weights_h5").getAsString())));
            }
            List<Named> in = new ArrayList<>(), outs = new ArrayList<>();
            for (JsonElement e : meta.getAsJsonArray("inputs")) {
                JsonObject o = e.getAsJsonObject();
                in.add(new Named(o.get("layer").getAsString(), Npy.read(dir.resolve(o.get("file").getAsString()))));
            }
            for (JsonElement e : meta.getAsJsonArray("outputs")) {
                JsonObject o = e.getAsJsonObject();
                outs.add(new Named(o.get("layer").getAsString(), Npy.read(dir.resolve(o.get("file").getAsString()))));
            }
            JsonObject tol = meta.getAsJsonObject("tolerance");
            out.add(new GoldenCase(dir.getFileName().toString(), dir, meta, strings(meta.getAsJsonArray("layers")),
                    tol.get("atol").getAsDouble(), tol.get("rtol").getAsDouble(), forms, in, outs, expectUnsupported(meta)));
        }
        return out;
    }

    /** {@code expect_unsupported} of case.json: the classes jkeras is declared to refuse (empty: it must load). */
    private static Set<String> expectUnsupported(JsonObject meta) {
        return meta.has("expect_unsupported") ? new TreeSet<>(strings(meta.getAsJsonArray("expect_unsupported"))) : Set.of();
    }

    /** The golden file for {@code jkeras verify} and KerasAssertions: io.h5 (keras3), or the folder of in_N/out_N.npy. */
    Path golden() {
        Path io = dir.resolve("io.h5");
        return Files.isRegularFile(io) ? io : dir;
    }

    private static void readGroup(HdfFile io, String group, List<Named> into) {
        Group g = (Group) io.getChild(group);
        for (int i = 0; ; i++) {
            Node n = g.getChild(Integer.toString(i));
            if (n == null) break;
            Dataset d = (Dataset) n;
            Object flat = d.getDataFlat();
            String name = Hdf5.string(d, "name"); // Keras' names in any script, in any string layout
            if (flat instanceof String[] text) { // a text model's strings
                into.add(new Named(name, Tensor.ofStrings(text, d.getDimensions())));
                continue;
            }
            float[] data;
            if (flat instanceof float[] f) {
                data = f;
            } else if (flat instanceof double[] dd) {
                data = new float[dd.length];
                for (int k = 0; k < dd.length; k++) data[k] = (float) dd[k];
            } else if (flat instanceof int[] ii) {
                data = new float[ii.length];
                for (int k = 0; k < ii.length; k++) data[k] = ii[k];
            } else if (flat instanceof long[] ll) {
                data = new float[ll.length];
                for (int k = 0; k < ll.length; k++) data[k] = ll[k];
            } else {
                throw new IllegalStateException(d.getPath() + ": unexpected type " + d.getJavaType());
            }
            into.add(new Named(name, new Tensor(Shape.of(d.getDimensions()), data)));
        }
    }

    private static List<Path> sortedDirs(Path root) throws IOException {
        try (var s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static JsonObject json(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : a) out.add(e.getAsString());
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
