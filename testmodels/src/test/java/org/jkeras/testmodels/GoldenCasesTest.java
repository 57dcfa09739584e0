package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.jkeras.KerasModel;
import org.jkeras.UnsupportedModelException;
import org.jkeras.junit.KerasAssertions;
import org.jkeras.junit.Tolerance;

/**
 * Every golden case in every file form: load, predict Keras' recorded inputs, compare with Keras' recorded
 * predictions at the case's tolerance. A case is compared in full unless its {@code case.json} declares
 * {@code expect_unsupported}: then every form must fail to load with {@link UnsupportedModelException} naming
 * those classes, and any other refusal fails the case. Whether a class is supported is never taken from the
 * mapper table itself, so deleting a mapper turns its cases red.
 */
class GoldenCasesTest {
    /**
     * Cases whose recorded output is a Keras backend bug, not Keras semantics: left out here and tested on their
     * own. {@code avgpool_same_asym_torch_quirk}: Keras 3.15.1's torch backend pads asymmetric SAME average pooling
     * by replication; jkeras gives the TensorFlow answer, checked against plain loops in AvgPoolSameTfSemanticsTest.
     */
    static final Set<String> BACKEND_BUG_CASES = Set.of("avgpool_same_asym_torch_quirk");

    /** Cases compared in full, at least: a suite that silently skips cases goes red here. */
    static final int MIN_KERAS3_COMPARED = 150, MIN_PUBLIC_COMPARED = 37;

    @TestFactory
    Stream<DynamicNode> keras3() throws Exception {
        return GoldenCase.keras3().stream().filter(c -> !BACKEND_BUG_CASES.contains(c.name())).map(GoldenCasesTest::container);
    }

    @TestFactory
    Stream<DynamicNode> kerasPublic() throws Exception {
        return GoldenCase.kerasPublic().stream().map(GoldenCasesTest::container);
    }

    @Test
    void enoughCasesAreComparedInFull() throws Exception {
        long keras3 = GoldenCase.keras3().stream().filter(c -> !BACKEND_BUG_CASES.contains(c.name()) && c.expectUnsupported().isEmpty()).count();
        long pub = GoldenCase.kerasPublic().stream().filter(c -> c.expectUnsupported().isEmpty()).count();
        assertTrue(keras3 >= MIN_KERAS3_COMPARED, "keras3 cases compared in full: " + keras3 + ", expected at least " + MIN_KERAS3_COMPARED);
        assertTrue(pub >= MIN_PUBLIC_COMPARED, "keras-public cases compared in full: " + pub + ", expected at least " + MIN_PUBLIC_COMPARED);
    }

    private static DynamicNode container(GoldenCase c) {
        Set<String> refused = c.expectUnsupported();
        List<DynamicNode> tests = new ArrayList<>();
        for (GoldenCase.Form f : c.forms()) {
            if (refused.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(f.label(), () -> runForm(c, f)));
            } else {
                tests.add(DynamicTest.dynamicTest(f.label() + " is reported unsupported " + refused, () -> {
                    UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> load(f));
                    for (String cls : refused) assertTrue(e.getMessage().contains("'" + cls + "'"), "message names " + cls + ": " + e.getMessage());
                }));
            }
        }
        return DynamicContainer.dynamicContainer(c.name(), tests);
    }

    private static KerasModel load(GoldenCase.Form f) {
        return f.weights() == null ? KerasModel.load(f.model()) : KerasModel.load(f.model(), f.weights());
    }

    /** Names checked here (in model order); numbers by {@link KerasAssertions}, the helper users get in jkeras-junit. */
    private static void runForm(GoldenCase c, GoldenCase.Form f) {
        KerasModel m = load(f);
        String where = c.name() + "/" + f.label();
        List<String> names = m.inputNames();
        assertEquals(c.inputs().size(), names.size(), where + ": number of inputs");
        for (int i = 0; i < names.size(); i++) {
            if (c.dir().getParent().endsWith("keras3")) assertEquals(c.inputs().get(i).name(), names.get(i), where + ": input name");
        }
        assertEquals(c.outputs().size(), m.outputNames().size(), where + ": number of outputs");
        for (int o = 0; o < m.outputNames().size(); o++) {
            assertEquals(c.outputs().get(o).name(), m.outputNames().get(o), where + ": output " + o + " name");
        }
        KerasAssertions.assertMatchesGolden(m, c.golden(), Tolerance.of(c.atol(), c.rtol()));
    }
}
