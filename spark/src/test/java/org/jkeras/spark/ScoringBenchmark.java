package org.jkeras.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jkeras.KerasModel;

/**
 * Rows per second of {@link KerasScorer} on {@code local[2]} against plain {@link KerasModel#predict} on the same rows,
 * and a check that the two agree bit for bit on every row. The rows go through Parquet and are cached in Spark first,
 * so the Spark figure is the scoring job with Spark's own per-row cost (decoding, encoding, writing to the no-op
 * sink), not data generation.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... org.jkeras.spark.ScoringBenchmark [rows] [model.keras] [repeats] [out-dir]
 * </pre>
 * With {@code out-dir}, writes {@code x.npy} (the rows) and {@code y_spark.npy} (KerasScorer's output) there, for
 * comparison with {@code jkeras predict MODEL --input x.npy --output y_cli.npy}.
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path model = Path.of(args.length > 1 ? args[1] : "testmodels/keras3/mlp_784_256_128_10/model.keras").toAbsolutePath();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path out = args.length > 3 ? Path.of(args[3]) : null;

        KerasModel m = KerasModel.loader().threads(2).load(model);
        int width = m.inputShapes().get(0).size();
        float[][] x = TestData.randomRows(rows, width, 42);
        System.out.printf("model %s, %d rows of %d floats, kernels: %s%n", model.getFileName(), rows, width, m.info().kernels());

        for (int threads : new int[] {1, 2}) {
            KerasModel plain = KerasModel.loader().threads(threads).load(model);
            List<String> rates = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                for (int from = 0; from < rows; from += 256) plain.predict(Arrays.copyOfRange(x, from, Math.min(rows, from + 256)));
                rates.add(rate(rows, System.nanoTime() - t));
            }
            System.out.printf("plain KerasModel.predict, batches of 256, %d thread(s): %s rows/s%n", threads, rates);
        }

        SparkSession spark = SparkSession.builder().master("local[2]").appName("jkeras-spark-benchmark").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", DataTypes.createArrayType(DataTypes.FloatType));
        List<Row> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) data.add(RowFactory.create(i, x[i]));
        // through Parquet, as data at rest arrive (array elements nullable), and so tasks do not carry the rows
        Path parquet = Files.createTempDirectory("jkeras-bench-").resolve("rows.parquet");
        spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(data, 4), schema).write().parquet(parquet.toString());
        data = null;
        Dataset<Row> df = spark.read().parquet(parquet.toString()).repartition(4).cache();
        df.count();
        System.out.println("input column: " + df.schema().apply("features").dataType().catalogString() + ", containsNull "
                + ((org.apache.spark.sql.types.ArrayType) df.schema().apply("features").dataType()).containsNull());

        KerasScorer scorer = new KerasScorer().setModelUri(model.toString()).setInputCol("features").setOutputCol("p").setBatchSize(256);
        List<String> rates = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            scorer.transform(df).write().format("noop").mode("overwrite").save();
            rates.add(rate(rows, System.nanoTime() - t));
        }
        System.out.printf("KerasScorer, local[2], 4 partitions, batches of 256 (first run includes JIT warm-up): %s rows/s%n", rates);

        long t = System.nanoTime();
        df.select(df.col("id"), df.col("features")).write().format("noop").mode("overwrite").save();
        System.out.printf("Spark alone (same rows, cached, to the no-op sink, no model): %s rows/s%n", rate(rows, System.nanoTime() - t));

        KerasFunctions.register(spark, "jkeras_predict", model.toString());
        df.createOrReplaceTempView("t");
        rates.clear();
        for (int r = 0; r < Math.min(3, repeats); r++) {
            t = System.nanoTime();
            spark.sql("SELECT id, jkeras_predict(features) AS p FROM t").write().format("noop").mode("overwrite").save();
            rates.add(rate(rows, System.nanoTime() - t));
        }
        System.out.printf("SQL function jkeras_predict (row at a time): %s rows/s%n", rates);

        // every row, bit for bit: KerasScorer against one predict call over all rows
        float[][] expected = m.predict(x);
        float[][] got = new float[rows][];
        for (Row r : scorer.transform(df).select("id", "p").collectAsList()) got[r.getInt(0)] = TestData.floats(r.getList(1));
        int differ = 0;
        for (int i = 0; i < rows; i++) if (!Arrays.equals(expected[i], got[i])) differ++;
        System.out.printf("rows whose KerasScorer output differs from KerasModel.predict in any bit: %d of %d%n", differ, rows);
        if (out != null) {
            Files.createDirectories(out);
            writeNpy(out.resolve("x.npy"), x);
            writeNpy(out.resolve("y_spark.npy"), got);
            System.out.println("wrote " + out.resolve("x.npy") + " and " + out.resolve("y_spark.npy"));
        }
        spark.stop();
        try (var files = Files.walk(parquet.getParent())) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }

    private static String rate(int rows, long nanos) {
        return String.format("%,.0f", rows / (nanos / 1e9));
    }

    /** A float32 .npy of shape (rows, width), little-endian, C order. */
    private static void writeNpy(Path file, float[][] rows) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + rows[0].length + "), }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad % 64) + "\n";
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            o.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            o.write(header.length() & 0xff);
            o.write(header.length() >> 8);
            o.writeBytes(header);
            ByteBuffer b = ByteBuffer.allocate(rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] r : rows) {
                b.clear();
                b.asFloatBuffer().put(r);
                o.write(b.array());
            }
        }
    }
}
