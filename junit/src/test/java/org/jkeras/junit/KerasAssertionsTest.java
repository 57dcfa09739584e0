package org.jkeras.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import org.jkeras.KerasModel;
import org.jkeras.io.Npz;
import org.jkeras.io.golden.Comparison;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.runtime.Tensor;

class KerasAssertionsTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");
    private static final Path PUBLIC = Path.of("..", "testmodels", "keras-public");

    @TempDir
    Path dir;

    /** The three lines a user writes: the scan of a folder of cases. */
    @TestFactory
    Stream<DynamicTest> goldenCasesOfAFolder() throws IOException {
        copy(KERAS3.resolve("dense_act_relu"), dir.resolve("relu"));
        copy(PUBLIC.resolve("ELU_0"), dir.resolve("legacy").resolve("elu"));
        return GoldenCases.scan(dir);
    }

    @Test
    void scanFindsEveryModelFormBesideItsGolden() throws IOException {
        copy(KERAS3.resolve("dense_act_relu"), dir.resolve("relu"));
        copy(PUBLIC.resolve("ELU_0"), dir.resolve("legacy").resolve("elu"));
        copy(PUBLIC.resolve("mnist_mlp_tf_keras_1"), dir.resolve("legacy").resolve("mnist"));
        List<GoldenCases.Case> cases = GoldenCases.find(dir);
        assertEquals(List.of("legacy/elu", "legacy/mnist", "relu"), cases.stream().map(GoldenCases.Case::name).toList());
        GoldenCases.Case elu = cases.get(0), mnist = cases.get(1), relu = cases.get(2);
        assertEquals(List.of("ELU_0_config.json+ELU_0_weights.h5", "ELU_0_model.h5"), elu.models().stream().map(GoldenCases.ModelFile::label).toList());
        assertEquals(dir.resolve("legacy").resolve("elu"), elu.golden(), "the in_N.npy folder before the inputs-and-outputs HDF5");
        assertEquals(List.of("mnist_mlp_tf_keras_1_config.json+mnist_mlp_tf_keras_1_weights.h5"),
                mnist.models().stream().map(GoldenCases.ModelFile::label).toList());
        assertEquals(Tolerance.of(1e-4, 1e-3), mnist.tolerance(), "from case.json");
        assertEquals(List.of("model.h5", "model.json+model.weights.h5", "model.keras"), relu.models().stream().map(GoldenCases.ModelFile::label).toList());
        assertEquals("io.h5", relu.golden().getFileName().toString());
        List<DynamicTest> tests = GoldenCases.scan(dir).toList();
        assertEquals(6, tests.size());
        for (DynamicTest t : tests) {
            try {
                t.getExecutable().execute();
            } catch (Throwable e) {
                throw new AssertionError(t.getDisplayName(), e);
            }
        }
    }

    @Test
    void aFolderWithoutCasesIsOneFailingTest() throws Throwable {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        List<DynamicTest> tests = GoldenCases.scan(dir).toList();
        assertEquals(1, tests.size());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(0).getExecutable().execute());
        assertTrue(e.getMessage().contains("no golden case under"), e.getMessage());
    }

    @Test
    void passesAndReturnsTheComparison() {
        Path c = KERAS3.resolve("nested_sequential");
        Comparison.Result r = KerasAssertions.assertMatchesGolden(KerasModel.load(c.resolve("model.keras")), c.resolve("io.h5"));
        assertTrue(r.pass());
        assertEquals(3, r.layersCompared());
        Comparison.Result j = KerasAssertions.assertMatchesGolden(c.resolve("model.json"), c.resolve("io.json"), Tolerance.DEFAULT);
        assertNull(j.firstDivergence());
    }

    @Test
    void aFailureNamesOutputIndexValuesAndTheFirstDivergingLayer() throws IOException {
        Path c = KERAS3.resolve("functional_2in_2out");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        for (GoldenFile.Array a : g.inputs()) arrays.put("input:" + a.name(), a.tensor());
        for (GoldenFile.Array a : g.outputs()) arrays.put("output:" + a.name(), a.name().equals("cls") ? bump(a.tensor(), 4, 0.25f) : a.tensor());
        for (GoldenFile.Activation a : g.activations()) arrays.put("activation:" + a.key(), a.key().equals("cat") ? bump(a.tensor(), 9, 0.25f) : a.tensor());
        Path golden = dir.resolve("golden.npz");
        try (var s = Files.newOutputStream(golden)) {
            Npz.write(s, arrays);
        }
        float expected = g.outputs().get(0).tensor().data()[4] + 0.25f;
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> KerasAssertions.assertMatchesGolden(c.resolve("model.keras"), golden, Tolerance.DEFAULT));
        String m = e.getMessage();
        assertTrue(m.contains("output 'cls'") && m.contains("worst at flat index 4: actual ") && m.contains(", expected " + expected), m);
        assertTrue(m.contains("first diverging layer 'cat' (Concatenate)") && m.contains("worst at flat index 9"), m);
        assertTrue(m.contains("model.keras"), "names the model: " + m);
        // a tolerance wide enough passes
        KerasAssertions.assertMatchesGolden(c.resolve("model.keras"), golden, Tolerance.of(0.5, 0));
        // a golden file that does not fit the model fails with the reason
        AssertionFailedError wrong = assertThrows(AssertionFailedError.class,
                () -> KerasAssertions.assertMatchesGolden(KerasModel.load(KERAS3.resolve("dense_act_relu").resolve("model.keras")), golden));
        assertTrue(wrong.getMessage().contains("2 input(s) recorded, the model has 1"), wrong.getMessage());
    }

    /** Golden inputs the model refuses while it runs (an id past an Embedding's vocabulary) fail the assertion with the reason. */
    @Test
    void inputsTheModelRefusesFailWithTheReason() throws IOException {
        Path c = KERAS3.resolve("embedding_lstm");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        Tensor ids = g.inputs().get(0).tensor();
        float[] d = ids.data().clone();
        d[3] = 50;  // input_dim is 50: ids run from 0 to 49
        Path golden = dir.resolve("golden.npz");
        try (var s = Files.newOutputStream(golden)) {
            Npz.write(s, Map.of("input_0", new Tensor(ids.shape(), d), "output_0", g.outputs().get(0).tensor(), "output_1", g.outputs().get(1).tensor()));
        }
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> KerasAssertions.assertMatchesGolden(c.resolve("model.keras"), golden, Tolerance.DEFAULT));
        assertTrue(e.getMessage().contains("model.keras") && e.getMessage().contains("Embedding") && e.getMessage().contains("50"), e.getMessage());
    }

    /** Outputs that share a Keras 3 name (an LSTM's output and states): a failure names the one by its position. */
    @Test
    void aFailureAmongOutputsSharingANameNamesItsPosition() {
        Path c = KERAS3.resolve("repeated_outputs_lstm_state");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        List<GoldenFile.Array> outs = new java.util.ArrayList<>(g.outputs());
        assertEquals(List.of("lstm", "lstm", "lstm"), outs.stream().map(GoldenFile.Array::name).toList());
        outs.set(2, new GoldenFile.Array("lstm", bump(outs.get(2).tensor(), 1, 0.25f)));
        GoldenFile bad = new GoldenFile(g.source(), g.kind(), g.inputs(), outs, g.activations());
        KerasModel m = KerasModel.loader().fuse(false).load(c.resolve("model.keras"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> KerasAssertions.assertMatches(m, bad, Tolerance.DEFAULT));
        assertTrue(e.getMessage().contains("output 'lstm:2'") && !e.getMessage().contains("output 'lstm:0'") && e.getMessage().contains("worst at flat index 1"),
                e.getMessage());
        assertTrue(KerasAssertions.assertMatches(m, g, Tolerance.DEFAULT).pass());
    }

    @Test
    void tolerancesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.of(0, Double.NaN));
        assertEquals(new Tolerance(0, 0), Tolerance.exact());
    }

    private static Tensor bump(Tensor t, int index, float by) {
        float[] d = t.data().clone();
        d[index] += by;
        return new Tensor(t.shape(), d);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }
}
