package org.jkeras.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Opening text inputs so that a failure while reading their first lines never leaks the open file. */
public final class Readers {
    private Readers() {
    }

    /** A UTF-8 reader of {@code file}; I/O failures name the file. */
    public static BufferedReader utf8(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** {@code make(resource)}, closing the resource when that fails (a bad header, an empty file). */
    public static <R extends Closeable, T> T build(R resource, Function<R, T> make) {
        try {
            return make.apply(resource);
        } catch (RuntimeException e) {
            try {
                resource.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
