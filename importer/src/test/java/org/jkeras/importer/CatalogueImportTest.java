package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;

/** EinsumDense from a tf.keras-style file (weights by name), and the errors of its config named by key. */
class CatalogueImportTest {
    @TempDir
    Path dir;

    private static String einsum(String equation, String outputShape, String biasAxes) {
        return Fixtures.layer("EinsumDense", "ed", "\"equation\": \"" + equation + "\", \"output_shape\": " + outputShape
                + ", \"bias_axes\": " + (biasAxes == null ? "null" : "\"" + biasAxes + "\"") + ", \"activation\": \"linear\"");
    }

    private Path weights(float[][] kernel, float[] bias) {
        return Fixtures.legacyWeights(dir.resolve("w.h5"), Map.of("ed", bias == null ? Fixtures.weights("ed/kernel:0", kernel)
                : Fixtures.weights("ed/kernel:0", kernel, "ed/bias:0", bias)));
    }

    @Test
    void einsumDenseAbBcIsADenseLayer() {
        float[][] w = Fixtures.matrix(3, 4, 5), x = Fixtures.matrix(2, 3, 6);
        float[] b = Fixtures.vector(4, 7);
        Path json = Fixtures.write(dir.resolve("m.json"), Fixtures.sequential("2.13.1", 3, einsum("ab,bc->ac", "4", "c")));
        float[][] y = KerasModel.load(json, weights(w, b)).predict(x);
        double[][] want = Fixtures.affine(x, w, b);
        for (int r = 0; r < 2; r++) for (int j = 0; j < 4; j++) assertEquals(want[r][j], y[r][j], 1e-5, "row " + r + " col " + j);
    }

    private KerasImportException fails(String layer, float[][] kernel, float[] bias) {
        Path json = Fixtures.write(dir.resolve("m.json"), Fixtures.sequential("2.13.1", 3, layer));
        return assertThrows(KerasImportException.class, () -> KerasModel.load(json, weights(kernel, bias)));
    }

    @Test
    void einsumDenseConfigErrorsNameTheKey() {
        float[][] w = Fixtures.matrix(3, 4, 5);
        String m = fails(einsum("a,b", "4", null), w, null).getMessage();
        assertTrue(m.contains("layer 'ed' (EinsumDense): config key 'equation'"), m);
        m = fails(einsum("ab,bc->ac", "4", "z"), w, new float[4]).getMessage();
        assertTrue(m.contains("config key 'bias_axes': 'z' is not an output letter"), m);
        m = fails(einsum("ab,bc->ac", "5", null), w, null).getMessage();
        assertTrue(m.contains("(kernel) has shape [3, 4], the config implies [3, 5]"), m);
    }
}
