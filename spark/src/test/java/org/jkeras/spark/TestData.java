package org.jkeras.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.apache.spark.sql.SparkSession;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** The tests' shared local[2] session and the golden cases they read. */
final class TestData {
    private static SparkSession spark;

    private TestData() {
    }

    /** One session for every test class of the run (starting one takes seconds). */
    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("jkeras-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    // production jobs often run Kryo: the broadcast model bytes must travel through it
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** A golden case folder under testmodels/keras3. */
    static Path keras3(String name) {
        return Path.of("").toAbsolutePath().resolveSibling("testmodels").resolve("keras3").resolve(name);
    }

    static float[][] randomRows(int rows, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[rows][width];
        for (float[] row : x) for (int k = 0; k < width; k++) row[k] = (float) r.nextDouble(-1, 1);
        return x;
    }

    /** io.h5's {@code inputs} or {@code outputs} group: tensors by their recorded Keras name, in file order. */
    static Map<String, Tensor> golden(Path caseDir, String group) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (HdfFile io = new HdfFile(caseDir.resolve("io.h5"))) {
            Group g = (Group) io.getChild(group);
            for (int i = 0; ; i++) {
                Node n = g.getChild(Integer.toString(i));
                if (n == null) break;
                Dataset d = (Dataset) n;
                Object flat = d.getDataFlat();
                float[] data;
                if (flat instanceof float[] f) {
                    data = f;
                } else {
                    double[] dd = (double[]) flat;
                    data = new float[dd.length];
                    for (int k = 0; k < dd.length; k++) data[k] = (float) dd[k];
                }
                out.put((String) d.getAttribute("name").getData(), new Tensor(Shape.of(d.getDimensions()), data));
            }
        }
        return out;
    }

    static float[] floats(List<?> l) {
        float[] x = new float[l.size()];
        for (int k = 0; k < x.length; k++) x[k] = ((Number) l.get(k)).floatValue();
        return x;
    }
}
