package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras 3 weights files without the {@code name} attribute on {@code vars} (copies of golden files with it
 * removed): layers are then found by snake_case class name and creation order, InputLayer counted in a
 * Functional model and not in a Sequential one. The predictions must still be Keras' own.
 */
class Keras3WeightsTest {
    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");
    private static final Path UNNAMED = Path.of("src", "test", "resources", "keras3-unnamed");

    @ParameterizedTest
    @ValueSource(strings = {"batchnorm_dense", "functional_2in_2out", "nested_sequential", "gqa"})
    void layersFoundByClassAndPosition(String name) {
        KerasModel m = KerasModel.load(GOLDEN.resolve(name).resolve("model.json"), UNNAMED.resolve(name + ".weights.h5"));
        assertTrue(m.info().weights().contains("position"), m.info().weights());
        try (HdfFile io = new HdfFile(GOLDEN.resolve(name).resolve("io.h5"))) {
            Tensor[] in = new Tensor[m.inputNames().size()];
            for (int i = 0; i < in.length; i++) in[i] = read(io.getDatasetByPath("inputs/" + i));
            Tensor[] out = m.predict(in);
            for (int o = 0; o < out.length; o++) {
                Tensor e = read(io.getDatasetByPath("outputs/" + o));
                for (int k = 0; k < e.size(); k++) {
                    assertEquals(e.data()[k], out[o].data()[k], 1e-5 + 1e-5 * Math.abs(e.data()[k]), name + " output " + o + " index " + k);
                }
            }
        }
    }

    private static Tensor read(Dataset d) {
        return new Tensor(Shape.of(d.getDimensions()), (float[]) d.getDataFlat());
    }
}
