package org.jkeras;

import java.util.ArrayList;
import java.util.List;

/** The model uses layers, activations or config values jkeras does not support; lists every one at once. */
public class UnsupportedModelException extends KerasImportException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * Lists every problem, one per line, after {@code file}; {@code notes} (lines such as unread config keys) follow
     * them in the message but are not problems.
     */
    public UnsupportedModelException(String file, List<Problem> problems, List<String> notes) {
        super(file + ": " + problems.size() + " unsupported part(s):\n  " + String.join("\n  ", lines(problems, notes)));
        this.problems = List.copyOf(problems);
    }

    private static List<String> lines(List<Problem> problems, List<String> notes) {
        List<String> l = new ArrayList<>();
        for (Problem p : problems) l.add(p.toString());
        l.addAll(notes);
        return l;
    }

    /** Every unsupported part, each naming the layer, its class and the key. */
    public List<Problem> problems() {
        return problems;
    }
}
