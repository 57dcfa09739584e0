package org.jkeras.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Registers {@code jkeras_predict}-style SQL functions from Java or Scala:
 * <pre>{@code
 * KerasFunctions.register(spark, "jkeras_predict", "hdfs:///models/churn.keras");
 * spark.sql("SELECT id, jkeras_predict(features) AS p FROM t");
 * }</pre>
 * See {@link PredictUdf} for what the function takes and returns.
 */
public final class KerasFunctions {
    private KerasFunctions() {
    }

    /** A function scoring with the model at {@code modelUri} (one input; one output). */
    public static void register(SparkSession spark, String name, String modelUri) {
        register(spark, name, modelUri, null, null, null);
    }

    /**
     * A function scoring with a model of one input: {@code weightsUri} for a to_json() config, {@code output} (its name
     * or key) for a model of several outputs, {@code loaderExtension} for custom layers; each may be null.
     */
    public static void register(SparkSession spark, String name, String modelUri, String weightsUri, String output, String loaderExtension) {
        spark.udf().register(name, new PredictUdf(spark, modelUri, weightsUri, loaderExtension, output), PredictUdf.returnType());
    }

    /** A function scoring with the scorer's model, weights and loader extension. */
    public static void register(SparkSession spark, String name, KerasScorer scorer) {
        register(spark, name, scorer.getModelUri(), scorer.getWeightsUri(), null, scorer.getLoaderExtension());
    }
}
