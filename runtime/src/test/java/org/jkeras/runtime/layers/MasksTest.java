package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The masks merge layers derive from their inputs', per Keras generation, against the formulas of
 * {@code Merge.compute_mask} / {@code Concatenate.compute_mask}: Keras 2 (tf.keras) {@code K.all} over the masks
 * present; Keras 3 none when an input has none, else {@code logical_or}; and Keras 3's masked values of Maximum,
 * Minimum and Multiply.
 */
class MasksTest {
    static final boolean[] K1 = {true, true, false, true, false, true};
    static final boolean[] K2 = {true, false, false, true, true, true};
    static final boolean[] K3 = {false, true, true, true, true, true};
    static final Mask M1 = new Mask(2, 3, K1), M2 = new Mask(2, 3, K2), M3 = new Mask(2, 3, K3);
    static final Tensor T = tensor(new float[12], 2, 3, 2);

    static boolean[] keeps(Mask m) {
        boolean[] k = new boolean[m.batch() * m.steps()];
        for (int b = 0; b < m.batch(); b++) for (int t = 0; t < m.steps(); t++) k[b * m.steps() + t] = m.keep(b, t);
        return k;
    }

    static boolean[] and(boolean[]... ms) {
        boolean[] r = new boolean[ms[0].length];
        for (int i = 0; i < r.length; i++) { r[i] = true; for (boolean[] m : ms) r[i] &= m[i]; }
        return r;
    }

    static boolean[] or(boolean[]... ms) {
        boolean[] r = new boolean[ms[0].length];
        for (int i = 0; i < r.length; i++) for (boolean[] m : ms) r[i] |= m[i];
        return r;
    }

    static List<ElementwiseMerge> merges(Semantics s) {
        return List.of(new Add("a", s), new Subtract("s", s), new Multiply("m", s), new Average("v", s), new Maximum("x", s), new Minimum("n", s));
    }

    @Test
    void keras2MergesAndTheMasksPresent() {
        for (ElementwiseMerge layer : merges(Semantics.KERAS_1_2)) {
            assertArrayEquals(and(K1, K2), keeps(layer.outputMask(List.of(T, T), List.of(M1, M2))), layer.kerasClass());
            assertArrayEquals(K1, keeps(layer.outputMask(List.of(T, T), Arrays.asList(M1, null))), layer.kerasClass());
            assertArrayEquals(K2, keeps(layer.outputMask(List.of(T, T), Arrays.asList(null, M2))), layer.kerasClass());
            assertNull(layer.outputMask(List.of(T, T), Arrays.asList(null, null)), layer.kerasClass());
            assertEquals(List.of(true), layer.outputsMasked(List.of(true, false)), layer.kerasClass());
            assertEquals(List.of(false), layer.outputsMasked(List.of(false, false)), layer.kerasClass());
        }
        assertArrayEquals(and(K1, K2, K3), keeps(new Add("a", Semantics.KERAS_1_2).outputMask(List.of(T, T, T), List.of(M1, M2, M3))));
    }

    @Test
    void keras3MergesOrTheMasksAndDropThemWhenAnInputHasNone() {
        for (ElementwiseMerge layer : merges(Semantics.KERAS_3)) {
            assertArrayEquals(or(K1, K2), keeps(layer.outputMask(List.of(T, T), List.of(M1, M2))), layer.kerasClass());
            assertNull(layer.outputMask(List.of(T, T), Arrays.asList(M1, null)), layer.kerasClass());
            assertNull(layer.outputMask(List.of(T, T), Arrays.asList(null, null)), layer.kerasClass());
            assertEquals(List.of(false), layer.outputsMasked(List.of(true, false)), layer.kerasClass());
            assertEquals(List.of(true), layer.outputsMasked(List.of(true, true)), layer.kerasClass());
        }
        assertArrayEquals(or(K1, K2, K3), keeps(new Add("a").outputMask(List.of(T, T, T), List.of(M1, M2, M3))));
    }

    @Test
    void keras2ConcatenateOnFeaturesAndsTheMasksPresent() {
        Concatenate c = new Concatenate("c", -1, Semantics.KERAS_1_2);
        assertArrayEquals(and(K1, K2), keeps(c.outputMask(List.of(T, T), List.of(M1, M2))));
        assertArrayEquals(K1, keeps(c.outputMask(List.of(T, T), Arrays.asList(M1, null))));
        assertNull(c.outputMask(List.of(T, T), Arrays.asList(null, null)));
    }

    /** Keras 3: an unmasked input counts as all ones, so with one the result keeps every step, and is a mask. */
    @Test
    void keras3ConcatenateOnFeaturesOrsTheMasks() {
        Concatenate c = new Concatenate("c", -1, Semantics.KERAS_3);
        assertArrayEquals(or(K1, K2), keeps(c.outputMask(List.of(T, T), List.of(M1, M2))));
        Mask withUnmasked = c.outputMask(List.of(T, T), Arrays.asList(M1, null));
        assertNotNull(withUnmasked);
        assertArrayEquals(new boolean[] {true, true, true, true, true, true}, keeps(withUnmasked));
        assertNull(c.outputMask(List.of(T, T), Arrays.asList(null, null)));
        assertEquals(List.of(true), c.outputsMasked(List.of(false, true)));
    }

    /** Steps joined (axis 1): both generations concatenate the masks along the steps, an unmasked input all kept. */
    @Test
    void concatenateOnStepsJoinsTheMasks() {
        for (Semantics s : Semantics.values()) {
            Mask m = new Concatenate("c", 1, s).outputMask(List.of(T, T), Arrays.asList(M1, null));
            assertEquals(6, m.steps());
            assertArrayEquals(new boolean[] {true, true, false, true, true, true, true, false, true, true, true, true}, keeps(m), s.toString());
        }
    }

    /** x0 (2, 3, 2) masked by M1, x1 unmasked or masked by M2; Keras 3 values at masked steps. */
    static final float[] X0 = {1, -2, 3, 4, -5, 6, 7, 8, -9, 10, 11, -12};
    static final float[] X1 = {-1, 2, 30, -4, 5, -6, -7, 80, 9, -10, 1, 12};

    static float[] run(ElementwiseMerge layer, Mask m0, Mask m1) {
        return layer.forwardAll(List.of(tensor(X0, 2, 3, 2), tensor(X1, 2, 3, 2)), Arrays.asList(m0, m1)).get(0).data();
    }

    /**
     * {@code _apply_merge_op_and_or_mask}: x1 = where(m1, x1, x0); x0 = where(m0, x0, x1); max(x0, x1). A step both
     * mask keeps x0 (then x0 again), so the maximum of a value with itself.
     */
    @Test
    void keras3MaximumAndMinimumTakeTheOtherOperandAtMaskedSteps() {
        float[] max = new float[12], min = new float[12], maxOne = new float[12];
        for (int k = 0; k < 12; k++) {
            int s = k / 2;
            float x1 = K2[s] ? X1[k] : X0[k];
            float x0 = K1[s] ? X0[k] : x1;
            max[k] = Math.max(x0, x1);
            min[k] = Math.min(x0, x1);
            maxOne[k] = Math.max(K1[s] ? X0[k] : X1[k], X1[k]); // x1 unmasked: only x0's masked steps change
        }
        assertArrayEquals(max, run(new Maximum("x"), M1, M2));
        assertArrayEquals(min, run(new Minimum("n"), M1, M2));
        assertArrayEquals(maxOne, run(new Maximum("x"), M1, null));
        float[] plain = new float[12];
        for (int k = 0; k < 12; k++) plain[k] = Math.max(X0[k], X1[k]);
        assertArrayEquals(plain, run(new Maximum("x", Semantics.KERAS_1_2), M1, M2)); // Keras 2 ignores masks in values
    }

    /** Multiply: masked steps count as 1; with every input masked, a step none keeps is 0. */
    @Test
    void keras3MultiplyCountsMaskedStepsAsOne() {
        float[] both = new float[12], one = new float[12];
        for (int k = 0; k < 12; k++) {
            int s = k / 2;
            float p = (K1[s] ? X0[k] : 1f) * (K2[s] ? X1[k] : 1f);
            both[k] = K1[s] || K2[s] ? p : 0f;
            one[k] = (K1[s] ? X0[k] : 1f) * X1[k];
        }
        assertArrayEquals(both, run(new Multiply("m"), M1, M2));
        assertArrayEquals(one, run(new Multiply("m"), M1, null));
        float[] sum = new float[12];
        for (int k = 0; k < 12; k++) sum[k] = X0[k] + X1[k];
        assertArrayEquals(sum, run(new Add("a"), M1, M2)); // Add keeps its values
    }

    /** The masked mean of the kept steps; a sample with none gives NaN (0 / 0), as Keras. */
    @Test
    void globalAveragePooling1DAveragesTheKeptSteps() {
        Mask m = new Mask(2, 3, new boolean[] {true, false, true, false, false, false});
        float[] y = new GlobalAveragePooling1D("g", false, false).forwardAll(List.of(tensor(X0, 2, 3, 2)), List.of(m)).get(0).data();
        assertArrayEquals(new float[] {(1 + -5) / 2f, (-2 + 6) / 2f, Float.NaN, Float.NaN}, y);
        float[] cf = new GlobalAveragePooling1D("g", true, false).forwardAll(List.of(tensor(X0, 2, 2, 3)),
                List.of(new Mask(2, 3, new boolean[] {false, true, true, true, true, true}))).get(0).data();
        assertArrayEquals(new float[] {(-2 + 3) / 2f, (-5 + 6) / 2f, (7 + 8 + -9) / 3f, (10 + 11 + -12) / 3f}, cf);
        assertTrue(new GlobalAveragePooling1D("g", false, false).outputsMasked(List.of(true)).equals(List.of(false)));
    }

    /** Keras 2 multiplies by the mask, so a NaN at a masked step spreads; Keras 3 selects with where. */
    @Test
    void globalAveragePooling1DKeras2MultipliesByTheMask() {
        Mask m = new Mask(1, 2, new boolean[] {true, false});
        Tensor x = tensor(new float[] {2, 4, Float.NaN, 1}, 1, 2, 2);
        assertArrayEquals(new float[] {2, 4}, new GlobalAveragePooling1D("g", false, false, Semantics.KERAS_3).forwardAll(List.of(x), List.of(m)).get(0).data());
        assertArrayEquals(new float[] {Float.NaN, 4}, new GlobalAveragePooling1D("g", false, false, Semantics.KERAS_1_2).forwardAll(List.of(x), List.of(m)).get(0).data());
    }
}
