package org.jkeras;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jkeras.activations.Activation;
import org.jkeras.importer.LayerMapper;
import org.jkeras.importer.ModelInfo;
import org.jkeras.importer.ModelReader;
import org.jkeras.importer.Registry;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras model loaded for inference. Immutable: one instance serves any number of threads at once.
 *
 * <pre>{@code
 * KerasModel m = KerasModel.load(Path.of("model.keras"));   // or .h5, or model.json beside its weights
 * float[][] y = m.predict(x);                               // one row per sample, flattened in C order
 * }</pre>
 */
public final class KerasModel {
    private final Model model;
    private final ModelInfo info;
    private final Map<String, List<List<Integer>>> nestedOutputs;

    private KerasModel(Model model, ModelInfo info, Map<String, List<List<Integer>>> nestedOutputs) {
        this.model = model;
        this.info = info;
        this.nestedOutputs = nestedOutputs;
    }

    /**
     * Loads a {@code .keras} archive, a legacy HDF5 model, or a {@code to_json()} config whose weights file lies
     * beside it ({@code m.json} + {@code m.weights.h5} or {@code m_weights.h5}). The format is read from the
     * file's first bytes.
     */
    public static KerasModel load(Path path) {
        return loader().load(path);
    }

    /** Loads a {@code to_json()} config with its weights (legacy HDF5 or Keras 3 {@code .weights.h5} layout). */
    public static KerasModel load(Path config, Path weights) {
        return loader().load(config, weights);
    }

    /** Loads a {@code .keras} archive or HDF5 model from a stream (read to its end, not closed). */
    public static KerasModel load(InputStream in) {
        return loader().load(in);
    }

    public static Loader loader() {
        return new Loader();
    }

    /**
     * Options for loading, and the extension point for layers and activations jkeras does not ship:
     * <pre>{@code
     * KerasModel m = KerasModel.loader()
     *     .register("my_package>Scale", ctx -> new MyScale(ctx.name(), ctx.config().getFloat("factor")))
     *     .register("normalize_pixels", ctx -> ...)        // a Lambda layer, by its layer name
     *     .registerActivation("my_package>swish_beta", myActivation)
     *     .load(path);
     * }</pre>
     */
    public static final class Loader {
        private boolean fuse = true;
        private final Registry.Builder registry = new Registry.Builder();

        private Loader() {
        }

        /** Fuse a Dense and the activation layer that alone reads it into one kernel (default true). */
        public Loader fuse(boolean fuse) {
            this.fuse = fuse;
            return this;
        }

        /**
         * A Java implementation for a layer, keyed by Keras class name ({@code "MyLayer"}), by Keras' registered
         * name of a custom class ({@code "my_package>MyLayer"}), or, for a {@code Lambda} layer, by the layer's
         * name. Registered mappers win over built-in ones.
         */
        public Loader register(String key, LayerMapper mapper) {
            registry.layer(key, mapper);
            return this;
        }

        /** A custom activation, keyed by its name or registered name ({@code "my_package>my_act"}). */
        public Loader registerActivation(String key, Activation activation) {
            registry.activation(key, activation);
            return this;
        }

        public KerasModel load(Path path) {
            ModelReader.Loaded l = reader().read(path);
            return new KerasModel(l.model(), l.info(), l.nestedOutputs());
        }

        public KerasModel load(Path config, Path weights) {
            ModelReader.Loaded l = reader().readJson(config, weights);
            return new KerasModel(l.model(), l.info(), l.nestedOutputs());
        }

        public KerasModel load(InputStream in) {
            ModelReader.Loaded l = reader().read(in, "<stream>");
            return new KerasModel(l.model(), l.info(), l.nestedOutputs());
        }

        /**
         * Reads a model for {@code inspect}: a model with unsupported parts is not an error here; the result
         * lists every one of them. Unreadable files still throw {@link KerasImportException}.
         */
        public Inspection inspect(Path path, Path weights) {
            ModelReader r = new ModelReader(fuse, registry.build(), true);
            ModelReader.Loaded l = weights == null ? r.read(path) : r.readJson(path, weights);
            return new Inspection(l.info(), l.model() == null ? null : new KerasModel(l.model(), l.info(), l.nestedOutputs()), l.problems(), l.layers());
        }

        private ModelReader reader() {
            return new ModelReader(fuse, registry.build());
        }
    }

    /**
     * For a model with one input and one output: each row of {@code x} is one sample flattened in C order; each
     * row of the result is one output sample flattened the same way.
     */
    public float[][] predict(float[][] x) {
        return model.predictRows(x);
    }

    /**
     * Inputs by Keras input name (tensors with the batch axis first); outputs by {@link #outputKeys()} (the Keras output
     * name, unless several outputs share it), in model order.
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
        return model.predict(inputs);
    }

    /** One tensor per input in {@link #inputNames()} order; one per output in {@link #outputNames()} order. */
    public Tensor[] predict(Tensor... inputs) {
        return model.predict(inputs);
    }

    public List<String> inputNames() {
        return model.inputNames();
    }

    /**
     * Output names as Keras gives them ({@code model.output_names}). Keras 3 names each output by the layer that makes
     * it, so names repeat when outputs come from one layer (an LSTM with {@code return_state}, a shared layer called
     * twice, a tensor listed twice); Keras 1/2 files keep their own unique names ({@code lstm}, {@code lstm_1}). A model
     * built with a dict of outputs names them by its keys, in sorted order, as {@code model.predict} returns them.
     */
    public List<String> outputNames() {
        return model.outputNames();
    }

    /**
     * One distinct key per output, as {@link #predict(Map)} and {@code jkeras predict} name them: the output's name,
     * or, where several outputs share a name, {@code name:<position>} with its 0-based position among the outputs
     * ({@code lstm:0, lstm:1, lstm:2}).
     */
    public List<String> outputKeys() {
        return model.outputKeys();
    }

    /** Per-sample input shapes (no batch axis), in input order. */
    public List<Shape> inputShapes() {
        return model.inputs().stream().map(Model.Input::shape).toList();
    }

    /** Per-sample output shapes (no batch axis), in output order. */
    public List<Shape> outputShapes() {
        return model.outputs().stream().map(o -> model.valueShape(o.value())).toList();
    }

    /**
     * Where the outputs of each model used as a layer (at the top level) are in {@link #graph()}: by the nested model's
     * name, one entry per call of it in Keras' call order, each the values of that call's outputs in the nested
     * model's output order. A nested model is inlined, so its outputs are values made by its inner layers; this is
     * how {@code jkeras verify} compares a nested model's recorded output. Empty for a model loaded with fusion
     * (fusion renumbers the values).
     */
    public Map<String, List<List<Integer>>> nestedOutputs() {
        return nestedOutputs;
    }

    /** The runtime graph: layers, nodes, shapes. */
    public Model graph() {
        return model;
    }

    /** File, format, Keras version and the formula generation chosen. */
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "KerasModel(" + model.name() + ", inputs " + inputNames() + ", outputs " + outputNames() + ")";
    }
}
