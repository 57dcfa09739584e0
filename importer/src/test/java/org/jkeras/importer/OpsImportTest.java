package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.UnsupportedModelException;

/** Keras 3 op nodes at import: every unsupported op and layer reported at once, suggestions within the family only. */
class OpsImportTest {
    @TempDir
    Path dir;

    private static String tensor(String from) {
        return "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 6], \"dtype\": \"float32\", \"keras_history\": [\"" + from + "\", 0, 0]}}";
    }

    /** A node of module {@code module} (null: a layer) reading {@code args}, with {@code config} entries. */
    private static String node(String module, String cls, String name, String config, String... args) {
        return "{\"module\": " + (module == null ? "\"keras.layers\"" : "\"" + module + "\"") + ", \"class_name\": \"" + cls + "\", \"config\": {\"name\": \""
                + name + "\"" + (module == null ? ", \"trainable\": true" : "") + (config.isEmpty() ? "" : ", " + config) + "}, \"registered_name\": \""
                + cls + "\", \"name\": \"" + name + "\", \"inbound_nodes\": [{\"args\": [" + String.join(", ", args) + "], \"kwargs\": {}}]}";
    }

    private Path model(String... nodes) {
        String input = "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 6], \"dtype\": \"float32\","
                + " \"name\": \"x\"}, \"registered_name\": null, \"name\": \"x\", \"inbound_nodes\": []}";
        String last = nodes[nodes.length - 1].replaceAll("(?s).*\"name\": \"([^\"]+)\", \"inbound_nodes\".*", "$1");
        String cfg = "{\"module\": \"keras.src.models.functional\", \"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"trainable\": true,"
                + " \"layers\": [" + input + ", " + String.join(", ", nodes) + "], \"input_layers\": [[\"x\", 0, 0]], \"output_layers\": [[\"" + last
                + "\", 0, 0]]}, \"registered_name\": \"Functional\"}";
        // op nodes hold no weights; the file holds one unrelated entry (HDF5 attributes cannot be empty lists)
        Fixtures.legacyWeights(dir.resolve("model.weights.h5"), java.util.Map.of("unused", Fixtures.weights("unused/w:0", new float[] {0})));
        return Fixtures.write(dir.resolve("model.json"), cfg);
    }

    private UnsupportedModelException refused(Path json) {
        return assertThrows(UnsupportedModelException.class, () -> KerasModel.load(json));
    }

    @Test
    void everyUnsupportedOpAndLayerIsListedWithoutCrossFamilySuggestions() {
        Path json = model(
                node("keras.src.ops.numpy", "Sort", "sort", "", tensor("x")),
                node("keras.src.ops.math", "Erf", "erf", "", tensor("sort")),
                node("keras.src.ops.numpy", "ArgMax", "argmax", "\"axis\": -1, \"keepdims\": true", tensor("erf")),
                node(null, "Frobnicate", "frob", "", tensor("argmax")),
                node("keras.src.ops.numpy", "Sum", "sum", "\"axis\": 1, \"keepdims\": true", tensor("frob")),
                node("keras.src.ops.numpy", "Cumsum", "cumsum", "\"axis\": -1", tensor("sum")));
        UnsupportedModelException e = refused(json);
        String m = e.getMessage();
        assertEquals(5, e.problems().size(), m);
        assertTrue(m.contains("op 'Sort' (keras.src.ops.numpy) is not supported"), m);
        assertTrue(m.contains("op 'Erf' (keras.src.ops.math) is not supported"), m);
        assertTrue(m.contains("op 'Cumsum' (keras.src.ops.numpy) is not supported"), m);
        assertTrue(m.contains("layer class 'Frobnicate' is not supported"), m);
        assertTrue(m.contains("did you mean 'Argmax'?"), "a difference of case is suggested: " + m);
        assertFalse(m.contains("'Sqrt'") || m.contains("'Elu'") || m.contains("'Sum'?"), "no far-fetched op suggestions: " + m);
        assertTrue(m.contains("supported ops (keras.ops): ") && m.contains("Logsumexp") && m.contains("supported layer classes: "), m);
    }

    @Test
    void suggestionsAreCloseEnough() {
        List<String> layers = List.of("LSTM", "Dot", "Dense", "Conv2D");
        assertNull(Suggest.closest("Sum", layers));
        assertNull(Suggest.closest("Log", layers));
        assertEquals("Dense", Suggest.closest("Denes", layers));
        assertEquals("LSTM", Suggest.closest("LTSM", layers));
        assertEquals("Conv2D", Suggest.closest("Conv2d", layers));
        List<String> ops = List.of("Sqrt", "Elu", "Argmax", "Logsumexp", "Sum");
        assertNull(Suggest.closestOp("Sort", ops));
        assertNull(Suggest.closestOp("Erf", ops));
        assertNull(Suggest.closestOp("Cumsum", ops));
        assertEquals("Argmax", Suggest.closestOp("ArgMax", ops));
        assertEquals("Logsumexp", Suggest.closestOp("LogSumExp", ops));
        assertEquals("Logsumexp", Suggest.closestOp("Logsumexpp", ops));
    }

    @Test
    void whereWithOneArgumentIsRefusedClearly() {
        Path json = model(node("keras.src.ops.numpy", "Where", "where", "", tensor("x")));
        KerasImportException e = assertThrows(KerasImportException.class, () -> KerasModel.load(json));
        assertTrue(e.getMessage().contains("where") && e.getMessage().contains("where(condition) with one argument"), e.getMessage());
        Path nulls = model(node("keras.src.ops.numpy", "Where", "where", "", tensor("x"), "null", "null")); // as Keras saves ops.where(x)
        e = assertThrows(KerasImportException.class, () -> KerasModel.load(nulls));
        assertTrue(e.getMessage().contains("where(condition) with one argument"), e.getMessage());
    }

    @Test
    void anOpsDtypeIsItsResultsNotAPolicy() {
        Path json = model(node("keras.src.ops.core", "Cast", "cast", "\"dtype\": \"int32\"", tensor("x")));
        KerasModel m = KerasModel.load(json);
        assertTrue(m.info().notes().stream().noneMatch(n -> n.contains("dtype policy")), m.info().notes().toString());
        assertEquals(-2f, m.predict(new float[][] {{-2.7f, 0, 0, 0, 0, 0}})[0][0]);
    }

    @Test
    void aReductionOverTheBatchAxisMixesTheSamples() {
        Path json = model(node("keras.src.ops.numpy", "Sum", "sum", "\"axis\": [0, 1], \"keepdims\": true", tensor("x")),
                node("keras.src.ops.numpy", "Subtract", "subtract", "", tensor("x"), tensor("sum")));
        KerasModel m = KerasModel.load(json);
        float[][] y = m.predict(new float[][] {{1, 2, 3, 4, 5, 6}, {0, 0, 0, 0, 0, 3}});
        // the sum over everything is 24; each value minus 24
        assertEquals(1 - 24f, y[0][0]);
        assertEquals(3 - 24f, y[1][5]);
    }
}
