package org.jkeras;

import java.util.List;

import org.jkeras.importer.LayerSpec;
import org.jkeras.importer.ModelInfo;

/**
 * What {@code KerasModel.loader().inspect(...)} finds in a file: where it came from, the model when jkeras can
 * run it, and otherwise every unsupported part at once with the config's layers.
 *
 * @param info     file, format, Keras version, formula generation, notes
 * @param model    the loaded model, or null when {@code problems} is not empty
 * @param problems every unsupported layer, activation and config value
 * @param layers   the top-level layers of the config, in config order
 */
public record Inspection(ModelInfo info, KerasModel model, List<Problem> problems, List<LayerSpec> layers) {
    public Inspection {
        problems = List.copyOf(problems);
        layers = List.copyOf(layers);
    }

    /** Whether jkeras can run the model: no unsupported layer, op, activation or config value. */
    public boolean supported() {
        return problems.isEmpty();
    }
}
