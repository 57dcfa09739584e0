package org.jkeras.junit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

import org.jkeras.KerasModel;
import org.jkeras.io.golden.GoldenFile;

/**
 * Finds golden cases under a folder: every folder (at any depth) that holds one or more Keras model files and one
 * golden file. With {@code @TestFactory}, a test suite checks all its models in three lines:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> keras() {
 *     return GoldenCases.scan(Path.of("src/test/resources/models"));
 * }
 * }</pre>
 * <ul>
 *   <li>Model files: {@code *.keras}; {@code *.h5} full models ({@code model.save("m.h5")}); {@code *.json} configs
 *       ({@code model.to_json()}) with weights beside them ({@code m.weights.h5}, {@code m_weights.h5}, or
 *       {@code x_weights.h5} for {@code x_config.json}). Weights-only HDF5 files are not models.</li>
 *   <li>The golden file, as {@link GoldenFile#find} picks it: {@code golden.h5}, {@code io.h5}, the folder's
 *       {@code in_N.npy} / {@code out_N.npy}, another golden HDF5 ({@code *_inputs_and_outputs.h5}), {@code io.json},
 *       {@code golden.json}, {@code golden.npz}, {@code io.npz}.</li>
 *   <li>The tolerance: {@code tolerance.json} ({@code {"atol": 1e-5, "rtol": 1e-5}}) or the {@code tolerance} object of
 *       {@code case.json} in the folder, else the one given.</li>
 * </ul>
 * Each model file is one {@link DynamicTest}. A folder tree without any case gives one failing test, so a wrong
 * path cannot pass unnoticed.
 */
public final class GoldenCases {
    private GoldenCases() {
    }

    /**
     * A model in one file form: a single file, or a JSON config with its weights.
     *
     * @param label   the file name, with {@code +weights} for a config with its weights: the test's name
     * @param model   the model file ({@code .keras}, full-model {@code .h5}, or {@code .json} config)
     * @param weights the weights file of a JSON config, else null
     */
    public record ModelFile(String label, Path model, Path weights) {
        /** Loads it; {@code fuse(false)} keeps every Keras layer its own node, for tracing layer outputs. */
        public KerasModel load(boolean fuse) {
            KerasModel.Loader l = KerasModel.loader().fuse(fuse);
            return weights == null ? l.load(model) : l.load(model, weights);
        }
    }

    /**
     * One folder's case.
     *
     * @param name      the folder, relative to the scanned one ({@code "."} for itself)
     * @param dir       the folder
     * @param golden    its golden file (or folder of {@code .npy} files)
     * @param models    every model file form found in it
     * @param tolerance from {@code tolerance.json} or {@code case.json}, or null when the folder gives none
     */
    public record Case(String name, Path dir, Path golden, List<ModelFile> models, Tolerance tolerance) {
        public Case {
            models = List.copyOf(models);
        }

        /** This case's tolerance, or {@code fallback} when its folder gives none. */
        public Tolerance toleranceOr(Tolerance fallback) {
            return tolerance == null ? fallback : tolerance;
        }

        /** One test per model file: {@link KerasAssertions#assertMatchesGolden(Path, Path, Path, Tolerance)}. */
        public Stream<DynamicTest> tests(Tolerance fallback) {
            Tolerance t = toleranceOr(fallback);
            return models.stream().map(f -> DynamicTest.dynamicTest(name + ": " + f.label() + " vs " + golden.getFileName(), f.model().toUri(),
                    () -> KerasAssertions.assertMatchesGolden(f.model(), f.weights(), golden, t)));
        }
    }

    /** One test per model file of every case under {@code dir}, at each case's tolerance or {@link Tolerance#DEFAULT}. */
    public static Stream<DynamicTest> scan(Path dir) {
        return scan(dir, Tolerance.DEFAULT);
    }

    /** One test per model file of every case under {@code dir}, at each case's tolerance or {@code tolerance}. */
    public static Stream<DynamicTest> scan(Path dir, Tolerance tolerance) {
        List<Case> cases = find(dir);
        if (cases.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("golden cases under " + dir, () -> Assertions.fail("no golden case under "
                    + dir.toAbsolutePath() + ": expected folders with a model file (.keras, .h5, .json) and a golden file (golden.h5, io.h5, "
                    + "in_N.npy/out_N.npy, ...)")));
        }
        return cases.stream().flatMap(c -> c.tests(tolerance));
    }

    /** The cases under {@code dir} (itself included), folders in name order. */
    public static List<Case> find(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir.toAbsolutePath() + ": not a folder");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).sorted().toList()) {
                Path golden = GoldenFile.find(d);
                if (golden == null) continue;
                List<ModelFile> models = models(d);
                if (models.isEmpty()) continue;
                String name = dir.relativize(d).toString().replace('\\', '/');
                out.add(new Case(name.isEmpty() ? "." : name, d, golden, models, tolerance(d)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The model files directly in {@code dir}, in name order. */
    public static List<ModelFile> models(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ModelFile> out = new ArrayList<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".keras")) {
                out.add(new ModelFile(n, f, null));
            } else if ((lower.endsWith(".h5") || lower.endsWith(".hdf5")) && isFullModel(f)) {
                out.add(new ModelFile(n, f, null));
            } else if (lower.endsWith(".json") && isModelConfig(f)) {
                Path w = weightsFor(f);
                out.add(new ModelFile(w == null ? n : n + "+" + w.getFileName(), f, w));
            }
        }
        return out;
    }

    private static boolean isFullModel(Path f) {
        try (HdfFile h = new HdfFile(f)) {
            return h.getAttribute("model_config") != null;
        } catch (HdfException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isModelConfig(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) return false;
            JsonObject o = e.getAsJsonObject();
            return o.has("class_name") && o.has("config") && !o.has("inputs");
        } catch (IOException | JsonParseException e) {
            return false;
        }
    }

    /** {@code m.weights.h5}, {@code m_weights.h5}, or {@code x_weights.h5} / {@code x.weights.h5} for {@code x_config.json}. */
    private static Path weightsFor(Path json) {
        String stem = json.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        List<String> names = new ArrayList<>(List.of(stem + ".weights.h5", stem + "_weights.h5"));
        if (stem.endsWith("_config")) {
            String base = stem.substring(0, stem.length() - "_config".length());
            names.add(base + "_weights.h5");
            names.add(base + ".weights.h5");
        }
        for (String n : names) {
            Path p = json.resolveSibling(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Tolerance tolerance(Path dir) {
        for (String n : List.of("tolerance.json", "case.json")) {
            Path p = dir.resolve(n);
            if (!Files.isRegularFile(p)) continue;
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                JsonElement e = JsonParser.parseReader(r);
                if (!e.isJsonObject()) continue;
                JsonObject o = e.getAsJsonObject();
                if (n.equals("case.json")) {
                    if (!o.has("tolerance") || !o.get("tolerance").isJsonObject()) continue;
                    o = o.getAsJsonObject("tolerance");
                }
                if (o.has("atol") || o.has("rtol")) {
                    return new Tolerance(o.has("atol") ? o.get("atol").getAsDouble() : 0, o.has("rtol") ? o.get("rtol").getAsDouble() : 0);
                }
            } catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                throw new IllegalArgumentException(p + ": unreadable tolerance: " + e.getMessage(), e);
            }
        }
        return null;
    }
}
