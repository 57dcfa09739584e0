package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.jkeras.KerasModel;
import org.jkeras.junit.KerasAssertions;
import org.jkeras.junit.Tolerance;
import org.jkeras.runtime.Tensor;

/**
 * Models whose Keras 3 output names repeat, and models named in any script, through the API: names as Keras gives
 * them ({@code model.output_names}, recorded in case.json), keys unique by position, {@code predict(Map)} keyed by
 * them with Keras' numbers, in every file form.
 */
class OutputNamesTest {

    private static GoldenCase golden(String name) throws Exception {
        return GoldenCase.keras3().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static KerasModel load(GoldenCase.Form f) {
        return f.weights() == null ? KerasModel.load(f.model()) : KerasModel.load(f.model(), f.weights());
    }

    private static void check(String caseName, List<String> names, List<String> keys) throws Exception {
        GoldenCase c = golden(caseName);
        List<String> recorded = new ArrayList<>();
        c.meta().getAsJsonArray("output_names").forEach(e -> recorded.add(e.getAsString()));
        assertEquals(names, recorded, "what Keras 3.15.1 gave as model.output_names");
        for (GoldenCase.Form f : c.forms()) {
            KerasModel m = load(f);
            String where = caseName + "/" + f.label();
            assertEquals(names, m.outputNames(), where);
            assertEquals(keys, m.outputKeys(), where);
            Map<String, Tensor> in = new LinkedHashMap<>();
            for (GoldenCase.Named x : c.inputs()) in.put(x.name(), x.tensor());
            Map<String, Tensor> byKey = m.predict(in);
            assertEquals(keys, new ArrayList<>(byKey.keySet()), where + ": every output, in model order");
            Tensor[] byPosition = m.predict(c.inputs().stream().map(GoldenCase.Named::tensor).toArray(Tensor[]::new));
            for (int o = 0; o < keys.size(); o++) {
                Compare.assertClose(where + " output " + keys.get(o), c.outputs().get(o).tensor(), byKey.get(keys.get(o)), c.atol(), c.rtol());
                Compare.assertClose(where + " output " + o + " by position", byPosition[o], byKey.get(keys.get(o)), 0, 0);
            }
            // the .npz golden save_golden.py writes for such a model (keys output:<name>:<position>) checks too
            if (java.nio.file.Files.exists(c.dir().resolve("io.npz"))) {
                var r = KerasAssertions.assertMatchesGolden(m, c.dir().resolve("io.npz"), Tolerance.of(c.atol(), c.rtol()));
                assertEquals(keys, r.outputs().stream().map(x -> x.key()).toList(), where);
            }
        }
    }

    @Test
    void anLstmsOutputAndStatesShareItsName() throws Exception {
        check("repeated_outputs_lstm_state", List.of("lstm", "lstm", "lstm"), List.of("lstm:0", "lstm:1", "lstm:2"));
    }

    @Test
    void aSharedLayersCallsAndATensorListedTwice() throws Exception {
        check("repeated_outputs_shared", List.of("d", "t", "d", "t"), List.of("d:0", "t:1", "d:2", "t:3"));
    }

    @Test
    void aNestedModelsCallsAreNamedByTheModel() throws Exception {
        check("nested_functional_output", List.of("inner", "sum", "inner"), List.of("inner:0", "sum", "inner:2"));
        check("nested_functional_only_output", List.of("block"), List.of("block"));
    }

    /** A model built with dicts: flattened with keys sorted, as Keras does; outputs named by key, as predict returns them. */
    @Test
    void dictsOfInputsAndOutputs() throws Exception {
        check("dict_inputs_outputs", List.of("logits", "score", "Ωmega"), List.of("logits", "score", "Ωmega"));
        GoldenCase c = golden("dict_inputs_outputs");
        for (GoldenCase.Form f : c.forms()) assertEquals(List.of("alpha", "zeta"), load(f).inputNames(), f.label());
    }

    @Test
    void namesInAnyScript() throws Exception {
        check("names_unicode", List.of("выход ✓", "第二 出力"), List.of("выход ✓", "第二 出力"));
        GoldenCase c = golden("names_unicode");
        KerasModel m = load(c.forms().get(0));
        assertEquals(List.of("entrée", "輸入"), m.inputNames());
        List<String> layers = m.graph().nodes().stream().map(n -> n.layer().name()).distinct().toList();
        for (String l : List.of("dense 1", "слой", "🙂", "連結 'and' \"quoted\"", "норма 🙂", "вложенная модель/κρυφό στρώμα", "вложенная модель/出力 層")) {
            assertEquals(true, layers.contains(l), l + " in " + layers);
        }
        assertSame(m.graph().nodes().stream().filter(n -> n.layer().name().equals("🙂")).toList().get(0).layer(),
                m.graph().nodes().stream().filter(n -> n.layer().name().equals("🙂")).toList().get(1).layer(), "one shared layer, two calls");
    }
}
