package org.jkeras.runtime;

/** Inputs given to {@code predict} do not fit the model: wrong count, name, rank or size. */
public class PredictException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the input and what was expected of it. */
    public PredictException(String message) {
        super(message);
    }
}
