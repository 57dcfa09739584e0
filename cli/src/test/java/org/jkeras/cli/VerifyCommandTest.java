package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.io.Npz;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.io.golden.Stats;
import org.jkeras.runtime.Tensor;

/** {@code jkeras verify} on every golden layout, finding injected divergences at the right layer. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");
    private static final Path PUBLIC = Path.of("..", "testmodels", "keras-public");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertPass(Run r) {
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("PASS"), r.out());
    }

    @Test
    void keras3IoH5AndIoJson() {
        for (String c : List.of("nested_sequential", "shared_layer", "functional_2in_2out", "dense_act_relu")) {
            Path model = KERAS3.resolve(c).resolve("model.keras");
            Run h5 = run("verify", model.toString(), KERAS3.resolve(c).resolve("io.h5").toString());
            assertPass(h5);
            assertTrue(h5.out().contains("all within the tolerance"), h5.out());
            assertFalse(h5.out().contains("not compared"), "every recorded layer output is matched to a jkeras node: " + h5.out());
            assertPass(run("verify", model.toString(), KERAS3.resolve(c).resolve("io.json").toString()));
            assertPass(run("verify", model.toString(), KERAS3.resolve(c).toString())); // the case folder: its io.h5
        }
        Run two = run("verify", KERAS3.resolve("functional_2in_2out").resolve("model.h5").toString(),
                KERAS3.resolve("functional_2in_2out").resolve("io.h5").toString());
        assertTrue(two.out().contains("output 'cls' (7, 3): PASS") && two.out().contains("output 'reg' (7, 2): PASS"), two.out());
        assertTrue(two.out().contains("max abs ") && two.out().contains("max rel ") && two.out().contains("max ulp ")
                && two.out().contains("worst at flat index "), two.out());
        assertTrue(two.out().contains("layers: 10 recorded layer output(s) compared"), two.out());
    }

    @Test
    void kerasPublicFolderAndInputsAndOutputsH5() throws Exception {
        Path elu = PUBLIC.resolve("ELU_0");
        assertPass(run("verify", elu.resolve("ELU_0_model.h5").toString(), elu.toString())); // in_0.npy / out_0.npy
        // the inputs-and-outputs HDF5, with a JSON config and its weights; its 'outputs' group (training targets) is not read
        Path mnist = PUBLIC.resolve("mnist_mlp_tf_keras_1");
        Run r = run("verify", mnist.resolve("mnist_mlp_tf_keras_1_config.json").toString(),
                mnist.resolve("mnist_mlp_tf_keras_1_inputs_and_outputs.h5").toString(), "--weights",
                mnist.resolve("mnist_mlp_tf_keras_1_weights.h5").toString(), "--atol", "1e-4", "--rtol", "1e-3");
        assertPass(r);
        assertTrue(r.out().contains("layers: 8 recorded layer output(s) compared, all within the tolerance"), r.out());
        // a pair of folders: inputs in one, predictions in another
        Path ins = Files.createDirectories(dir.resolve("ins")), outs = Files.createDirectories(dir.resolve("outs"));
        Files.copy(elu.resolve("in_0.npy"), ins.resolve("in_0.npy"));
        Files.copy(elu.resolve("out_0.npy"), outs.resolve("out_0.npy"));
        assertPass(run("verify", elu.resolve("ELU_0_model.h5").toString(), ins.toString(), outs.toString()));
    }

    /** What testmodels/tools/save_golden.py wrote for a Keras 3 model (tools/example/make_example.py), as HDF5 and .npz. */
    @Test
    void saveGoldenOutputVerifies() {
        Path example = Path.of("..", "testmodels", "tools", "example");
        for (String golden : List.of("golden.h5", "golden.npz")) {
            Run r = run("verify", example.resolve("model.keras").toString(), example.resolve(golden).toString());
            assertPass(r);
            assertTrue(r.out().contains("output 'inner' (4, 3): PASS") && r.out().contains("output 'sub' (4, 5): PASS"), r.out());
            assertTrue(r.out().contains("layers: 6 recorded layer output(s) compared, all within the tolerance"), r.out());
        }
        GoldenFile g = GoldenFile.read(example.resolve("golden.h5"));
        assertEquals(List.of("shared:0:0", "shared:1:0", "sub", "pre", "act", "inner"), g.activations().stream().map(GoldenFile.Activation::key).toList());
        assertEquals(List.of("a", "b"), g.inputs().stream().map(GoldenFile.Array::name).toList());
    }

    @Test
    void npzWithEveryKeyConvention() throws Exception {
        Path c = KERAS3.resolve("functional_2in_2out");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        Path model = c.resolve("model.keras");
        // by name, with layer outputs
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (GoldenFile.Array a : g.inputs()) named.put("input:" + a.name(), a.tensor());
        for (GoldenFile.Array a : g.outputs()) named.put("output:" + a.name(), a.tensor());
        for (GoldenFile.Activation a : g.activations()) named.put("activation:" + a.key(), a.tensor());
        Run r = run("verify", model.toString(), npz("named.npz", named).toString());
        assertPass(r);
        assertTrue(r.out().contains("layers: 10 recorded layer output(s) compared, all within the tolerance"), r.out());
        // by position
        Map<String, Tensor> indexed = new LinkedHashMap<>();
        for (int i = 0; i < g.inputs().size(); i++) indexed.put("input_" + i, g.inputs().get(i).tensor());
        for (int i = 0; i < g.outputs().size(); i++) indexed.put("output_" + i, g.outputs().get(i).tensor());
        assertPass(run("verify", model.toString(), npz("indexed.npz", indexed).toString()));
        // one input, one output: inputs / outputs
        GoldenFile one = GoldenFile.read(KERAS3.resolve("dense_act_relu").resolve("io.h5"));
        Path single = npz("single.npz", Map.of("inputs", one.inputs().get(0).tensor(), "outputs", one.outputs().get(0).tensor()));
        assertPass(run("verify", KERAS3.resolve("dense_act_relu").resolve("model.h5").toString(), single.toString()));
        // mixed forms and unknown keys are refused with the convention
        Run mixed = run("verify", model.toString(), npz("mixed.npz", Map.of("inputs", one.inputs().get(0).tensor(), "input_0",
                one.inputs().get(0).tensor(), "outputs", one.outputs().get(0).tensor())).toString());
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("inputs given in several forms"), mixed.err());
        Run unknown = run("verify", model.toString(), npz("unknown.npz", Map.of("x", one.inputs().get(0).tensor())).toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("'x' is not a golden key") && unknown.err().contains("input:<name>"), unknown.err());
    }

    @Test
    void findsTheFirstDivergingLayer() throws Exception {
        Path c = KERAS3.resolve("functional_2in_2out");
        Path model = c.resolve("model.keras");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        // 'mul' and the later 'reg' perturbed: outputs still pass, the report names 'mul' first
        Path bad = writeIoH5(dir.resolve("layers.h5"), g, Map.of("mul", bump(5, 0.01f), "reg", bump(0, 1f)), Map.of());
        Run r = run("verify", model.toString(), bad.toString());
        assertEquals(0, r.code(), "outputs still pass: " + r.out() + r.err());
        assertTrue(r.out().contains("2 diverge") && r.out().contains("first diverging layer: 'mul' (Multiply): 1 of 42 values off"), r.out());
        assertTrue(r.out().contains("worst at flat index 5"), r.out());
        Run json = run("verify", model.toString(), bad.toString(), "--json");
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertTrue(o.get("pass").getAsBoolean());
        JsonObject first = o.getAsJsonObject("layers").getAsJsonObject("first_divergence");
        assertEquals("mul", first.get("layer").getAsString());
        assertEquals(5, first.get("worst_index").getAsInt());
        assertEquals(2, o.getAsJsonObject("layers").getAsJsonArray("divergent").size());

        // a perturbed output: exit 1, FAIL, naming the output, index, actual and expected
        float expected = g.outputs().get(1).tensor().data()[3];
        Path badOut = writeIoH5(dir.resolve("out.h5"), g, Map.of("reg", bump(3, 0.5f)), Map.of(1, bump(3, 0.5f)));
        Run f = run("verify", model.toString(), badOut.toString());
        assertEquals(1, f.code(), f.out());
        assertTrue(f.out().contains("output 'reg' (7, 2): FAIL  1 of 14 values off") && f.out().contains("worst at flat index 3: actual ")
                && f.out().contains(", expected " + (expected + 0.5f)), f.out());
        assertTrue(f.out().contains("output 'cls' (7, 3): PASS"), f.out());
        assertTrue(f.out().contains("first diverging layer: 'reg' (Dense)"), f.out());
        assertTrue(f.out().strip().endsWith("FAIL: 1 of 2 output(s) outside the tolerance"), f.out());
        // a wider tolerance lets it pass
        assertEquals(0, run("verify", model.toString(), badOut.toString(), "--atol", "1").code());
    }

    @Test
    void sharedAndNestedLayersAreTracedByCallAndScope() throws Exception {
        // the second call of a shared layer is recorded as shared_dense:1:0
        Path shared = KERAS3.resolve("shared_layer");
        GoldenFile g = GoldenFile.read(shared.resolve("io.h5"));
        Run r = run("verify", shared.resolve("model.keras").toString(), writeIoH5(dir.resolve("shared.h5"), g, Map.of("shared_dense:1:0", bump(2, 0.1f)),
                Map.of()).toString());
        assertTrue(r.out().contains("first diverging layer: 'shared_dense' (Dense) [recorded as 'shared_dense:1:0']"), r.out());
        // a nested Sequential is recorded as one layer, its output; jkeras names its inner layers inner_block/...
        Path nested = KERAS3.resolve("nested_sequential");
        GoldenFile n = GoldenFile.read(nested.resolve("io.h5"));
        Run rn = run("verify", nested.resolve("model.h5").toString(), writeIoH5(dir.resolve("nested.h5"), n, Map.of("inner_block", bump(0, 0.1f)),
                Map.of()).toString());
        assertTrue(rn.out().contains("first diverging layer: 'inner_block/") && rn.out().contains("[recorded as 'inner_block']"), rn.out());
    }

    @Test
    void mismatchedGoldenFilesAreOneLineErrors() throws Exception {
        Path model = KERAS3.resolve("functional_2in_2out").resolve("model.keras");
        GoldenFile one = GoldenFile.read(KERAS3.resolve("dense_act_relu").resolve("io.h5"));
        Run count = run("verify", model.toString(), KERAS3.resolve("dense_act_relu").resolve("io.h5").toString());
        assertEquals(1, count.code());
        assertTrue(count.err().startsWith("jkeras: ") && count.err().contains("1 input(s) recorded, the model has 2 [in_a, in_b]"), count.err());
        assertEquals(1, count.err().strip().lines().count(), count.err());
        Run names = run("verify", model.toString(), npz("names.npz", Map.of("input:in_a", one.inputs().get(0).tensor(), "input:zz",
                one.inputs().get(0).tensor(), "output:cls", one.outputs().get(0).tensor(), "output:reg", one.outputs().get(0).tensor())).toString());
        assertEquals(1, names.code());
        assertTrue(names.err().contains("recorded input 'zz' is not a model input; the model's inputs are [in_a, in_b]"), names.err());
        Run none = run("verify", model.toString(), dir.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no golden data here"), none.err());
        Run shape = run("verify", KERAS3.resolve("dense_act_relu").resolve("model.keras").toString(), npz("shape.npz",
                Map.of("inputs", one.inputs().get(0).tensor(), "outputs", one.inputs().get(0).tensor())).toString());
        assertEquals(1, shape.code(), "a shape difference fails");
        assertTrue(shape.out().contains("FAIL  shape (29, 16), expected (29, 6) (different sizes)"), shape.out());
    }

    @Test
    void statsFollowTheToleranceRuleWithNaNAndInfinities() {
        Tensor e = Tensor.of(new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY, 0f, -2f, 100f}, 6);
        Stats same = Stats.of(e, e, 0, 0);
        assertTrue(same.pass());
        assertEquals(0, same.maxAbs());
        assertEquals(0, same.maxUlp());
        Tensor a = Tensor.of(new float[] {Math.nextUp(1f), Float.NaN, Float.POSITIVE_INFINITY, -0f, -2f, 100.001f}, 6);
        Stats s = Stats.of(e, a, 1e-6, 0);
        assertFalse(s.pass());
        assertEquals(1, s.mismatches(), "only 100.001 is off; -0 equals 0, NaN equals NaN");
        assertEquals(5, s.worstIndex());
        assertEquals(0, Stats.of(e, a, 0, 1e-4).mismatches(), "relative 1e-4 covers both");
        assertEquals(1, Stats.ulps(1f, Math.nextUp(1f)));
        assertEquals(2, Stats.ulps(Float.MIN_VALUE, -Float.MIN_VALUE));
        Stats inf = Stats.of(Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1), Tensor.of(new float[] {Float.NEGATIVE_INFINITY}, 1), 1, 1);
        assertFalse(inf.pass(), "opposite infinities differ at any tolerance");
        Stats nan = Stats.of(Tensor.of(new float[] {1f}, 1), Tensor.of(new float[] {Float.NaN}, 1), 1, 1);
        assertFalse(nan.pass());
        assertEquals(Long.MAX_VALUE, nan.maxUlp());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Path npz(String name, Map<String, Tensor> arrays) throws Exception {
        Path p = dir.resolve(name);
        try (var s = Files.newOutputStream(p)) {
            Npz.write(s, arrays);
        }
        return p;
    }

    private static UnaryOperator<Tensor> bump(int index, float by) {
        return t -> {
            float[] d = t.data().clone();
            d[index] += by;
            return new Tensor(t.shape(), d);
        };
    }

    /**
     * Writes {@code g} in the io.h5 layout (inputs/N, outputs/N with 'name'; activations/key with name, node_index,
     * output_index; the group's 'order'), changing the named layer outputs and numbered outputs.
     */
    static Path writeIoH5(Path file, GoldenFile g, Map<String, UnaryOperator<Tensor>> layers, Map<Integer, UnaryOperator<Tensor>> outputs) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            WritableGroup in = h.putGroup("inputs"), out = h.putGroup("outputs"), acts = h.putGroup("activations");
            for (int i = 0; i < g.inputs().size(); i++) in.putDataset(Integer.toString(i), nested(g.inputs().get(i).tensor())).putAttribute("name", g.inputs().get(i).name());
            for (int i = 0; i < g.outputs().size(); i++) {
                Tensor t = outputs.getOrDefault(i, UnaryOperator.identity()).apply(g.outputs().get(i).tensor());
                out.putDataset(Integer.toString(i), nested(t)).putAttribute("name", g.outputs().get(i).name());
            }
            List<String> order = new ArrayList<>();
            for (GoldenFile.Activation a : g.activations()) {
                WritableDataset d = acts.putDataset(a.key(), nested(layers.getOrDefault(a.key(), UnaryOperator.identity()).apply(a.tensor())));
                d.putAttribute("name", a.layer());
                d.putAttribute("node_index", a.node());
                d.putAttribute("output_index", a.output());
                order.add(a.key());
            }
            acts.putAttribute("order", order.toArray(new String[0]));
        }
        return file;
    }

    /** The tensor as a nested Java array of its shape, as jHDF writes it. */
    static Object nested(Tensor t) {
        int[] dims = t.shape().dims();
        Object arr = java.lang.reflect.Array.newInstance(float.class, dims);
        fill(arr, dims, 0, t.data(), new int[] {0});
        return arr;
    }

    private static void fill(Object arr, int[] dims, int axis, float[] data, int[] at) {
        if (axis == dims.length - 1) {
            float[] row = (float[]) arr;
            System.arraycopy(data, at[0], row, 0, row.length);
            at[0] += row.length;
            return;
        }
        for (int i = 0; i < dims[axis]; i++) fill(java.lang.reflect.Array.get(arr, i), dims, axis + 1, data, at);
    }

    private static void assertSame(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(expected.data(), actual.data(), what);
    }

    private static List<Path> caseDirs(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
