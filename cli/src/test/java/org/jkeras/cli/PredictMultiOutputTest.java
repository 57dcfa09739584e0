package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.io.CsvBatches;
import org.jkeras.io.Npy;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.runtime.Tensor;

/**
 * A model with several outputs writes CSV (the outputs' columns side by side under a header line) and JSONL (one
 * object per sample, keyed by output), to a file or, for CSV, to standard output, a batch at a time.
 */
class PredictMultiOutputTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The case's recorded inputs as .npy files, as {@code --input NAME=FILE} arguments. */
    private List<String> inputs(String caseName, Map<String, Tensor> into) {
        List<String> args = new ArrayList<>();
        for (GoldenFile.Array a : GoldenFile.read(KERAS3.resolve(caseName).resolve("io.h5")).inputs()) {
            Path p = dir.resolve(caseName + "_" + into.size() + ".npy");
            Npy.write(p, a.tensor());
            into.put(a.name(), a.tensor());
            args.add("--input");
            args.add(a.name() + "=" + p);
        }
        return args;
    }

    private static Run predict(Path model, List<String> inputs, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", model.toString()));
        args.addAll(inputs);
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void csvHasAHeaderLineAndEveryOutputsColumnsSideBySide() throws Exception {
        Path model = KERAS3.resolve("dict_inputs_outputs").resolve("model.keras");
        Map<String, Tensor> x = new LinkedHashMap<>();
        List<String> in = inputs("dict_inputs_outputs", x);
        KerasModel m = KerasModel.load(model);
        Map<String, Tensor> y = m.predict(x);
        assertEquals(List.of("logits", "score", "Ωmega"), m.outputKeys());

        Path csv = dir.resolve("y.csv");
        Run r = predict(model, in, "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        // score has one value per sample: its column is named by the key alone
        assertEquals("logits[0],logits[1],score,Ωmega[0],Ωmega[1],Ωmega[2]", lines.get(0));
        assertEquals(1 + 3, lines.size());
        for (int row = 0; row < 3; row++) {
            String[] f = lines.get(1 + row).split(",");
            assertEquals(6, f.length);
            float[] expected = {y.get("logits").data()[2 * row], y.get("logits").data()[2 * row + 1], y.get("score").data()[row],
                y.get("Ωmega").data()[3 * row], y.get("Ωmega").data()[3 * row + 1], y.get("Ωmega").data()[3 * row + 2]};
            for (int j = 0; j < 6; j++) assertEquals(Float.floatToIntBits(expected[j]), Float.floatToIntBits(Float.parseFloat(f[j])), "row " + row + " column " + j);
        }
        // jkeras reads it back: the header is recognised and names the columns
        try (CsvBatches b = CsvBatches.open(csv, 100)) {
            assertEquals(List.of("logits[0]", "logits[1]", "score", "Ωmega[0]", "Ωmega[1]", "Ωmega[2]"), b.header());
            assertEquals(3, b.next().batch());
        }
        // standard output, the default, gets the same CSV
        Run stdout = predict(model, in);
        assertEquals(0, stdout.code(), stdout.err());
        assertEquals(Files.readString(csv), stdout.out());
    }

    @Test
    void jsonlHasOneObjectPerSampleKeyedByOutput() throws Exception {
        Path model = KERAS3.resolve("names_unicode").resolve("model.keras");
        Map<String, Tensor> x = new LinkedHashMap<>();
        List<String> in = inputs("names_unicode", x);
        KerasModel m = KerasModel.load(model);
        Map<String, Tensor> y = m.predict(x);
        Path jsonl = dir.resolve("y.jsonl");
        Run r = predict(model, in, "--output", jsonl.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(3, lines.size());
        for (int row = 0; row < 3; row++) {
            JsonObject o = JsonParser.parseString(lines.get(row)).getAsJsonObject();
            assertEquals(List.of("выход ✓", "第二 出力"), new ArrayList<>(o.keySet()));
            for (String key : m.outputKeys()) {
                Tensor t = y.get(key);
                float[] expected = java.util.Arrays.copyOfRange(t.data(), row * t.rowSize(), (row + 1) * t.rowSize());
                assertArrayEquals(expected, flat(o.get(key)), key + " row " + row);
            }
        }
    }

    /** Batches of any size give the same files; the last batch may be partial. */
    @Test
    void batchesOfAnySizeWriteTheSameFiles() throws Exception {
        Path model = KERAS3.resolve("functional_2in_2out").resolve("model.keras");
        Map<String, Tensor> x = new LinkedHashMap<>();
        List<String> in = inputs("functional_2in_2out", x);
        Map<String, Tensor> y = KerasModel.load(model).predict(x);
        String csv = null, jsonl = null;
        for (String bs : List.of("1", "3", "7", "1024")) {
            Path c = dir.resolve("y" + bs + ".csv"), j = dir.resolve("y" + bs + ".jsonl");
            assertEquals(0, predict(model, in, "--output", c.toString(), "--batch-size", bs).code());
            assertEquals(0, predict(model, in, "--output", j.toString(), "--batch-size", bs).code());
            if (csv == null) {
                csv = Files.readString(c);
                jsonl = Files.readString(j);
            }
            assertEquals(csv, Files.readString(c), "--batch-size " + bs);
            assertEquals(jsonl, Files.readString(j), "--batch-size " + bs);
        }
        List<String> lines = csv.lines().toList();
        assertEquals("cls[0],cls[1],cls[2],reg[0],reg[1]", lines.get(0));
        assertEquals(1 + 7, lines.size(), "one header line");
        assertEquals(Float.toString(y.get("reg").data()[2 * 6 + 1]), lines.get(7).split(",")[4], "the last row's last column");
    }

    @Test
    void npyStillHoldsOneOutput() {
        Path model = KERAS3.resolve("functional_2in_2out").resolve("model.keras");
        List<String> in = inputs("functional_2in_2out", new LinkedHashMap<>());
        Path npy = dir.resolve("y.npy");
        Run r = predict(model, in, "--output", npy.toString());
        assertEquals(1, r.code());
        assertEquals("jkeras: " + npy + ": the model has 2 outputs [cls, reg]; a .npy holds one array: write them to .npz, .json, .jsonl or .csv",
                r.err().strip());
        assertFalse(Files.exists(npy));
        assertTrue(r.out().isEmpty());
    }

    private static float[] flat(JsonElement e) {
        List<Float> values = new ArrayList<>();
        collect(e, values);
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) f[i] = values.get(i);
        return f;
    }

    private static void collect(JsonElement e, List<Float> into) {
        if (e instanceof JsonArray a) for (JsonElement x : a) collect(x, into);
        else into.add(e.getAsFloat());
    }
}
