package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;

/** GetItem keys in the forms a hand-written or older file may hold them, and the refusals that name the node. */
class ShapeOpsImportTest {
    @TempDir
    Path dir;

    /** A Keras 3 functional model: input x of per-sample shape {@code shape}, one op node reading it with {@code args} after x. */
    private Path model(String shape, String cls, String args) {
        String x = "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, " + shape + "], \"dtype\": \"float32\", \"keras_history\": [\"x\", 0, 0]}}";
        String cfg = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"name\": \"x\", \"config\": {\"name\": \"x\", \"batch_shape\": [null, " + shape
                + "]}, \"registered_name\": null, \"inbound_nodes\": []},"
                + "{\"module\": \"keras.src.ops.numpy\", \"class_name\": \"" + cls + "\", \"name\": \"op\", \"config\": {\"name\": \"op\"}, \"registered_name\": \"" + cls
                + "\", \"inbound_nodes\": [{\"args\": [" + x + args + "], \"kwargs\": {}}]}"
                + "], \"input_layers\": [[\"x\", 0, 0]], \"output_layers\": [[\"op\", 0, 0]]}}";
        return Fixtures.write(dir.resolve("m.json"), cfg);
    }

    private KerasModel load(Path json) {
        return KerasModel.load(json, Fixtures.legacyWeights(dir.resolve("w.h5"), Map.of("unused", Fixtures.weights("k", new float[] {0}))));
    }

    @Test
    void aKeyOfOneIntegerIndexesTheBatchAxis() {
        KerasModel m = load(model("3", "GetItem", ", 1"));
        Tensor y = m.predict(Tensor.fromRows(new float[][] {{1, 2, 3}, {4, 5, 6}}))[0];
        assertArrayEquals(new int[] {3}, y.shape().dims(), "x[1]: the second sample");
        assertArrayEquals(new float[] {4, 5, 6}, y.data());
    }

    @Test
    void slicesWithNullBoundsAndEllipsis() {
        String key = ", [{\"class_name\": \"__ellipsis__\", \"config\": {}}, {\"class_name\": \"__slice__\", \"config\": {\"start\": null, \"stop\": 0, \"step\": -2}}]";
        Tensor y = load(model("5", "GetItem", key)).predict(Tensor.fromRows(new float[][] {{1, 2, 3, 4, 5}}))[0];
        assertArrayEquals(new float[] {5, 3}, y.data(), "x[..., :0:-2]");
    }

    @Test
    void aScalarResultIsRefusedNamingTheNode() {
        KerasImportException e = assertThrows(KerasImportException.class, () -> load(model("4", "GetItem", ", [0, 0]")));
        assertTrue(e.getMessage().contains("m.json") && e.getMessage().contains("'op'") && e.getMessage().contains("scalar"), e.getMessage());
    }

    @Test
    void tensorIndicesAndBadBoundsAreRefused() {
        String byTensor = ", [{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 4], \"dtype\": \"int32\", \"keras_history\": [\"x\", 0, 0]}}]";
        KerasImportException e = assertThrows(KerasImportException.class, () -> load(model("4", "GetItem", byTensor)));
        assertTrue(e.getMessage().contains("'op'") && e.getMessage().contains("take"), e.getMessage());
        String badStep = ", [{\"class_name\": \"__slice__\", \"config\": {\"start\": null, \"stop\": null, \"step\": 0}}]";
        e = assertThrows(KerasImportException.class, () -> load(model("4", "GetItem", badStep)));
        assertTrue(e.getMessage().contains("step"), e.getMessage());
    }

    @Test
    void anEinsumWhoseSubscriptsDoNotFitIsRefused() {
        Path json = Fixtures.write(dir.resolve("m.json"), einsum("bij->ji"));
        KerasImportException e = assertThrows(KerasImportException.class, () -> load(json));
        assertTrue(e.getMessage().contains("'op'") && e.getMessage().contains("bij"), e.getMessage());
    }

    private String einsum(String subscripts) {
        String x = "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 3], \"dtype\": \"float32\", \"keras_history\": [\"x\", 0, 0]}}";
        return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"name\": \"x\", \"config\": {\"name\": \"x\", \"batch_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + "{\"module\": \"keras.src.ops.numpy\", \"class_name\": \"Einsum\", \"name\": \"op\", \"config\": {\"name\": \"op\", \"subscripts\": \"" + subscripts
                + "\"}, \"inbound_nodes\": [{\"args\": [" + x + "], \"kwargs\": {}}]}"
                + "], \"input_layers\": [[\"x\", 0, 0]], \"output_layers\": [[\"op\", 0, 0]]}}";
    }
}
