package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;
import org.junit.jupiter.api.Test;

/**
 * A query step whose keys are all masked, on each of Keras' attention paths. One head, key_dim 1, identity
 * projections, output bias 0.5; query (1, 2), value (3, 5): step 0 attends softmax(3, 5) over the values, step 1 is
 * masked. Keras 3's fused dot-product attention and tf.keras's added -1e9 give it uniform weights (value 4); Keras 3's
 * Softmax-layer path (scores returned, or dropout set) zeroes its weights (value 0).
 */
class MultiHeadAttentionMasksTest {
    static final Tensor Q = tensor(new float[] {1, 2}, 1, 2, 1), V = tensor(new float[] {3, 5}, 1, 2, 1);
    static final Mask QM = new Mask(1, 2, new boolean[] {true, false});

    static MultiHeadAttention mha(boolean scores, Semantics s, boolean dropout) {
        DenseKernel one = DenseKernel.pack(new float[] {1}, null, 1, 1, null);
        return new MultiHeadAttention("mha", 1, 1, 1, one, one, one, DenseKernel.pack(new float[] {1}, new float[] {0.5f}, 1, 1, null),
                new int[] {1}, null, new MultiHeadAttention.Roles(0, 1, -1, -1), false, scores, 4, s, dropout);
    }

    static float step0() {
        double e3 = Math.exp(3 - 5), e5 = 1; // softmax(3, 5), shifted by the max
        return (float) ((3 * e3 + 5 * e5) / (e3 + e5) + 0.5);
    }

    @Test
    void fusedDotProductAttentionGivesAMaskedRowUniformWeights() {
        float[] y = mha(false, Semantics.KERAS_3, false).forwardAll(List.of(Q, V), java.util.Arrays.asList(QM, null)).get(0).data();
        assertEquals(step0(), y[0], 1e-6);
        assertEquals(4.5f, y[1], 1e-6);
    }

    @Test
    void softmaxLayerPathZeroesAMaskedRow() {
        List<Tensor> r = mha(true, Semantics.KERAS_3, false).forwardAll(List.of(Q, V), java.util.Arrays.asList(QM, null));
        assertEquals(step0(), r.get(0).data()[0], 1e-6);
        assertEquals(0.5f, r.get(0).data()[1], 0f);
        assertArrayEquals(new float[] {0, 0}, java.util.Arrays.copyOfRange(r.get(1).data(), 2, 4));
        float[] dropout = mha(false, Semantics.KERAS_3, true).forwardAll(List.of(Q, V), java.util.Arrays.asList(QM, null)).get(0).data();
        assertEquals(0.5f, dropout[1], 0f);
    }

    @Test
    void keras2AddsMinus1e9AndKeepsUniformWeights() {
        List<Tensor> r = mha(true, Semantics.KERAS_1_2, false).forwardAll(List.of(Q, V), java.util.Arrays.asList(QM, null));
        assertEquals(step0(), r.get(0).data()[0], 1e-6);
        assertEquals(4.5f, r.get(0).data()[1], 1e-6);
        assertArrayEquals(new float[] {0.5f, 0.5f}, java.util.Arrays.copyOfRange(r.get(1).data(), 2, 4));
    }

    /** Keras 3 deletes its query's, value's and key's masks; tf.keras did not. */
    @Test
    void onlyKeras3ClearsItsInputsMasks() {
        assertArrayEquals(new int[] {0, 1}, mha(false, Semantics.KERAS_3, false).maskClearedInputs());
        assertArrayEquals(new int[0], mha(false, Semantics.KERAS_1_2, false).maskClearedInputs());
    }
}
