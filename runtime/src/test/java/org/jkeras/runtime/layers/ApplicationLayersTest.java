package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** The layers keras.applications defines itself: LayerScale (ConvNeXt), CustomScaleLayer (InceptionResNetV2). */
class ApplicationLayersTest {

    @Test
    void layerScaleMultipliesTheLastAxis() {
        LayerScale l = new LayerScale("ls", new float[] {0.5f, -2f, 0.1f});
        Tensor out = run(l, tensor(new float[] {1, 2, 3, 4, 5, 6, /* sample 2 */ -1, 0, 10, 7, 8, 9}, 2, 2, 3));
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(new float[] {0.5f, -4f, 3 * 0.1f, 2f, -10f, 6 * 0.1f, -0.5f, -0f, 10 * 0.1f, 3.5f, -16f, 9 * 0.1f}, out.data());
        assertEquals(3, l.paramCount());
    }

    @Test
    void layerScaleBroadcastsALastAxisOfOne() {
        // NumPy: x (2, 1) * gamma (3,) -> (2, 3)
        Tensor out = run(new LayerScale("ls", new float[] {1, 2, 3}), tensor(new float[] {2, -1}, 1, 2, 1));
        assertEquals(shape(1, 2, 3), out.shape());
        assertBits(new float[] {2, 4, 6, -1, -2, -3}, out.data());
    }

    @Test
    void layerScaleRefusesAnAxisThatDoesNotBroadcast() {
        assertNamedError("ls", () -> new LayerScale("ls", new float[] {1, 2, 3}).outputShape(List.of(shape(4, 4))));
    }

    @Test
    void customScaleRoundsTheProductBeforeTheSum() {
        float s = 0.17f;
        float[] a = {1e8f, 1, -3, 0.25f}, b = {3, 1e-3f, 7, -0.5f};
        Tensor out = run(new CustomScaleLayer("cs", s), tensor(a, 1, 4), tensor(b, 1, 4));
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            float product = b[i] * s; // a float32 op of its own, as TensorFlow runs it
            expected[i] = a[i] + product;
        }
        assertBits(expected, out.data());
    }

    @Test
    void customScaleBroadcastsItsInputs() {
        // shortcut (2, 2) + residual (1, 2) * 2
        Tensor out = run(new CustomScaleLayer("cs", 2f), tensor(new float[] {1, 2, 3, 4}, 1, 2, 2), tensor(new float[] {10, 20}, 1, 1, 2));
        assertEquals(shape(1, 2, 2), out.shape());
        assertBits(new float[] {21, 42, 23, 44}, out.data());
    }

    @Test
    void customScaleTakesTwoInputs() {
        assertNamedError("cs", () -> new CustomScaleLayer("cs", 1f).outputShape(List.of(shape(3))));
    }
}
