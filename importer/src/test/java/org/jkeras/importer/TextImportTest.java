package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Tensor;

/**
 * Text models from Keras 3 {@code to_json()} configs: string inputs, the text and lookup layers' configs, and the errors
 * of what jkeras does not run, named by layer and key. Expected ids are worked out by hand from the vocabulary.
 */
class TextImportTest {
    @TempDir
    Path dir;

    private static String input(String name, String shape, String dtype) {
        return "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null" + shape + "], \"dtype\": \"" + dtype + "\", \"name\": \"" + name
                + "\"}, \"name\": \"" + name + "\", \"inbound_nodes\": []}";
    }

    private static String layer(String cls, String name, String config, String... from) {
        StringBuilder args = new StringBuilder();
        for (String f : from) {
            args.append(args.length() == 0 ? "" : ", ").append("{\"class_name\": \"__keras_tensor__\", \"config\": {\"keras_history\": [\"").append(f)
                    .append("\", 0, 0]}}");
        }
        String call = from.length == 1 ? args.toString() : "[" + args + "]";
        return "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"" + name + "\", " + config + "}, \"name\": \"" + name
                + "\", \"inbound_nodes\": [{\"args\": [" + call + "], \"kwargs\": {}}]}";
    }

    private KerasModel load(List<String> inputs, String output, String... layers) {
        StringBuilder b = new StringBuilder("{\"class_name\": \"Functional\", \"keras_version\": \"3.15.1\", \"backend\": \"tensorflow\", "
                + "\"config\": {\"name\": \"m\", \"layers\": [");
        for (int i = 0; i < layers.length; i++) b.append(i > 0 ? ", " : "").append(layers[i]);
        b.append("], \"input_layers\": [");
        for (int i = 0; i < inputs.size(); i++) b.append(i > 0 ? ", " : "").append("[\"").append(inputs.get(i)).append("\", 0, 0]");
        b.append("], \"output_layers\": [[\"").append(output).append("\", 0, 0]]}}");
        Path json = Fixtures.write(dir.resolve("m.json"), b.toString());
        Path weights = dir.resolve("w.h5"); // an empty HDF5 file: none of these layers has weights
        try (io.jhdf.WritableHdfFile h5 = io.jhdf.HdfFile.write(weights)) {
            h5.putAttribute("keras_version", "3.15.1");
        }
        return KerasModel.load(json, weights);
    }

    private KerasModel textVectorization(String config) {
        return load(List.of("text"), "tv", input("text", ", 1", "string"), layer("TextVectorization", "tv", config, "text"));
    }

    private String refused(String config) {
        return assertThrows(KerasImportException.class, () -> textVectorization(config)).getMessage();
    }

    @Test
    void aTextModelTakesStrings() {
        KerasModel m = textVectorization("\"vocabulary\": [\"the\", \"cat\", \"héllo\"], \"output_sequence_length\": 4");
        TensorInfo in = m.inputs().get(0);
        assertEquals("string", in.dtype());
        assertTrue(in.isString() && !m.outputs().get(0).isString());
        assertEquals("int64", m.outputs().get(0).dtype());
        // '' 0, [UNK] 1, the 2, cat 3, héllo 4; 'HÉLLO' lower-cases to 'hÉllo' (ASCII only): unknown
        float[][] y = m.predict(new String[] {"The cat, the CAT!", "héllo HÉLLO x y z", ""});
        assertArrayEquals(new float[] {2, 3, 2, 3}, y[0]);
        assertArrayEquals(new float[] {4, 1, 1, 1}, y[1]);
        assertArrayEquals(new float[] {0, 0, 0, 0}, y[2]);
        assertArrayEquals(y[0], m.predict(new String[][] {{"The cat, the CAT!"}})[0]);
        PredictException numbers = assertThrows(PredictException.class, () -> m.predict(new float[][] {{1}}));
        assertTrue(numbers.getMessage().contains("takes strings"), numbers.getMessage());
        assertThrows(PredictException.class, () -> m.predict(new String[] {"a", null}));
        m.warmUp();
    }

    @Test
    void textVectorizationSettingsJkerasCannotRunAreNamed() {
        String vocab = "\"vocabulary\": [\"a\"], ";
        assertTrue(refused(vocab + "\"standardize\": {\"module\": null, \"class_name\": \"function\", \"config\": \"my_standardize\"}")
                .contains("layer 'tv' (TextVectorization): config key 'standardize': a custom function"), refused(vocab + "\"standardize\": {}"));
        assertTrue(refused(vocab + "\"split\": \"comma\"").contains("config key 'split': 'comma' is not one of Keras' settings"));
        assertTrue(refused(vocab + "\"ragged\": true").contains("config key 'ragged'"));
        assertTrue(refused(vocab + "\"output_mode\": \"one_hot\"").contains("ragged (batch, tokens, depth)"));
        assertTrue(refused(vocab + "\"ngrams\": [0, 2]").contains("config key 'ngrams': widths must be between 1 and 4096"));
        assertTrue(refused(vocab + "\"output_mode\": \"count\", \"output_sequence_length\": 3").contains("config key 'output_sequence_length'"));
        assertTrue(refused("\"output_mode\": \"tf_idf\", \"vocabulary\": [\"a\", \"b\"]").contains("config key 'idf_weights'"));
        String adapted = refused("\"vocabulary\": null");
        assertTrue(adapted.contains("config key 'vocabulary': not in the config") && adapted.contains("assets"), adapted);
        assertTrue(refused("\"vocabulary\": [\"a\", \"b\", \"a\"]").contains("repeats the token 'a'"));
        assertTrue(refused(vocab + "\"max_tokens\": 1, \"pad_to_max_tokens\": true, \"output_mode\": \"count\"").contains("config key 'max_tokens'"));
        assertTrue(refused(vocab + "\"max_tokens\": 2").contains("the vocabulary of 3 exceeds max_tokens 2"));
    }

    @Test
    void noSplitAndTheSpecialTokensAtTheFront() {
        // the vocabulary given with its special tokens ('' and [UNK]) first is taken as the saved one
        KerasModel m = textVectorization("\"split\": null, \"standardize\": null, \"vocabulary\": [\"\", \"[UNK]\", \"New York\", \"Paris\"]");
        assertArrayEquals(new float[] {2, 1, 3, 0}, flat(m.predict(new String[] {"New York", "new york", "Paris", ""})));
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i][0];
        return out;
    }

    @Test
    void aNumericLayerFedStringsIsAnImportError() {
        String m = assertThrows(KerasImportException.class, () -> load(List.of("text"), "d", input("text", ", 1", "string"),
                layer("ReLU", "d", "\"max_value\": null", "text"))).getMessage();
        assertTrue(m.contains("'d' (ReLU) reads the strings of input 'text'"), m);
        String n = assertThrows(KerasImportException.class, () -> load(List.of("ids"), "s", input("ids", ", 1", "int64"),
                layer("StringLookup", "s", "\"vocabulary\": [\"a\"]", "ids"))).getMessage();
        assertTrue(n.contains("'s' (StringLookup) takes strings; input 'ids' gives numbers"), n);
    }

    @Test
    void bucketIdsBeyondFloat32AreRefused() {
        String m = assertThrows(KerasImportException.class, () -> load(List.of("text"), "h", input("text", ", 1", "string"),
                layer("Hashing", "h", "\"num_bins\": 33554432", "text"))).getMessage();
        assertTrue(m.contains("layer 'h' (Hashing): config key 'num_bins'") && m.contains("2^24"), m);
        String c = assertThrows(KerasImportException.class, () -> load(List.of("a", "b"), "x", input("a", ", 1", "string"), input("b", ", 1", "int64"),
                layer("HashedCrossing", "x", "\"num_bins\": 33554432", "a", "b"))).getMessage();
        assertTrue(c.contains("layer 'x' (HashedCrossing): config key 'num_bins'"), c);
        KerasModel crossing = load(List.of("a", "b"), "x", input("a", ", 1", "string"), input("b", ", 1", "int64"),
                layer("HashedCrossing", "x", "\"num_bins\": 16777217", "a", "b"));
        assertEquals("int64", crossing.outputs().get(0).dtype());
    }

    @Test
    void stringLookupInvertGivesStrings() {
        KerasModel m = load(List.of("ids"), "s", input("ids", ", 2", "int64"),
                layer("StringLookup", "s", "\"vocabulary\": [\"a\", \"b\"], \"invert\": true, \"mask_token\": \"<m>\", \"oov_token\": \"?\"", "ids"));
        assertEquals("string", m.outputs().get(0).dtype());
        Tensor y = m.predict(Tensor.ofInts(new int[] {0, 1, 2, 3, 4, 9}, 3, 2))[0];
        assertArrayEquals(new String[] {"<m>", "?", "a", "b", "?", "?"}, y.strings());
        PredictException e = assertThrows(PredictException.class, () -> m.predict(new float[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("strings"), e.getMessage());
    }
}
