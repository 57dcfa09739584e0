package org.jkeras.io.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;

import org.junit.jupiter.api.Test;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;

/** Golden files of every layout in testmodels read alike, and compared with the models they were saved from. */
class GoldenFileTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");
    private static final Path PUBLIC = Path.of("..", "testmodels", "keras-public");

    @Test
    void everyInputsAndOutputsH5HoldsWhatItsNpyFilesHold() {
        // the in_N/out_N files were converted from the *_inputs_and_outputs.h5 files: the two readers must agree
        for (Path c : caseDirs(PUBLIC)) {
            Path h5;
            try (Stream<Path> s = Files.list(c)) {
                h5 = s.filter(p -> p.getFileName().toString().endsWith("_inputs_and_outputs.h5")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (h5 == null) continue;
            GoldenFile g = GoldenFile.read(h5), npy = GoldenFile.read(c);
            assertEquals(GoldenFile.Kind.INPUTS_AND_OUTPUTS_H5, g.kind());
            assertEquals(GoldenFile.Kind.NPY_FOLDER, npy.kind());
            assertFalse(g.activations().isEmpty(), h5.toString());
            for (int i = 0; i < npy.inputs().size(); i++) assertSame(npy.inputs().get(i).tensor(), g.inputs().get(i).tensor(), h5 + " input " + i);
            for (int i = 0; i < npy.outputs().size(); i++) assertSame(npy.outputs().get(i).tensor(), g.outputs().get(i).tensor(), h5 + " output " + i);
        }
    }

    /** Every keras3 io.h5 (the layout save_golden.py writes) reads as inputs/N, outputs/N with names, and layer outputs in 'order'. */
    @Test
    void everyIoH5IsReadInTheSaveGoldenLayout() throws Exception {
        int cases = 0;
        for (Path c : caseDirs(KERAS3)) {
            Path h5 = c.resolve("io.h5");
            GoldenFile g = GoldenFile.read(h5);
            GoldenFile json = Files.exists(c.resolve("io.json")) ? GoldenFile.read(c.resolve("io.json")) : g;
            assertEquals(GoldenFile.Kind.IO_H5, g.kind());
            if (json != g) assertEquals(GoldenFile.Kind.IO_JSON, json.kind());
            JsonObject meta = JsonParser.parseString(Files.readString(c.resolve("case.json"))).getAsJsonObject();
            List<String> inNames = new ArrayList<>(), outNames = new ArrayList<>();
            meta.getAsJsonArray("input_names").forEach(e -> inNames.add(e.getAsString()));
            meta.getAsJsonArray("output_names").forEach(e -> outNames.add(e.getAsString()));
            assertEquals(inNames, g.inputs().stream().map(GoldenFile.Array::name).toList(), h5.toString());
            assertEquals(outNames, g.outputs().stream().map(GoldenFile.Array::name).toList(), h5.toString());
            for (int i = 0; i < g.inputs().size(); i++) assertSame(json.inputs().get(i).tensor(), g.inputs().get(i).tensor(), h5 + " input " + i);
            for (int i = 0; i < g.outputs().size(); i++) assertSame(json.outputs().get(i).tensor(), g.outputs().get(i).tensor(), h5 + " output " + i);
            try (HdfFile h = new HdfFile(h5)) {
                var attr = h.getByPath("activations").getAttribute("order");
                assertNotNull(attr, h5 + ": activations/@order");
                Object data = attr.getData(); // a string array, a JSON list in a string, or one string when there is one layer
                List<String> order = new ArrayList<>();
                if (data instanceof Object[] arr) Stream.of(arr).map(String::valueOf).forEach(order::add);
                else if (String.valueOf(data).startsWith("[")) JsonParser.parseString((String) data).getAsJsonArray().forEach(e -> order.add(e.getAsString()));
                else order.add(String.valueOf(data));
                assertEquals(order, g.activations().stream().map(GoldenFile.Activation::key).toList(),
                        h5 + ": layer outputs in the order attribute's order");
            }
            for (GoldenFile.Activation a : g.activations()) {
                assertEquals(a.tensor().batch(), g.inputs().get(0).tensor().batch(), h5 + " " + a.key());
                if (a.key().contains(":")) assertEquals(a.layer() + ":" + a.node() + ":" + a.output(), a.key());
                else assertEquals(a.layer(), a.key());
            }
            cases++;
        }
        assertTrue(cases >= 50, "cases read: " + cases);
    }

    @Test
    void fusedModelsSkipTheDenseTheyAbsorbed() {
        // fused or not, the recorded layer outputs agree; unfused, every one of them has a jkeras node
        Path c = KERAS3.resolve("mlp_784_256_128_10");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        Comparison.Result fused = Comparison.run(KerasModel.load(c.resolve("model.keras")), g, 1e-5, 1e-5);
        Comparison.Result unfused = Comparison.run(KerasModel.loader().fuse(false).load(c.resolve("model.keras")), g, 1e-5, 1e-5);
        assertTrue(fused.pass() && unfused.pass());
        assertNull(fused.firstDivergence());
        assertNull(unfused.firstDivergence());
        assertTrue(unfused.unmatched().isEmpty(), unfused.unmatched().toString());
    }

    @Test
    void textCasesHoldStringsInBothLayouts() {
        Path c = KERAS3.resolve("string_lookup");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5")), json = GoldenFile.read(c.resolve("io.json"));
        Tensor words = g.inputs().get(0).tensor();
        assertTrue(words.isString());
        assertEquals(org.jkeras.runtime.Shape.of(6, 4), words.shape());
        assertEquals(List.of("cat", "dog", "日本", "😀", "héllo", ""), List.of(words.strings()).subList(0, 6));
        GoldenFile.Array invert = g.outputs().stream().filter(a -> a.name().equals("invert")).findFirst().orElseThrow();
        assertTrue(invert.tensor().isString());
        for (int i = 0; i < g.outputs().size(); i++) assertSame(json.outputs().get(i).tensor(), g.outputs().get(i).tensor(), "output " + i);
        assertTrue(Comparison.run(KerasModel.load(c.resolve("model.keras")), g, 1e-6, 1e-6).pass());
    }

    @Test
    void stringsCompareForEquality() {
        Tensor e = Tensor.ofStrings(new String[] {"a", "b", "c", "d"}, 2, 2);
        Stats same = Stats.of(e, Tensor.ofStrings(new String[] {"a", "b", "c", "d"}, 2, 2), 1, 1);
        assertTrue(same.pass() && same.isText());
        assertEquals("4 strings equal", same.summary());
        Stats off = Stats.of(e, Tensor.ofStrings(new String[] {"a", "x", "c", "y"}, 2, 2), 1, 1);
        assertFalse(off.pass());
        assertEquals(2, off.mismatches());
        assertEquals("2 of 4 strings differ; first at flat index 1: actual \"x\", expected \"b\"", off.summary());
        IllegalArgumentException kinds = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Stats.of(e, Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), 1, 1));
        assertTrue(kinds.getMessage().contains("holds strings, jkeras gives numbers"), kinds.getMessage());
    }

    private static void assertSame(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        if (expected.isString()) assertArrayEquals(expected.strings(), actual.strings(), what);
        else assertArrayEquals(expected.data(), actual.data(), what);
    }

    private static List<Path> caseDirs(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("case.json"))).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
