package org.jkeras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.jkeras.KerasModel;
import org.jkeras.io.golden.Comparison;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.io.golden.Report;

/**
 * {@code jkeras verify MODEL GOLDEN}: runs the model on inputs saved from Python and compares its outputs with
 * Keras' predictions; where the golden file records every layer's output, names the first layer that diverges.
 * Exits 0 only when every output is within the tolerance.
 */
@Command(mixinStandardHelpOptions = true, name = "verify", description = {
        "Check jkeras against predictions saved from Python: per output max abs/rel/ULP error, the worst index, PASS/FAIL at",
        "|actual - expected| <= atol + rtol * |expected|; with recorded layer outputs, the first layer whose output diverges.",
        "Exit code 0 only when every output passes.",
        "GOLDEN: an io.h5 or io.json (inputs/N, outputs/N; as save_golden.py writes), a .npz (keys inputs/outputs, or",
        "input:<name>/output:<name>, or input_<N>/output_<N>; activation:<layer>), a folder of in_N.npy/out_N.npy (or",
        "two folders: GOLDEN for in_N.npy, OUTPUTS for out_N.npy), or an HDF5 with groups inputs/, predictions/ and",
        "optionally activations/."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a .keras, .h5 or .json model file")
    Path model;

    @Parameters(index = "1", paramLabel = "GOLDEN", description = "golden file or folder")
    Path golden;

    @Parameters(index = "2", arity = "0..1", paramLabel = "OUTPUTS", description = "folder of out_N.npy when GOLDEN is a folder of in_N.npy only")
    Path outputs;

    @Option(names = "--weights", paramLabel = "W", description = "weights file for a JSON config (default: found beside it)")
    Path weights;

    @Option(names = "--atol", paramLabel = "A", description = "absolute tolerance (default: ${DEFAULT-VALUE})", defaultValue = "1e-5")
    double atol;

    @Option(names = "--rtol", paramLabel = "R", description = "relative tolerance (default: ${DEFAULT-VALUE})", defaultValue = "1e-5")
    double rtol;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GoldenFile g = outputs == null ? GoldenFile.read(golden) : GoldenFile.read(golden, outputs);
        // with recorded layer outputs, keep every Keras layer its own node so each can be compared
        KerasModel.Loader loader = KerasModel.loader().fuse(g.activations().isEmpty());
        KerasModel m = weights == null ? loader.load(model) : loader.load(model, weights);
        Comparison.Result r = Comparison.run(m, g, atol, rtol);
        var out = spec.commandLine().getOut();
        out.print(json ? Report.json(r) + "\n" : Report.text(r));
        out.flush();
        return r.pass() ? 0 : 1;
    }
}
