package org.jkeras.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Small model files written by the tests: Keras 2-style JSON configs and legacy HDF5 weights. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * A legacy weights file: root {@code layer_names}; per layer a group with {@code weight_names} and each
     * weight at its name's path (e.g. {@code dense_1/kernel:0}). Values are float[] / float[][] / double[][].
     */
    static Path legacyWeights(Path file, Map<String, Map<String, Object>> layers) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("layer_names", layers.keySet().toArray(new String[0]));
            h5.putAttribute("keras_version", "2.3.1");
            h5.putAttribute("backend", "tensorflow");
            for (Map.Entry<String, Map<String, Object>> layer : layers.entrySet()) {
                WritableGroup g = h5.putGroup(layer.getKey());
                g.putAttribute("weight_names", layer.getValue().keySet().toArray(new String[0]));
                for (Map.Entry<String, Object> w : layer.getValue().entrySet()) {
                    String[] parts = w.getKey().split("/");
                    WritableGroup at = g;
                    for (int i = 0; i < parts.length - 1; i++) {
                        at = at.getChild(parts[i]) instanceof WritableGroup existing ? existing : at.putGroup(parts[i]);
                    }
                    at.putDataset(parts[parts.length - 1], w.getValue());
                }
            }
        }
        return file;
    }

    static Map<String, Map<String, Object>> layers() {
        return new LinkedHashMap<>();
    }

    static Map<String, Object> weights(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Keras 2 Sequential config: first layer gets the input shape. */
    static String sequential(String version, int inputs, String... layerJson) {
        StringBuilder b = new StringBuilder("{\"class_name\": \"Sequential\", \"keras_version\": \"" + version + "\", \"backend\": \"tensorflow\", \"config\": {\"name\": \"seq\", \"layers\": [");
        for (int i = 0; i < layerJson.length; i++) {
            String l = layerJson[i];
            if (i == 0) l = l.replaceFirst("\"config\": \\{", "\"config\": {\"batch_input_shape\": [null, " + inputs + "], ");
            b.append(i > 0 ? ", " : "").append(l);
        }
        return b.append("]}}").toString();
    }

    static String dense(String name, int units, String activation) {
        return "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name + "\", \"units\": " + units + ", \"activation\": \"" + activation + "\", \"use_bias\": true}}";
    }

    static String layer(String cls, String name, String extraConfig) {
        return "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"" + name + "\"" + (extraConfig.isEmpty() ? "" : ", " + extraConfig) + "}}";
    }

    static float[][] matrix(int rows, int cols, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int j = 0; j < cols; j++) row[j] = (float) (r.nextGaussian() * 0.5);
        return m;
    }

    static float[] vector(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[n];
        for (int j = 0; j < n; j++) v[j] = (float) (r.nextGaussian() * 0.1);
        return v;
    }

    /** x·W + b in double, the independent reference for Dense. */
    static double[][] affine(float[][] x, float[][] w, float[] b) {
        double[][] y = new double[x.length][b.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < b.length; j++) {
                double acc = b[j];
                for (int k = 0; k < w.length; k++) acc += (double) x[r][k] * w[k][j];
                y[r][j] = acc;
            }
        }
        return y;
    }
}
