package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RegistryTest {
    /** keras/src/activations/__init__.py ALL_OBJECTS (minus threshold, which needs arguments) and its two aliases. */
    private static final List<String> KERAS_3_NAMES = List.of("celu", "elu", "exponential", "gelu", "glu",
        "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid",
        "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus",
        "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink");

    @Test
    void namesAreKerasNamesSorted() {
        assertEquals(new TreeSet<>(KERAS_3_NAMES), Activations.names());
        assertEquals(List.copyOf(new TreeSet<>(KERAS_3_NAMES)), List.copyOf(Activations.names()));
        assertThrows(UnsupportedOperationException.class, () -> Activations.names().add("x"));
    }

    @Test
    void everyNameBuildsWithItsCanonicalName() {
        for (String name : Activations.names()) {
            for (Semantics s : Semantics.values()) {
                Activation a = Activations.byName(name, s);
                String canonical = name.equals("swish") ? "silu" : name.equals("hard_swish") ? "hard_silu" : name;
                assertEquals(canonical, a.name(), name);
                assertFalse(a.formula().isBlank(), name);
                assertEquals(canonical, a.toString());
            }
        }
    }

    @Test
    void aliases() {
        assertInstanceOf(Silu.class, Activations.byName("swish", Semantics.KERAS_3));
        assertInstanceOf(HardSilu.class, Activations.byName("hard_swish", Semantics.KERAS_1_2));
        assertEquals(Activations.byName("swish", Semantics.KERAS_3).formula(), Activations.byName("silu", Semantics.KERAS_3).formula());
    }

    @Test
    void hardSigmoidFollowsSemantics() {
        float[] x = {1};
        Activations.byName("hard_sigmoid", Semantics.KERAS_1_2).applyRows(x, 0, 1, 1);
        assertEquals(0.7f, x[0]);
        x[0] = 1;
        Activations.byName("hard_sigmoid", Semantics.KERAS_3).applyRows(x, 0, 1, 1);
        assertEquals(0.6666667f, x[0]);
        assertTrue(Activations.hardSigmoid(Semantics.KERAS_1_2).formula().contains("0.2x"));
        assertTrue(Activations.hardSigmoid(Semantics.KERAS_3).formula().contains("Keras 3"));
    }

    @Test
    void elementwiseFlagAndWidths() {
        for (String rowwise : List.of("softmax", "log_softmax", "sparsemax", "glu")) {
            assertFalse(Activations.byName(rowwise, Semantics.KERAS_3).isElementwise(), rowwise);
        }
        assertTrue(Activations.byName("relu", Semantics.KERAS_3).isElementwise());
        assertEquals(5, Activations.byName("glu", Semantics.KERAS_3).outputWidth(10));
        assertEquals(10, Activations.softmax().outputWidth(10));
        assertThrows(IllegalArgumentException.class, () -> Activations.byName("glu", Semantics.KERAS_3).outputWidth(7));
    }

    @Test
    void unknownNameFailsWithTheNameAndTheSupportedOnes() {
        UnknownActivationException e =
            assertThrows(UnknownActivationException.class, () -> Activations.byName("gelu_fast", Semantics.KERAS_3));
        assertEquals("gelu_fast", e.getName());
        assertTrue(e.getMessage().contains("'gelu_fast'"), e.getMessage());
        for (String name : Activations.names()) assertTrue(e.getMessage().contains(name), name);
        assertThrows(UnknownActivationException.class, () -> Activations.byName("ReLU", Semantics.KERAS_3));
        assertThrows(UnknownActivationException.class, () -> Activations.byName("threshold", Semantics.KERAS_3));
        assertThrows(UnknownActivationException.class, () -> Activations.byName(null, Semantics.KERAS_3));
    }

    @Test
    void semanticsFromVersion() {
        for (String v : List.of("1.2.2", "2.3.1", "2.2.4-tf", "2.15.0", "1.0.0", " 2.1.6")) {
            assertEquals(Semantics.KERAS_1_2, Semantics.fromKerasVersion(v), v);
            assertTrue(Semantics.isKnownVersion(v), v);
        }
        for (String v : List.of("3.0.0", "3.15.1", "3.4.1.dev2024")) {
            assertEquals(Semantics.KERAS_3, Semantics.fromKerasVersion(v), v);
            assertTrue(Semantics.isKnownVersion(v), v);
        }
        for (String v : new String[] {null, "", "  ", "keras", "3", "v2.3.1", "99999999999.1", "4.0.0", "0.9"}) {
            assertEquals(Semantics.KERAS_3, Semantics.fromKerasVersion(v), String.valueOf(v));
            assertFalse(Semantics.isKnownVersion(v), String.valueOf(v));
        }
        assertEquals("Keras 1/2 formula", Semantics.KERAS_1_2.describe());
        assertEquals("Keras 3 formula", Semantics.KERAS_3.describe());
    }

    @Test
    void simdSwitchFollowsPropertyAndModule() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean off = "false".equalsIgnoreCase(System.getProperty("jkeras.vector"));
        assertEquals(module && !off, Simd.ENABLED);
    }
}
