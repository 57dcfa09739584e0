package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in any script from HDF5 string attributes of every layout: fixed and variable length, labelled ASCII (as
 * Keras writes UTF-8 names) or UTF-8 (as h5py and jHDF write them), chunked past 64 KB.
 */
class Hdf5Test {
    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    @TempDir
    Path dir;

    /** Keras 3's legacy .h5: variable-length strings labelled ASCII holding UTF-8 bytes. */
    @Test
    void variableLengthAsciiLabelledNamesAreUtf8() throws IOException {
        List<String> layers = new ArrayList<>();
        JsonObject model = JsonParser.parseString(Files.readString(GOLDEN.resolve("names_unicode").resolve("model.json"))).getAsJsonObject();
        for (JsonElement l : model.getAsJsonObject("config").getAsJsonArray("layers")) layers.add(l.getAsJsonObject().get("name").getAsString());
        try (HdfFile h = new HdfFile(GOLDEN.resolve("names_unicode").resolve("model.h5"))) {
            Group weights = (Group) h.getChild("model_weights");
            Attribute a = weights.getAttribute("layer_names");
            VariableLength t = assertInstanceOf(VariableLength.class, a.getDataType());
            assertEquals(StandardCharsets.US_ASCII, t.getEncoding(), "the layout this test is about");
            assertEquals(layers, Hdf5.strings(weights, "layer_names"));
            assertTrue(List.of((String[]) a.getData()).contains("entr\uFFFD\uFFFDe"), "jHDF alone decodes each byte of 'é' as U+FFFD");
            assertEquals(List.of("🙂/kernel", "🙂/bias"), Hdf5.strings((Group) weights.getChild("🙂"), "weight_names"));
            assertEquals(List.of(), Hdf5.strings((Group) weights.getChild("Σ"), "weight_names"), "Keras' empty float64 array: no weights");
        }
    }

    /** Keras' fixed-length strings labelled ASCII, split by Keras into weight_names0, weight_names1 past 64 KB. */
    @Test
    void fixedLengthChunkedAsciiLabelledNamesAreUtf8AndJoined() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String layer = i + " слой λ🙂 " + "-".repeat(4500); // as testmodels/tools/gen_names.py names them
            expected.add(layer + "/kernel");
            expected.add(layer + "/bias");
        }
        try (HdfFile h = new HdfFile(GOLDEN.resolve("names_long_chunked").resolve("model.h5"))) {
            Group g = (Group) h.getByPath("model_weights/長い名前のモデル");
            assertNull(g.getAttribute("weight_names"));
            StringData t = assertInstanceOf(StringData.class, g.getAttribute("weight_names0").getDataType());
            assertEquals(StandardCharsets.US_ASCII, t.getCharset(), "the layout this test is about");
            assertEquals(expected, Hdf5.strings(g, "weight_names"));
            assertNull(Hdf5.strings(g, "no_such_names"));
        }
    }

    /** h5py's str attributes (save_golden.py's io.h5): variable-length UTF-8. */
    @Test
    void variableLengthUtf8Names() throws IOException {
        JsonObject c = JsonParser.parseString(Files.readString(GOLDEN.resolve("names_unicode").resolve("case.json"))).getAsJsonObject();
        List<String> inputs = new ArrayList<>();
        c.getAsJsonArray("input_names").forEach(e -> inputs.add(e.getAsString()));
        try (HdfFile h = new HdfFile(GOLDEN.resolve("names_unicode").resolve("io.h5"))) {
            VariableLength t = assertInstanceOf(VariableLength.class, h.getAttribute("input_names").getDataType());
            assertEquals(StandardCharsets.UTF_8, t.getEncoding());
            assertEquals(inputs, Hdf5.strings(h, "input_names"));
            assertEquals("Σ", Hdf5.string(h.getByPath("activations/Σ"), "name"));
        }
    }

    /** jHDF's writer: fixed-length UTF-8, one string or an array. */
    @Test
    void fixedLengthUtf8Names() {
        Path file = dir.resolve("names.h5");
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putAttribute("names", new String[] {"λ", "🙂 x", "plain"});
            w.putAttribute("one", "entrée");
        }
        try (HdfFile h = new HdfFile(file)) {
            StringData t = assertInstanceOf(StringData.class, h.getAttribute("names").getDataType());
            assertEquals(StandardCharsets.UTF_8, t.getCharset());
            assertEquals(List.of("λ", "🙂 x", "plain"), Hdf5.strings(h, "names"));
            assertEquals("entrée", Hdf5.string(h, "one"));
            assertNull(Hdf5.string(h, "missing"));
        }
    }
}
