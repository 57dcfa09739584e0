package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Masks.and and the masks the merge layers derive from their inputs'. */
class MasksTest {
    static final Mask M1 = new Mask(2, 3, new boolean[] {true, true, false, true, false, true});
    static final Mask M2 = new Mask(2, 3, new boolean[] {true, false, false, true, true, true});
    static final Mask M3 = new Mask(2, 3, new boolean[] {false, true, true, true, true, true});
    static final Tensor T = tensor(new float[12], 2, 3, 2);

    static boolean[] keeps(Mask m) {
        boolean[] k = new boolean[m.batch() * m.steps()];
        for (int b = 0; b < m.batch(); b++) for (int t = 0; t < m.steps(); t++) k[b * m.steps() + t] = m.keep(b, t);
        return k;
    }

    @Test
    void andOfMasks() {
        assertArrayEquals(new boolean[] {true, false, false, true, false, true}, keeps(Masks.and(List.of(M1, M2))));
        assertArrayEquals(new boolean[] {false, false, false, true, false, true}, keeps(Masks.and(List.of(M1, M2, M3))));
    }

    @Test
    void nullEntriesAreIgnored() {
        assertArrayEquals(keeps(M2), keeps(Masks.and(Arrays.asList(null, M2, null))));
        assertNull(Masks.and(Arrays.asList(null, null)));
        assertNull(Masks.and(List.of()));
    }

    @Test
    void andDoesNotAliasItsInput() {
        Mask m = Masks.and(List.of(M1));
        assertArrayEquals(keeps(M1), keeps(m));
        assertEquals(2, m.batch());
        assertEquals(3, m.steps());
    }

    @Test
    void everyElementwiseMergeAndsTheMasks() {
        List<ElementwiseMerge> merges = List.of(new Add("a"), new Subtract("s"), new Multiply("m"), new Average("v"),
                new Maximum("x"), new Minimum("n"));
        for (ElementwiseMerge layer : merges) {
            assertArrayEquals(new boolean[] {true, false, false, true, false, true}, keeps(layer.outputMask(List.of(T, T), List.of(M1, M2))),
                    layer.kerasClass());
            assertArrayEquals(keeps(M1), keeps(layer.outputMask(List.of(T, T), Arrays.asList(M1, null))), layer.kerasClass());
            assertNull(layer.outputMask(List.of(T, T), Arrays.asList(null, null)), layer.kerasClass());
        }
    }

    /** Features joined on the last axis (tf.keras 2 Concatenate.compute_mask: all over the joined masks). */
    @Test
    void concatenateOnFeaturesAndsTheMasks() {
        Mask m = new Concatenate("c", -1).outputMask(List.of(T, T), List.of(M1, M2));
        assertArrayEquals(new boolean[] {true, false, false, true, false, true}, keeps(m));
        assertNull(new Concatenate("c", -1).outputMask(List.of(T, T), Arrays.asList(null, null)));
    }

    /**
     * Steps joined (axis 1 of (batch, steps, features)): Keras 2 and 3 concatenate the masks along the steps, so
     * the output (batch, 6, 2) has a (batch, 6) mask: M1's steps then M2's.
     */
    @Test
    void concatenateOnStepsJoinsTheMasks() {
        Mask m = new Concatenate("c", 1).outputMask(List.of(T, T), List.of(M1, M2));
        assertNotNull(m);
        assertEquals(6, m.steps());
        assertArrayEquals(new boolean[] {true, true, false, true, false, false, true, false, true, true, true, true}, keeps(m));
    }
}
