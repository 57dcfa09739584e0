package org.jkeras.exceptions;

/**
 * The base of every exception jkeras throws, so one {@code catch (JKerasException e)} handles them all: a file that
 * cannot be imported ({@code KerasImportException}, {@code UnsupportedModelException}), inputs that do not fit a
 * model ({@code PredictException}), an unknown activation name, an array file the command line cannot read. The
 * message is meant for a user: it names the file, layer, input or key concerned. Unchecked, as all of them are.
 *
 * <p>It lives in the lowest module, {@code jkeras-activations}, which every other module depends on, in a package of
 * its own so that no package is split across jars.
 */
public class JKerasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For subclasses, which say what failed. */
    protected JKerasException(String message) {
        super(message);
    }

    /** For subclasses, with the exception that caused this one. */
    protected JKerasException(String message, Throwable cause) {
        super(message, cause);
    }
}
