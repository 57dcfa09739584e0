package org.jkeras.importer;

/** A Keras file's format, told from its first bytes, never from its name. */
public enum FileFormat {
    /** Keras 3 native {@code .keras}: a zip of config.json, metadata.json and model.weights.h5. */
    KERAS_ZIP("Keras 3 .keras archive"),
    /** HDF5: a legacy full model ({@code model.save("m.h5")}) or a weights file. */
    HDF5("HDF5"),
    /** A model config from {@code model.to_json()}, weights in a second file. */
    JSON("JSON config");

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    /** How {@code inspect} names the format, e.g. {@code "Keras 3 .keras archive"}. */
    public String description() {
        return description;
    }

    /** The format of a file starting with {@code head} (its first bytes, up to 2 KiB), or null when none fits. */
    public static FileFormat detect(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return KERAS_ZIP;
        // HDF5 puts its signature at 0, or after a user block of 512, 1024, 2048... bytes
        for (int off = 0; off + HDF5_SIGNATURE.length <= length; off = off == 0 ? 512 : off * 2) {
            if (java.util.Arrays.equals(head, off, off + 8, HDF5_SIGNATURE, 0, 8)) return HDF5;
        }
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) i = 3; // UTF-8 BOM
        while (i < length && Character.isWhitespace(head[i])) i++;
        if (i < length && head[i] == '{') return JSON;
        return null;
    }
}
