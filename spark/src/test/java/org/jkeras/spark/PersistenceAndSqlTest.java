package org.jkeras.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class PersistenceAndSqlTest {
    static final SparkSession SPARK = TestData.spark();

    @Test
    void savedPipelineCarriesTheModelFile(@TempDir Path tmp) throws IOException {
        Path model = Files.createDirectories(tmp.resolve("models")).resolve("digits.keras");
        Files.copy(KerasScorerTest.MLP, model);
        float[][] x = TestData.randomRows(300, 784, 13);
        float[][] expected = KerasModel.load(model).predict(x);
        Dataset<Row> df = KerasScorerTest.frame(x, 2);
        KerasScorer scorer = new KerasScorer().setModelUri(model.toUri().toString()).setInputCol("features").setOutputCol("p").setBatchSize(64);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {scorer}).fit(df);
        String saved = tmp.resolve("pipeline").toUri().toString();
        fitted.write().overwrite().save(saved);
        Files.delete(model);

        PipelineModel loaded = PipelineModel.load(saved);
        KerasScorer stage = (KerasScorer) loaded.stages()[0];
        assertEquals(64, stage.getBatchSize());
        assertEquals("p", stage.getOutputCol());
        assertTrue(stage.getModelUri().endsWith("/data/digits.keras"), stage.getModelUri());
        for (Row r : loaded.transform(df).collectAsList()) assertArrayEquals(expected[r.getInt(0)], TestData.floats(r.getList(3)));
    }

    @Test
    void savedScorerKeepsConfigWeightsAndMaps(@TempDir Path tmp) throws IOException {
        Path dir = TestData.keras3("functional_2in_2out");
        KerasScorer scorer = new KerasScorer().setModelUri(dir.resolve("model.json").toString()).setWeightsUri(dir.resolve("model.weights.h5").toString())
                .setFeedMap(KerasScorerTest.orderedMap("in_b", "b", "in_a", "a")).setFetchMap(Map.of("r", "reg")).setHandleInvalid("keep").setThreads(2);
        String saved = tmp.resolve("scorer").toString();
        scorer.write().save(saved);
        KerasScorer loaded = KerasScorer.load(saved);
        assertEquals(scorer.uid(), loaded.uid());
        assertEquals(List.of("in_b", "in_a"), List.copyOf(loaded.getFeedMap().keySet()));
        assertEquals(Map.of("r", "reg"), loaded.getFetchMap());
        assertEquals("keep", loaded.getHandleInvalid());
        assertEquals(2, loaded.getThreads());
        assertTrue(Files.exists(Path.of(saved, "data", "model.json")) && Files.exists(Path.of(saved, "data", "model.weights.h5")));
        assertTrue(loaded.getWeightsUri().endsWith("data/model.weights.h5"), loaded.getWeightsUri());

        Map<String, Tensor> in = TestData.golden(dir, "inputs"), golden = TestData.golden(dir, "outputs");
        float[][] a = in.get("in_a").toRows(), b = in.get("in_b").toRows();
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < a.length; i++) rows.add(org.apache.spark.sql.RowFactory.create(a[i], b[i]));
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("a", org.apache.spark.sql.types.DataTypes.createArrayType(org.apache.spark.sql.types.DataTypes.FloatType))
                .add("b", org.apache.spark.sql.types.DataTypes.createArrayType(org.apache.spark.sql.types.DataTypes.FloatType));
        List<Row> out = loaded.transform(SPARK.createDataFrame(rows, schema)).collectAsList();
        for (int i = 0; i < a.length; i++) {
            float[] keras = golden.get("reg").toRows()[i], got = TestData.floats(out.get(i).getList(2));
            for (int k = 0; k < keras.length; k++) assertTrue(Math.abs(got[k] - keras[k]) <= 1e-5 + 1e-5 * Math.abs(keras[k]));
        }
    }

    @Test
    void sqlFunctionFromJavaAndByClassNameAsPySparkRegistersIt() {
        float[][] x = TestData.randomRows(120, 784, 17);
        float[][] expected = KerasModel.load(KerasScorerTest.MLP).predict(x);
        x[7] = null;
        KerasScorerTest.frame(x, 2).createOrReplaceTempView("digits");

        KerasFunctions.register(SPARK, "jkeras_predict", KerasScorerTest.MLP.toUri().toString());
        // what PySpark's spark.udf.registerJavaFunction("jkeras_predict_py", "org.jkeras.spark.PredictUdf", "array<float>") calls
        SPARK.conf().set(PredictUdf.MODEL, KerasScorerTest.MLP.toString());
        try {
            SPARK.udf().registerJava("jkeras_predict_py", PredictUdf.class.getName(), PredictUdf.returnType());
        } finally {
            SPARK.conf().unset(PredictUdf.MODEL);
        }
        List<Row> out = SPARK.sql("SELECT id, jkeras_predict(features) AS p, jkeras_predict_py(features) AS q FROM digits").collectAsList();
        assertEquals(120, out.size());
        for (Row r : out) {
            int id = r.getInt(0);
            if (id == 7) {
                assertNull(r.get(1));
                assertNull(r.get(2));
                continue;
            }
            assertArrayEquals(expected[id], TestData.floats(r.getList(1)), "row " + id);
            assertArrayEquals(expected[id], TestData.floats(r.getList(2)), "row " + id);
        }
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> SPARK.sql("SELECT jkeras_predict(slice(features, 1, 10)) FROM digits WHERE id = 3").collectAsList());
        String message = HandleInvalidTest.causeMessage(e);
        assertTrue(message.contains("jkeras_predict: model input 'pixels': 10 values, but a sample of shape (784,) has 784"), message);
        assertFalse(SPARK.conf().contains(PredictUdf.MODEL));
    }

    @Test
    void sqlFunctionPicksOneOfSeveralOutputsByKey() {
        Path model = TestData.keras3("repeated_outputs_lstm_state").resolve("model.keras");
        KerasModel m = KerasModel.load(model);
        float[][] x = TestData.randomRows(5, 15, 23);
        Tensor[] expected = m.predict(Tensor.of(x[2], 1, 5, 3));
        KerasScorerTest.frame(x, 1).createOrReplaceTempView("sequences");
        KerasFunctions.register(SPARK, "lstm_cell_state", model.toString(), null, "lstm:2", null);
        Row r = SPARK.sql("SELECT lstm_cell_state(features) FROM sequences WHERE id = 2").collectAsList().get(0);
        assertArrayEquals(expected[2].data(), TestData.floats(r.getList(0)));
        KerasSparkException e = org.junit.jupiter.api.Assertions.assertThrows(KerasSparkException.class,
                () -> KerasFunctions.register(SPARK, "lstm_any", model.toString()));
        assertTrue(e.getMessage().contains("the model has outputs [lstm:0, lstm:1, lstm:2]"), e.getMessage());
    }
}
