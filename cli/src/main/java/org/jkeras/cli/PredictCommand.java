package org.jkeras.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.jkeras.KerasModel;
import org.jkeras.cli.io.ArrayFileException;
import org.jkeras.cli.io.ArrayFormat;
import org.jkeras.cli.io.AtomicFile;
import org.jkeras.cli.io.Csv;
import org.jkeras.cli.io.JsonArrays;
import org.jkeras.cli.io.Npy;
import org.jkeras.cli.io.Npz;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Parallel;

/**
 * {@code jkeras predict MODEL --input x.npy [--output y.npz]}: inputs and outputs as NumPy .npy/.npz, CSV or
 * JSON. With no arguments it runs the bundled demo model on its bundled input.
 */
@Command(name = "predict", description = "Predict with a Keras model on array files; no arguments: the bundled demo.")
final class PredictCommand implements Callable<Integer> {
    static final String DEMO = "/org/jkeras/cli/demo/";

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "a .keras, .h5 or .json model file")
    Path model;

    @Option(names = "--weights", paramLabel = "W", description = "weights file for a JSON config (default: found beside it)")
    Path weights;

    @Option(names = {"-i", "--input"}, paramLabel = "[NAME=]FILE",
            description = "input array (.npy .npz .csv .json .jsonl); one per model input in model order, or NAME=FILE")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "output file (.npy .npz .csv .json .jsonl); default: CSV on standard output")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "threads for large batches (default: jkeras.threads or all cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null) {
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            Parallel.setThreads(threads);
        }
        KerasModel m;
        Map<String, Tensor> in;
        List<Path> inputPaths = new ArrayList<>();
        if (model == null) {
            if (!inputs.isEmpty() || weights != null) throw new IllegalArgumentException("give the MODEL file before --input / --weights");
            m = loadDemo();
            try (InputStream s = PredictCommand.class.getResourceAsStream(DEMO + "input.npy")) {
                Tensor x = Npy.read(s, "demo input.npy");
                in = Map.of(m.inputNames().get(0), x);
            }
        } else {
            m = weights == null ? KerasModel.load(model) : KerasModel.load(model, weights);
            inputPaths.add(model);
            if (weights != null) inputPaths.add(weights);
            in = readInputs(m, inputPaths);
        }
        Map<String, Tensor> out = m.predict(in);
        write(out, inputPaths);
        return 0;
    }

    private static KerasModel loadDemo() throws IOException {
        try (InputStream s = PredictCommand.class.getResourceAsStream(DEMO + "model.keras")) {
            if (s == null) throw new IOException("the demo model is missing from the jar");
            return KerasModel.load(s);
        }
    }

    /** Reads every --input and fits it to the model input it feeds. */
    private Map<String, Tensor> readInputs(KerasModel m, List<Path> inputPaths) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no --input given; the model takes " + m.inputNames());
        Model g = m.graph();
        Map<String, Tensor> byName = new LinkedHashMap<>();
        int positional = 0;
        for (String arg : inputs) {
            int eq = arg.indexOf('=');
            String name = eq > 0 && !m.inputNames().contains(arg) ? arg.substring(0, eq) : null;
            Path file = Path.of(name == null ? arg : arg.substring(eq + 1));
            inputPaths.add(file);
            ArrayFormat f = ArrayFormat.forPath(file);
            if (f == ArrayFormat.NPZ) {
                for (Map.Entry<String, Tensor> e : Npz.read(file).entrySet()) {
                    if (!m.inputNames().contains(e.getKey())) {
                        throw new IllegalArgumentException(file + ": array '" + e.getKey() + "' names no model input; the model takes " + m.inputNames());
                    }
                    put(byName, e.getKey(), e.getValue(), file);
                }
                continue;
            }
            if (name == null) {
                if (positional >= m.inputNames().size()) {
                    throw new IllegalArgumentException("more --input files than model inputs " + m.inputNames());
                }
                name = m.inputNames().get(positional++);
            } else if (!m.inputNames().contains(name)) {
                throw new IllegalArgumentException("--input " + arg + ": '" + name + "' is not a model input; the model takes " + m.inputNames());
            }
            Tensor t = switch (f) {
                case NPY -> Npy.read(file);
                case CSV -> Csv.read(file);
                case JSON -> JsonArrays.read(file);
                case JSONL -> JsonArrays.readLines(file);
                default -> throw new IllegalStateException(f.toString());
            };
            put(byName, name, t, file);
        }
        Map<String, Tensor> fitted = new LinkedHashMap<>();
        for (Model.Input spec : g.inputs()) {
            Tensor t = byName.get(spec.name());
            if (t == null) throw new IllegalArgumentException("no --input for model input '" + spec.name() + "'; the model takes " + m.inputNames());
            fitted.put(spec.name(), fit(t, spec));
        }
        return fitted;
    }

    private static void put(Map<String, Tensor> byName, String name, Tensor t, Path file) {
        if (byName.put(name, t) != null) throw new IllegalArgumentException(file + ": input '" + name + "' is given twice");
    }

    /** Rows of flattened samples (CSV) or full arrays: reshaped to (batch, sample shape) when the sizes agree. */
    static Tensor fit(Tensor t, Model.Input spec) {
        Shape want = spec.shape();
        Shape got = t.shape();
        if (got.rank() == want.rank() + 1) {
            boolean ok = true;
            for (int a = 0; a < want.rank(); a++) ok &= want.dim(a) == Shape.UNKNOWN || want.dim(a) == got.dim(a + 1);
            if (ok) return t;
        }
        if (want.isFullyKnown() && got.rank() >= 1 && t.rowSize() == want.size()) return t.reshape(want.prepend(got.dim(0)));
        if (want.isFullyKnown() && got.rank() == want.rank() && got.equals(want)) return t.reshape(want.prepend(1)); // one sample
        throw new IllegalArgumentException("input '" + spec.name() + "': array of shape " + got + " does not fit the model input "
                + want.prepend(Shape.UNKNOWN) + (want.isFullyKnown() ? " (" + want.size() + " values per sample)" : ""));
    }

    private void write(Map<String, Tensor> out, List<Path> inputPaths) throws IOException {
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            for (Map.Entry<String, Tensor> e : out.entrySet()) {
                if (out.size() > 1) w.println("# " + e.getKey());
                Csv.write(w, e.getValue());
            }
            w.flush();
            return;
        }
        ArrayFormat f = ArrayFormat.forPath(output);
        if (out.size() > 1 && f != ArrayFormat.NPZ && f != ArrayFormat.JSON) {
            throw new IllegalArgumentException(output + ": the model has " + out.size() + " outputs " + out.keySet() + "; write them to .npz or .json");
        }
        Tensor first = out.values().iterator().next();
        switch (f) {
            case NPY -> AtomicFile.write(output, inputPaths, s -> Npy.write(s, first));
            case NPZ -> AtomicFile.write(output, inputPaths, s -> Npz.write(s, out));
            case CSV -> AtomicFile.writeText(output, inputPaths, w -> Csv.write(w, first));
            case JSON -> AtomicFile.writeText(output, inputPaths, w -> {
                if (out.size() == 1) JsonArrays.write(w, first);
                else JsonArrays.writeNamed(w, out);
            });
            case JSONL -> AtomicFile.writeText(output, inputPaths, w -> JsonArrays.writeLines(w, first));
            default -> throw new ArrayFileException(output + ": unsupported output format " + f);
        }
    }
}
