package org.jkeras;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Simd;
import org.jkeras.importer.LayerMapper;
import org.jkeras.importer.ModelInfo;
import org.jkeras.importer.ModelReader;
import org.jkeras.importer.Registry;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Parallel;

/**
 * A Keras model loaded for inference. Immutable: one instance serves any number of threads at once.
 *
 * <pre>{@code
 * KerasModel m = KerasModel.load(Path.of("model.keras"));   // or .h5, or model.json beside its weights
 * float[][] y = m.predict(x);                               // one row per sample, flattened in C order
 * }</pre>
 *
 * <p>Without {@code --add-modules jdk.incubator.vector} on the JVM's command line the scalar kernels run, many
 * times slower; the first load then logs one warning ({@link System.Logger} {@code org.jkeras}), and
 * {@link ModelInfo#kernels()} says which kernels run.
 */
public final class KerasModel {
    /** Rows of the larger batch {@link #warmUp()} runs. */
    static final int WARM_UP_BATCH = 16;
    /** Size {@link #warmUp()} gives a dimension Keras leaves open ({@code None}: sequence length, image side). */
    static final int WARM_UP_OPEN_DIM = 16;
    /** Calls per batch size at most, and the time {@link #warmUp()} may take per batch size. */
    private static final int WARM_UP_CALLS = 12;
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private final Model model;
    private final ModelInfo info;
    private final Map<String, List<List<Integer>>> nestedOutputs;
    private final int threads; // 0: the default of Parallel

    private KerasModel(Model model, ModelInfo info, Map<String, List<List<Integer>>> nestedOutputs, int threads) {
        this.model = model;
        this.info = info;
        this.nestedOutputs = nestedOutputs;
        this.threads = threads;
        Simd.warnIfScalar();
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

    /** Options for loading (threads, fusion, warm-up) and custom layers and activations; see {@link Loader}. */
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
        private int threads;
        private boolean warmUp;
        private final Registry.Builder registry = new Registry.Builder();

        private Loader() {
        }

        /**
         * Threads this model's calls use, the calling thread included (≥ 1; 1 runs every call on the caller). Default:
         * the JVM-wide count, {@code -Djkeras.threads} or the number of processors. Models with the same count share
         * one pool; results never depend on the count.
         */
        public Loader threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            this.threads = threads;
            return this;
        }

        /** Run {@link KerasModel#warmUp()} before returning the loaded model (default false). */
        public Loader warmUp(boolean warmUp) {
            this.warmUp = warmUp;
            return this;
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

        /** Loads as {@link KerasModel#load(Path)} does, with these options. */
        public KerasModel load(Path path) {
            return made(reader().read(path));
        }

        /** Loads as {@link KerasModel#load(Path, Path)} does, with these options. */
        public KerasModel load(Path config, Path weights) {
            return made(reader().readJson(config, weights));
        }

        /** Loads as {@link KerasModel#load(InputStream)} does, with these options. */
        public KerasModel load(InputStream in) {
            return made(reader().read(in, "<stream>"));
        }

        private KerasModel made(ModelReader.Loaded l) {
            KerasModel m = new KerasModel(l.model(), l.info(), l.nestedOutputs(), threads);
            return warmUp ? m.warmUp() : m;
        }

        /**
         * Reads a model for {@code inspect}: a model with unsupported parts is not an error here; the result
         * lists every one of them. Unreadable files still throw {@link KerasImportException}.
         */
        public Inspection inspect(Path path, Path weights) {
            ModelReader r = new ModelReader(fuse, registry.build(), true);
            ModelReader.Loaded l = weights == null ? r.read(path) : r.readJson(path, weights);
            return new Inspection(l.info(), l.model() == null ? null : new KerasModel(l.model(), l.info(), l.nestedOutputs(), threads), l.problems(),
                    l.layers());
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
        return Parallel.withThreads(threads, () -> model.predictRows(x));
    }

    /**
     * For a text model with one string input and one numeric output: each string is one sample (an input of per-sample
     * shape {@code ()} or {@code (1,)}, as {@code keras.Input(shape=(1,), dtype="string")} declares it); each row of the
     * result is one output sample flattened in C order.
     */
    public float[][] predict(String[] texts) {
        Model.Input in = stringInput();
        if (in.shape().rank() > 1 || in.shape().rank() == 1 && in.shape().dim(0) != 1) {
            throw new PredictException("input '" + in.name() + "' takes " + in.shape() + " strings per sample: use predict(String[][])");
        }
        return rows(in, () -> Tensor.ofStrings(texts, in.shape().prepend(texts.length).dims()));
    }

    /**
     * For a model with one string input of per-sample shape {@code (k,)} and one numeric output: each row holds one
     * sample's {@code k} strings; each row of the result is one output sample flattened in C order.
     */
    public float[][] predict(String[][] texts) {
        Model.Input in = stringInput();
        return rows(in, () -> Tensor.of(texts));
    }

    private Model.Input stringInput() {
        if (model.inputs().size() != 1 || model.outputs().size() != 1) {
            throw new PredictException("predict on strings needs one input and one output; model '" + model.name() + "' has inputs " + inputNames()
                    + " and outputs " + outputNames() + ": use predict(Map)");
        }
        Model.Input in = model.inputs().get(0);
        if (!in.isString()) throw new PredictException("input '" + in.name() + "' takes numbers (dtype " + in.dtype() + "), not strings");
        return in;
    }

    /** Predicts on the tensor {@code make} builds of the user's strings (a null string or a ragged array: a PredictException). */
    private float[][] rows(Model.Input in, java.util.function.Supplier<Tensor> make) {
        Tensor x;
        try {
            x = make.get();
        } catch (IllegalArgumentException e) {
            throw new PredictException("input '" + in.name() + "': " + e.getMessage(), e);
        }
        Tensor y = predict(x)[0];
        if (y.isString()) throw new PredictException("output '" + outputNames().get(0) + "' holds strings: use predict(Tensor...) and Tensor.strings()");
        return y.toRows();
    }

    /**
     * Inputs by Keras input name (tensors with the batch axis first); outputs by {@link #outputKeys()} (the Keras output
     * name, unless several outputs share it), in model order.
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
        return Parallel.withThreads(threads, () -> model.predict(inputs));
    }

    /** One tensor per input in {@link #inputNames()} order; one per output in {@link #outputNames()} order. */
    public Tensor[] predict(Tensor... inputs) {
        return Parallel.withThreads(threads, () -> model.predict(inputs));
    }

    /**
     * Compiles the hot code before the first real call: the JVM interprets a kernel until it has run a while, so
     * without this the first calls of a fresh process take several times longer. Predicts on made-up inputs (zeros
     * for integer inputs, a short sentence for string inputs, values in [0, 1) otherwise; {@value #WARM_UP_OPEN_DIM} for a
     * dimension Keras leaves open)
     * at batch 1 and {@value #WARM_UP_BATCH}, until a call takes no longer than the one before, at most 12 calls
     * or about 2 s per batch size. Returns this model.
     */
    public KerasModel warmUp() {
        for (int batch : new int[] {1, WARM_UP_BATCH}) {
            Tensor[] in = new Tensor[model.inputs().size()];
            List<TensorInfo> specs = inputs();
            for (int i = 0; i < in.length; i++) in[i] = warmUpInput(specs.get(i), batch);
            long start = System.nanoTime(), last = Long.MAX_VALUE;
            for (int call = 0; call < WARM_UP_CALLS && System.nanoTime() - start < WARM_UP_NANOS; call++) {
                long t = System.nanoTime();
                predict(in);
                long took = System.nanoTime() - t;
                if (call >= 2 && took >= last) break;
                last = took;
            }
        }
        return this;
    }

    private static Tensor warmUpInput(TensorInfo in, int batch) {
        int[] dims = in.shape().prepend(batch).dims();
        for (int a = 1; a < dims.length; a++) if (dims[a] == Shape.UNKNOWN) dims[a] = WARM_UP_OPEN_DIM;
        Shape shape = Shape.of(dims);
        if (shape.size() > (1 << 26)) throw new org.jkeras.runtime.PredictException("model input '" + in.name() + "' (" + in.dtype() + "): a warm-up batch of shape " + shape
                + " is too large; warm up with your own inputs by calling predict");
        if (in.isString()) {
            String[] texts = new String[(int) shape.size()];
            java.util.Arrays.fill(texts, "A short text to warm up, with some words.");
            return Tensor.ofStrings(texts, dims);
        }
        float[] data = new float[(int) shape.size()];
        if (!in.isInteger()) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            for (int i = 0; i < data.length; i++) data[i] = (float) r.nextDouble();
        }
        return new Tensor(shape, data);
    }

    /**
     * Predicts {@code calls} times on {@code inputs} (after one untimed call) and measures each layer's wall time:
     * where a model's time goes. The numbers are this JVM's; warm it up first ({@link #warmUp()}) for steady-state
     * figures.
     */
    public Profile profile(int calls, Tensor... inputs) {
        if (calls < 1) throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        predict(inputs);
        long[] nanos = new long[model.nodes().size()];
        long start = System.nanoTime();
        Parallel.withThreads(threads, () -> {
            for (int c = 0; c < calls; c++) model.predictTimed(inputs, nanos);
            return null;
        });
        long total = System.nanoTime() - start;
        java.util.ArrayList<Profile.Entry> entries = new java.util.ArrayList<>();
        for (int n = 0; n < nanos.length; n++) {
            Model.Node node = model.nodes().get(n);
            entries.add(new Profile.Entry(node.layer().name(), node.layer().kerasClass(), model.valueShape(node.output()).toString(), nanos[n]));
        }
        return new Profile(calls, inputs.length == 0 ? 0 : inputs[0].batch(), threads(), total, entries);
    }

    /** Threads each call uses, the caller included: the count given at load, else the JVM-wide default now. */
    public int threads() {
        return threads > 0 ? threads : Parallel.defaultThreads();
    }

    /** The inputs in model order: Keras name, dtype and per-sample shape. */
    public List<TensorInfo> inputs() {
        return model.inputs().stream().map(i -> new TensorInfo(i.name(), i.name(), i.dtype(), i.shape())).toList();
    }

    /** The outputs in model order: Keras name, the key {@link #predict(Map)} uses, dtype and per-sample shape. */
    public List<TensorInfo> outputs() {
        List<String> keys = model.outputKeys();
        List<Model.Output> outs = model.outputs();
        java.util.ArrayList<TensorInfo> r = new java.util.ArrayList<>();
        for (int o = 0; o < outs.size(); o++) r.add(new TensorInfo(outs.get(o).name(), keys.get(o), outs.get(o).dtype(), model.valueShape(outs.get(o).value())));
        return List.copyOf(r);
    }

    /** Keras input names, in model order. */
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

    /** File, format, Keras version, the formula generation chosen and the kernels that run. */
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "KerasModel(" + model.name() + ", inputs " + inputNames() + ", outputs " + outputNames() + ")";
    }
}
