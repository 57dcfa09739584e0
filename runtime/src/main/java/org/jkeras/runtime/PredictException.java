package org.jkeras.runtime;

import org.jkeras.exceptions.JKerasException;

/** Inputs given to {@code predict} do not fit the model: wrong count, name, rank or size. */
public class PredictException extends JKerasException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the input and what was expected of it. */
    public PredictException(String message) {
        super(message);
    }

    /** The same, with the exception that caused it. */
    public PredictException(String message, Throwable cause) {
        super(message, cause);
    }
}
