package org.jkeras.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jkeras.KerasModel;

/**
 * The models of this JVM, by content: every task, stage and {@code transform} on an executor (and the driver) shares
 * one immutable {@link KerasModel} per model file, loader extension and thread count, loaded once. Least recently
 * used models beyond {@code -Djkeras.spark.models} (default 4) are dropped.
 */
final class ExecutorModels {
    private static final int CAPACITY = Math.max(1, Integer.getInteger("jkeras.spark.models", 4));
    private static final Map<Key, Slot> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Slot> eldest) {
            return size() > CAPACITY;
        }
    };
    private static final AtomicInteger LOADS = new AtomicInteger();

    private record Key(String sha256, String extension, int threads) {
    }

    /** Loads under its own lock, so one model loading does not hold up tasks that need another. */
    private static final class Slot {
        private KerasModel model;

        synchronized KerasModel get(ModelBytes bytes, String extension, int threads) {
            if (model == null) {
                model = load(bytes, extension, threads);
                LOADS.incrementAndGet();
            }
            return model;
        }
    }

    private ExecutorModels() {
    }

    static KerasModel get(ModelBytes bytes, String extension, int threads) {
        Slot slot;
        synchronized (MODELS) {
            slot = MODELS.computeIfAbsent(new Key(bytes.sha256, extension, threads), k -> new Slot());
        }
        return slot.get(bytes, extension, threads);
    }

    /** Models loaded in this JVM so far (for tests: one per model, not one per task). */
    static int loads() {
        return LOADS.get();
    }

    private static KerasModel load(ModelBytes bytes, String extension, int threads) {
        KerasModel.Loader loader = KerasModel.loader().threads(threads);
        if (extension != null) loader = LoaderExtension.named(extension).extend(loader);
        try {
            if (bytes.weights == null) return loader.load(new ByteArrayInputStream(bytes.model));
            return loadJson(loader, bytes);
        } catch (KerasSparkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KerasSparkException(bytes.uri + ": " + e.getMessage(), e);
        }
    }

    /** A to_json() config is read from files: both go to a temporary folder under their own names first. */
    private static KerasModel loadJson(KerasModel.Loader loader, ModelBytes bytes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jkeras-spark-");
            String configName = ModelBytes.fileName(bytes.uri), weightsName = ModelBytes.fileName(bytes.weightsUri);
            if (weightsName.equals(configName)) weightsName = "weights-" + weightsName;
            Path config = Files.write(dir.resolve(configName), bytes.model);
            Path weights = Files.write(dir.resolve(weightsName), bytes.weights);
            return loader.load(config, weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model's files to a temporary folder: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the model is loaded
        }
    }
}
