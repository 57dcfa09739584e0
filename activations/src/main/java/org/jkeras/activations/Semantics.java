package org.jkeras.activations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Keras generation's formulas a model was trained with. The one activation whose formula changed is
 * {@code hard_sigmoid}: Keras 1.x, 2.x and tf.keras compute {@code clip(0.2x + 0.5, 0, 1)}, Keras 3 computes
 * {@code clip(x/6 + 0.5, 0, 1)}.
 */
public enum Semantics {
    /** Keras 1.x, 2.x and tf.keras ({@code "1.2.2"}, {@code "2.3.1"}, {@code "2.2.4-tf"}, {@code "2.15.0"}). */
    KERAS_1_2("Keras 1/2 formula"),
    /** Keras 3.x, and the default when the version is missing or unreadable. */
    KERAS_3("Keras 3 formula");

    private static final Pattern MAJOR = Pattern.compile("\\s*(\\d+)\\.\\d+.*");

    private final String description;

    Semantics(String description) {
        this.description = description;
    }

    /** For {@code inspect}: {@code "Keras 1/2 formula"} or {@code "Keras 3 formula"}. */
    public String describe() {
        return description;
    }

    /** The semantics of a {@code keras_version} string; null, blank or unparseable means {@link #KERAS_3}. */
    public static Semantics fromKerasVersion(String version) {
        int major = major(version);
        return major == 1 || major == 2 ? KERAS_1_2 : KERAS_3;
    }

    /** True when {@code version} reads as a Keras 1, 2 or 3 release (so the choice was not a fallback). */
    public static boolean isKnownVersion(String version) {
        int major = major(version);
        return major >= 1 && major <= 3;
    }

    private static int major(String version) {
        if (version == null) return -1;
        Matcher m = MAJOR.matcher(version);
        if (!m.matches()) return -1;
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }
}
