package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;

/**
 * How configs number the calls of a model used as a layer, checked against formulas. tf.keras / Keras 2 count a
 * nested model's calls from 1 everywhere ({@code get_network_config} starts {@code kept_nodes} at 1 for a graph
 * network, whose node 0 is its own construction); Keras 3 does so in {@code output_layers} only, for a Functional
 * model (the golden cases {@code nested_functional_output} and {@code nested_calls_by_number} hold real Keras 3 files).
 */
class NestedCallsTest {
    @TempDir
    Path dir;

    private static final float[][] W = Fixtures.matrix(3, 2, 31);
    private static final float[] B = Fixtures.vector(2, 32);

    /** A tf.keras functional model that calls the Functional model 'inner' on a and on b, as tf.keras 2.x writes it. */
    private static String keras2(String version, String sumInbound, String outputs) {
        String inner = "{\"class_name\": \"Functional\", \"name\": \"inner\", \"config\": {\"name\": \"inner\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"inner_in\", \"config\": {\"name\": \"inner_in\", \"batch_input_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Dense\", \"name\": \"inner_dense\", \"config\": {\"name\": \"inner_dense\", \"units\": 2, \"activation\": \"tanh\", \"use_bias\": true},"
                + " \"inbound_nodes\": [[[\"inner_in\", 0, 0, {}]]]}],"
                + " \"input_layers\": [[\"inner_in\", 0, 0]], \"output_layers\": [[\"inner_dense\", 0, 0]]},"
                + " \"inbound_nodes\": [[[\"a\", 0, 0, {}]], [[\"b\", 0, 0, {}]]]}";
        return "{\"class_name\": \"Functional\", \"keras_version\": \"" + version + "\", \"backend\": \"tensorflow\", \"config\": {\"name\": \"outer\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"a\", \"config\": {\"name\": \"a\", \"batch_input_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"InputLayer\", \"name\": \"b\", \"config\": {\"name\": \"b\", \"batch_input_shape\": [null, 3]}, \"inbound_nodes\": []},"
                + inner + ","
                + "{\"class_name\": \"Add\", \"name\": \"sum\", \"config\": {\"name\": \"sum\"}, \"inbound_nodes\": [" + sumInbound + "]}],"
                + " \"input_layers\": [[\"a\", 0, 0], [\"b\", 0, 0]], \"output_layers\": " + outputs + "}}";
    }

    private KerasModel load(String config) {
        Path weights = Fixtures.legacyWeights(dir.resolve("m_weights.h5"),
                Map.of("inner", Fixtures.weights("inner_dense/kernel:0", W, "inner_dense/bias:0", B)));
        return KerasModel.load(Fixtures.write(dir.resolve("m.json"), config), weights);
    }

    private static double[] inner(float[] x) {
        double[] y = Fixtures.affine(new float[][] {x}, W, B)[0];
        for (int j = 0; j < y.length; j++) y[j] = Math.tanh(y[j]);
        return y;
    }

    private static void assertRow(double[] expected, Tensor actual) {
        for (int j = 0; j < expected.length; j++) assertEquals(expected[j], actual.data()[j], 1e-6, "index " + j);
    }

    private static final float[] A = {0.5f, -1, 2}, Bx = {-0.25f, 0.75f, 1.5f};

    @Test
    void keras2CountsNestedCallsFromOneInInboundNodesAndOutputs() {
        KerasModel m = load(keras2("2.9.0", "[[\"inner\", 1, 0, {}], [\"inner\", 2, 0, {}]]", "[[\"inner\", 2, 0], [\"sum\", 0, 0], [\"inner\", 1, 0]]"));
        assertEquals(List.of("inner", "sum", "inner_1"), m.outputNames(), "tf.keras makes output names unique");
        Tensor[] y = m.predict(Tensor.fromRows(new float[][] {A}), Tensor.fromRows(new float[][] {Bx}));
        double[] ya = inner(A), yb = inner(Bx);
        assertRow(yb, y[0]);
        assertRow(new double[] {ya[0] + yb[0], ya[1] + yb[1]}, y[1]);
        assertRow(ya, y[2]);
    }

    /** Where each call's outputs are in the graph (for verify), by call: the second call is output 0, the first output 2. */
    @Test
    void nestedOutputsNameEachCallsValuesWithoutFusion() {
        String config = keras2("2.9.0", "[[\"inner\", 1, 0, {}], [\"inner\", 2, 0, {}]]", "[[\"inner\", 2, 0], [\"sum\", 0, 0], [\"inner\", 1, 0]]");
        load(config);
        KerasModel m = KerasModel.loader().fuse(false).load(dir.resolve("m.json"), dir.resolve("m_weights.h5"));
        List<List<Integer>> calls = m.nestedOutputs().get("inner");
        assertEquals(2, calls.size());
        assertEquals(List.of(m.graph().outputs().get(2).value()), calls.get(0));
        assertEquals(List.of(m.graph().outputs().get(0).value()), calls.get(1));
        assertEquals(Map.of(), KerasModel.load(dir.resolve("m.json"), dir.resolve("m_weights.h5")).nestedOutputs(), "fusion renumbers values");
    }

    /** Written by other tools (or a Keras 2 Sequential built without an input shape): calls from 0, read as such. */
    @Test
    void configsCountingFromZeroAreReadWhenOnlyThatNumberingFits() {
        KerasModel m = load(keras2("2.9.0", "[[\"inner\", 0, 0, {}], [\"inner\", 1, 0, {}]]", "[[\"inner\", 1, 0], [\"sum\", 0, 0], [\"inner\", 0, 0]]"));
        Tensor[] y = m.predict(Tensor.fromRows(new float[][] {A}), Tensor.fromRows(new float[][] {Bx}));
        assertRow(inner(Bx), y[0]);
        assertRow(inner(A), y[2]);
    }

    @Test
    void aCallNoNumberingFitsIsAnErrorNamingTheReference() {
        KerasImportException e = assertThrows(KerasImportException.class,
                () -> load(keras2("2.9.0", "[[\"inner\", 1, 0, {}], [\"inner\", 2, 0, {}]]", "[[\"inner\", 5, 0]]")));
        assertTrue(e.getMessage().contains("model output ['inner', 5, 0] of 'outer' is not computed by the graph"), e.getMessage());
    }
}
