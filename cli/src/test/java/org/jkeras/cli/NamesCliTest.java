package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.io.JsonArrays;
import org.jkeras.io.Npz;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * The command line on models named in any script and on models whose output names repeat (Keras 3 names outputs by
 * layer): predict's .npz / .json / CSV keys, verify on every golden form save_golden.py writes, inspect's table.
 */
class NamesCliTest {
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

    /** Recorded Keras inputs or predictions of a golden case, from its io.h5, by position with their names. */
    private static Map<String, Tensor> io(String caseName, String group) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (HdfFile h = new HdfFile(GOLDEN.resolve(caseName).resolve("io.h5"))) {
            io.jhdf.api.Group g = (io.jhdf.api.Group) h.getByPath(group);
            for (int i = 0; g.getChild(Integer.toString(i)) != null; i++) {
                Dataset d = h.getDatasetByPath(group + "/" + i);
                out.put(i + ":" + d.getAttribute("name").getData(), new Tensor(Shape.of(d.getDimensions()), (float[]) d.getDataFlat()));
            }
        }
        return out;
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape().dims(), actual.shape().dims());
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            assertEquals(e, actual.data()[i], 1e-5 + 1e-5 * Math.abs(e), "index " + i);
        }
    }

    /** The inputs of a case as an .npz keyed by input name (as a user feeds a model with named inputs). */
    private Path inputs(String caseName) throws Exception {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        io(caseName, "inputs").forEach((k, v) -> byName.put(k.substring(k.indexOf(':') + 1), v));
        Path in = dir.resolve(caseName + "_in.npz");
        try (var s = Files.newOutputStream(in)) {
            Npz.write(s, byName);
        }
        return in;
    }

    @Test
    void outputsSharingANameAreWrittenByPosition() throws Exception {
        String c = "repeated_outputs_shared";
        Path model = GOLDEN.resolve(c).resolve("model.keras"), in = inputs(c);
        List<Tensor> expected = new ArrayList<>(io(c, "outputs").values());
        List<String> keys = List.of("d:0", "t:1", "d:2", "t:3");

        Path npz = dir.resolve("y.npz");
        Run r = run("predict", model.toString(), "--input", in.toString(), "--output", npz.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Tensor> y = Npz.read(npz);
        assertEquals(keys, new ArrayList<>(y.keySet()));
        for (int o = 0; o < keys.size(); o++) assertClose(expected.get(o), y.get(keys.get(o)));

        Path json = dir.resolve("y.json");
        r = run("predict", model.toString(), "--input", in.toString(), "--output", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(keys, new ArrayList<>(o.keySet()));

        r = run("predict", model.toString(), "--input", in.toString());
        assertEquals(0, r.code(), r.err());
        // CSV on standard output: a header line naming each output's columns by key
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            int width = expected.get(k).rowSize();
            for (int i = 0; i < width; i++) columns.add(width == 1 ? keys.get(k) : keys.get(k) + "[" + i + "]");
        }
        assertEquals(String.join(",", columns), r.out().lines().findFirst().orElseThrow());
        assertEquals(1 + expected.get(0).batch(), r.out().lines().count());

        r = run("inspect", model.toString());
        assertTrue(r.out().contains("outputs: [d, t, d, t] (names repeat: keyed by position as [d:0, t:1, d:2, t:3])"), r.out());
    }

    /** The io.h5 names each output (repeating); the .npz keys them by position: verify reads both. */
    @Test
    void verifyTakesEveryGoldenFormOfRepeatedNames() {
        for (String c : List.of("repeated_outputs_lstm_state", "repeated_outputs_shared", "nested_functional_output")) {
            for (String golden : List.of("io.h5", "io.npz")) {
                for (String form : List.of("model.keras", "model.h5", "model.json")) {
                    Run r = run("verify", GOLDEN.resolve(c).resolve(form).toString(), GOLDEN.resolve(c).resolve(golden).toString(), "--json");
                    assertEquals(0, r.code(), c + "/" + form + " vs " + golden + ": " + r.out() + r.err());
                    JsonObject rep = JsonParser.parseString(r.out()).getAsJsonObject();
                    JsonObject layers = rep.getAsJsonObject("layers");
                    assertEquals(0, layers.getAsJsonArray("divergent").size(), r.out());
                    assertEquals(0, layers.getAsJsonArray("not_compared").size(), "every recorded layer output is compared: " + r.out());
                }
            }
        }
        Run r = run("verify", GOLDEN.resolve("repeated_outputs_lstm_state").resolve("model.keras").toString(),
                GOLDEN.resolve("repeated_outputs_lstm_state").resolve("io.h5").toString());
        assertTrue(r.out().contains("output 'lstm:1' (3, 4): PASS") && r.out().contains("several outputs are named 'lstm': matched by their order"), r.out());
    }

    /** A name recorded more often than the model has outputs of that name is refused, naming it. */
    @Test
    void verifyRefusesANameRecordedTooOften() throws Exception {
        String c = "repeated_outputs_shared";
        Map<String, Tensor> out = io(c, "outputs"), in = io(c, "inputs");
        StringBuilder b = new StringBuilder("{\"inputs\": [");
        int i = 0;
        for (var e : in.entrySet()) b.append(i++ > 0 ? ", " : "").append(array(e.getKey().substring(2), e.getValue()));
        b.append("], \"outputs\": [");
        i = 0;
        for (Tensor t : out.values()) b.append(i++ > 0 ? ", " : "").append(array("d", t)); // 'd' four times; the model has two
        Path golden = Files.writeString(dir.resolve("io.json"), b.append("]}").toString());
        Run r = run("verify", GOLDEN.resolve(c).resolve("model.keras").toString(), golden.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("output 'd' is recorded more times than the model has outputs of that name [d:0, t:1, d:2, t:3]"), r.err());
    }

    private static String array(String name, Tensor t) throws java.io.IOException {
        StringWriter w = new StringWriter();
        JsonArrays.writeNamed(new PrintWriter(w), Map.of("x", t));
        String data = JsonParser.parseString(w.toString()).getAsJsonObject().get("x").toString();
        return "{\"name\": \"" + name + "\", \"data\": " + data + "}";
    }

    @Test
    void namesInAnyScriptThroughPredictVerifyAndInspect() throws Exception {
        String c = "names_unicode";
        Path in = inputs(c);
        List<Tensor> expected = new ArrayList<>(io(c, "outputs").values());
        for (String form : List.of("model.keras", "model.h5", "model.json")) {
            Path model = GOLDEN.resolve(c).resolve(form), out = dir.resolve(form + ".npz");
            Run r = run("predict", model.toString(), "--input", in.toString(), "--output", out.toString());
            assertEquals(0, r.code(), r.err());
            Map<String, Tensor> y = Npz.read(out);
            assertEquals(List.of("выход ✓", "第二 出力"), new ArrayList<>(y.keySet()));
            assertClose(expected.get(0), y.get("выход ✓"));
            assertClose(expected.get(1), y.get("第二 出力"));
            try (ZipFile z = new ZipFile(out.toFile())) {
                ZipEntry e = z.getEntry("выход ✓.npy");
                byte[] extra = e.getExtra();
                assertTrue(extra != null && extra[0] == 0x75 && extra[1] == 0x70, "the Unicode path field unzip reads");
            }
            Run v = run("verify", model.toString(), GOLDEN.resolve(c).resolve("io.h5").toString());
            assertEquals(0, v.code(), v.out() + v.err());
            assertTrue(v.out().contains("output 'выход ✓' (3, 4): PASS"), v.out());
        }
        Run r = run("inspect", GOLDEN.resolve(c).resolve("model.h5").toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.contains("InputLayer") || l.contains("Dense") || l.contains("Concatenate")).toList();
        int classColumn = -1;
        for (String row : rows) {
            String[] cls = {"InputLayer", "Dense", "Concatenate"};
            for (String k : cls) {
                int at = row.indexOf("  " + k + " ");
                if (at < 0) continue;
                int col = InspectCommand.width(row.substring(0, at + 2));
                if (classColumn < 0) classColumn = col;
                assertEquals(classColumn, col, "the class column lines up on a terminal: " + row);
            }
        }
        assertTrue(rows.size() >= 10, r.out());
        assertEquals(4, InspectCommand.width("輸入"), "two wide ideographs");
        assertEquals(2, InspectCommand.width("🙂"));
        assertEquals(6, InspectCommand.width("entrée"));
        assertEquals(1, InspectCommand.width("e\u0301"), "a combining accent takes no column");
    }
}
