package org.jkeras;

import org.jkeras.exceptions.JKerasException;

/**
 * A Keras file could not be turned into a model: unreadable, corrupt, or holding something jkeras does not
 * support. The message names the file, and where it applies the layer, its class and the config key:
 * {@code model.h5: layer 'dense_3' (Dense): missing config key 'units'}.
 */
public class KerasImportException extends JKerasException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the file and, where it applies, the layer, its class and the config key. */
    public KerasImportException(String message) {
        super(message);
    }

    /** The same, with the exception that caused it (an I/O error, a number that did not parse, …). */
    public KerasImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
