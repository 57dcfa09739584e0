package org.jkeras.io.golden;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import org.jkeras.importer.Hdf5;
import org.jkeras.io.ArrayFileException;
import org.jkeras.io.Npy;
import org.jkeras.io.Npz;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Inputs and predictions saved from Python (and, where the file has them, every layer's output), in any of the
 * layouts {@code jkeras verify} reads:
 * <ul>
 *   <li>{@link Kind#IO_H5}: HDF5 with datasets {@code inputs/0..}, {@code outputs/0..} (attribute {@code name}) and
 *       optionally {@code activations/<layer>} or {@code activations/<layer>:<node>:<k>} (attributes {@code name},
 *       {@code node_index}, {@code output_index}; group attribute {@code order}). Our golden {@code io.h5} files
 *       and what {@code testmodels/tools/save_golden.py} writes.</li>
 *   <li>{@link Kind#IO_JSON}: {@code {"inputs": [{"name", "shape", "data"}], "outputs": [...]}}, optionally
 *       {@code "activations"} in the same form (with {@code node_index} and {@code output_index} if not 0).</li>
 *   <li>{@link Kind#NPZ}: a NumPy {@code .npz}; keys {@code inputs} / {@code outputs} (a model with one input / one
 *       output), or {@code input:<name>} / {@code output:<name>} by Keras name, or {@code input_<N>} /
 *       {@code output_<N>} by position; optionally {@code activation:<layer>} (or
 *       {@code activation:<layer>:<node>:<k>}).</li>
 *   <li>{@link Kind#NPY_FOLDER}: a folder of {@code in_0.npy, in_1.npy, ...} and {@code out_0.npy, ...}, by
 *       position, or two folders (inputs, outputs).</li>
 *   <li>{@link Kind#INPUTS_AND_OUTPUTS_H5}: HDF5 with groups {@code inputs/<input layer>},
 *       {@code predictions/<output layer>} and optionally {@code activations/<layer>} (the layout of other Keras
 *       importers' test suites). Its {@code outputs} group is never read: it may hold training targets.</li>
 * </ul>
 * Arrays include the batch axis. Every dtype is read as float32.
 */
public final class GoldenFile {

    /** The layouts read. */
    public enum Kind {
        /** HDF5 with {@code inputs/N}, {@code outputs/N}: what {@code save_golden.py} writes. */
        IO_H5("io.h5 layout (inputs/N, outputs/N)"),
        /** JSON with {@code "inputs"} and {@code "outputs"} lists of {@code {"name", "shape", "data"}}. */
        IO_JSON("io.json layout"),
        /** A NumPy {@code .npz} keyed {@code inputs}/{@code outputs}, by name or by position. */
        NPZ(".npz archive"),
        /** A folder (or two) of {@code in_N.npy} and {@code out_N.npy}. */
        NPY_FOLDER("in_N.npy / out_N.npy folder"),
        /** HDF5 with groups {@code inputs/<name>} and {@code predictions/<name>}. */
        INPUTS_AND_OUTPUTS_H5("inputs-and-outputs HDF5 layout (inputs/<name>, predictions/<name>)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** The layout in a few words, for reports. */
        public String description() {
            return description;
        }
    }

    /**
     * A recorded array.
     *
     * @param name   the Keras input or output name, or null when the file gives only a position
     * @param tensor the values, batch axis first
     */
    public record Array(String name, Tensor tensor) {
    }

    /**
     * A layer's recorded output.
     *
     * @param key    how the file names it
     * @param layer  the layer as Keras names it ({@code outer/inner} for a layer inside a nested model where the file
     *               records one)
     * @param node   the 0-based call of the layer in the model
     * @param output the output tensor of that call
     * @param tensor the values, batch axis first
     */
    public record Activation(String key, String layer, int node, int output, Tensor tensor) {
    }

    private static final Pattern NODE_SUFFIX = Pattern.compile("^(.*):(\\d+):(\\d+)$");
    private static final Pattern INDEXED = Pattern.compile("^(in|out)_(\\d+)\\.npy$");

    private final String source;
    private final Kind kind;
    private final List<Array> inputs;
    private final List<Array> outputs;
    private final List<Activation> activations;

    /** Recorded inputs and outputs (neither may be empty) and layer outputs, from {@code source} in layout {@code kind}. */
    public GoldenFile(String source, Kind kind, List<Array> inputs, List<Array> outputs, List<Activation> activations) {
        this.source = source;
        this.kind = kind;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.activations = List.copyOf(activations);
        if (this.inputs.isEmpty()) throw new ArrayFileException(source + ": no inputs recorded");
        if (this.outputs.isEmpty()) throw new ArrayFileException(source + ": no outputs (predictions) recorded");
    }

    /** The file or folder as given. */
    public String source() {
        return source;
    }

    /** The layout it was read from. */
    public Kind kind() {
        return kind;
    }

    /** The recorded inputs, in the file's order. */
    public List<Array> inputs() {
        return inputs;
    }

    /** The recorded outputs (Keras' predictions), in the file's order. */
    public List<Array> outputs() {
        return outputs;
    }

    /** Per-layer outputs, in the file's order ({@code order} attribute where there is one); empty when none. */
    public List<Activation> activations() {
        return activations;
    }

    /** A one-line description: the layout and what it holds. */
    public String describe() {
        return kind.description() + ": " + inputs.size() + " input(s), " + outputs.size() + " output(s)"
                + (activations.isEmpty() ? "" : ", " + activations.size() + " layer outputs");
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads a golden file or folder, telling the layout from its content: an HDF5 file with a {@code predictions}
     * group is the inputs-and-outputs layout, one with {@code outputs/0} the io.h5 layout; {@code .json} the io.json
     * layout; {@code .npz} an archive; a folder holds {@code io.h5}, {@code golden.h5}, {@code in_N.npy} files, or a
     * single other golden HDF5 file (such as {@code *_inputs_and_outputs.h5}).
     */
    public static GoldenFile read(Path path) {
        if (Files.isDirectory(path)) return readFolder(path);
        if (!Files.isRegularFile(path)) throw new ArrayFileException(path + ": no such file or folder");
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) return readNpz(path);
        if (name.endsWith(".json")) return readJson(path);
        if (name.endsWith(".npy")) {
            throw new ArrayFileException(path + ": a single .npy cannot hold both inputs and predictions; give the folder of in_N.npy / out_N.npy files");
        }
        if (isHdf5(path)) return readHdf5(path);
        throw new ArrayFileException(path + ": not a golden file (expected .h5, .json, .npz or a folder of in_N.npy / out_N.npy)");
    }

    /** Inputs from one folder's {@code in_N.npy} files, predictions from another's {@code out_N.npy}. */
    public static GoldenFile read(Path inputsFolder, Path outputsFolder) {
        List<Array> in = indexed(inputsFolder, "in");
        List<Array> out = indexed(outputsFolder, "out");
        if (in.isEmpty()) throw new ArrayFileException(inputsFolder + ": no in_0.npy");
        if (out.isEmpty()) throw new ArrayFileException(outputsFolder + ": no out_0.npy");
        return new GoldenFile(inputsFolder + " + " + outputsFolder, Kind.NPY_FOLDER, in, out, List.of());
    }

    /**
     * The golden file a folder stands for, or null: {@code golden.h5}, then {@code io.h5}, then the folder itself
     * when it has {@code in_0.npy} and {@code out_0.npy}, then a single other HDF5 golden file, then {@code io.json},
     * {@code golden.json}, {@code golden.npz}, {@code io.npz}.
     */
    public static Path find(Path folder) {
        for (String n : List.of("golden.h5", "io.h5")) {
            Path p = folder.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        if (Files.isRegularFile(folder.resolve("in_0.npy")) && Files.isRegularFile(folder.resolve("out_0.npy"))) return folder;
        List<Path> h5 = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if ((n.endsWith(".h5") || n.endsWith(".hdf5")) && Files.isRegularFile(p) && isGoldenHdf5(p)) h5.add(p);
            }
        } catch (IOException e) {
            throw new ArrayFileException(folder + ": " + e.getMessage(), e);
        }
        if (h5.size() == 1) return h5.get(0);
        if (h5.size() > 1) throw new ArrayFileException(folder + ": several golden HDF5 files " + names(h5) + "; name the one to use");
        for (String n : List.of("io.json", "golden.json", "golden.npz", "io.npz")) {
            Path p = folder.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** Whether an HDF5 file holds golden data (groups {@code inputs} and {@code outputs} or {@code predictions}). */
    public static boolean isGoldenHdf5(Path file) {
        if (!isHdf5(file)) return false;
        try (HdfFile h = new HdfFile(file)) {
            return h.getChild("inputs") instanceof Group && (h.getChild("predictions") instanceof Group || h.getChild("outputs") instanceof Group)
                    && !h.getAttributes().containsKey("model_config") && Hdf5.strings(h, "layer_names") == null; // a model or weights file
        } catch (HdfException | IllegalArgumentException e) {
            return false;
        }
    }

    private static GoldenFile readFolder(Path folder) {
        Path p = find(folder);
        if (p == null) {
            throw new ArrayFileException(folder + ": no golden data here (io.h5, golden.h5, in_N.npy + out_N.npy, a *_inputs_and_outputs.h5, "
                    + "io.json or golden.npz)");
        }
        if (p.equals(folder)) {
            return new GoldenFile(folder.toString(), Kind.NPY_FOLDER, indexed(folder, "in"), indexed(folder, "out"), List.of());
        }
        return read(p);
    }

    /** {@code <prefix>_0.npy, <prefix>_1.npy, ...}, contiguous from 0. */
    private static List<Array> indexed(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) throw new ArrayFileException(folder + ": not a folder");
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Matcher m = INDEXED.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(prefix)) found.put(Integer.parseInt(m.group(2)), p);
            }
        } catch (IOException e) {
            throw new ArrayFileException(folder + ": " + e.getMessage(), e);
        }
        List<Array> out = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : found.entrySet()) {
            if (e.getKey() != out.size()) throw new ArrayFileException(folder + ": " + prefix + "_" + out.size() + ".npy is missing (found " + e.getValue().getFileName() + ")");
            out.add(new Array(null, Npy.read(e.getValue())));
        }
        return out;
    }

    private static boolean isHdf5(Path file) {
        byte[] magic = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return java.util.Arrays.equals(head, magic);
        } catch (IOException e) {
            return false;
        }
    }

    private static GoldenFile readHdf5(Path file) {
        try (HdfFile h = new HdfFile(file)) {
            if (!(h.getChild("inputs") instanceof Group in)) throw new ArrayFileException(file + ": HDF5 file without an 'inputs' group; not a golden file");
            List<Activation> acts = new ArrayList<>();
            if (h.getChild("activations") instanceof Group a) readActivations(a, "", acts);
            if (h.getChild("predictions") instanceof Group pred) {
                List<Array> inputs = byName(in, order(h, "inputs"));
                List<Array> outputs = byName(pred, order(h, "outputs"));
                return new GoldenFile(file.toString(), Kind.INPUTS_AND_OUTPUTS_H5, inputs, outputs, acts);
            }
            if (!(h.getChild("outputs") instanceof Group out)) {
                throw new ArrayFileException(file + ": HDF5 file with 'inputs' but neither 'outputs' nor 'predictions'; not a golden file");
            }
            if (h.getChild("activations") instanceof Group a && a.getAttribute("order") != null) acts = inOrder(acts, strings(a.getAttribute("order")));
            return new GoldenFile(file.toString(), Kind.IO_H5, numbered(in), numbered(out), acts);
        } catch (HdfException e) {
            throw new ArrayFileException(file + ": unreadable HDF5: " + e.getMessage(), e);
        }
    }

    /** Datasets {@code 0, 1, ...} with a {@code name} attribute. */
    private static List<Array> numbered(Group g) {
        List<Array> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Node n = g.getChild(Integer.toString(i));
            if (n == null) break;
            if (!(n instanceof Dataset d)) throw new ArrayFileException(g.getFile() + ": " + n.getPath() + " is not a dataset");
            out.add(new Array(Hdf5.string(d, "name"), tensor(d)));
        }
        if (out.size() != g.getChildren().size()) {
            throw new ArrayFileException(g.getFile() + ": group " + g.getPath() + " must hold datasets named 0, 1, ... only; it has " + g.getChildren().keySet());
        }
        return out;
    }

    /** Datasets named by layer, in the order a root attribute gives ({@code {"inputs": [...]}}) or the file's. */
    private static List<Array> byName(Group g, List<String> order) {
        List<Array> out = new ArrayList<>();
        Map<String, Node> children = new LinkedHashMap<>(g.getChildren());
        for (String name : order) {
            Node n = children.remove(name);
            if (n instanceof Dataset d) out.add(new Array(name, tensor(d)));
        }
        for (Map.Entry<String, Node> e : children.entrySet()) {
            if (e.getValue() instanceof Dataset d) out.add(new Array(e.getKey(), tensor(d)));
        }
        return out;
    }

    /** The names the root attribute {@code key} lists, as JSON {@code {"inputs": [...]}} or a string array. */
    private static List<String> order(HdfFile h, String key) {
        Attribute a = h.getAttribute(key);
        if (a == null) return List.of();
        if (a.isScalar() && Hdf5.strings(a).size() == 1) {
            String s = Hdf5.strings(a).get(0);
            try {
                JsonElement e = JsonParser.parseString(s);
                if (e.isJsonObject() && e.getAsJsonObject().has(key)) e = e.getAsJsonObject().get(key);
                List<String> out = new ArrayList<>();
                if (e.isJsonArray()) for (JsonElement x : e.getAsJsonArray()) out.add(x.getAsString());
                return out;
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                return List.of();
            }
        }
        return strings(a);
    }

    /** A string-array attribute, or a string holding a JSON list (as some writers store lists), or one string. */
    private static List<String> strings(Attribute a) {
        List<String> out = new ArrayList<>(Hdf5.strings(a));
        if (a.isScalar() && out.size() == 1 && out.get(0).strip().startsWith("[")) {
            try {
                List<String> list = new ArrayList<>();
                for (JsonElement e : JsonParser.parseString(out.get(0)).getAsJsonArray()) list.add(e.getAsString());
                return list;
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                // one string that only looks like a list
            }
        }
        return out;
    }

    private static void readActivations(Group g, String prefix, List<Activation> into) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Group sub) {
                readActivations(sub, prefix + sub.getName() + "/", into);
            } else if (n instanceof Dataset d) {
                String key = prefix + d.getName();
                String name = Hdf5.string(d, "name");
                Attribute node = d.getAttribute("node_index"), output = d.getAttribute("output_index");
                if (name != null) {
                    into.add(new Activation(key, prefix + name, node == null ? 0 : intOf(node.getData()),
                            output == null ? 0 : intOf(output.getData()), tensor(d)));
                } else {
                    into.add(activation(key, tensor(d)));
                }
            }
        }
    }

    /** {@code layer} or {@code layer:<node>:<k>}. */
    private static Activation activation(String key, Tensor t) {
        Matcher m = NODE_SUFFIX.matcher(key);
        if (m.matches()) return new Activation(key, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), t);
        return new Activation(key, key, 0, 0, t);
    }

    private static int intOf(Object o) {
        if (o instanceof Number n) return n.intValue();
        if (o != null && o.getClass().isArray() && java.lang.reflect.Array.getLength(o) == 1) return intOf(java.lang.reflect.Array.get(o, 0));
        return Integer.parseInt(String.valueOf(o));
    }

    private static List<Activation> inOrder(List<Activation> acts, List<String> order) {
        Map<String, Activation> byKey = new LinkedHashMap<>();
        for (Activation a : acts) byKey.put(a.key(), a);
        List<Activation> out = new ArrayList<>();
        for (String k : order) {
            Activation a = byKey.remove(k);
            if (a != null) out.add(a);
        }
        out.addAll(byKey.values());
        return out;
    }

    /** Any numeric or boolean dataset as float32, or of strings as strings, with its shape (a scalar as shape (1)). */
    static Tensor tensor(Dataset d) {
        Object flat = d.getDataFlat();
        int[] shape = d.getDimensions().length == 0 ? new int[] {1} : d.getDimensions();
        if (flat instanceof String[] text) return Tensor.ofStrings(text, shape); // a text model's strings (h5py's UTF-8)
        float[] data;
        if (flat instanceof float[] f) {
            data = f;
        } else if (flat instanceof double[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = (float) v[k];
        } else if (flat instanceof int[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = v[k];
        } else if (flat instanceof long[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = v[k];
        } else if (flat instanceof short[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = v[k];
        } else if (flat instanceof byte[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = v[k];
        } else if (flat instanceof boolean[] v) {
            data = new float[v.length];
            for (int k = 0; k < v.length; k++) data[k] = v[k] ? 1 : 0;
        } else {
            throw new ArrayFileException(d.getFile() + ": dataset " + d.getPath() + " of type " + d.getJavaType().getSimpleName() + " is not numeric");
        }
        int[] dims = d.getDimensions();
        return new Tensor(Shape.of(dims.length == 0 ? new int[] {1} : dims), data);
    }

    private static final Pattern NPZ_INDEXED = Pattern.compile("^(input|output)_(\\d+)$");

    private static GoldenFile readNpz(Path file) {
        LinkedHashMap<String, Tensor> arrays = Npz.read(file);
        Map<String, List<Array>> byForm = new LinkedHashMap<>(); // "input:single", "input:name", "input:index", same for output
        TreeMap<Integer, Tensor> inByIndex = new TreeMap<>(), outByIndex = new TreeMap<>();
        List<Activation> acts = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
            String k = e.getKey();
            Tensor t = e.getValue();
            Matcher indexed = NPZ_INDEXED.matcher(k);
            if (k.equals("inputs")) {
                byForm.computeIfAbsent("input:inputs", x -> new ArrayList<>()).add(new Array(null, t));
            } else if (k.equals("outputs")) {
                byForm.computeIfAbsent("output:outputs", x -> new ArrayList<>()).add(new Array(null, t));
            } else if (k.startsWith("input:") && k.length() > 6) {
                byForm.computeIfAbsent("input:input:<name>", x -> new ArrayList<>()).add(new Array(k.substring(6), t));
            } else if (k.startsWith("output:") && k.length() > 7) {
                byForm.computeIfAbsent("output:output:<name>", x -> new ArrayList<>()).add(new Array(k.substring(7), t));
            } else if (k.startsWith("activation:") && k.length() > 11) {
                Activation a = activation(k.substring(11), t);
                acts.add(new Activation(k, a.layer(), a.node(), a.output(), t));
            } else if (indexed.matches()) {
                boolean input = indexed.group(1).equals("input");
                (input ? inByIndex : outByIndex).put(Integer.parseInt(indexed.group(2)), t);
                byForm.computeIfAbsent(input ? "input:input_<N>" : "output:output_<N>", x -> new ArrayList<>());
            } else {
                throw new ArrayFileException(file + ": array '" + k + "' is not a golden key; use inputs / outputs (one each), "
                        + "input:<name> / output:<name>, input_<N> / output_<N>, and activation:<layer>");
            }
        }
        if (byForm.containsKey("input:input_<N>")) byForm.get("input:input_<N>").addAll(positional(file, inByIndex, "input"));
        if (byForm.containsKey("output:output_<N>")) byForm.get("output:output_<N>").addAll(positional(file, outByIndex, "output"));
        return new GoldenFile(file.toString(), Kind.NPZ, oneForm(file, byForm, "input"), oneForm(file, byForm, "output"), acts);
    }

    private static List<Array> oneForm(Path file, Map<String, List<Array>> byForm, String what) {
        List<String> forms = byForm.keySet().stream().filter(f -> f.startsWith(what + ":")).toList();
        if (forms.size() > 1) {
            throw new ArrayFileException(file + ": " + what + "s given in several forms " + forms.stream().map(f -> f.substring(what.length() + 1)).toList()
                    + "; use one");
        }
        return forms.isEmpty() ? List.of() : byForm.get(forms.get(0));
    }

    private static List<Array> positional(Path file, TreeMap<Integer, Tensor> byIndex, String what) {
        List<Array> out = new ArrayList<>();
        for (Map.Entry<Integer, Tensor> e : byIndex.entrySet()) {
            if (e.getKey() != out.size()) throw new ArrayFileException(file + ": " + what + "_" + out.size() + " is missing");
            out.add(new Array(null, e.getValue()));
        }
        return out;
    }

    private static GoldenFile readJson(Path file) {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader jr = new JsonReader(r);
            jr.setStrictness(Strictness.LENIENT); // NaN and Infinity, as Python's json writes them
            JsonElement e = JsonParser.parseReader(jr);
            if (!e.isJsonObject()) throw new ArrayFileException(file + ": expected an object {\"inputs\": [...], \"outputs\": [...]}");
            root = e.getAsJsonObject();
        } catch (IOException e) {
            throw new ArrayFileException(file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new ArrayFileException(file + ": malformed JSON: " + e.getMessage(), e);
        }
        if (!root.has("inputs") || !root.has("outputs")) {
            throw new ArrayFileException(file + ": expected keys \"inputs\" and \"outputs\" (the io.json layout)");
        }
        List<Array> in = new ArrayList<>(), out = new ArrayList<>();
        List<Activation> acts = new ArrayList<>();
        for (JsonObject o : objects(file, root, "inputs")) in.add(new Array(optString(o, "name"), jsonTensor(file, o)));
        for (JsonObject o : objects(file, root, "outputs")) out.add(new Array(optString(o, "name"), jsonTensor(file, o)));
        if (root.has("activations")) {
            for (JsonObject o : objects(file, root, "activations")) {
                String name = optString(o, "name");
                if (name == null) throw new ArrayFileException(file + ": an activation without \"name\"");
                int node = o.has("node_index") ? o.get("node_index").getAsInt() : 0, k = o.has("output_index") ? o.get("output_index").getAsInt() : 0;
                acts.add(new Activation(o.has("key") ? o.get("key").getAsString() : name, name, node, k, jsonTensor(file, o)));
            }
        }
        return new GoldenFile(file.toString(), Kind.IO_JSON, in, out, acts);
    }

    private static List<JsonObject> objects(Path file, JsonObject root, String key) {
        if (!root.get(key).isJsonArray()) throw new ArrayFileException(file + ": \"" + key + "\" must be a list of {\"name\", \"shape\", \"data\"}");
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray(key)) {
            if (!e.isJsonObject()) throw new ArrayFileException(file + ": \"" + key + "\" must be a list of {\"name\", \"shape\", \"data\"}");
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    private static String optString(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }

    /** {@code shape} and {@code data} flattened in C order (or nested lists). */
    /** {@code "dtype": "string"}: the strings of {@code "data"} (nested or flat) in C order, in {@code "shape"}. */
    private static Tensor jsonStrings(JsonObject o, String what) {
        List<String> values = new ArrayList<>();
        java.util.ArrayDeque<JsonElement> todo = new java.util.ArrayDeque<>(List.of(o.get("data")));
        while (!todo.isEmpty()) {
            JsonElement e = todo.pop();
            if (e.isJsonArray()) {
                for (int i = e.getAsJsonArray().size() - 1; i >= 0; i--) todo.push(e.getAsJsonArray().get(i));
            } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                values.add(e.getAsString());
            } else {
                throw new ArrayFileException(what + ": a string array holds " + e);
            }
        }
        if (!(o.get("shape") instanceof JsonArray s)) throw new ArrayFileException(what + ": a string array needs its \"shape\"");
        int[] dims = new int[s.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = s.get(i).getAsInt();
        try {
            return Tensor.ofStrings(values.toArray(new String[0]), dims.length == 0 ? new int[] {1} : dims);
        } catch (IllegalArgumentException e) {
            throw new ArrayFileException(what + ": " + e.getMessage(), e);
        }
    }

    private static Tensor jsonTensor(Path file, JsonObject o) {
        String what = file + ": array '" + optString(o, "name") + "'";
        if (!o.has("data")) throw new ArrayFileException(what + ": no \"data\"");
        if ("string".equals(optString(o, "dtype"))) return jsonStrings(o, what);
        List<Float> values = new ArrayList<>();
        List<Integer> nested = new ArrayList<>();
        flatten(o.get("data"), values, nested, 0, what);
        int[] dims;
        if (o.has("shape")) {
            JsonArray s = o.getAsJsonArray("shape");
            dims = new int[s.size()];
            for (int i = 0; i < dims.length; i++) dims[i] = s.get(i).getAsInt();
        } else {
            dims = nested.stream().mapToInt(Integer::intValue).toArray();
        }
        long size = 1;
        for (int d : dims) size *= d;
        if (size != values.size()) throw new ArrayFileException(what + ": shape " + Shape.of(dims) + " needs " + size + " values, data has " + values.size());
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) data[i] = values.get(i);
        return new Tensor(Shape.of(dims.length == 0 ? new int[] {1} : dims), data);
    }

    private static void flatten(JsonElement e, List<Float> out, List<Integer> dims, int depth, String what) {
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (dims.size() == depth) dims.add(a.size());
            for (JsonElement x : a) flatten(x, out, dims, depth + 1, what);
        } else if (e.isJsonPrimitive()) {
            var p = e.getAsJsonPrimitive();
            if (p.isBoolean()) out.add(p.getAsBoolean() ? 1f : 0f);
            else if (p.isNumber()) out.add(p.getAsFloat());
            else {
                String s = p.getAsString();
                try {
                    out.add(Float.parseFloat(s));
                } catch (NumberFormatException ex) {
                    throw new ArrayFileException(what + ": '" + s + "' is not a number");
                }
            }
        } else {
            throw new ArrayFileException(what + ": null in data");
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList().toString();
    }
}
