package org.jkeras.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.jkeras.KerasModel;
import org.jkeras.io.golden.Comparison;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.io.golden.Report;
import org.jkeras.runtime.PredictException;

/**
 * Assertions that a Keras model run by jkeras gives the predictions saved from Python:
 * <pre>{@code
 * KerasAssertions.assertMatchesGolden(KerasModel.load(Path.of("model.keras")), Path.of("golden.h5"));
 * }</pre>
 * The golden file is any layout {@code jkeras verify} reads ({@code save_golden.py}'s HDF5, io.json, .npz, a folder of
 * in_N.npy / out_N.npy, or an inputs-and-outputs HDF5). A failure names the output (by its Keras name, or
 * {@code name:<position>} where outputs share a name, as Keras 3 names an LSTM's output and states), the flat index
 * of the worst element, the actual and expected values and, where the golden file records every layer's output, the
 * first layer whose output diverges.
 */
public final class KerasAssertions {
    private KerasAssertions() {
    }

    /** At {@link Tolerance#DEFAULT}. */
    public static Comparison.Result assertMatchesGolden(KerasModel model, Path golden) {
        return assertMatchesGolden(model, golden, Tolerance.DEFAULT);
    }

    /**
     * Runs {@code model} on the golden inputs and fails unless every output is within {@code tolerance}. Returns the
     * comparison for further checks. Load the model with {@code KerasModel.loader().fuse(false)} to have a failure
     * name a diverging activation layer that would otherwise be fused into its Dense layer.
     */
    public static Comparison.Result assertMatchesGolden(KerasModel model, Path golden, Tolerance tolerance) {
        return assertMatches(model, GoldenFile.read(golden), tolerance);
    }

    /** Loads the model file ({@code .keras}, {@code .h5}, or {@code .json} beside its weights) and checks it. */
    public static Comparison.Result assertMatchesGolden(Path model, Path golden, Tolerance tolerance) {
        return assertMatchesGolden(model, null, golden, tolerance);
    }

    /**
     * Loads a model from its file and, for a JSON config, its weights (null: found beside it), keeping every layer
     * its own node when the golden file records layer outputs, and checks it.
     */
    public static Comparison.Result assertMatchesGolden(Path model, Path weights, Path golden, Tolerance tolerance) {
        GoldenFile g = GoldenFile.read(golden);
        KerasModel.Loader loader = KerasModel.loader().fuse(g.activations().isEmpty());
        KerasModel m = weights == null ? loader.load(model) : loader.load(model, weights);
        return assertMatches(m, g, tolerance);
    }

    /** Checks a golden file already read. */
    public static Comparison.Result assertMatches(KerasModel model, GoldenFile golden, Tolerance tolerance) {
        Comparison.Result r;
        try {
            r = Comparison.run(model, golden, tolerance.atol(), tolerance.rtol());
        } catch (IllegalArgumentException | PredictException e) { // the golden file does not fit the model: counts, names, shapes
            return fail(model.info().file() + ": " + e.getMessage(), e);
        }
        if (!r.pass()) {
            String notes = r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")";
            fail(model.info().file() + ": " + Report.failure(r) + notes);
        }
        return r;
    }
}
