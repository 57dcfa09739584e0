package org.jkeras;

import java.util.List;

/** The model uses layers, activations or config values jkeras does not support; lists every one at once. */
public class UnsupportedModelException extends KerasImportException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnsupportedModelException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " unsupported part(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per unsupported part, each naming the layer, its class and the key. */
    public List<String> problems() {
        return problems;
    }
}
