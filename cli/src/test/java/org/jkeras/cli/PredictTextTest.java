package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

import org.jkeras.io.Npy;
import org.jkeras.runtime.Tensor;

/**
 * {@code jkeras predict} on raw strings: a text model's recorded inputs (non-ASCII, empty, with commas, quotes and line
 * breaks) as CSV, JSONL, JSON and unicode .npy give Keras' recorded predictions; strings a model makes are written.
 */
class PredictTextTest {
    @TempDir
    Path dir;

    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The recorded strings of input 0 and floats of output 0 of a case. */
    private static String[] texts(String caseName) {
        try (HdfFile h = new HdfFile(KERAS3.resolve(caseName).resolve("io.h5"))) {
            return (String[]) h.getDatasetByPath("inputs/0").getDataFlat();
        }
    }

    private static float[] expected(String caseName) {
        try (HdfFile h = new HdfFile(KERAS3.resolve(caseName).resolve("io.h5"))) {
            return (float[]) h.getDatasetByPath("outputs/0").getDataFlat();
        }
    }

    /** RFC 4180 written by hand: every field quoted, quotes doubled. */
    private Path csv(String header, String[] texts) throws Exception {
        StringBuilder b = new StringBuilder(header == null ? "" : header + "\r\n");
        for (String t : texts) b.append('"').append(t.replace("\"", "\"\"")).append("\"\r\n");
        return Files.writeString(dir.resolve("texts.csv"), b, StandardCharsets.UTF_8);
    }

    private static void assertMatches(float[] want, String csvOut) {
        String[] lines = csvOut.strip().split("\n");
        assertEquals(want.length / 3, lines.length, "one output row per text");
        for (int r = 0; r < lines.length; r++) {
            String[] f = lines[r].split(",");
            for (int j = 0; j < 3; j++) {
                float e = want[r * 3 + j], a = f[j].equals("nan") ? Float.NaN : Float.parseFloat(f[j]);
                assertTrue(Float.isNaN(e) ? Float.isNaN(a) : Math.abs(a - e) <= 1e-5 + 1e-5 * Math.abs(e), "row " + r + ": " + a + " vs Keras " + e);
            }
        }
    }

    @Test
    void textsFromCsvJsonlJsonAndNpyGiveKerasPredictions() throws Exception {
        String model = KERAS3.resolve("text_classifier").resolve("model.keras").toString();
        String[] texts = texts("text_classifier");
        assertTrue(List.of(texts).contains("") && List.of(texts).stream().anyMatch(t -> t.contains("\n")), "the recorded texts hold an empty one and line breaks");
        float[] want = expected("text_classifier");

        Run named = run("predict", model, "--input", csv("text", texts).toString()); // a header naming the input
        assertEquals(0, named.code(), named.err());
        assertMatches(want, named.out());
        assertTrue(named.err().isEmpty(), named.err());

        Run bare = run("predict", model, "--input", csv(null, texts).toString(), "--batch-size", "5");
        assertEquals(0, bare.code(), bare.err());
        assertMatches(want, bare.out());
        assertTrue(bare.err().contains("is read as a sample") && bare.err().contains("--header yes"), bare.err());

        StringBuilder jsonl = new StringBuilder();
        JsonArray all = new JsonArray();
        for (int i = 0; i < texts.length; i++) {
            JsonArray row = new JsonArray();
            row.add(texts[i]);
            all.add(row);
            jsonl.append(i % 2 == 0 ? row.toString() : "[" + new JsonPrimitive(texts[i]) + "]").append('\n');
        }
        Run lines = run("predict", model, "--input", Files.writeString(dir.resolve("t.jsonl"), jsonl).toString());
        assertEquals(0, lines.code(), lines.err());
        assertMatches(want, lines.out());
        Run json = run("predict", model, "--input", Files.writeString(dir.resolve("t.json"), all.toString()).toString());
        assertEquals(0, json.code(), json.err());
        assertMatches(want, json.out());

        Path npy = dir.resolve("t.npy");
        Npy.write(npy, Tensor.ofStrings(texts, texts.length)); // '<U…' of shape (n,): one text per sample
        Run fromNpy = run("predict", model, "--input", npy.toString());
        assertEquals(0, fromNpy.code(), fromNpy.err());
        assertMatches(want, fromNpy.out());
    }

    @Test
    void stringsAndNumbersGoOnlyWhereTheyFit() throws Exception {
        Path npy = dir.resolve("t.npy");
        Npy.write(npy, Tensor.ofStrings(new String[] {"a", "b"}, 2, 1));
        Run numeric = run("predict", KERAS3.resolve("dense_act_relu").resolve("model.keras").toString(), "--input", npy.toString());
        assertEquals(1, numeric.code());
        assertTrue(numeric.err().contains("takes numbers (dtype float32); the file holds strings"), numeric.err());
        Path nums = dir.resolve("n.npy");
        Npy.write(nums, Tensor.of(new float[] {1, 2}, 2, 1));
        Run text = run("predict", KERAS3.resolve("text_classifier").resolve("model.keras").toString(), "--input", nums.toString());
        assertEquals(1, text.code());
        assertTrue(text.err().contains("input 'text' takes strings (dtype string); the file holds numbers"), text.err());
        Run ragged = run("predict", KERAS3.resolve("text_classifier").resolve("model.keras").toString(), "--input",
                Files.writeString(dir.resolve("bad.csv"), "text\nfine\nnot, quoted\n").toString());
        assertEquals(1, ragged.code());
        assertTrue(ragged.err().contains("bad.csv line 3: 2 fields, expected 1") && ragged.err().contains("double quotes"), ragged.err());
    }

    @Test
    void stringOutputsAreWrittenInEveryFormat() throws Exception {
        // StringLookup(invert=True) outputs: as CSV fields, JSON strings and a '<U…' array
        String model = KERAS3.resolve("string_lookup").resolve("model.keras").toString();
        Path words = Files.writeString(dir.resolve("w.csv"), "cat,dog,\"\",zebra\n", StandardCharsets.UTF_8);
        Run jsonl = run("predict", model, "--input", words.toString(), "-o", dir.resolve("y.jsonl").toString());
        assertEquals(0, jsonl.code(), jsonl.err());
        var row = JsonParser.parseString(Files.readString(dir.resolve("y.jsonl"))).getAsJsonObject();
        // 'plain' gives ids 1, 2, 0, 0 (OOV 0); back with mask '<pad>' at 0, OOV '??' at 1, the vocabulary from 2
        assertEquals("[\"??\",\"cat\",\"<pad>\",\"<pad>\"]", row.get("invert_masked").toString());
        Run npz = run("predict", model, "--input", words.toString(), "-o", dir.resolve("y.npz").toString());
        assertEquals(0, npz.code(), npz.err());
        Tensor fromNpz = org.jkeras.io.Npz.read(dir.resolve("y.npz")).get("invert_masked"); // written as '<U…'
        assertArrayEquals(new String[] {"??", "cat", "<pad>", "<pad>"}, fromNpz.strings());
        Run csv = run("predict", model, "--input", words.toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().contains(",??,cat,<pad>,<pad>,"), csv.out());
    }
}
