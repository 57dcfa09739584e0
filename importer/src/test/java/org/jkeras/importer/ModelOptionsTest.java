package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.activations.Simd;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Parallel;

/** Options a user sets per model (threads, warm-up) and the metadata a model describes itself with. */
class ModelOptionsTest {
    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    @TempDir
    Path dir;

    /** The dtypes Keras 3.15.1 gives these models' inputs and outputs ({@code [t.dtype for t in model.inputs]}, outputs). */
    @Test
    void inputAndOutputDtypesAreKeras() {
        KerasModel logic = KerasModel.load(GOLDEN.resolve("ops_binary_logic/model.keras"));
        assertEquals(List.of("float32"), logic.inputs().stream().map(TensorInfo::dtype).toList());
        assertEquals(List.of("float32", "float32", "bool", "bool"), logic.outputs().stream().map(TensorInfo::dtype).toList());
        for (String form : List.of("model.keras", "model.h5")) {
            KerasModel masks = KerasModel.load(GOLDEN.resolve("masks_explicit").resolve(form));
            List<TensorInfo> in = masks.inputs();
            assertEquals(List.of("ids", "step_mask"), in.stream().map(TensorInfo::name).toList(), form);
            assertEquals(List.of("int32", "float32"), in.stream().map(TensorInfo::dtype).toList(), form);
            assertTrue(in.get(0).isInteger());
            assertEquals(masks.inputShapes(), in.stream().map(TensorInfo::shape).toList());
            assertEquals(masks.outputKeys(), masks.outputs().stream().map(TensorInfo::key).toList());
            assertEquals(masks.outputShapes(), masks.outputs().stream().map(TensorInfo::shape).toList());
        }
    }

    /** A model's own thread count governs its calls; another model keeps the default. */
    @Test
    void threadsArePerModel() {
        String cfg = Fixtures.sequential("2.15.0", 3, Fixtures.layer("Probe", "probe", ""));
        Path json = Fixtures.write(dir.resolve("p.json"), cfg);
        Path weights = Fixtures.legacyWeights(dir.resolve("p_weights.h5"), Map.of("unused", Fixtures.weights("k", new float[] {0})));
        AtomicInteger seen = new AtomicInteger();
        KerasModel.Loader loader = KerasModel.loader().register("Probe", ctx -> new Probe(ctx.name(), seen));
        int before = Parallel.defaultThreads();
        try {
            Parallel.setThreads(2);
            KerasModel one = loader.threads(1).load(json, weights);
            KerasModel three = KerasModel.loader().register("Probe", ctx -> new Probe(ctx.name(), seen)).threads(3).load(json, weights);
            KerasModel dflt = KerasModel.loader().register("Probe", ctx -> new Probe(ctx.name(), seen)).load(json, weights);
            float[][] x = {{1, 2, 3}};
            one.predict(x);
            assertEquals(1, seen.get());
            three.predict(x);
            assertEquals(3, seen.get());
            dflt.predict(x);
            assertEquals(2, seen.get());
            assertEquals(1, one.threads());
            assertEquals(2, dflt.threads());
            assertEquals(2, Parallel.threads(), "a call's count does not outlive the call");
            assertThrows(IllegalArgumentException.class, () -> KerasModel.loader().threads(0));
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** withThreads nests and restores; parallel loops inside use that many distinct threads at most. */
    @Test
    void withThreadsBoundsTheLoopsInside() {
        int before = Parallel.defaultThreads();
        try {
            Parallel.setThreads(1);
            var used = ConcurrentHashMap.<Thread>newKeySet();
            Parallel.withThreads(2, () -> {
                assertEquals(2, Parallel.threads());
                Parallel.withThreads(1, () -> {
                    assertEquals(1, Parallel.threads());
                    return null;
                });
                assertEquals(2, Parallel.threads());
                for (int attempt = 0; attempt < 50 && used.size() < 2; attempt++) {
                    Parallel.parallelFor(32, i -> {
                        used.add(Thread.currentThread());
                        sleep();
                    });
                }
                return null;
            });
            assertEquals(2, used.size(), "the call's pool of 2 ran the loop, though the default is 1");
            assertEquals(1, Parallel.threads());
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** warmUp predicts on made-up inputs of every input's dtype and shape, open dimensions included, and changes nothing. */
    @Test
    void warmUpRunsAndKeepsResults() {
        Path file = GOLDEN.resolve("masks_explicit/model.keras");
        KerasModel m = KerasModel.load(file);
        Tensor[] x = new Tensor[m.inputs().size()];
        for (int i = 0; i < x.length; i++) {
            Shape s = m.inputs().get(i).shape().prepend(2);
            float[] d = new float[s.size()];
            for (int j = 0; j < d.length; j++) d[j] = (j * 7 + i) % 3 == 0 ? 0 : 1 + j % 4;
            x[i] = new Tensor(s, d);
        }
        Tensor[] y = m.predict(x);
        assertEquals(m, m.warmUp());
        assertArrayEquals(y[0].data(), m.predict(x)[0].data());
        assertArrayEquals(y[0].data(), KerasModel.loader().warmUp(true).load(file).predict(x)[0].data());
    }

    @Test
    void kernelsAreDescribed() {
        KerasModel m = KerasModel.load(GOLDEN.resolve("ops_binary_logic/model.keras"));
        String k = m.info().kernels();
        assertTrue(Simd.ENABLED ? k.startsWith("Vector API, ") && k.endsWith(" floats)") : k.startsWith("scalar ("), k);
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the thread count its call runs with. */
    private static final class Probe extends Layer {
        private final AtomicInteger seen;

        Probe(String name, AtomicInteger seen) {
            super(name);
            this.seen = seen;
        }

        @Override
        public String kerasClass() {
            return "Probe";
        }

        @Override
        public Shape outputShape(List<Shape> inputs) {
            return inputs.get(0);
        }

        @Override
        public Tensor forward(List<Tensor> inputs) {
            seen.set(Parallel.threads());
            return inputs.get(0);
        }
    }
}
