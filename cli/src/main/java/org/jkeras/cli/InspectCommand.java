package org.jkeras.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.jkeras.Inspection;
import org.jkeras.KerasModel;
import org.jkeras.Problem;
import org.jkeras.TensorInfo;
import org.jkeras.importer.LayerSpec;
import org.jkeras.importer.ModelInfo;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.Parallel;

/**
 * {@code jkeras inspect MODEL}: like Keras' {@code model.summary()}, plus where the file came from and which
 * formulas apply. A model jkeras cannot run is still inspected: every unsupported part is listed (exit 1).
 */
@Command(mixinStandardHelpOptions = true, name = "inspect", description = "Show a model's layers, shapes, parameters, activations and anything unsupported.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a .keras, .h5 or .json model file")
    Path model;

    @Option(names = "--weights", paramLabel = "W", description = "weights file for a JSON config (default: found beside it)")
    Path weights;

    @Option(names = "--json", description = "print the same as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inspection ins = KerasModel.loader().inspect(model, weights);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(toJson(ins)));
        } else {
            text(ins, out);
        }
        out.flush();
        if (!ins.supported()) {
            spec.commandLine().getErr().println("jkeras: " + ins.info().file() + ": " + ins.problems().size() + " unsupported part(s), listed above");
            return 1;
        }
        return 0;
    }

    private static void text(Inspection ins, PrintWriter out) {
        ModelInfo info = ins.info();
        out.printf("Model from %s%n", info.file());
        out.printf("  format: %s; keras_version: %s; backend: %s%n", info.format().description(),
                info.kerasVersion() == null ? "unknown" : info.kerasVersion(), info.backend() == null ? "unknown" : info.backend());
        out.printf("  formulas: %s (%s); weights: %s%n", info.semantics().describe(), info.semanticsSource(), info.weights());
        out.printf("  kernels: %s; threads: %d%n", info.kernels(), threads(ins));
        if (ins.supported()) {
            Model g = ins.model().graph();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Layer (name)", "Class", "Output shape", "Mask", "Params", "Inputs", "Details"});
            for (Model.Input in : g.inputs()) rows.add(new String[] {in.name(), "InputLayer", in.shape().prepend(Shape.UNKNOWN).toString(), "", "0", "", ""});
            for (Model.Node n : g.nodes()) {
                rows.add(new String[] {n.layer().name(), n.layer().kerasClass(), outputShapes(g, n), maskColumn(g, n),
                        String.format("%,d", n.layer().paramCount()), String.join(", ", inputNames(g, n)), n.layer().details()});
            }
            table(rows, out);
            out.printf("Total params: %,d%n", g.paramCount());
            out.printf("Inputs: %s; outputs: %s%s%n", g.inputNames(), g.outputNames(),
                    g.outputKeys().equals(g.outputNames()) ? "" : " (names repeat: keyed by position as " + g.outputKeys() + ")");
            for (TensorInfo t : ins.model().inputs()) out.printf("  input  %s%n", t);
            for (TensorInfo t : ins.model().outputs()) out.printf("  output %s%n", t);
            if (g.nodes().stream().anyMatch(n -> !maskColumn(g, n).isEmpty())) {
                out.println("Mask: the output carries a timestep mask (masked steps are skipped by the layers that read masks)");
            }
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Layer (name)", "Class", "Status"});
            for (LayerSpec l : ins.layers()) {
                boolean bad = ins.problems().stream().anyMatch(p -> l.name().equals(p.layer()) || (p.layer() != null && p.layer().startsWith(l.name() + "/")));
                rows.add(new String[] {l.name(), l.className(), bad ? "UNSUPPORTED" : ""});
            }
            table(rows, out);
            out.printf("Unsupported (%d):%n", ins.problems().size());
            for (Problem p : ins.problems()) out.println("  " + p);
        }
        for (String note : info.notes()) out.println("Note: " + note);
    }

    private static void table(List<String[]> rows, PrintWriter out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], width(r[i]));
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) b.append(r[i]).append(" ".repeat(w[i] + 2 - width(r[i])));
            out.println(b.toString().stripTrailing());
        }
    }

    /**
     * Columns a name takes on a terminal: CJK ideographs, Hangul, fullwidth forms and emoji take two, combining
     * marks and joiners none (the common cases of wcwidth), so tables of names in any script line up.
     */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT || (c >= 0xFE00 && c <= 0xFE0F)) continue;
            boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
                    || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
            w += wide ? 2 : 1;
        }
        return w;
    }

    private static String outputShapes(Model g, Model.Node n) {
        List<String> s = new ArrayList<>();
        for (int v : n.outputs()) s.add(g.valueShape(v).prepend(Shape.UNKNOWN).toString());
        return String.join(", ", s);
    }

    /** "yes" where the output can carry a timestep mask ("yes, -" per output of a multi-output layer); empty for none. */
    private static String maskColumn(Model g, Model.Node n) {
        List<String> s = new ArrayList<>();
        boolean any = false;
        for (int v : n.outputs()) {
            s.add(g.canCarryMask(v) ? "yes" : "-");
            any |= g.canCarryMask(v);
        }
        return any ? String.join(", ", s) : "";
    }

    /** The values a node reads; one given an explicit mask ({@code mask=} in the call) names it: {@code emb (mask: m)}. */
    private static List<String> inputNames(Model g, Model.Node n) {
        List<String> names = new ArrayList<>();
        int[] in = n.inputs(), masks = n.masks();
        for (int i = 0; i < in.length; i++) names.add(valueName(g, in[i]) + (masks[i] >= 0 ? " (mask: " + valueName(g, masks[i]) + ")" : ""));
        return names;
    }

    private static String valueName(Model g, int v) {
        int nIn = g.inputs().size();
        if (v < nIn) return g.inputs().get(v).name();
        for (Model.Node n : g.nodes()) {
            int[] outs = n.outputs();
            for (int k = 0; k < outs.length; k++) if (outs[k] == v) return outs.length == 1 ? n.layer().name() : n.layer().name() + "[" + k + "]";
        }
        return "?";
    }

    private static JsonObject toJson(Inspection ins) {
        ModelInfo info = ins.info();
        JsonObject o = new JsonObject();
        o.addProperty("file", info.file());
        o.addProperty("format", info.format().name().toLowerCase(java.util.Locale.ROOT));
        o.addProperty("keras_version", info.kerasVersion());
        o.addProperty("backend", info.backend());
        o.addProperty("formulas", info.semantics().describe());
        o.addProperty("formulas_source", info.semanticsSource());
        o.addProperty("weights", info.weights());
        o.addProperty("kernels", info.kernels());
        o.addProperty("threads", threads(ins));
        o.addProperty("supported", ins.supported());
        JsonArray layers = new JsonArray();
        if (ins.supported()) {
            Model g = ins.model().graph();
            o.add("inputs", tensors(ins.model().inputs()));
            o.add("outputs", tensors(ins.model().outputs()));
            for (Model.Node n : g.nodes()) {
                JsonObject l = new JsonObject();
                l.addProperty("name", n.layer().name());
                l.addProperty("class", n.layer().kerasClass());
                JsonArray shapes = new JsonArray();
                for (int v : n.outputs()) shapes.add(shape(g.valueShape(v).prepend(Shape.UNKNOWN)));
                l.add("output_shapes", shapes);
                JsonArray mask = new JsonArray();
                for (int v : n.outputs()) mask.add(g.canCarryMask(v));
                l.add("mask", mask);
                l.addProperty("params", n.layer().paramCount());
                JsonArray in = new JsonArray();
                inputNames(g, n).forEach(in::add);
                l.add("inputs", in);
                l.addProperty("details", n.layer().details());
                layers.add(l);
            }
            o.addProperty("total_params", g.paramCount());
        } else {
            for (LayerSpec s : ins.layers()) {
                JsonObject l = new JsonObject();
                l.addProperty("name", s.name());
                l.addProperty("class", s.className());
                layers.add(l);
            }
        }
        o.add("layers", layers);
        JsonArray problems = new JsonArray();
        for (Problem p : ins.problems()) {
            JsonObject j = new JsonObject();
            j.addProperty("layer", p.layer());
            j.addProperty("class", p.className());
            j.addProperty("key", p.key());
            j.addProperty("message", p.message());
            j.addProperty("suggestion", p.suggestion());
            problems.add(j);
        }
        o.add("problems", problems);
        JsonArray notes = new JsonArray();
        info.notes().forEach(notes::add);
        o.add("notes", notes);
        return o;
    }

    /** Inputs or outputs as {@code {"name", "key", "dtype", "shape"}}, the shape with its batch axis. */
    private static JsonArray tensors(List<TensorInfo> infos) {
        JsonArray a = new JsonArray();
        for (TensorInfo t : infos) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("key", t.key());
            o.addProperty("dtype", t.dtype());
            o.add("shape", shape(t.shape().prepend(Shape.UNKNOWN)));
            a.add(o);
        }
        return a;
    }

    /** A shape as a JSON array, null where a dimension is unknown: {@code [null, 28, 28, 1]}. */
    private static JsonArray shape(Shape s) {
        JsonArray a = new JsonArray();
        for (int d : s.dims()) {
            if (d == Shape.UNKNOWN) a.add(JsonNull.INSTANCE);
            else a.add(d);
        }
        return a;
    }

    /** Threads a call of the model uses; the JVM-wide default where the model could not be built. */
    private static int threads(Inspection ins) {
        return ins.supported() ? ins.model().threads() : Parallel.defaultThreads();
    }
}
