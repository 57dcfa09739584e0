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

import org.jkeras.cli.io.Csv;
import org.jkeras.cli.io.JsonArrays;
import org.jkeras.cli.io.Npy;
import org.jkeras.cli.io.Npz;
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

        Run unsupported = run("inspect", GOLDEN.resolve("bidirectional").resolve("model.h5").toString());
        assertNotEquals(0, unsupported.code());
        assertTrue(unsupported.err().contains("Bidirectional") || unsupported.err().contains("LSTM"), unsupported.err());

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
}
