package org.jkeras.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.jkeras.exceptions.JKerasException;

/** An array file that cannot be read or written; the message names the file and what is wrong with it. */
public class ArrayFileException extends JKerasException {
    private static final long serialVersionUID = 1L;

    /** An error whose message names the file and what is wrong with it. */
    public ArrayFileException(String message) {
        super(message);
    }

    /** An error whose message names the file and what is wrong with it, caused by {@code cause}. */
    public ArrayFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An I/O failure on {@code file}, worded for a user rather than as an exception class name. */
    public static ArrayFileException io(Object file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) why = "no such file";
        else if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof CharacterCodingException) why = "not UTF-8 text";
        else if (e.getMessage() != null) why = e.getMessage();
        else why = e.getClass().getSimpleName();
        return new ArrayFileException(file + ": " + why, e);
    }
}
