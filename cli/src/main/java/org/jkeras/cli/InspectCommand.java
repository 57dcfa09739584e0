package org.jkeras.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.jkeras.KerasModel;
import org.jkeras.importer.ModelInfo;
import org.jkeras.runtime.Model;

/** {@code jkeras inspect MODEL}: one line per layer, like Keras' {@code model.summary()}. */
@Command(name = "inspect", description = "Show a model's layers, shapes, parameters and activations.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a .keras, .h5 or .json model file")
    Path model;

    @Option(names = "--weights", paramLabel = "W", description = "weights file for a JSON config (default: found beside it)")
    Path weights;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KerasModel m = weights == null ? KerasModel.load(model) : KerasModel.load(model, weights);
        var out = spec.commandLine().getOut();
        ModelInfo info = m.info();
        Model g = m.graph();
        out.printf("Model '%s' from %s%n", g.name(), info.file());
        out.printf("  format: %s; keras_version: %s; backend: %s%n", info.format().description(),
                info.kerasVersion() == null ? "unknown" : info.kerasVersion(), info.backend() == null ? "unknown" : info.backend());
        out.printf("  formulas: %s (%s); weights: %s%n", info.semantics().describe(), info.semanticsSource(), info.weights());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Layer (name)", "Class", "Output shape", "Params", "Inputs", "Details"});
        for (Model.Input in : g.inputs()) {
            rows.add(new String[] {in.name(), "InputLayer", in.shape().prepend(-1).toString(), "0", "", ""});
        }
        for (Model.Node n : g.nodes()) {
            StringBuilder inputs = new StringBuilder();
            for (int v : n.inputs()) inputs.append(inputs.length() > 0 ? ", " : "").append(valueName(g, v));
            rows.add(new String[] {n.layer().name(), n.layer().kerasClass(), g.valueShape(n.output()).prepend(-1).toString(),
                    String.format("%,d", n.layer().paramCount()), inputs.toString(), n.layer().details()});
        }
        int[] w = new int[6];
        for (String[] r : rows) for (int i = 0; i < 6; i++) w[i] = Math.max(w[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int i = 0; i < 6; i++) b.append(String.format("%-" + (w[i] + 2) + "s", r[i]));
            out.println(b.toString().stripTrailing());
        }
        out.printf("Total params: %,d%n", g.paramCount());
        out.printf("Inputs: %s; outputs: %s%n", m.inputNames(), m.outputNames());
        return 0;
    }

    private static String valueName(Model g, int v) {
        int nIn = g.inputs().size();
        return v < nIn ? g.inputs().get(v).name() : g.nodes().get(v - nIn).layer().name();
    }
}
