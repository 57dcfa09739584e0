package org.jkeras.spark;

/**
 * Scoring on Spark failed: a model that cannot be read or loaded, a column the model cannot take, or a row that
 * breaks the model's input contract under {@code handleInvalid = "error"}. The message names the model file or the
 * column, and for a row its partition and position in it.
 */
public class KerasSparkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KerasSparkException(String message) {
        super(message);
    }

    public KerasSparkException(String message, Throwable cause) {
        super(message, cause);
    }
}
