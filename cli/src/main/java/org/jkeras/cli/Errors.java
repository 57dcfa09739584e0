package org.jkeras.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import org.jkeras.exceptions.JKerasException;

/** The message a user sees for a failed command: ours as they are, anything else with its kind. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        if (e instanceof JKerasException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file";
        if (e instanceof IOException) return "I/O error: " + e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
