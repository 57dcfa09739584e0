package org.jkeras.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class KerasScorerTest {
    static final SparkSession SPARK = TestData.spark();
    static final Path MLP = TestData.keras3("mlp_784_256_128_10").resolve("model.keras");
    static final StructType FEATURES = new StructType().add("id", DataTypes.IntegerType).add("tag", DataTypes.StringType)
            .add("features", DataTypes.createArrayType(DataTypes.FloatType));

    /** Rows id, tag "r<id>", features, spread over {@code partitions} partitions in id order. */
    static Dataset<Row> frame(float[][] x, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) rows.add(RowFactory.create(i, "r" + i, x[i]));
        return SPARK.createDataFrame(JavaSparkContext.fromSparkContext(SPARK.sparkContext()).parallelize(rows, partitions), FEATURES);
    }

    static KerasScorer mlp() {
        return new KerasScorer().setModelUri(MLP.toUri().toString()).setInputCol("features").setOutputCol("p");
    }

    @Test
    void bitIdenticalToPredictAcrossPartitionsAndBatches() {
        float[][] x = TestData.randomRows(2000, 784, 7);
        float[][] expected = KerasModel.load(MLP).predict(x);
        Dataset<Row> out = mlp().setBatchSize(97).transform(frame(x, 3));
        assertEquals(List.of("id", "tag", "features", "p"), Arrays.asList(out.columns()));
        assertEquals(3, out.javaRDD().getNumPartitions());
        List<Row> rows = out.collectAsList();
        assertEquals(x.length, rows.size());
        for (Row r : rows) {
            int id = r.getInt(0);
            assertEquals("r" + id, r.getString(1));
            assertArrayEquals(x[id], TestData.floats(r.getList(2)), "features come back as they went in");
            assertArrayEquals(expected[id], TestData.floats(r.getList(3)), "row " + id);
        }
    }

    @Test
    void doublesVectorsNestedArraysAndVectorOutput() {
        float[][] x = TestData.randomRows(40, 784, 11);
        float[][] expected = KerasModel.load(MLP).predict(x);
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("d", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("v", SQLDataTypes.VectorType());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] d = new double[784];
            for (int k = 0; k < d.length; k++) d[k] = x[i][k];
            rows.add(RowFactory.create(i, d, Vectors.dense(d)));
        }
        // n: the same values as 28 rows of 28, array<array<float>>
        Dataset<Row> df = SPARK.createDataFrame(rows, schema).repartition(2)
                .withColumn("n", functions.expr("transform(sequence(0, 27), r -> slice(cast(d AS array<float>), r * 28 + 1, 28))"));
        assertEquals("array<array<float>>", df.schema().apply("n").dataType().simpleString());
        for (String col : List.of("d", "v", "n")) {
            for (Row r : new KerasScorer().setModelUri(MLP.toString()).setInputCol(col).setOutputCol("p").transform(df).collectAsList()) {
                assertArrayEquals(expected[r.getInt(0)], TestData.floats(r.getList(4)), col + ", row " + r.getInt(0));
            }
        }
        Dataset<Row> vec = new KerasScorer().setModelUri(MLP.toString()).setInputCol("v").setOutputCol("p").setOutputType("vector").transform(df);
        assertEquals(SQLDataTypes.VectorType(), vec.schema().apply("p").dataType());
        for (Row r : vec.collectAsList()) {
            double[] p = ((DenseVector) r.getAs("p")).toArray();
            for (int k = 0; k < p.length; k++) assertEquals(expected[r.getInt(0)][k], (float) p[k]);
        }
    }

    @Test
    void severalInputsAndOutputsMatchKerasGolden() {
        Path dir = TestData.keras3("dict_inputs_outputs");
        Map<String, Tensor> in = TestData.golden(dir, "inputs"), golden = TestData.golden(dir, "outputs");
        Tensor alpha = in.get("alpha"), zeta = in.get("zeta");
        // a column name with a dot and a backtick must be taken as a name, never parsed
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("a.`x", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("z", DataTypes.createArrayType(DataTypes.FloatType));
        List<Row> rows = new ArrayList<>();
        float[][] a = alpha.toRows(), z = zeta.toRows();
        for (int i = 0; i < a.length; i++) rows.add(RowFactory.create(i, doubles(a[i]), z[i]));
        Dataset<Row> df = SPARK.createDataFrame(JavaSparkContext.fromSparkContext(SPARK.sparkContext()).parallelize(rows, 2), schema);
        KerasModel model = KerasModel.load(dir.resolve("model.keras"));
        Map<String, Tensor> exact = model.predict(Map.of("alpha", alpha, "zeta", zeta));

        Dataset<Row> out = new KerasScorer().setModelUri(dir.resolve("model.keras").toString())
                .setFeedMap(Map.of("alpha", "a.`x", "zeta", "z"))
                .setFetchMap(orderedMap("logits", "logits", "omega", "Ωmega", "s", "score"))
                .transform(df);
        assertEquals(List.of("id", "a.`x", "z", "logits", "omega", "s"), Arrays.asList(out.columns()));
        for (Row r : out.collectAsList()) {
            int id = r.getInt(0);
            for (String[] c : new String[][] {{"logits", "logits"}, {"omega", "Ωmega"}, {"s", "score"}}) {
                float[] got = TestData.floats(r.getList(r.fieldIndex(c[0])));
                assertArrayEquals(exact.get(c[1]).toRows()[id], got, c[1] + " row " + id);
                float[] keras = golden.get(c[1]).toRows()[id];
                for (int k = 0; k < keras.length; k++) assertTrue(Math.abs(got[k] - keras[k]) <= 1e-5 + 1e-5 * Math.abs(keras[k]), c[1] + " vs Keras");
            }
        }
        Dataset<Row> subset = new KerasScorer().setModelUri(dir.resolve("model.keras").toString())
                .setInputCols(new String[] {"a.`x", "z"}).setFetchMap(Map.of("s", "score")).transform(df);
        assertEquals(List.of("id", "a.`x", "z", "s"), Arrays.asList(subset.columns()));
        assertEquals(3, subset.count());
    }

    @Test
    void jsonConfigWithWeightsAndOutputCols() {
        Path dir = TestData.keras3("functional_2in_2out");
        Map<String, Tensor> in = TestData.golden(dir, "inputs"), golden = TestData.golden(dir, "outputs");
        StructType schema = new StructType().add("a", DataTypes.createArrayType(DataTypes.FloatType)).add("b", DataTypes.createArrayType(DataTypes.FloatType));
        List<Row> rows = new ArrayList<>();
        float[][] a = in.get("in_a").toRows(), b = in.get("in_b").toRows();
        for (int i = 0; i < a.length; i++) rows.add(RowFactory.create(a[i], b[i]));
        List<Row> out = new KerasScorer().setModelUri(dir.resolve("model.json").toString()).setWeightsUri(dir.resolve("model.weights.h5").toString())
                .setInputCols(new String[] {"a", "b"}).setOutputCols(new String[] {"cls", "reg"}).setBatchSize(2)
                .transform(SPARK.createDataFrame(rows, schema)).collectAsList();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], TestData.floats(out.get(i).getList(0)));
            for (int o = 0; o < 2; o++) {
                float[] keras = golden.get(o == 0 ? "cls" : "reg").toRows()[i], got = TestData.floats(out.get(i).getList(2 + o));
                for (int k = 0; k < keras.length; k++) assertTrue(Math.abs(got[k] - keras[k]) <= 1e-5 + 1e-5 * Math.abs(keras[k]), "output " + o + " row " + i);
            }
        }
    }

    @Test
    void openDimensionCutsBatchesWhereTheLengthChanges() {
        Path model = TestData.keras3("reshape_open_length").resolve("model.keras");
        KerasModel m = KerasModel.load(model);
        int[] steps = {6, 6, 3, 3, 3, 6, 4};
        float[][] x = new float[steps.length][];
        for (int i = 0; i < steps.length; i++) x[i] = TestData.randomRows(1, steps[i] * 8, i)[0];
        List<Row> out = new KerasScorer().setModelUri(model.toString()).setInputCol("features").setOutputCols(new String[] {"flat", "split"})
                .transform(frame(x, 1)).collectAsList();
        for (Row r : out) {
            int id = r.getInt(0);
            Tensor[] expected = m.predict(Tensor.of(x[id], 1, steps[id], 8));
            assertArrayEquals(expected[0].data(), TestData.floats(r.getList(3)), "flat, row " + id);
            assertArrayEquals(expected[1].data(), TestData.floats(r.getList(4)), "split, row " + id);
        }
    }

    @Test
    void eachExecutorJvmLoadsAModelOnce() {
        Path model = TestData.keras3("nested_sequential").resolve("model.keras");
        StructType schema = new StructType().add("x", DataTypes.createArrayType(DataTypes.FloatType));
        List<Row> rows = new ArrayList<>();
        for (float[] r : TestData.randomRows(50, 6, 3)) rows.add(RowFactory.create((Object) r));
        Dataset<Row> df = SPARK.createDataFrame(JavaSparkContext.fromSparkContext(SPARK.sparkContext()).parallelize(rows, 4), schema);
        int before = ExecutorModels.loads();
        new KerasScorer().setModelUri(model.toString()).setInputCol("x").transform(df).collectAsList();
        new KerasScorer().setModelUri(model.toString()).setInputCol("x").setBatchSize(7).transform(df).collectAsList();
        assertEquals(1, ExecutorModels.loads() - before, "4 tasks, 2 transforms, 2 scorers: one load in this JVM");
    }

    @Test
    void loaderExtensionReachesTheLoader() {
        float[][] x = TestData.randomRows(10, 784, 5);
        int before = CountingExtension.CALLS.get();
        List<Row> out = mlp().setLoaderExtension(CountingExtension.class.getName()).transform(frame(x, 2)).collectAsList();
        assertTrue(CountingExtension.CALLS.get() > before);
        float[][] expected = KerasModel.load(MLP).predict(x);
        for (Row r : out) assertArrayEquals(expected[r.getInt(0)], TestData.floats(r.getList(3)));
        KerasSparkException e = assertThrows(KerasSparkException.class, () -> mlp().setLoaderExtension("com.example.Missing").transform(frame(x, 1)));
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
    }

    @Test
    void configurationErrorsNameWhatIsWrong() {
        Dataset<Row> df = frame(TestData.randomRows(2, 784, 1), 1);
        String dict = TestData.keras3("dict_inputs_outputs").resolve("model.keras").toString();
        assertMessage("column 'nope' (model input", () -> mlp().setInputCol("nope").transform(df));
        assertMessage("output column 'tag' (model output", () -> mlp().setOutputCol("tag").transform(df));
        assertMessage("use setOutputCols or setFetchMap", () -> new KerasScorer().setModelUri(dict).setInputCols(new String[] {"features", "features"}).transform(df));
        assertMessage("feedMap names model input 'beta'", () -> new KerasScorer().setModelUri(dict).setFeedMap(Map.of("beta", "features")).transform(df));
        assertMessage("has type string", () -> mlp().setInputCol("tag").transform(df));
        assertMessage("no-such-model.keras: cannot read", () -> new KerasScorer().setModelUri("file:///no-such-model.keras").setInputCol("features").transform(df));
        assertThrows(IllegalArgumentException.class, () -> mlp().setHandleInvalid("drop"));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable run) {
        KerasSparkException e = assertThrows(KerasSparkException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    static double[] doubles(float[] x) {
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) d[k] = x[k];
        return d;
    }

    static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** Counts its calls; registers an activation no model uses. */
    public static final class CountingExtension implements LoaderExtension {
        static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public KerasModel.Loader extend(KerasModel.Loader loader) {
            CALLS.incrementAndGet();
            return loader.registerActivation("tests>unused", org.jkeras.activations.Activations.linear());
        }
    }
}
