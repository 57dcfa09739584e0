package org.jkeras.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.KerasImportException;
import org.jkeras.Problem;
import org.jkeras.UnsupportedModelException;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;

/**
 * Builds the runtime {@link Model} from a {@link ModelSpec}. First every layer class and activation is
 * checked, nested models included, so all unsupported parts are reported together. Then the calls are laid
 * out in topological order: each layer is mapped once however often it is called (a shared layer), and a
 * model used as a layer is inlined, its own layers mapped once and shared by every call of it.
 */
public final class GraphBuilder {
    private final String file;
    private final Semantics semantics;
    private final Registry registry;
    private final String kerasVersion, backend;

    /** Largest output of one layer for one sample: a forged shape fails at load, not with an OutOfMemoryError at predict. */
    static final long MAX_SAMPLE_VALUES = Long.getLong("jkeras.maxSampleValues", 1L << 28);

    private final List<Model.Node> nodes = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>(); // per value
    private final Map<String, Layer> built = new HashMap<>(); // by scope path

    public GraphBuilder(String file, Semantics semantics, Registry registry) {
        this(file, semantics, registry, null, null);
    }

    /** {@code kerasVersion} and {@code backend} as the file records them (null when it does not), passed to the mappers. */
    public GraphBuilder(String file, Semantics semantics, Registry registry, String kerasVersion, String backend) {
        this.file = file;
        this.semantics = semantics;
        this.registry = registry;
        this.kerasVersion = kerasVersion;
        this.backend = backend;
    }

    public Model build(ModelSpec spec, WeightStore weights) {
        List<Problem> problems = new ArrayList<>();
        List<KerasImportException> causes = new ArrayList<>();
        checkSupported(spec, "", problems, causes);
        if (!problems.isEmpty()) {
            UnsupportedModelException e = new UnsupportedModelException(file, problems, unsupportedNotes(problems));
            causes.forEach(e::addSuppressed);   // the errors some problems were read from
            throw e;
        }

        List<Model.Input> inputs = new ArrayList<>();
        List<Integer> inputValues = new ArrayList<>();
        Map<String, LayerSpec> byName = index(spec, "");
        for (TensorRef ref : spec.inputs()) {
            LayerSpec l = byName.get(ref.layer());
            if (l == null) throw new KerasImportException(file + ": model input " + ref + " names no layer");
            if (!l.isInput()) throw new KerasImportException(file + ": model input " + ref + " is a " + l.className() + ", not an InputLayer");
            Shape shape = inputShape(l, "");
            inputValues.add(inputs.size());
            inputs.add(new Model.Input(l.name(), shape, Dtypes.ofInput(l)));
            shapes.add(shape);
        }
        List<Integer> outputValues = inline(spec, weights, inputValues, "");
        List<Model.Output> outputs = new ArrayList<>();
        for (int o = 0; o < outputValues.size(); o++) {
            outputs.add(new Model.Output(spec.outputNames().get(o), outputValues.get(o), Dtypes.of(spec.outputs().get(o), byName)));
        }
        try {
            return new Model(spec.name(), inputs, nodes, outputs);
        } catch (IllegalArgumentException e) {
            throw new KerasImportException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lays out the calls of {@code spec}, its inputs fed by {@code inputValues}; returns its output values.
     * {@code scope} is the path of nested models ({@code "outer/inner/"}), empty at the top.
     */
    private List<Integer> inline(ModelSpec spec, WeightStore weights, List<Integer> inputValues, String scope) {
        Map<String, LayerSpec> byName = index(spec, scope);
        Map<TensorRef, Integer> values = new HashMap<>();
        if (inputValues.size() != spec.inputs().size()) {
            throw new KerasImportException(file + ": model '" + scope + spec.name() + "' takes " + spec.inputs().size() + " input(s), called with "
                    + inputValues.size());
        }
        for (int i = 0; i < spec.inputs().size(); i++) {
            TensorRef ref = spec.inputs().get(i);
            LayerSpec l = byName.get(ref.layer());
            if (l == null || !l.isInput()) throw new KerasImportException(file + ": model '" + scope + spec.name() + "' input " + ref + " is not an InputLayer");
            values.put(new TensorRef(l.name(), 0, 0), inputValues.get(i));
        }

        Map<String, Integer> inboundBase = callBase(byName, inboundRefs(byName), false);
        Map<String, Integer> ioBase = callBase(byName, spec.outputs(), true);

        List<int[]> pending = new ArrayList<>(); // (layer index, call index)
        List<LayerSpec> order = new ArrayList<>(byName.values());
        for (int li = 0; li < order.size(); li++) {
            LayerSpec l = order.get(li);
            if (l.isInput()) {
                if (!values.containsKey(new TensorRef(l.name(), 0, 0))) {
                    throw new KerasImportException(file + ": InputLayer '" + scope + l.name() + "' is not among the model's inputs " + spec.inputs());
                }
                continue;
            }
            for (int n = 0; n < l.inboundNodes().size(); n++) pending.add(new int[] {li, n});
        }

        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int p = 0; p < pending.size(); p++) {
                LayerSpec l = order.get(pending.get(p)[0]);
                int call = pending.get(p)[1];
                List<Integer> in = new ArrayList<>();
                for (TensorRef r : l.inboundNodes().get(call)) {
                    Integer v = values.get(call(r, inboundBase));
                    if (v == null) break;
                    in.add(v);
                }
                if (in.size() < l.inboundNodes().get(call).size()) continue;
                List<Integer> out = l.isModel() ? callModel(l, weights, in, scope) : callLayer(l, call, weights, in, scope);
                if (l.isModel() && scope.isEmpty()) {
                    List<List<Integer>> calls = nestedOutputs.computeIfAbsent(l.name(), k -> new ArrayList<>());
                    while (calls.size() <= call) calls.add(List.of());
                    calls.set(call, List.copyOf(out));
                }
                for (int k = 0; k < out.size(); k++) values.put(new TensorRef(l.name(), call, k), out.get(k));
                pending.remove(p--);
                progress = true;
            }
        }
        if (!pending.isEmpty()) throw unordered(pending, order, byName, values, inboundBase, scope);

        List<Integer> outs = new ArrayList<>();
        for (TensorRef ref : spec.outputs()) {
            Integer v = values.get(call(ref, ioBase));
            if (v == null) throw new KerasImportException(file + ": model output " + ref + " of '" + scope + spec.name() + "' is not computed by the graph");
            outs.add(v);
        }
        return outs;
    }

    private List<Integer> callLayer(LayerSpec l, int call, WeightStore weights, List<Integer> in, String scope) {
        String key = scope + l.name();
        JsonObject kwargs = l.callKwargs().get(call).deepCopy();
        in = l.isOp() ? new ArrayList<>(in) : withConstants(l, call, in, kwargs, key);
        int[] masks = explicitMasks(kwargs.remove("mask"), in, key, l.className());
        List<Shape> inShapes = new ArrayList<>();
        for (int v : in) inShapes.add(shapes.get(v));
        Layer layer = built.get(key);
        if (layer == null) {
            layer = map(l, call, kwargs, inShapes, weights, scope);
            built.put(key, layer);
        } else if (!kwargs.equals(withoutMask(l.callKwargs().get(0))) || (l.isOp() && !l.callArgs().get(call).equals(l.callArgs().get(0)))) {
            throw new KerasImportException(file + ": layer '" + key + "' (" + l.className() + ") is called with different arguments "
                    + l.callArgs().get(0) + l.callKwargs().get(0) + " and " + l.callArgs().get(call) + l.callKwargs().get(call)
                    + "; one Java layer cannot serve both");
        }
        List<Shape> outShapes;
        try {
            outShapes = layer.outputShapes(inShapes);
            for (Shape out : outShapes) {
                if (out.isFullyKnown() && out.size() > MAX_SAMPLE_VALUES) { // size() itself fails past 2^31
                    throw new IllegalArgumentException("output shape " + out + " has " + out.size() + " values per sample, over the budget of "
                            + MAX_SAMPLE_VALUES + " (-Djkeras.maxSampleValues)");
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KerasImportException(file + ": layer '" + key + "' (" + l.className() + "): " + e.getMessage(), e);
        }
        int[] inArr = in.stream().mapToInt(Integer::intValue).toArray();
        int[] outArr = new int[outShapes.size()];
        for (int k = 0; k < outArr.length; k++) {
            outArr[k] = shapes.size();
            shapes.add(outShapes.get(k));
        }
        nodes.add(new Model.Node(layer, inArr, outArr, masks));
        List<Integer> out = new ArrayList<>();
        for (int v : outArr) out.add(v);
        return out;
    }

    /**
     * A layer's inputs with the constant tensors of its call in their places: Keras saves a tensor it computed eagerly
     * ({@code ops.arange(n)} fed to a layer) as {@code {"class_name": "__tensor__", "config": {"value": ...}}} among
     * the arguments, and each becomes a {@link ConstantTensor} value. Keyword placeholders in {@code kwargs} are
     * renumbered to match. Unchanged when the call holds no constant tensor.
     */
    private List<Integer> withConstants(LayerSpec l, int call, List<Integer> in, JsonObject kwargs, String key) {
        List<Integer> out = new ArrayList<>();
        int[] renumber = new int[in.size()];
        java.util.Arrays.fill(renumber, -1);
        collectPositional(l.callArgs().get(call), in, out, renumber, key, l.className());
        if (out.size() == java.util.Arrays.stream(renumber).filter(r -> r >= 0).count()) return new ArrayList<>(in); // no constant
        for (int i = 0; i < in.size(); i++) {
            if (renumber[i] < 0) {
                renumber[i] = out.size();
                out.add(in.get(i));
            }
        }
        renumberPlaceholders(kwargs, renumber);
        return out;
    }

    private void collectPositional(JsonElement e, List<Integer> in, List<Integer> out, int[] renumber, String key, String cls) {
        if (e instanceof com.google.gson.JsonArray a) {
            for (JsonElement x : a) collectPositional(x, in, out, renumber, key, cls);
        } else if (e instanceof JsonObject o && o.has("__input__")) {
            int i = o.get("__input__").getAsInt();
            if (i >= 0 && i < in.size() && renumber[i] < 0) {
                renumber[i] = out.size();
                out.add(in.get(i));
            }
        } else if (e instanceof JsonObject o && o.get("class_name") instanceof com.google.gson.JsonPrimitive c
                && (c.getAsString().equals("__tensor__") || c.getAsString().equals("__numpy__")) && o.get("config") instanceof JsonObject cfg) {
            String name = key + "/constant_" + out.size();
            org.jkeras.runtime.Tensor t;
            try {
                t = constant(cfg.get("value"));
            } catch (IllegalArgumentException ex) {
                throw new KerasImportException(file + ": layer '" + key + "' (" + cls + "): a constant argument: " + ex.getMessage(), ex);
            }
            Layer layer = new org.jkeras.runtime.ops.ConstantTensor(name, t);
            int v = shapes.size();
            shapes.add(layer.outputShape(List.of()));
            nodes.add(new Model.Node(layer, new int[0], new int[] {v}));
            out.add(v);
        }
    }

    /** A constant's nested list of numbers as a float32 tensor of its shape. */
    private static org.jkeras.runtime.Tensor constant(JsonElement value) {
        List<Integer> dims = new ArrayList<>();
        for (JsonElement x = value; x instanceof com.google.gson.JsonArray a; x = a.isEmpty() ? null : a.get(0)) dims.add(a.size());
        long n = 1;
        for (int d : dims) n = Math.multiplyExact(n, d);
        if (n > MAX_SAMPLE_VALUES) throw new IllegalArgumentException("shape " + dims + " is too large");
        float[] data = new float[(int) n];
        int[] at = {0};
        fillConstant(value, 0, dims, data, at);
        return new org.jkeras.runtime.Tensor(Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()), data);
    }

    private static void fillConstant(JsonElement e, int axis, List<Integer> dims, float[] data, int[] at) {
        if (axis == dims.size()) {
            if (!(e instanceof com.google.gson.JsonPrimitive p) || !(p.isNumber() || p.isBoolean())) throw new IllegalArgumentException(e + " is not a number");
            data[at[0]++] = p.isBoolean() ? (p.getAsBoolean() ? 1f : 0f) : p.getAsFloat();
            return;
        }
        if (!(e instanceof com.google.gson.JsonArray a) || a.size() != dims.get(axis)) throw new IllegalArgumentException("not a rectangular array");
        for (JsonElement x : a) fillConstant(x, axis + 1, dims, data, at);
    }

    private static void renumberPlaceholders(JsonElement e, int[] renumber) {
        if (e instanceof com.google.gson.JsonArray a) {
            for (JsonElement x : a) renumberPlaceholders(x, renumber);
        } else if (e instanceof JsonObject o) {
            if (o.has("__input__")) {
                int i = o.get("__input__").getAsInt();
                if (i >= 0 && i < renumber.length) o.addProperty("__input__", renumber[i]);
            } else {
                for (var entry : o.entrySet()) renumberPlaceholders(entry.getValue(), renumber);
            }
        }
    }

    /**
     * The masks given explicitly in a call (Keras' {@code mask=}; Keras 3 records it for a layer called on one tensor
     * when a mask flowed there): the parser put their tensors last among {@code in}; they leave it here and become the
     * node's mask slots: one tensor is the first input's mask, a list gives one per input (null: none).
     */
    private int[] explicitMasks(JsonElement mask, List<Integer> in, String key, String cls) {
        List<JsonElement> given = mask == null ? List.of() : mask.isJsonArray() ? mask.getAsJsonArray().asList() : List.of(mask);
        int tensors = 0;
        for (JsonElement e : given) {
            if (e.isJsonObject() && e.getAsJsonObject().has("__input__")) tensors++;
            else if (!e.isJsonNull()) throw new KerasImportException(file + ": layer '" + key + "' (" + cls + "): the call's mask " + e + " is not a tensor");
        }
        int data = in.size() - tensors;
        if (given.size() > Math.max(1, data)) {
            throw new KerasImportException(file + ": layer '" + key + "' (" + cls + "): " + given.size() + " masks given for " + data + " input(s)");
        }
        int[] masks = new int[data];
        java.util.Arrays.fill(masks, -1);
        for (int j = 0; j < given.size(); j++) {
            if (given.get(j).isJsonNull()) continue;
            JsonElement at = given.get(j).getAsJsonObject().get("__input__");
            int i = at.isJsonPrimitive() && at.getAsJsonPrimitive().isNumber() ? at.getAsInt() : -1;
            if (i < data || i >= in.size()) throw new KerasImportException(file + ": layer '" + key + "' (" + cls + "): the call's mask " + given.get(j) + " is not one of its tensors");
            masks[j] = in.get(i);
        }
        in.subList(data, in.size()).clear();
        return masks;
    }

    private static JsonObject withoutMask(JsonObject kwargs) {
        JsonObject o = kwargs.deepCopy();
        o.remove("mask");
        return o;
    }

    /** A model used as a layer: its graph is inlined here, reading {@code in}. */
    private List<Integer> callModel(LayerSpec l, WeightStore weights, List<Integer> in, String scope) {
        ModelSpec inner = innerSpec(l, scope);
        return inline(inner, weights.nested(l, inner.layers()), in, scope + l.name() + "/");
    }

    private ModelSpec innerSpec(LayerSpec l, String scope) {
        JsonObject root = new JsonObject();
        root.addProperty("class_name", l.className());
        root.add("config", l.config());
        return new ModelConfigParser(file + ": layer '" + scope + l.name() + "'", semantics == Semantics.KERAS_3).parse(root);
    }

    private Layer map(LayerSpec l, int call, JsonObject kwargs, List<Shape> inShapes, WeightStore weights, String scope) {
        MapContext ctx = new MapContext(l, scope + l.name(), file, semantics, registry, inShapes, l.isOp() ? List.of() : weights.weights(l), l.callArgs().get(call),
                kwargs, kerasVersion, backend, f -> weights.asset(l, f));
        try {
            Layer layer = registry.mapper(l).map(ctx);
            if (layer == null) throw ctx.error("the mapper returned no layer");
            noteUnread(ctx, l.isOp());
            return layer;
        } catch (KerasImportException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | UnsupportedOperationException e) {
            throw ctx.error(e.getMessage(), e);
        }
    }

    /**
     * The number a config gives the first call of each model used as a layer, where it is not 0. Keras 1 and 2 count
     * a nested model's calls from 1 everywhere (its node 0 is its own construction, never saved); Keras 3 does so
     * only in {@code output_layers} / {@code input_layers} and only for a Functional model ({@code get_config}
     * starts {@code kept_nodes} at 1 for it), and counts from 0 in inbound nodes. Where a model's references do not
     * all fit its calls under that rule but all do under the other numbering (configs written by other tools, a
     * Keras 2 Sequential built without an input shape), the other numbering is taken.
     */
    private Map<String, Integer> callBase(Map<String, LayerSpec> byName, List<TensorRef> refs, boolean modelIo) {
        Map<String, Integer> base = new HashMap<>();
        for (LayerSpec l : byName.values()) {
            if (!l.isModel()) continue;
            int rule = semantics != Semantics.KERAS_3 || (modelIo && !l.className().equals("Sequential")) ? 1 : 0;
            List<Integer> nodes = refs.stream().filter(r -> r.layer().equals(l.name())).map(TensorRef::node).toList();
            int calls = l.inboundNodes().size();
            int b = fits(nodes, rule, calls) || !fits(nodes, 1 - rule, calls) ? rule : 1 - rule;
            if (b != 0) base.put(l.name(), b);
        }
        return base;
    }

    private static boolean fits(List<Integer> nodes, int base, int calls) {
        return nodes.stream().allMatch(n -> n - base >= 0 && n - base < calls);
    }

    /** Every tensor the layers of a model read. */
    private static List<TensorRef> inboundRefs(Map<String, LayerSpec> byName) {
        List<TensorRef> refs = new ArrayList<>();
        for (LayerSpec l : byName.values()) for (List<TensorRef> node : l.inboundNodes()) refs.addAll(node);
        return refs;
    }

    /** {@code r} with its node index counted from 0 among the calls of its layer (the key of {@code values}). */
    private static TensorRef call(TensorRef r, Map<String, Integer> base) {
        Integer b = base.get(r.layer());
        return b == null ? r : new TensorRef(r.layer(), r.node() - b, r.tensor());
    }

    private Map<String, LayerSpec> index(ModelSpec spec, String scope) {
        Map<String, LayerSpec> byName = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            if (byName.put(l.name(), l) != null) throw new KerasImportException(file + ": two layers are named '" + scope + l.name() + "'");
        }
        return byName;
    }

    private KerasImportException unordered(List<int[]> pending, List<LayerSpec> order, Map<String, LayerSpec> byName,
                                           Map<TensorRef, Integer> values, Map<String, Integer> inboundBase, String scope) {
        List<String> stuck = new ArrayList<>();
        for (int[] p : pending) {
            LayerSpec l = order.get(p[0]);
            for (TensorRef ref : l.inboundNodes().get(p[1])) {
                TensorRef r = call(ref, inboundBase);
                if (values.containsKey(r)) continue;
                LayerSpec src = byName.get(r.layer());
                String why;
                if (src == null) why = "names no layer";
                else if (r.node() < 0 || r.node() >= Math.max(1, src.inboundNodes().size())) why = "names a call of a layer called " + src.inboundNodes().size() + " time(s)";
                else if (values.containsKey(new TensorRef(r.layer(), r.node(), 0))) why = "names output " + r.tensor() + " of a layer with fewer outputs";
                else why = "is never computed (a cycle in the graph)";
                stuck.add("layer '" + scope + l.name() + "' (" + l.className() + ") reads " + ref + ", which " + why);
            }
        }
        return new KerasImportException(file + ": the model graph cannot be ordered:\n  " + String.join("\n  ", stuck));
    }

    /** Every class and activation that jkeras cannot run, nested models included, in config order. */
    public List<Problem> problems(ModelSpec spec) {
        List<Problem> problems = new ArrayList<>();
        checkSupported(spec, "", problems, new ArrayList<>());
        return problems;
    }

    /** Lines that follow the problems in the error: how to add a layer, what is supported. */
    public List<String> unsupportedNotes(List<Problem> problems) {
        List<String> notes = new ArrayList<>();
        if (problems.stream().anyMatch(p -> p.key() == null && !p.message().startsWith("op '"))) {
            notes.add("supported layer classes: " + String.join(", ", registry.supportedLayers()));
        }
        if (problems.stream().anyMatch(p -> p.key() == null && p.message().startsWith("op '"))) {
            notes.add("supported ops (keras.ops): " + String.join(", ", OpMappers.supported()));
        }
        return notes;
    }

    /** Notes from mapping: config keys present in the file that no mapper read (they may change results). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private final List<String> notes = new ArrayList<>();

    /**
     * For each model used as a layer at the top level, per call (in Keras' call order), the values of its outputs
     * in the built graph (see {@code KerasModel.nestedOutputs}).
     */
    public Map<String, List<List<Integer>>> nestedOutputs() {
        Map<String, List<List<Integer>>> copy = new LinkedHashMap<>();
        nestedOutputs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private final Map<String, List<List<Integer>>> nestedOutputs = new LinkedHashMap<>();

    /** Adds every problem of {@code spec} to {@code problems}, and to {@code causes} the errors some of them were read from. */
    private void checkSupported(ModelSpec spec, String scope, List<Problem> problems, List<KerasImportException> causes) {
        for (LayerSpec l : spec.layers()) {
            String path = scope + l.name();
            if (l.isInput()) continue;
            if (l.isModel()) {
                try {
                    checkSupported(innerSpec(l, scope), path + "/", problems, causes);
                } catch (KerasImportException e) {
                    problems.add(new Problem(path, l.className(), null, e.getMessage(), null));
                    causes.add(e);
                }
                continue;
            }
            if (registry.mapper(l) == null) {
                problems.add(l.isOp() ? opProblem(l, path) : classProblem(l, path));
                continue;
            }
            checkWrapped(l.config(), path, problems);
            for (String key : new String[] {"activation", "recurrent_activation"}) {
                JsonElement e = l.config().get(key);
                if (e == null || e.isJsonNull()) continue;
                try {
                    ActivationConfig.parse(new Config(l.config(), path), semantics, registry, null, key);
                } catch (KerasImportException ex) {
                    causes.add(ex);
                    String name = e.isJsonPrimitive() ? e.getAsString() : null;
                    String close = name == null ? null : Suggest.closest(name, org.jkeras.activations.Activations.names());
                    problems.add(new Problem(path, l.className(), key, ex.getMessage().replaceFirst("^.*config key '" + key + "': ", ""),
                            close != null ? "did you mean '" + close + "'?"
                                    : "register it: KerasModel.loader().registerActivation(\"" + (name == null ? "<registered name>" : name) + "\", ...)"));
                }
            }
        }
    }

    /**
     * Layers held in a wrapper's config: Bidirectional / TimeDistributed {@code layer} and {@code backward_layer},
     * an RNN's {@code cell} (a standard cell maps as its layer class: {@code LSTMCell} as {@code LSTM}).
     */
    private void checkWrapped(JsonObject config, String path, List<Problem> problems) {
        for (String key : new String[] {"layer", "backward_layer", "cell"}) {
            if (!(config.get(key) instanceof JsonObject inner) || !(inner.get("class_name") instanceof com.google.gson.JsonPrimitive c)) continue;
            String cls = c.getAsString();
            String mapped = key.equals("cell") && cls.endsWith("Cell") ? cls.substring(0, cls.length() - 4) : cls;
            JsonObject cfg = inner.get("config") instanceof JsonObject o ? o : new JsonObject();
            String registered = inner.get("registered_name") instanceof com.google.gson.JsonPrimitive r ? r.getAsString() : null;
            String innerName = cfg.get("name") instanceof com.google.gson.JsonPrimitive n ? n.getAsString() : key;
            if (registry.mapper(new LayerSpec(innerName, mapped, registered, cfg, List.of())) == null) {
                problems.add(classProblem(new LayerSpec(innerName, cls, registered, cfg, List.of()), path + "/" + innerName));
            } else {
                checkWrapped(cfg, path + "/" + innerName, problems);
            }
        }
    }

    private Problem opProblem(LayerSpec l, String path) {
        String close = Suggest.closestOp(l.className(), OpMappers.supported());
        return new Problem(path, l.className(), null, "op '" + l.className() + "' (" + l.module() + ") is not supported",
                close != null ? "did you mean '" + close + "'?" : "register a Java implementation under the node's name: KerasModel.loader().register(\""
                        + l.name() + "\", ctx -> ...)");
    }

    private Problem classProblem(LayerSpec l, String path) {
        String cls = l.className();
        if (cls.equals("Lambda")) {
            return new Problem(path, cls, null, "Lambda layer holds Python code, which jkeras never runs",
                    "register a Java implementation under its name: KerasModel.loader().register(\"" + l.name() + "\", ctx -> ...);"
                            + " a Lambda that only rescales (x / 255, x * a + b) can be replaced in Keras by a Rescaling layer");
        }
        if (l.registeredName() != null && l.registeredName().contains(">")) {
            return new Problem(path, cls, null, "custom layer '" + l.registeredName() + "' is not registered",
                    "register a Java implementation: KerasModel.loader().register(\"" + l.registeredName() + "\", ctx -> ...)");
        }
        String close = Suggest.closest(cls, registry.supportedLayers());
        return new Problem(path, cls, null, "layer class '" + cls + "' is not supported",
                close != null ? "did you mean '" + close + "'?" : "register a Java implementation: KerasModel.loader().register(\"" + cls + "\", ctx -> ...)");
    }

    /** Config keys that some other Keras setting may depend on but no mapper read; training-only keys are fine. */
    private void noteUnread(MapContext ctx, boolean op) {
        String policy = op ? null : Dtypes.name(ctx.config().raw("dtype")); // an op's dtype is its result's (Cast, OneHot)
        if (policy != null && !policy.equals("float32")) {
            notes.add("layer '" + ctx.name() + "' (" + ctx.className() + "): dtype policy '" + policy
                    + "': jkeras computes in float32, so results may differ from Keras beyond float32 rounding");
        }
        for (String key : ctx.config().unreadKeys()) {
            if (HARMLESS.contains(key) || key.endsWith("_initializer") || key.endsWith("_regularizer") || key.endsWith("_constraint")) continue;
            JsonElement v = ctx.config().raw(key);
            if (v == null || (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && !v.getAsBoolean())) continue;
            notes.add("layer '" + ctx.name() + "' (" + ctx.className() + "): config key '" + key + "' = " + v + " is not used by jkeras");
        }
    }

    /** Keys that do not change inference: names, training settings, shapes already known from the graph. */
    private static final Set<String> HARMLESS = Set.of("name", "trainable", "dtype", "batch_input_shape", "batch_shape", "input_shape",
            "input_dim", "input_dtype", "input_length", "build_config", "init", "inner_init", "activity_regularizer", "seed", "noise_shape",
            "rate", "p", "stddev", "l1", "l2", "sparse", "ragged", "optional", "momentum", "renorm", "renorm_clipping", "renorm_momentum",
            "fused", "virtual_batch_size", "adjustment", "autocast", "synchronized", "lora_rank", "lora_alpha", "quantization_config",
            "module", "registered_name", "shared_object_id", "dropout", "recurrent_dropout", "implementation", "unroll", "time_major");

    private Shape inputShape(LayerSpec l, String scope) {
        Config cfg = new Config(l.config(), file + ": layer '" + scope + l.name() + "' (InputLayer)");
        int[] dims;
        if (cfg.has("batch_shape", "batch_input_shape")) {
            int[] batch = cfg.getIntArray("batch_shape", "batch_input_shape");
            if (batch.length == 0) throw cfg.error("batch_shape", "is empty");
            dims = java.util.Arrays.copyOfRange(batch, 1, batch.length);
        } else if (cfg.has("shape", "input_shape")) {
            dims = cfg.getIntArray("shape", "input_shape");
        } else {
            throw new KerasImportException(cfg.where() + ": missing config key 'batch_shape' (or batch_input_shape, shape)");
        }
        for (int d : dims) if (d < -1 || d == 0) throw cfg.error("batch_shape", "bad dimension " + d);
        return Shape.of(dims);
    }
}
