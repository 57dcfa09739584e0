package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

import org.jkeras.KerasModel;
import org.jkeras.runtime.kernels.Parallel;

/** {@code inspect}: inputs and outputs with name, key, dtype and shape; shapes as JSON arrays; the kernels that run. */
class InspectTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonObject inspectJson(String caseName) {
        Run r = run("inspect", KERAS3.resolve(caseName).resolve("model.keras").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    /** The InputLayer configs of the case's model.json: Keras' own record of each input's batch_shape and dtype. */
    private static List<JsonObject> inputLayers(String caseName) throws IOException {
        JsonObject model = JsonParser.parseString(Files.readString(KERAS3.resolve(caseName).resolve("model.json"))).getAsJsonObject();
        List<JsonObject> inputs = new ArrayList<>();
        for (JsonElement l : model.getAsJsonObject("config").getAsJsonArray("layers")) {
            if (l.getAsJsonObject().get("class_name").getAsString().equals("InputLayer")) inputs.add(l.getAsJsonObject());
        }
        return inputs;
    }

    private static JsonObject caseJson(String caseName) throws IOException {
        return JsonParser.parseString(Files.readString(KERAS3.resolve(caseName).resolve("case.json"))).getAsJsonObject();
    }

    @Test
    void inputsHaveNameKeyDtypeAndShapeAsArraysWithNullForOpenDims() throws IOException {
        for (String c : List.of("embedding_lstm", "reshape_open_length")) {
            JsonArray inputs = inspectJson(c).getAsJsonArray("inputs");
            List<JsonObject> expected = inputLayers(c);
            assertEquals(expected.size(), inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                JsonObject got = inputs.get(i).getAsJsonObject(), config = expected.get(i).getAsJsonObject("config");
                assertEquals(expected.get(i).get("name").getAsString(), got.get("name").getAsString());
                assertEquals(got.get("name"), got.get("key"));
                assertEquals(config.get("dtype").getAsString(), got.get("dtype").getAsString());
                assertEquals(config.getAsJsonArray("batch_shape"), got.getAsJsonArray("shape"), c); // [null, null, 8]: JSON nulls
            }
        }
        assertEquals(JsonNull.INSTANCE, inspectJson("reshape_open_length").getAsJsonArray("inputs").get(0).getAsJsonObject().getAsJsonArray("shape").get(1));
        assertEquals("int32", inspectJson("embedding_lstm").getAsJsonArray("inputs").get(0).getAsJsonObject().get("dtype").getAsString());
    }

    @Test
    void outputsAndLayersHaveShapesAsArraysKeyedByPosition() throws IOException {
        String c = "repeated_outputs_lstm_state";
        JsonObject o = inspectJson(c), cs = caseJson(c);
        JsonArray outputs = o.getAsJsonArray("outputs");
        assertEquals(3, outputs.size());
        JsonArray expectedShapes = new JsonArray();
        for (int k = 0; k < 3; k++) {
            JsonObject out = outputs.get(k).getAsJsonObject();
            assertEquals(cs.getAsJsonArray("output_names").get(k).getAsString(), out.get("name").getAsString());
            assertEquals("lstm:" + k, out.get("key").getAsString());
            assertEquals("float32", out.get("dtype").getAsString());
            JsonArray shape = cs.getAsJsonArray("output_shapes").get(k).getAsJsonArray().deepCopy();
            shape.set(0, JsonNull.INSTANCE); // the recorded batch of 3 is any batch
            assertEquals(shape, out.getAsJsonArray("shape"));
            expectedShapes.add(shape);
        }
        // one shape per output of a layer: the LSTM returns its sequence output and two states
        JsonObject lstm = o.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals("lstm", lstm.get("name").getAsString());
        assertEquals(expectedShapes, lstm.getAsJsonArray("output_shapes"));
    }

    @Test
    void theKernelsAndThreadsThatRunAreShownInTextAndJson() throws IOException {
        Path model = KERAS3.resolve("embedding_lstm").resolve("model.keras");
        String kernels = KerasModel.load(model).info().kernels();
        JsonObject o = inspectJson("embedding_lstm");
        assertEquals(kernels, o.get("kernels").getAsString());
        assertEquals(Parallel.defaultThreads(), o.get("threads").getAsInt());

        Run text = run("inspect", model.toString());
        assertEquals(0, text.code(), text.err());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.contains("  kernels: " + kernels + "; threads: " + Parallel.defaultThreads()), text.out());
        // each input and output with its dtype and shape, the batch axis open
        JsonObject cs = caseJson("embedding_lstm");
        int at = lines.indexOf("  input  tokens: " + cs.getAsJsonArray("input_dtypes").get(0).getAsString() + " (None, 7)");
        assertTrue(at > 0, text.out());
        assertEquals(List.of("  output out: float32 (None, 3)", "  output lstm_seq: float32 (None, 7, 10)"), lines.subList(at + 1, at + 3));
    }
}
