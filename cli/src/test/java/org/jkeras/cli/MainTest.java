package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.io.Csv;
import org.jkeras.io.JsonArrays;
import org.jkeras.io.Npy;
import org.jkeras.io.Npz;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** The command line end to end on golden models: every input and output format, errors, exit codes. */
class MainTest {
    @TempDir
    Path dir;

    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Recorded Keras inputs and predictions of a golden case, from its io.h5. */
    private static Tensor io(String caseName, String group, int index) {
        try (HdfFile h = new HdfFile(GOLDEN.resolve(caseName).resolve("io.h5"))) {
            Dataset d = h.getDatasetByPath(group + "/" + index);
            return new Tensor(Shape.of(d.getDimensions()), (float[]) d.getDataFlat());
        }
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape().dims(), actual.shape().dims());
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            assertEquals(e, actual.data()[i], 1e-5 + 1e-5 * Math.abs(e), "index " + i);
        }
    }

    @Test
    void demoRunsWithNoArguments() {
        Run r = run("predict");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length);
        Tensor expected = io("mlp_784_256_128_10", "outputs", 0);
        for (int row = 0; row < 4; row++) {
            String[] f = lines[row].split(",");
            assertEquals(10, f.length);
            for (int j = 0; j < 10; j++) assertEquals(expected.data()[row * 10 + j], Float.parseFloat(f[j]), 1e-5);
        }
    }

    @Test
    void everyInputFormatGivesKerasPredictions() throws Exception {
        Path model = GOLDEN.resolve("dense_act_relu").resolve("model.keras");
        Tensor x = io("dense_act_relu", "inputs", 0), y = io("dense_act_relu", "outputs", 0);
        Path npy = dir.resolve("x.npy");
        Npy.write(npy, x);
        Path csv = dir.resolve("x.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            Csv.write(w, x, java.util.List.of("a", "b", "c", "d", "e", "f"));
        }
        Path json = dir.resolve("x.json");
        try (var w = Files.newBufferedWriter(json)) {
            JsonArrays.write(w, x);
        }
        Path jsonl = dir.resolve("x.jsonl");
        try (var w = Files.newBufferedWriter(jsonl)) {
            JsonArrays.writeLines(w, x);
        }
        for (Path in : new Path[] {npy, csv, json, jsonl}) {
            for (String ext : new String[] {".npy", ".csv", ".json"}) {
                Path out = dir.resolve("y_" + in.getFileName() + ext);
                Run r = run("predict", model.toString(), "--input", in.toString(), "--output", out.toString());
                assertEquals(0, r.code(), in + " -> " + ext + ": " + r.err());
                Tensor got = switch (ext) {
                    case ".npy" -> Npy.read(out);
                    case ".csv" -> Csv.read(out);
                    default -> JsonArrays.read(out);
                };
                assertClose(y, got);
            }
        }
        // by input name, and CSV on standard output by default
        Run r = run("predict", model.toString(), "--input", "x=" + npy);
        assertEquals(0, r.code(), r.err());
        assertEquals(y.batch(), r.out().strip().split("\n").length);
    }

    @Test
    void npzOutputIsKeyedByOutputName() throws Exception {
        Path model = GOLDEN.resolve("layer_leaky_relu").resolve("model.h5");
        Tensor x = io("layer_leaky_relu", "inputs", 0);
        Path in = dir.resolve("in.npz");
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x", x);
        try (var s = Files.newOutputStream(in)) {
            Npz.write(s, arrays);
        }
        Path out = dir.resolve("out.npz");
        Run r = run("predict", model.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Tensor> y = Npz.read(out);
        assertEquals(java.util.List.of("lrelu_037", "lrelu_default"), new java.util.ArrayList<>(y.keySet()));
        assertClose(io("layer_leaky_relu", "outputs", 0), y.get("lrelu_037"));
        assertClose(io("layer_leaky_relu", "outputs", 1), y.get("lrelu_default"));
        // two outputs do not fit one .npy
        Run bad = run("predict", model.toString(), "--input", in.toString(), "--output", dir.resolve("y.npy").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("2 outputs") && bad.err().contains(".npz"), bad.err());
    }

    @Test
    void jsonConfigWithWeightsAndInspect() {
        Path json = GOLDEN.resolve("mlp_784_256_128_10").resolve("model.json");
        Run r = run("inspect", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fc1") && r.out().contains("Dense") && r.out().contains("(None, 256)") && r.out().contains("200,960"), r.out());
        assertTrue(r.out().contains("Total params: 235,146"), r.out());
        assertTrue(r.out().contains("Keras 3 formula (no keras_version; inferred from the config's keys)"), r.out()); // Keras 3 to_json() records no version
        Run w = run("inspect", json.toString(), "--weights", GOLDEN.resolve("mlp_784_256_128_10").resolve("model.weights.h5").toString());
        assertEquals(0, w.code(), w.err());
    }

    @Test
    void errorsAreOneLineAndNonZero() throws Exception {
        Path model = GOLDEN.resolve("dense_act_relu").resolve("model.keras");
        Path x = dir.resolve("x.csv");
        Files.writeString(x, "1,2,3\n4,5,6\n");
        Run wrongWidth = run("predict", model.toString(), "--input", x.toString());
        assertEquals(1, wrongWidth.code());
        assertTrue(wrongWidth.err().startsWith("jkeras: input 'x': array of shape (2, 3) does not fit the model input (None, 6)"), wrongWidth.err());
        assertFalse(wrongWidth.err().contains("\tat "), "no stack trace");

        Path odd = Files.writeString(dir.resolve("odd.json"), "{\"class_name\": \"Sequential\", \"keras_version\": \"2.3.1\", \"config\": {\"name\": \"s\", "
                + "\"layers\": [{\"class_name\": \"Frobnicate\", \"config\": {\"name\": \"f\", \"batch_input_shape\": [null, 3]}}]}}");
        Files.copy(GOLDEN.resolve("dense_act_relu").resolve("model.weights.h5"), dir.resolve("odd.weights.h5"));
        Run unsupported = run("predict", odd.toString(), "--input", x.toString());
        assertEquals(1, unsupported.code());
        assertTrue(unsupported.err().startsWith("jkeras: ") && unsupported.err().contains("layer 'f' (Frobnicate)"), unsupported.err());
        assertFalse(unsupported.err().contains("\tat "), "no stack trace");
        Run inspectOdd = run("inspect", odd.toString());
        assertEquals(1, inspectOdd.code());
        assertTrue(inspectOdd.out().contains("layer 'f' (Frobnicate): layer class 'Frobnicate' is not supported"), inspectOdd.out());
        assertEquals(1, inspectOdd.err().strip().lines().count(), inspectOdd.err());

        Run missing = run("predict", dir.resolve("nope.h5").toString(), "--input", x.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.h5: no such file"), missing.err());

        Run unknownName = run("predict", model.toString(), "--input", "zz=" + x);
        assertEquals(1, unknownName.code());
        assertTrue(unknownName.err().contains("'zz' is not a model input"), unknownName.err());

        Run usage = run("predict", model.toString(), "--bogus");
        assertNotEquals(0, usage.code());
    }

    @Test
    void neverOverwritesAnInput() throws Exception {
        Path model = GOLDEN.resolve("dense_act_relu").resolve("model.keras");
        Path x = dir.resolve("x.npy");
        Npy.write(x, io("dense_act_relu", "inputs", 0));
        byte[] before = Files.readAllBytes(x);
        Run r = run("predict", model.toString(), "--input", x.toString(), "--output", x.toString());
        assertEquals(1, r.code());
        assertArrayEquals(before, Files.readAllBytes(x));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void inspectListsEveryUnsupportedPartAndSpeaksJson() throws Exception {
        String cfg = "{\"class_name\": \"Sequential\", \"keras_version\": \"2.3.1\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, \"activation\": \"rleu\", \"batch_input_shape\": [null, 3]}},"
                + "{\"class_name\": \"Lambda\", \"config\": {\"name\": \"div255\"}},"
                + "{\"class_name\": \"Denes\", \"config\": {\"name\": \"typo\"}}]}}";
        Path json = Files.writeString(dir.resolve("m.json"), cfg);
        Path weights = dir.resolve("m_weights.h5");
        try (var h5 = HdfFile.write(weights)) {
            h5.putAttribute("layer_names", new String[] {"d"});
            var g = h5.putGroup("d");
            g.putAttribute("weight_names", new String[] {"d/kernel:0", "d/bias:0"});
            var inner = g.putGroup("d");
            inner.putDataset("kernel:0", new float[3][2]);
            inner.putDataset("bias:0", new float[2]);
        }
        Run text = run("inspect", json.toString());
        assertEquals(1, text.code());
        assertTrue(text.out().contains("layer 'd' (Dense): config key 'activation': unknown activation 'rleu'") && text.out().contains("did you mean 'relu'?"), text.out());
        assertTrue(text.out().contains("layer 'div255' (Lambda)") && text.out().contains("Rescaling"), text.out());
        assertTrue(text.out().contains("layer 'typo' (Denes): layer class 'Denes' is not supported — did you mean 'Dense'?"), text.out());
        Run js = run("inspect", json.toString(), "--json");
        assertEquals(1, js.code());
        var o = com.google.gson.JsonParser.parseString(js.out()).getAsJsonObject();
        assertFalse(o.get("supported").getAsBoolean());
        assertEquals(3, o.getAsJsonArray("problems").size());
        assertEquals("activation", o.getAsJsonArray("problems").get(0).getAsJsonObject().get("key").getAsString());
        assertEquals("2.3.1", o.get("keras_version").getAsString());

        Run ok = run("inspect", GOLDEN.resolve("dense_act_hard_sigmoid").resolve("model.h5").toString(), "--json");
        assertEquals(0, ok.code(), ok.err());
        var m = com.google.gson.JsonParser.parseString(ok.out()).getAsJsonObject();
        assertTrue(m.get("supported").getAsBoolean());
        assertTrue(m.getAsJsonArray("layers").get(0).getAsJsonObject().get("details").getAsString().contains("clip(x/6 + 0.5, 0, 1) (Keras 3 formula)"), ok.out());
    }

    /** Which outputs can carry a timestep mask, decided at load: a column in text, a list per layer in JSON. */
    @Test
    void inspectShowsWhichLayersCarryAMask() {
        Run text = run("inspect", GOLDEN.resolve("masks_explicit").resolve("model.keras").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Mask"), text.out());
        String lstm = text.out().lines().filter(l -> l.strip().startsWith("lstm ")).findFirst().orElseThrow();
        assertTrue(lstm.contains(" yes "), lstm);
        assertTrue(lstm.contains("emb (mask: step_mask)"), lstm);
        String gap = text.out().lines().filter(l -> l.strip().startsWith("gap ")).findFirst().orElseThrow();
        assertFalse(gap.contains(" yes "), gap);

        Run js = run("inspect", GOLDEN.resolve("masks_transformer_one_mask").resolve("model.keras").toString(), "--json");
        assertEquals(0, js.code(), js.err());
        var layers = com.google.gson.JsonParser.parseString(js.out()).getAsJsonObject().getAsJsonArray("layers");
        java.util.Map<String, Boolean> masked = new java.util.HashMap<>();
        for (var l : layers) masked.put(l.getAsJsonObject().get("name").getAsString(), l.getAsJsonObject().getAsJsonArray("mask").get(0).getAsBoolean());
        assertTrue(masked.get("tok"), js.out());
        assertFalse(masked.get("pos"), js.out());
        assertFalse(masked.get("embed"), js.out()); // Keras 3: an unmasked input, so the Add's output has none
        assertFalse(masked.get("block_mha"), js.out());
    }
}
