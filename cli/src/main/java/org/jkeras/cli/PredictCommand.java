package org.jkeras.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.jkeras.KerasModel;
import org.jkeras.cli.io.AtomicFile;
import org.jkeras.cli.io.CountedReader;
import org.jkeras.io.ArrayFileException;
import org.jkeras.io.ArrayFormat;
import org.jkeras.io.Csv;
import org.jkeras.io.CsvBatches;
import org.jkeras.io.CsvColumns;
import org.jkeras.io.CsvStrings;
import org.jkeras.io.JsonArrays;
import org.jkeras.io.JsonLinesBatches;
import org.jkeras.io.Npy;
import org.jkeras.io.NpyBatches;
import org.jkeras.io.NpyStream;
import org.jkeras.io.Npz;
import org.jkeras.io.Readers;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Parallel;

/**
 * {@code jkeras predict MODEL --input x.npy [--output y.npz]}: inputs and outputs as NumPy .npy/.npz, CSV or
 * JSON. With no arguments it runs the bundled demo model on its bundled input.
 *
 * <p>A string input (a text model's) reads one sample per CSV record (RFC 4180 quotes), per JSONL line (a string or a
 * list of strings), from a JSON list of strings, or from a unicode {@code .npy} ({@code <U…}).
 *
 * <p>CSV, JSONL and .npy inputs are read, scored and written a batch of rows at a time ({@code --batch-size}), so a
 * file larger than memory is scored with bounded memory; CSV, JSONL, .npy and single-output JSON results are written
 * as the batches come (.npy's header is rewritten with the row count at the end), .npz and multi-output JSON
 * results are gathered first. Several outputs go to CSV side by side under a header line naming the columns
 * ({@link CsvColumns}), to JSONL as one object per sample keyed by output. Every output file goes to a temporary
 * file renamed into place when complete; {@code -o -} writes to standard output in the {@code --format} given,
 * byte for byte what the file would hold.
 */
@Command(mixinStandardHelpOptions = true, name = "predict", description = "Predict with a Keras model on array files; no arguments: the bundled demo.")
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
            description = "output file (.npy .npz .csv .json .jsonl), or - for standard output; default: CSV on standard output")
    Path output;

    @Option(names = "--format", paramLabel = "npy|npz|csv|json|jsonl",
            description = "output format: of standard output (default csv), or of a file whose name has no array extension")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "threads for large batches (default: jkeras.threads or all cores)")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N", description = "rows scored at a time; CSV, JSONL and .npy inputs are streamed in batches "
            + "of this size (default: " + DEFAULT_BATCH + " for CSV/JSONL/.npy inputs, the whole array otherwise)")
    Integer batchSize;

    @Option(names = "--header", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "whether a CSV input's first line is a header (auto: when it is not all numbers, or is exactly 0,1,…,n-1"
                    + " as pandas writes; a note says so; for a string input: when it is the input's name or 0,1,…,n-1)")
    String header;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar (it shows on a terminal for runs over a second)")
    boolean quiet;

    /** Rows per batch when CSV, JSONL or .npy input is streamed and no --batch-size is given. */
    static final int DEFAULT_BATCH = 1024;

    /** Rows per batch of this run: --batch-size; without it the whole array, or DEFAULT_BATCH when an input streams. */
    private int batchRows = Integer.MAX_VALUE;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    /** The format results are written in, from --output and --format. */
    private ArrayFormat outputFormat;

    @Override
    public Integer call() throws IOException {
        outputFormat = outputFormat();
        if (threads != null) {
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            Parallel.setThreads(threads);
        }
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        List<Path> inputPaths = new ArrayList<>();
        if (model == null) {
            if (!inputs.isEmpty() || weights != null) throw new IllegalArgumentException("give the MODEL file before --input / --weights");
            KerasModel m = loadDemo();
            try (InputStream s = PredictCommand.class.getResourceAsStream(DEMO + "input.npy")) {
                Tensor x = Npy.read(s, "demo input.npy");
                if (batchSize != null) batchRows = batchSize;
                score(m, List.of(new Whole(fit(x, m.graph().inputs().get(0)))), inputPaths);
            }
            return 0;
        }
        KerasModel m = weights == null ? KerasModel.load(model) : KerasModel.load(model, weights);
        inputPaths.add(model);
        if (weights != null) inputPaths.add(weights);
        List<Source> sources = openInputs(m, inputPaths);
        batchRows = batchSize != null ? batchSize : sources.stream().anyMatch(src -> src instanceof Stream) ? DEFAULT_BATCH : Integer.MAX_VALUE;
        try {
            score(m, sources, inputPaths);
        } finally {
            for (Source src : sources) src.close();
        }
        return 0;
    }

    private static KerasModel loadDemo() throws IOException {
        try (InputStream s = PredictCommand.class.getResourceAsStream(DEMO + "model.keras")) {
            if (s == null) throw new IOException("the demo model is missing from the jar");
            return KerasModel.load(s);
        }
    }

    /**
     * Opens every --input, one source per model input in model order: CSV, JSONL and .npy files as streams read a
     * batch at a time, the other formats read whole and fitted to the model input they feed.
     */
    private List<Source> openInputs(KerasModel m, List<Path> inputPaths) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no --input given; the model takes " + m.inputNames());
        Model g = m.graph();
        int rows = rowsPerBatch();
        Map<String, Object> byName = new LinkedHashMap<>(); // a Tensor, or a Path to stream
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
            boolean text = g.inputs().get(m.inputNames().indexOf(name)).isString();
            Object in = switch (f) {
                case JSON -> text ? JsonArrays.readStrings(file) : JsonArrays.read(file);
                case NPY, CSV, JSONL -> file;
                default -> throw new IllegalStateException(f.toString());
            };
            put(byName, name, in, file);
        }
        List<Source> sources = new ArrayList<>();
        try {
            for (Model.Input spec : g.inputs()) {
                Object in = byName.get(spec.name());
                if (in == null) throw new IllegalArgumentException("no --input for model input '" + spec.name() + "'; the model takes " + m.inputNames());
                sources.add(in instanceof Tensor t ? new Whole(fit(t, spec)) : Stream.open((Path) in, spec, rows, headerMode(), this::note));
            }
        } catch (RuntimeException e) {
            for (Source s : sources) s.close();
            throw e;
        }
        return sources;
    }

    private CsvBatches.Header headerMode() {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> CsvBatches.Header.AUTO;
            case "yes", "true" -> CsvBatches.Header.YES;
            case "no", "false" -> CsvBatches.Header.NO;
            default -> throw new IllegalArgumentException("--header " + header + ": expected auto, yes or no");
        };
    }

    /** A note on standard error: what jkeras chose where the input could mean two things. */
    private void note(String message) {
        spec.commandLine().getErr().println("jkeras: note: " + message);
        spec.commandLine().getErr().flush();
    }

    /** Rows per batch: --batch-size, else {@link #DEFAULT_BATCH} for streamed inputs (whole arrays ignore it then). */
    private int rowsPerBatch() {
        return batchSize != null ? batchSize : DEFAULT_BATCH;
    }

    private static void put(Map<String, Object> byName, String name, Object in, Path file) {
        if (byName.put(name, in) != null) throw new IllegalArgumentException(file + ": input '" + name + "' is given twice");
    }

    /**
     * Rows of flattened samples (CSV) or full arrays: reshaped to (batch, sample shape) when the sizes agree; strings
     * only for a string input, numbers only for a numeric one.
     */
    static Tensor fit(Tensor t, Model.Input spec) {
        if (t.isString() != spec.isString()) {
            throw new IllegalArgumentException("input '" + spec.name() + "' takes " + (spec.isString() ? "strings (dtype string); the file holds numbers"
                    : "numbers (dtype " + spec.dtype() + "); the file holds strings"));
        }
        Shape want = spec.shape();
        Shape got = t.shape();
        if (got.rank() == want.rank() + 1) {
            boolean ok = true;
            for (int a = 0; a < want.rank(); a++) ok &= want.dim(a) == Shape.UNKNOWN || want.dim(a) == got.dim(a + 1);
            if (ok) return t;
        }
        // rows of flattened samples; an array of higher rank must have the sample shape itself: the same count in
        // another layout (channels first for a channels-last model) would be read in the wrong order
        if (want.isFullyKnown() && got.rank() == 2 && t.rowSize() == want.size()) return t.reshape(want.prepend(got.dim(0)));
        if (want.isFullyKnown() && want.size() == 1 && got.rank() == 1) return t.reshape(want.prepend(got.dim(0))); // one value a line
        if (want.isFullyKnown() && got.rank() == want.rank() && got.equals(want)) return t.reshape(want.prepend(1)); // one sample
        String layout = want.isFullyKnown() && got.rank() > 2 && t.rowSize() == want.size()
                ? "; it has as many values per sample but another layout (channels first?): transpose it to the model's order, or flatten each sample"
                        + " to a row (rank 2) if its values are already in the model's C order"
                : "";
        throw new IllegalArgumentException("input '" + spec.name() + "': array of shape " + got + " does not fit the model input "
                + want.prepend(Shape.UNKNOWN) + (want.isFullyKnown() ? " (" + want.size() + " values per sample)" : "") + layout);
    }

    /** Receives the outputs of one batch, by output key (the Keras name, or {@code name:<position>} where names repeat) in model order. */
    @FunctionalInterface
    private interface Batches {
        void accept(Map<String, Tensor> out) throws IOException;
    }

    /** Standard output: no --output, or {@code -o -}. */
    private boolean toStandardOutput() {
        return output == null || output.toString().equals("-");
    }

    /**
     * The output format: --format, else the file's extension, else CSV for standard output. A --format that
     * contradicts the file's extension is a usage error.
     */
    private ArrayFormat outputFormat() {
        ArrayFormat given = null;
        if (format != null) {
            given = ArrayFormat.byName(format);
            if (given == null) throw new ParameterException(spec.commandLine(), "--format " + format + ": expected npy, npz, csv, json or jsonl");
        }
        if (toStandardOutput()) return given == null ? ArrayFormat.CSV : given;
        ArrayFormat named = ArrayFormat.byExtension(output);
        if (given != null && named != null && given != named) {
            throw new ParameterException(spec.commandLine(), "--format " + format + " contradicts the output file " + output + " (" + named.extension() + ")");
        }
        return given != null ? given : ArrayFormat.forPath(output);
    }

    /** Scores the sources batch by batch and writes the outputs where --output says, in its format. */
    private void score(KerasModel m, List<Source> sources, List<Path> inputPaths) throws IOException {
        List<String> names = m.outputKeys(); // .npz / .json / .jsonl / CSV header keys: unique even where Keras 3 output names repeat
        ArrayFormat f = outputFormat;
        boolean stdout = toStandardOutput();
        String target = stdout ? "standard output" : output.toString();
        if (names.size() > 1 && f == ArrayFormat.NPY) {
            throw new IllegalArgumentException(target + ": the model has " + names.size() + " outputs " + names + "; a .npy holds one array:"
                    + " write them to .npz, .json, .jsonl or .csv");
        }
        if (stdout && (f == ArrayFormat.NPY || f == ArrayFormat.NPZ)) {
            // the bytes exactly as in a file, nothing else on standard output; a .npy's row count comes first, so gather
            Map<String, Tensor> all = gather(m, sources, false);
            OutputStream out = new BufferedOutputStream(main.stdout(), 1 << 16);
            if (f == ArrayFormat.NPY) Npy.write(out, all.get(names.get(0)));
            else Npz.write(out, all);
            out.flush();
        } else if (stdout) {
            PrintWriter w = spec.commandLine().getOut();
            text(w, f, m, sources, false);
            w.flush();
        } else if (f == ArrayFormat.NPY && m.graph().holdsStrings(m.graph().outputs().get(0).value())) {
            // a .npy of strings is as wide as its longest one: known only once every batch is scored
            AtomicFile.refuseToOverwrite(output, inputPaths);
            Map<String, Tensor> all = gather(m, sources, true);
            AtomicFile.write(output, inputPaths, s -> Npy.write(s, all.get(names.get(0))));
        } else if (f == ArrayFormat.NPY) {
            AtomicFile.writeChannel(output, inputPaths, ch -> {
                NpyStream npy = new NpyStream(ch, target);
                run(m, sources, true, out -> npy.append(out.get(names.get(0))));
                npy.finish(m.outputShapes().get(0).dims());
            });
        } else if (f == ArrayFormat.NPZ) {
            AtomicFile.refuseToOverwrite(output, inputPaths);
            Map<String, Tensor> all = gather(m, sources, true);
            AtomicFile.write(output, inputPaths, s -> Npz.write(s, all));
        } else {
            AtomicFile.writeText(output, inputPaths, w -> text(w, f, m, sources, true));
        }
    }

    /**
     * Writes CSV, JSONL or JSON text: as the batches come, except JSON of several outputs (one object of arrays),
     * gathered first.
     */
    private void text(Writer w, ArrayFormat f, KerasModel m, List<Source> sources, boolean showProgress) throws IOException {
        List<String> names = m.outputKeys();
        String first = names.get(0);
        switch (f) {
            case CSV -> run(m, sources, showProgress, csv(w, names));
            case JSONL -> run(m, sources, showProgress,
                    names.size() == 1 ? out -> JsonArrays.writeLines(w, out.get(first)) : out -> JsonArrays.writeLines(w, out));
            case JSON -> {
                if (names.size() == 1) {
                    JsonArrays.ListWriter list = new JsonArrays.ListWriter(w);
                    run(m, sources, showProgress, out -> list.append(out.get(first)));
                    list.finish();
                } else {
                    JsonArrays.writeNamed(w, gather(m, sources, showProgress));
                }
            }
            default -> throw new IllegalStateException("not a text format: " + f);
        }
    }

    /**
     * CSV lines as the batches come: one output's values as they are (no header, as jkeras always wrote them);
     * several outputs side by side after a header line naming their columns.
     */
    private static Batches csv(Writer w, List<String> keys) {
        if (keys.size() == 1) return out -> Csv.write(w, out.get(keys.get(0)));
        CsvColumns columns = new CsvColumns(w, keys);
        return columns::write;
    }

    /** Every batch's outputs joined along the batch axis. */
    private Map<String, Tensor> gather(KerasModel m, List<Source> sources, boolean showProgress) throws IOException {
        Map<String, List<Tensor>> parts = new LinkedHashMap<>();
        for (String n : m.outputKeys()) parts.put(n, new ArrayList<>());
        run(m, sources, showProgress, out -> {
            for (Map.Entry<String, Tensor> e : out.entrySet()) parts.get(e.getKey()).add(e.getValue());
        });
        Map<String, Tensor> joined = new LinkedHashMap<>();
        for (Map.Entry<String, List<Tensor>> e : parts.entrySet()) joined.put(e.getKey(), concat(e.getValue()));
        return joined;
    }

    static Tensor concat(List<Tensor> parts) {
        if (parts.size() == 1) return parts.get(0);
        long size = 0;
        int rows = 0;
        for (Tensor t : parts) {
            size += t.size();
            rows += t.batch();
        }
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("the output has " + size + " values, too many for one array");
        boolean text = parts.get(0).isString();
        Object data = text ? new String[(int) size] : new float[(int) size];
        int at = 0;
        for (Tensor t : parts) {
            System.arraycopy(text ? t.strings() : t.data(), 0, data, at, t.size());
            at += t.size();
        }
        int[] dims = parts.get(0).shape().dims();
        dims[0] = rows;
        return text ? Tensor.ofStrings((String[]) data, dims) : new Tensor(Shape.of(dims), (float[]) data);
    }

    /**
     * Takes batches from every source in step, predicts each and hands the outputs on; shows a progress bar on a
     * terminal when {@code showProgress} (results written to a file, not to the terminal).
     */
    private void run(KerasModel m, List<Source> sources, boolean showProgress, Batches sink) throws IOException {
        Progress progress = showProgress ? Progress.forTerminal(spec.commandLine().getErr(), quiet)
                : new Progress(spec.commandLine().getErr(), false, System::nanoTime);
        try (progress) {
            long rows = 0;
            Source lead = sources.get(0);
            while (lead.hasNext()) {
                Map<String, Tensor> in = new LinkedHashMap<>();
                int n = -1;
                for (int i = 0; i < sources.size(); i++) {
                    Source s = sources.get(i);
                    String name = m.inputNames().get(i);
                    if (!s.hasNext()) throw rowsDisagree(m, i, rows);
                    Tensor t = s.next(batchRows);
                    if (n >= 0 && t.batch() != n) throw rowsDisagree(m, i, rows);
                    n = t.batch();
                    in.put(name, t);
                }
                sink.accept(m.predict(in));
                rows += n;
                progress.update(lead.done(), lead.total(), rows);
            }
            for (int i = 1; i < sources.size(); i++) if (sources.get(i).hasNext()) throw rowsDisagree(m, i, rows);
        }
    }

    private static IllegalArgumentException rowsDisagree(KerasModel m, int i, long rowsSoFar) {
        return new IllegalArgumentException("inputs disagree on the number of rows: '" + m.inputNames().get(0) + "' and '" + m.inputNames().get(i)
                + "' differ after row " + rowsSoFar);
    }

    /** One model input's rows, handed out a batch at a time. */
    private interface Source extends Closeable {
        boolean hasNext();

        /** The next batch of at most {@code rows} rows, fitted to the model input. */
        Tensor next(int rows);

        /** Progress in units of {@link #total()}. */
        long done();

        /** Bytes or rows in all; -1 when unknown. */
        long total();

        @Override
        void close();
    }

    /** An array read whole, handed out in slices along the batch axis. */
    private static final class Whole implements Source {
        private final Tensor t;
        private final int rows;
        private int pos;
        private boolean started;

        Whole(Tensor t) {
            this.t = t;
            this.rows = t.batch();
        }

        @Override
        public boolean hasNext() {
            return !started || pos < rows; // an empty array is still one (empty) batch
        }

        @Override
        public Tensor next(int max) {
            started = true;
            int n = Math.min(max, rows - pos);
            Tensor out = n == rows ? t : slice(t, pos, n);
            pos += n;
            return out;
        }

        @Override
        public long done() {
            return pos;
        }

        @Override
        public long total() {
            return rows;
        }

        @Override
        public void close() {
        }
    }

    static Tensor slice(Tensor t, int from, int n) {
        int[] dims = t.shape().dims();
        dims[0] = n;
        int row = t.rowSize();
        if (t.isString()) return Tensor.ofStrings(Arrays.copyOfRange(t.strings(), from * row, (from + n) * row), dims);
        return new Tensor(Shape.of(dims), Arrays.copyOfRange(t.data(), from * row, (from + n) * row));
    }

    /** A CSV, JSONL or .npy file read a batch at a time. */
    private static final class Stream implements Source {
        private final Iterator<Tensor> batches;
        private final Closeable closer;
        private final LongSupplier bytesRead;
        private final long size;
        private final Model.Input spec;

        private Stream(Iterator<Tensor> batches, Closeable closer, LongSupplier bytesRead, long size, Model.Input spec) {
            this.batches = batches;
            this.closer = closer;
            this.bytesRead = bytesRead;
            this.size = size;
            this.spec = spec;
        }

        static Stream open(Path file, Model.Input spec, int rows, CsvBatches.Header header, java.util.function.Consumer<String> notes) {
            if (ArrayFormat.forPath(file) == ArrayFormat.NPY) {
                NpyBatches npy = NpyBatches.open(file, rows);
                return new Stream(npy, npy, npy::bytesRead, npy.size(), spec);
            }
            return Readers.build(CountedReader.open(file), r -> {
                if (ArrayFormat.forPath(file) == ArrayFormat.CSV && spec.isString()) {
                    CsvStrings csv = new CsvStrings(r, file.toString(), rows, header, spec.name());
                    if (csv.headerNote() != null) notes.accept(csv.headerNote());
                    if (!csv.hasNext()) throw new ArrayFileException(file + ": no data rows");
                    return new Stream(csv, csv, r::bytesRead, r.size(), spec);
                }
                if (ArrayFormat.forPath(file) == ArrayFormat.CSV) {
                    CsvBatches csv = new CsvBatches(r, file.toString(), rows, header);
                    if (csv.headerNote() != null) notes.accept(csv.headerNote());
                    if (!csv.hasNext()) throw new ArrayFileException(file + ": no data rows");
                    return new Stream(csv, csv, r::bytesRead, r.size(), spec);
                }
                JsonLinesBatches lines = new JsonLinesBatches(r, file.toString(), rows, spec.isString());
                if (!lines.hasNext()) throw new ArrayFileException(file + ": no samples");
                return new Stream(lines, lines, r::bytesRead, r.size(), spec);
            });
        }

        @Override
        public boolean hasNext() {
            return batches.hasNext();
        }

        @Override
        public Tensor next(int rows) {
            return fit(batches.next(), spec);
        }

        @Override
        public long done() {
            return bytesRead.getAsLong();
        }

        @Override
        public long total() {
            return size;
        }

        @Override
        public void close() {
            try {
                closer.close();
            } catch (IOException e) {
                throw new ArrayFileException("closing an input: " + e.getMessage(), e);
            }
        }
    }
}
