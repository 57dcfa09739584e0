package org.jkeras.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.jkeras.KerasImportException;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Fusion;
import org.jkeras.runtime.Model;

/**
 * Reads a Keras file of any generation into a runtime {@link Model}: detects the format from the first bytes,
 * finds the config, the Keras version and the weights, then builds and fuses the graph. Nothing read here
 * is kept after loading.
 */
public final class ModelReader {
    /**
     * Largest weights file or archive entry read into memory: {@code -Djkeras.maxModelBytes}, by default half the
     * heap (at most 2 GiB), so a forged size or a zip bomb fails with a message instead of an OutOfMemoryError.
     */
    static final long MAX_ENTRY_BYTES = Long.getLong("jkeras.maxModelBytes",
            Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 2));
    private static final long MAX_CONFIG_BYTES = 256L << 20;

    /**
     * A read model and where it came from. When {@code problems} is not empty (only in inspection mode) the
     * model could not be built and is null; {@code layers} is the top-level config either way.
     */
    public record Loaded(Model model, ModelInfo info, List<org.jkeras.Problem> problems, List<LayerSpec> layers,
                         Map<String, List<List<Integer>>> nestedOutputs) {
        public Loaded(Model model, ModelInfo info, List<org.jkeras.Problem> problems, List<LayerSpec> layers) {
            this(model, info, problems, layers, Map.of());
        }
    }

    private final boolean fuse;
    private final Registry registry;
    private final boolean inspect;

    public ModelReader(boolean fuse, Registry registry) {
        this(fuse, registry, false);
    }

    /** {@code inspect}: an unsupported model is returned with its problems instead of failing. */
    public ModelReader(boolean fuse, Registry registry, boolean inspect) {
        this.fuse = fuse;
        this.registry = registry;
        this.inspect = inspect;
    }

    public Loaded read(Path path) {
        try {
            return readPath(path);
        } catch (RuntimeException e) {
            throw wrap(e, path.toString());
        }
    }

    private Loaded readPath(Path path) {
        String file = path.toString();
        FileFormat format = detect(path);
        switch (format) {
            case KERAS_ZIP:
                try (InputStream in = Files.newInputStream(path)) {
                    return readZip(in, file);
                } catch (IOException e) {
                    throw new KerasImportException(file + ": cannot read: " + e.getMessage(), e);
                }
            case HDF5:
                try (HdfFile h5 = openHdf5(path)) {
                    return readHdf5Model(h5, file);
                }
            default:
                return readJsonPath(path, null);
        }
    }

    /** A {@code to_json()} config with its weights file; {@code weights} null looks beside the config. */
    public Loaded readJson(Path config, Path weights) {
        try {
            return readJsonPath(config, weights);
        } catch (RuntimeException e) {
            throw wrap(e, config.toString());
        }
    }

    private Loaded readJsonPath(Path config, Path weights) {
        String file = config.toString();
        JsonObject root = parseJson(readBytes(config, MAX_CONFIG_BYTES), file);
        Path w = weights != null ? weights : findWeights(config);
        if (detect(w) != FileFormat.HDF5) throw new KerasImportException(w + ": a weights file must be HDF5 (.h5)");
        try (HdfFile h5 = openHdf5(w)) {
            String version = stringOrNull(root.get("keras_version"));
            if (version == null) version = Hdf5.string(h5, "keras_version");
            String backend = stringOrNull(root.get("backend"));
            if (backend == null) backend = Hdf5.string(h5, "backend");
            return build(root, file, FileFormat.JSON, version, backend, spec -> weightStore(h5, w.toString(), spec));
        } catch (RuntimeException e) {
            throw wrap(e, w.toString()); // past the config, what fails to read is the weights file
        }
    }

    public Loaded read(InputStream in, String name) {
        byte[] head = new byte[2048];
        try {
            java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 8192);
            b.mark(head.length);
            int n = b.readNBytes(head, 0, head.length);
            b.reset();
            FileFormat f = FileFormat.detect(head, n);
            if (f == FileFormat.KERAS_ZIP) return readZip(b, name);
            if (f == FileFormat.HDF5) {
                try (HdfFile h5 = HdfFile.fromBytes(readAll(b, MAX_ENTRY_BYTES, name))) {
                    return readHdf5Model(h5, name);
                }
            }
            if (f == FileFormat.JSON) throw new KerasImportException(name + ": a JSON config needs its weights file: load it from a path with its weights");
            throw new KerasImportException(name + ": not a Keras file (expected a .keras zip, an HDF5 file or a JSON config)");
        } catch (IOException e) {
            throw new KerasImportException(name + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw wrap(e, name);
        }
    }

    private Loaded readHdf5Model(HdfFile h5, String file) {
        try {
            String config = Hdf5.string(h5, "model_config");
            if (config == null) {
                throw new KerasImportException(file + ": this HDF5 file holds no model_config (a weights-only file?);"
                        + " load the model's JSON config (model.to_json()) together with it");
            }
            JsonObject root = parseJson(config.getBytes(StandardCharsets.UTF_8), file + " model_config");
            String version = Hdf5.string(h5, "keras_version");
            String backend = Hdf5.string(h5, "backend");
            return build(root, file, FileFormat.HDF5, version, backend, spec -> weightStore(h5, file, spec));
        } catch (RuntimeException e) {
            throw wrap(e, file);
        }
    }

    private Loaded readZip(InputStream raw, String file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String entryName = e.getName();
                if (entryName.startsWith("/") || entryName.contains("..") || entryName.contains("\\") || entryName.contains(":")) {
                    throw new KerasImportException(file + ": archive entry '" + entryName + "' points outside the archive");
                }
                String n = entryName.replaceFirst("^(\\./)+", ""); // "./config.json" is config.json
                boolean asset = n.startsWith("assets/") && !n.endsWith("/"); // a layer's files (IntegerLookup's vocabulary)
                if (!asset && !List.of("config.json", "metadata.json", "model.weights.h5").contains(n)) continue;
                if (entries.containsKey(n)) throw new KerasImportException(file + ": archive holds '" + n + "' twice (entry '" + entryName + "')");
                long cap = n.endsWith(".h5") ? MAX_ENTRY_BYTES : MAX_CONFIG_BYTES;
                entries.put(n, readAll(zip, cap, file + "!" + n));
            }
        } catch (java.util.zip.ZipException e) {
            throw new KerasImportException(file + ": corrupt .keras archive: " + e.getMessage(), e);
        }
        for (String need : List.of("config.json", "model.weights.h5")) {
            if (!entries.containsKey(need)) throw new KerasImportException(file + ": .keras archive has no " + need);
        }
        JsonObject root = parseJson(entries.get("config.json"), file + "!config.json");
        String version = null;
        if (entries.containsKey("metadata.json")) {
            version = stringOrNull(parseJson(entries.get("metadata.json"), file + "!metadata.json").get("keras_version"));
        }
        try (HdfFile h5 = HdfFile.fromBytes(entries.get("model.weights.h5"))) {
            String wname = file + "!model.weights.h5";
            Map<String, byte[]> assets = new HashMap<>(entries);
            assets.keySet().removeIf(k -> !k.startsWith("assets/"));
            return build(root, file, FileFormat.KERAS_ZIP, version, null, spec -> weightStore(h5, wname, spec, assets));
        } catch (RuntimeException e) {
            throw wrap(e, file);
        }
    }

    private Loaded build(JsonObject root, String file, FileFormat format, String version, String backend,
                         java.util.function.Function<ModelSpec, WeightStore> weights) {
        Semantics semantics;
        String source;
        if (Semantics.isKnownVersion(version)) {
            semantics = Semantics.fromKerasVersion(version);
            source = "keras_version " + version;
        } else {
            Semantics inferred = inferFromConfig(root.toString());
            semantics = inferred != null ? inferred : Semantics.KERAS_3;
            source = inferred != null ? "no keras_version; inferred from the config's keys" : "keras_version unknown; Keras 3 assumed";
        }
        ModelSpec spec = new ModelConfigParser(file, semantics == Semantics.KERAS_3).parse(root);
        WeightStore store = weights.apply(spec);
        GraphBuilder builder = new GraphBuilder(file, semantics, registry, version, backend);
        if (inspect) {
            List<org.jkeras.Problem> problems = builder.problems(spec);
            if (!problems.isEmpty()) {
                return new Loaded(null, new ModelInfo(file, format, version, backend, semantics, source, store.describe(),
                        List.of()), problems, spec.layers());
            }
        }
        Model model = builder.build(spec, store);
        if (fuse) model = Fusion.fuse(model);
        return new Loaded(model, new ModelInfo(file, format, version, backend, semantics, source, store.describe(), builder.notes()),
                List.of(), spec.layers(), fuse ? Map.of() : builder.nestedOutputs()); // fusion renumbers the values
    }

    /** Keras 3 configs carry {@code module}/{@code registered_name}; Keras 1/2 ones never do. */
    private static Semantics inferFromConfig(String json) {
        if (json.contains("\"registered_name\"")) return Semantics.KERAS_3;
        if (json.contains("\"output_dim\"") || json.contains("\"kernel_initializer\"") || json.contains("\"init\"")) return Semantics.KERAS_1_2;
        return null;
    }

    private static WeightStore weightStore(HdfFile h5, String file, ModelSpec spec) {
        return weightStore(h5, file, spec, Map.of());
    }

    private static WeightStore weightStore(HdfFile h5, String file, ModelSpec spec, Map<String, byte[]> assets) {
        Node mw = h5.getChildren().get("model_weights");
        if (mw instanceof Group g) return new LegacyWeights(file, g);
        if (h5.getAttribute("layer_names") != null || h5.getAttribute("layer_names0") != null) return new LegacyWeights(file, h5); // or chunked
        if (h5.getChildren().get("layers") instanceof Group || h5.getChildren().get("vars") instanceof Group) {
            return new Keras3Weights(file, h5, spec.layers(), spec.className().equals("Sequential"), assets);
        }
        if (h5.getChildren().isEmpty()) return WeightStore.NONE;
        throw new KerasImportException(file + ": no Keras weights layout found (no model_weights group, layer_names attribute or layers group)");
    }

    /** {@code m.json} -> {@code m.weights.h5}, {@code m_config.json} -> {@code m_weights.h5}, or {@code m.h5}. */
    private static Path findWeights(Path config) {
        String name = config.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        List<Path> tried = new ArrayList<>();
        List<String> candidates = new ArrayList<>(List.of(stem + ".weights.h5", stem + "_weights.h5", stem + ".h5"));
        if (stem.endsWith("_config")) candidates.add(0, stem.substring(0, stem.length() - 7) + "_weights.h5");
        for (String c : candidates) {
            Path p = config.resolveSibling(c);
            tried.add(p);
            if (Files.isRegularFile(p)) return p;
        }
        throw new KerasImportException(config + ": a JSON config needs its weights file; none given and none found beside it (tried "
                + tried.stream().map(p -> p.getFileName().toString()).toList() + ")");
    }

    private static FileFormat detect(Path path) {
        byte[] head = new byte[2048];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new KerasImportException(path + ": no such file", e);
        } catch (IOException e) {
            throw new KerasImportException(path + ": cannot read: " + e.getMessage(), e);
        }
        FileFormat f = FileFormat.detect(head, n);
        if (f == null) {
            throw new KerasImportException(path + ": not a Keras file (expected a .keras zip, an HDF5 file or a JSON config; "
                    + (n == 0 ? "the file is empty" : "the first bytes match none") + ")");
        }
        return f;
    }

    /**
     * Opens an HDF5 file memory-mapped: jHDF then reads structures as slices of the mapping, so a forged size in
     * a corrupt file fails at once instead of allocating that much memory, and weights load without copies.
     */
    private static HdfFile openHdf5(Path path) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            if (ch.size() < Integer.MAX_VALUE) return HdfFile.fromByteBuffer(ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size()));
            return new HdfFile(path);
        } catch (IOException e) {
            throw new KerasImportException(path + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new KerasImportException(path + ": not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    private static JsonObject parseJson(byte[] bytes, String file) {
        try {
            JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new KerasImportException(file + ": the JSON is not an object");
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new KerasImportException(file + ": malformed JSON: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new KerasImportException(file + ": JSON nested too deeply", e);
        }
    }

    private static String stringOrNull(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static byte[] readBytes(Path p, long cap) {
        try (InputStream in = Files.newInputStream(p)) {
            return readAll(in, cap, p.toString());
        } catch (NoSuchFileException e) {
            throw new KerasImportException(p + ": no such file", e);
        } catch (IOException e) {
            throw new KerasImportException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in, long cap, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > cap) {
                throw new KerasImportException(name + ": larger than the " + cap + "-byte budget for one file in memory"
                        + " (-Djkeras.maxModelBytes, or a larger heap)");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Our own exceptions pass; anything jHDF or the JDK throws on a corrupt file becomes one with the file's name. */
    private static KerasImportException wrap(RuntimeException e, String file) {
        if (e instanceof KerasImportException k) return k;
        return new KerasImportException(file + ": corrupt or unreadable file: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
}
