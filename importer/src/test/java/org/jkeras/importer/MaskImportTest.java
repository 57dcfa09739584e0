package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masks in model configs: a {@code mask} passed in a call (Keras 3 records it for a layer called on one tensor)
 * becomes the node's explicit mask, not an input of the layer; the merge rule follows the file's Keras version.
 */
class MaskImportTest {
    @TempDir
    Path dir;

    static String tensor(String layer) {
        return "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 3], \"dtype\": \"float32\", \"keras_history\": [\"" + layer + "\", 0, 0]}}";
    }

    static String input(String name, String shape) {
        return "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name
                + "\", \"batch_shape\": " + shape + "}, \"registered_name\": null, \"inbound_nodes\": []}";
    }

    static String layer(String cls, String name, String config, String args, String kwargs) {
        return "{\"module\": \"keras.layers\", \"class_name\": \"" + cls + "\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name
                + "\", \"trainable\": true" + config + "}, \"registered_name\": null, \"inbound_nodes\": [{\"args\": [" + args + "], \"kwargs\": {" + kwargs + "}}]}";
    }

    static String functional(String version, String inputs, String outputs, String... layers) {
        return "{\"class_name\": \"Functional\", \"keras_version\": \"" + version + "\", \"backend\": \"tensorflow\", \"config\": {\"name\": \"m\", \"layers\": ["
                + String.join(", ", layers) + "], \"input_layers\": " + inputs + ", \"output_layers\": " + outputs + "}}";
    }

    KerasModel load(String json) {
        Path weights = Fixtures.legacyWeights(dir.resolve("w.h5"), Map.of("unused", Fixtures.weights("k", new float[] {0})));
        return KerasModel.load(Fixtures.write(dir.resolve("m.json"), json), weights);
    }

    static Model.Node node(KerasModel m, String name) {
        return m.graph().nodes().stream().filter(n -> n.layer().name().equals(name)).findFirst().orElseThrow();
    }

    /** x (3 steps, 2 features); m a (3,) 0/1 input given as the pooling's mask; the second pooling records mask=None. */
    @Test
    void aMaskPassedInTheCallIsTheLayersMask() {
        KerasModel m = load(functional("3.15.1", "[[\"x\", 0, 0], [\"m\", 0, 0]]", "[[\"gap\", 0, 0], [\"plain\", 0, 0]]",
                input("x", "[null, 3, 2]"), input("m", "[null, 3]"),
                layer("GlobalAveragePooling1D", "gap", "", tensor("x"), "\"mask\": " + tensor("m")),
                layer("GlobalAveragePooling1D", "plain", "", tensor("x"), "\"mask\": null")));
        Model.Node gap = node(m, "gap");
        assertArrayEquals(new int[] {0}, gap.inputs());
        assertArrayEquals(new int[] {1}, gap.masks());
        assertFalse(node(m, "plain").hasExplicitMasks());
        float[] x = {1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6};
        Tensor[] out = m.predict(Tensor.of(x, 2, 3, 2), Tensor.of(new float[] {1, 0, 1, 0, 0, 1}, 2, 3));
        assertArrayEquals(new float[] {(1 + 5) / 2f, (2 + 6) / 2f, -5, -6}, out[0].data());
        assertArrayEquals(new float[] {3, 4, -3, -4}, out[1].data());
    }

    @Test
    void aMaskThatIsNotATensorIsRefusedNamingTheLayer() {
        KerasImportException e = assertThrows(KerasImportException.class, () -> load(functional("3.15.1", "[[\"x\", 0, 0]]", "[[\"gap\", 0, 0]]",
                input("x", "[null, 3, 2]"), layer("GlobalAveragePooling1D", "gap", "", tensor("x"), "\"mask\": [true, false, true]"))));
        assertTrue(e.getMessage().contains("'gap'") && e.getMessage().contains("mask"), e.getMessage());
    }

    /** Masking(x) + y: Keras 2 (tf.keras) ANDs the masks present, so the sum is masked; Keras 3 gives it none. */
    @Test
    void theMergeRuleFollowsTheKerasVersion() {
        for (String version : new String[] {"2.15.0", "3.15.1"}) {
            KerasModel m = load(functional(version, "[[\"x\", 0, 0], [\"y\", 0, 0]]", "[[\"sum\", 0, 0]]",
                    input("x", "[null, 3, 2]"), input("y", "[null, 3, 2]"),
                    layer("Masking", "masking", ", \"mask_value\": 0.0", tensor("x"), ""),
                    layer("Add", "sum", "", "[" + tensor("masking") + ", " + tensor("y") + "]", "")));
            assertEquals(version.startsWith("2"), m.graph().canCarryMask(node(m, "sum").output()), version);
            assertTrue(m.graph().canCarryMask(node(m, "masking").output()), version);
        }
    }
}
