package org.jkeras.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The array file formats jkeras reads and writes, chosen by file extension. */
public enum ArrayFormat {
    /** A NumPy {@code .npy}: one array ({@link Npy}, {@link NpyBatches}, {@link NpyStream}). */
    NPY,
    /** A NumPy {@code .npz}: named arrays ({@link Npz}). */
    NPZ,
    /** Comma-separated values, one sample per line ({@link Csv}, {@link CsvBatches}, {@link CsvColumns}). */
    CSV,
    /** One JSON nested list, or an object of them by name ({@link JsonArrays}). */
    JSON,
    /** JSON Lines, one sample per line ({@link JsonLinesBatches}). */
    JSONL;

    /** The extension with its dot, e.g. {@code .npy}. */
    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }

    /** The format the file's extension names; an unknown extension is an error listing the supported ones. */
    public static ArrayFormat forPath(Path path) {
        ArrayFormat f = byExtension(path);
        if (f != null) return f;
        String supported = Arrays.stream(values()).map(ArrayFormat::extension).collect(Collectors.joining(", "));
        throw new ArrayFileException(path + ": unknown array file type; the name must end in one of " + supported);
    }

    /** The format the file's extension names (in any case), or null when it names none. */
    public static ArrayFormat byExtension(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : byName(name.substring(dot + 1));
    }

    /** The format of this name without the dot ({@code npy}, {@code CSV}, …), or null. */
    public static ArrayFormat byName(String name) {
        for (ArrayFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) return f;
        }
        return null;
    }
}
