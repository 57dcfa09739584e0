package org.jkeras.activations;

import org.jkeras.exceptions.JKerasException;

/** An activation name that no Keras version registers (or that jkeras does not support); lists the known ones. */
public class UnknownActivationException extends JKerasException {
    private static final long serialVersionUID = 1L;

    private final String name;

    /** For {@code name} (null when a model gives none); the message lists every supported name. */
    public UnknownActivationException(String name) {
        super("unknown activation '" + name + "'; supported: " + String.join(", ", Activations.names()));
        this.name = name;
    }

    /** The name that was asked for. */
    public String getName() {
        return name;
    }
}
