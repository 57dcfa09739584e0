package org.jkeras.importer;

import org.jkeras.activations.Semantics;

/**
 * Where a model came from and which Keras formulas it runs with.
 *
 * @param file            the file name as given
 * @param format          the detected format
 * @param kerasVersion    the {@code keras_version} the file records, or null
 * @param backend         the backend the file records, or null
 * @param semantics       the formula generation chosen (e.g. for {@code hard_sigmoid})
 * @param semanticsSource why: {@code "keras_version 2.3.1"}, {@code "inferred from Keras 1/2 config keys"}, or unknown
 * @param weights         how weights were found
 * @param notes           things worth knowing that do not stop the model, e.g. config keys jkeras does not use
 */
public record ModelInfo(String file, FileFormat format, String kerasVersion, String backend, Semantics semantics,
                        String semanticsSource, String weights, java.util.List<String> notes) {
    public ModelInfo {
        notes = java.util.List.copyOf(notes);
    }

    /**
     * The kernels this JVM runs, the same for every model: {@code "Vector API, 256-bit (8 floats)"}, or
     * {@code "scalar (…)"} with how to enable the Vector API, which is many times faster.
     */
    public String kernels() {
        return org.jkeras.activations.Simd.describe();
    }
}
