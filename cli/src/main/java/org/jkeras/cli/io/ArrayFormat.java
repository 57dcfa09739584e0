package org.jkeras.cli.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The array file formats the command line reads and writes, chosen by file extension. */
public enum ArrayFormat {
    NPY, NPZ, CSV, JSON, JSONL;

    /** The extension with its dot, e.g. {@code .npy}. */
    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }

    public static ArrayFormat forPath(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
        for (ArrayFormat f : values()) {
            if (f.name().equals(ext)) return f;
        }
        String supported = Arrays.stream(values()).map(ArrayFormat::extension).collect(Collectors.joining(", "));
        throw new ArrayFileException(path + ": unknown array file type; the name must end in one of " + supported);
    }
}
