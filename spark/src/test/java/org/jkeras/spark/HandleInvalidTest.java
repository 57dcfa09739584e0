package org.jkeras.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.jkeras.KerasModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rows of the wrong length, nulls, NaN and null elements under each handleInvalid. */
@Timeout(120)
class HandleInvalidTest {
    static final float[][] X = TestData.randomRows(7, 784, 21);

    /**
     * One partition, ids 0..6: 0 and 5 valid; 1 has 783 values; 2 is null; 3 holds a NaN at index 5; 4 holds a null
     * element at index 9 (array<float> decodes it as 0, so it must be caught before); 6 holds both, NaN first.
     */
    static Dataset<Row> bad() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < X.length; i++) rows.add(RowFactory.create(i, "r" + i, X[i]));
        rows.set(1, RowFactory.create(1, "r1", Arrays.copyOf(X[1], 783)));
        rows.set(2, RowFactory.create(2, "r2", null));
        float[] nan = X[3].clone();
        nan[5] = Float.NaN;
        rows.set(3, RowFactory.create(3, "r3", nan));
        rows.set(6, RowFactory.create(6, "r6", nan.clone()));
        Dataset<Row> df = TestData.spark().createDataFrame(JavaSparkContext.fromSparkContext(TestData.spark().sparkContext()).parallelize(rows, 1), KerasScorerTest.FEATURES);
        return df.withColumn("features", functions.expr("IF(id IN (4, 6), transform(features, (v, k) -> IF(k = 9, CAST(NULL AS FLOAT), v)), features)"));
    }

    @Test
    void errorNamesTheColumnPartitionRowAndProblem() {
        Dataset<Row> df = bad();
        String[] expected = {
                "column 'features' (model input 'pixels'), partition 0, row 1: 783 values, but a sample of shape (784,) has 784",
                "partition 0, row 2: null", "partition 0, row 3: NaN at index 5", "partition 0, row 4: a null value in the array", null,
                "partition 0, row 6: a null value in the array"};
        for (int bad = 1; bad <= 6; bad++) {
            if (bad == 5) continue;
            // the good row 0 then the bad one: the bad row is the partition's row 1
            Dataset<Row> one = df.where(functions.col("id").equalTo(0).or(functions.col("id").equalTo(bad))).coalesce(1);
            Dataset<Row> scored = KerasScorerTest.mlp().transform(one);
            Exception e = assertThrows(Exception.class, scored::collectAsList);
            String message = causeMessage(e);
            assertTrue(message.contains(expected[bad - 1].replace("row " + bad, "row 1")), message);
        }
    }

    @Test
    void skipDropsBadRowsAndScoresTheRest() {
        List<Row> out = KerasScorerTest.mlp().setHandleInvalid("skip").setBatchSize(2).transform(bad()).collectAsList();
        float[][] expected = KerasModel.load(KerasScorerTest.MLP).predict(new float[][] {X[0], X[5]});
        assertEquals(2, out.size());
        assertEquals(0, out.get(0).getInt(0));
        assertEquals(5, out.get(1).getInt(0));
        assertArrayEquals(expected[0], TestData.floats(out.get(0).getList(3)));
        assertArrayEquals(expected[1], TestData.floats(out.get(1).getList(3)));
    }

    @Test
    void keepGivesBadRowsNullOutputsAndLeavesTheirColumnsAlone() {
        List<Row> out = KerasScorerTest.mlp().setHandleInvalid("keep").setBatchSize(2).transform(bad()).collectAsList();
        float[][] expected = KerasModel.load(KerasScorerTest.MLP).predict(new float[][] {X[0], X[5]});
        assertEquals(7, out.size());
        for (int i = 0; i < 7; i++) {
            Row r = out.get(i);
            assertEquals(i, r.getInt(0));
            assertEquals("r" + i, r.getString(1));
            if (i == 0 || i == 5) assertArrayEquals(expected[i == 0 ? 0 : 1], TestData.floats(r.getList(3)));
            else assertNull(r.get(3), "row " + i);
        }
        assertEquals(783, out.get(1).getList(2).size());
        assertNull(out.get(2).get(2));
        assertTrue(Float.isNaN(out.get(3).<Float>getList(2).get(5)));
        assertNull(out.get(4).getList(2).get(9), "the null element is still there");
        assertNotNull(out.get(4).getList(2).get(8));
    }

    /** The message of the innermost cause: Spark wraps a task's exception in its own. */
    static String causeMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append('\n');
        return all.toString();
    }
}
