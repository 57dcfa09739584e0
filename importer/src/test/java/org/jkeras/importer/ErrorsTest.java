package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.UnsupportedModelException;
import org.jkeras.activations.UnknownActivationException;
import org.jkeras.runtime.layers.Identity;

/** Bad input fails with one clear KerasImportException naming file, layer, class and key. */
class ErrorsTest {
    @TempDir
    Path dir;

    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    private Path weights(String layer, int in, int units) {
        return Fixtures.legacyWeights(dir.resolve("w.h5"), Map.of(layer,
                Fixtures.weights(layer + "/kernel:0", Fixtures.matrix(in, units, 1), layer + "/bias:0", Fixtures.vector(units, 2))));
    }

    private KerasImportException fails(String config, Path weights) {
        Path json = Fixtures.write(dir.resolve("model.json"), config);
        return assertThrows(KerasImportException.class, () -> KerasModel.load(json, weights));
    }

    @Test
    void missingConfigKeyNamesFileLayerClassAndKey() {
        String cfg = Fixtures.sequential("2.3.1", 3, "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_3\", \"activation\": \"relu\"}}");
        KerasImportException e = fails(cfg, weights("dense_3", 3, 2));
        assertTrue(e.getMessage().contains("model.json: layer 'dense_3' (Dense): missing config key 'units' (or output_dim)"), e.getMessage());
    }

    @Test
    void everyUnsupportedPartIsListedAtOnce() {
        String cfg = Fixtures.sequential("2.3.1", 3,
                Fixtures.dense("d", 2, "relu"),
                Fixtures.layer("Frobnicate", "frob_1", ""),
                Fixtures.layer("Activation", "act", "\"activation\": \"not_an_activation\""),
                Fixtures.layer("Lambda", "scale_by_255", "\"function\": [\"4wEAAAAAAAAA\", null, null]"),
                Fixtures.layer("Frobnicate", "frob_2", ""));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> KerasModel.load(Fixtures.write(dir.resolve("model.json"), cfg), weights("d", 3, 2)));
        String m = e.getMessage();
        assertTrue(m.contains("layer 'frob_1' (Frobnicate): layer class 'Frobnicate' is not supported"), m);
        assertTrue(m.contains("layer 'frob_2' (Frobnicate)"), m);
        assertTrue(m.contains("layer 'act' (Activation): config key 'activation': unknown activation 'not_an_activation'"), m);
        assertTrue(m.contains("hard_sigmoid"), "lists the supported activations: " + m);
        assertTrue(m.contains("layer 'scale_by_255' (Lambda)") && m.contains("register"), m);
        assertTrue(m.contains("supported layer classes: ") && m.contains("Dense"), m);
        assertEquals(4, e.problems().size(), e.problems().toString());
    }

    /** An error made from another exception keeps it as its cause: the stack trace behind the one-line message. */
    @Test
    void mapperErrorsKeepTheirCause() {
        // the runtime layer refuses the config: its IllegalArgumentException
        String permute = Fixtures.sequential("2.3.1", 3, Fixtures.layer("Permute", "perm", "\"dims\": [1, 1]"));
        KerasImportException e = fails(permute, weights("unused", 1, 1));
        assertTrue(e.getMessage().contains("layer 'perm' (Permute)"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), "cause");
        assertTrue(e.getMessage().endsWith(e.getCause().getMessage()), e.getMessage());

        // a config value out of the mapper's range: the ArithmeticException, through Config.error(key, message, cause)
        String hashing = Fixtures.sequential("2.3.1", 3, Fixtures.layer("Hashing", "hash", "\"num_bins\": 4, \"salt\": 1e30"));
        e = fails(hashing, weights("unused", 1, 1));
        assertTrue(e.getMessage().contains("layer 'hash' (Hashing): config key 'salt': expected an int64"), e.getMessage());
        assertInstanceOf(ArithmeticException.class, e.getCause(), "cause");

        // a config value that does not parse: the NumberFormatException
        String functional = "{\"class_name\": \"Functional\", \"keras_version\": \"2.3.1\", \"config\": {\"name\": \"g\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"x\", \"config\": {\"name\": \"x\", \"batch_input_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Activation\", \"name\": \"a\", \"config\": {\"name\": \"a\", \"activation\": \"relu\"}, \"inbound_nodes\": [[[\"x\", \"first\", 0, {}]]]}"
                + "], \"input_layers\": [[\"x\", 0, 0]], \"output_layers\": [[\"a\", 0, 0]]}}";
        e = fails(functional, weights("unused", 1, 1));
        assertTrue(e.getMessage().contains("expected [layer_name, node_index, tensor_index]"), e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause(), "cause");

        // problems listed together keep the errors they were read from, as suppressed exceptions
        String unknown = Fixtures.sequential("2.3.1", 3, Fixtures.layer("Activation", "act", "\"activation\": \"not_an_activation\""));
        UnsupportedModelException u = assertThrows(UnsupportedModelException.class,
                () -> KerasModel.load(Fixtures.write(dir.resolve("model.json"), unknown), weights("unused", 1, 1)));
        assertEquals(1, u.getSuppressed().length, java.util.Arrays.toString(u.getSuppressed()));
        assertInstanceOf(UnknownActivationException.class, u.getSuppressed()[0].getCause(), "cause");
    }

    @Test
    void aLambdaRunsOnceRegisteredUnderItsName() {
        String cfg = Fixtures.sequential("2.3.1", 3, Fixtures.dense("d", 2, "linear"), Fixtures.layer("Lambda", "passthrough", ""));
        Path json = Fixtures.write(dir.resolve("model.json"), cfg);
        KerasModel m = KerasModel.loader().register("passthrough", ctx -> new Identity(ctx.name(), "Lambda")).load(json, weights("d", 3, 2));
        assertEquals(java.util.List.of("passthrough"), m.outputNames());
        assertEquals(1, m.predict(new float[][] {{1, 2, 3}}).length);
    }

    @Test
    void weightShapeMismatchNamesTheWeight() {
        String cfg = Fixtures.sequential("2.3.1", 3, Fixtures.dense("d", 5, "relu"));
        KerasImportException e = fails(cfg, weights("d", 3, 2));
        assertTrue(e.getMessage().contains("layer 'd' (Dense): weight '/d/d/kernel:0' (kernel) has shape [3, 2], the config implies [3, 5]"), e.getMessage());
    }

    @Test
    void danglingInboundNodeAndCycleAreReported() {
        String cfg = "{\"class_name\": \"Functional\", \"keras_version\": \"2.3.1\", \"config\": {\"name\": \"g\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"x\", \"config\": {\"name\": \"x\", \"batch_input_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Activation\", \"name\": \"a\", \"config\": {\"name\": \"a\", \"activation\": \"relu\"}, \"inbound_nodes\": [[[\"b\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Activation\", \"name\": \"b\", \"config\": {\"name\": \"b\", \"activation\": \"relu\"}, \"inbound_nodes\": [[[\"a\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Activation\", \"name\": \"c\", \"config\": {\"name\": \"c\", \"activation\": \"relu\"}, \"inbound_nodes\": [[[\"ghost\", 0, 0, {}]]]}"
                + "], \"input_layers\": [[\"x\", 0, 0]], \"output_layers\": [[\"c\", 0, 0]]}}";
        KerasImportException e = fails(cfg, weights("unused", 1, 1));
        assertTrue(e.getMessage().contains("layer 'c' (Activation) reads ['ghost', 0, 0], which names no layer"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 'a' (Activation) reads ['b', 0, 0], which is never computed (a cycle in the graph)"), e.getMessage());
    }

    @Test
    void duplicateLayerNames() {
        String cfg = Fixtures.sequential("2.3.1", 3, Fixtures.dense("d", 3, "relu"), Fixtures.dense("d", 3, "relu"));
        assertTrue(fails(cfg, weights("d", 3, 3)).getMessage().contains("two layers are named 'd'"));
    }

    @Test
    void weightsOnlyFileAloneSaysWhatIsMissing() {
        Path h5 = weights("d", 3, 2);
        KerasImportException e = assertThrows(KerasImportException.class, () -> KerasModel.load(h5));
        assertTrue(e.getMessage().contains("holds no model_config") && e.getMessage().contains("to_json"), e.getMessage());
    }

    @Test
    void jsonWithoutWeightsBesideItNamesWhatWasTried() {
        Path json = Fixtures.write(dir.resolve("lonely.json"), Fixtures.sequential("2.3.1", 3, Fixtures.dense("d", 2, "relu")));
        KerasImportException e = assertThrows(KerasImportException.class, () -> KerasModel.load(json));
        assertTrue(e.getMessage().contains("lonely.weights.h5") && e.getMessage().contains("lonely_weights.h5"), e.getMessage());
    }

    @Test
    void notAKerasFileAndMalformedJson() throws IOException {
        Path txt = Files.writeString(dir.resolve("model.h5"), "hello");
        assertTrue(assertThrows(KerasImportException.class, () -> KerasModel.load(txt)).getMessage().contains("not a Keras file"));
        Path empty = Files.write(dir.resolve("empty.keras"), new byte[0]);
        assertTrue(assertThrows(KerasImportException.class, () -> KerasModel.load(empty)).getMessage().contains("empty"));
        Path bad = Fixtures.write(dir.resolve("bad.json"), "{\"class_name\": \"Sequential\", \"config\": [");
        KerasImportException e = assertThrows(KerasImportException.class, () -> KerasModel.load(bad, weights("d", 3, 2)));
        assertTrue(e.getMessage().startsWith(bad.toString() + ": malformed JSON"), e.getMessage());
        Path missing = dir.resolve("nope.keras");
        assertTrue(assertThrows(KerasImportException.class, () -> KerasModel.load(missing)).getMessage().contains("no such file"));
    }

    /** A cut file either fails with a KerasImportException naming it, or (cut in unused tail space) predicts as the whole one. */
    @Test
    void truncatedFilesOfEveryFormFailCleanly() throws IOException {
        Path caseDir = GOLDEN.resolve("mlp_784_256_128_10");
        Path cfg = caseDir.resolve("model.json");
        float[][] x = new float[2][784];
        for (int i = 0; i < 784; i++) x[1][i] = (i % 17) / 17f;
        int failures = 0;
        for (String name : new String[] {"model.h5", "model.keras", "model.weights.h5"}) {
            byte[] all = Files.readAllBytes(caseDir.resolve(name));
            float[][] whole = (name.equals("model.weights.h5") ? KerasModel.load(cfg, caseDir.resolve(name)) : KerasModel.load(caseDir.resolve(name))).predict(x);
            for (int cut : new int[] {0, 8, 100, 2048, all.length / 3, all.length / 2, all.length - 4096, all.length - 10}) {
                Path t = Files.write(dir.resolve("cut_" + cut + "_" + name), java.util.Arrays.copyOf(all, cut));
                try {
                    KerasModel m = name.equals("model.weights.h5") ? KerasModel.load(cfg, t) : KerasModel.load(t);
                    float[][] y = m.predict(x);
                    for (int r = 0; r < y.length; r++) org.junit.jupiter.api.Assertions.assertArrayEquals(whole[r], y[r], name + " cut at " + cut + " loaded but predicts differently");
                } catch (KerasImportException e) {
                    failures++;
                    assertTrue(e.getMessage().contains(t.getFileName().toString()), name + " cut at " + cut + ": " + e.getMessage());
                }
            }
        }
        assertTrue(failures >= 18, "most cuts must fail, " + failures + " did");
    }

    @Test
    void zipEntriesOutsideTheArchiveAreRejected() throws IOException {
        Path z = dir.resolve("evil.keras");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new java.util.zip.ZipEntry("../config.json"));
            out.write("{}".getBytes());
            out.closeEntry();
        }
        assertTrue(assertThrows(KerasImportException.class, () -> KerasModel.load(z)).getMessage().contains("outside the archive"));
    }
}
