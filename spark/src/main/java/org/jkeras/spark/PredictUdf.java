package org.jkeras.spark;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * The SQL function {@code jkeras_predict(features)}: one row at a time, for a model of one input; it returns the
 * model's output (or the one named by {@value #OUTPUT}) as {@code array<float>}, null for a null row. Registered
 * from Java or Scala with {@link KerasFunctions#register}; from PySpark, with the model named in the session's
 * configuration when the function is registered:
 * <pre>{@code
 * spark.conf.set("spark.jkeras.model", "hdfs:///models/churn.keras")
 * spark.udf.registerJavaFunction("jkeras_predict", "org.jkeras.spark.PredictUdf", "array<float>")
 * spark.sql("SELECT id, jkeras_predict(features) AS p FROM t")
 * }</pre>
 * The model file is read on the driver when the function is made and broadcast; each executor loads it once. A
 * row that does not fit the model (its length, a null or NaN inside) fails the query, naming the model input.
 * Batched scoring ({@link KerasScorer}) costs less per row.
 */
public final class PredictUdf implements UDF1<Object, float[]> {
    private static final long serialVersionUID = 1L;
    /** The model file (any Hadoop-readable URI), read from the session's configuration by the no-argument constructor. */
    public static final String MODEL = "spark.jkeras.model";
    /** The weights file of a to_json() config. */
    public static final String WEIGHTS = "spark.jkeras.weights";
    /** The output to return, by name or key, for a model of several outputs. */
    public static final String OUTPUT = "spark.jkeras.output";
    /** Class name of a {@link LoaderExtension}. */
    public static final String EXTENSION = "spark.jkeras.loaderExtension";

    private final Broadcast<ModelBytes> model;
    private final String extension;
    private final String input;
    private final int[] sample;
    private final int output;
    private transient KerasModel loaded; // this task's copy of the function: looked up once, not per row

    /** The function for the model named by {@value #MODEL} in the active session's configuration. */
    public PredictUdf() {
        this(SparkSession.active(), conf(MODEL, null), conf(WEIGHTS, null), conf(EXTENSION, null), conf(OUTPUT, null));
    }

    PredictUdf(SparkSession spark, String modelUri, String weightsUri, String extension, String output) {
        if (modelUri == null) throw new KerasSparkException("jkeras_predict: no model: set " + MODEL + " before registering the function");
        ModelBytes bytes = ModelBytes.read(spark.sparkContext().hadoopConfiguration(), modelUri, weightsUri);
        KerasModel m = ExecutorModels.get(bytes, extension, 1);
        if (m.inputs().size() != 1) {
            throw new KerasSparkException(modelUri + ": jkeras_predict takes one input, the model has " + m.inputNames() + ": use KerasScorer with a feedMap");
        }
        TensorInfo in = m.inputs().get(0);
        if (!in.shape().isFullyKnown()) throw new KerasSparkException(modelUri + ": input '" + in.name() + "' has shape " + in.shape() + ": jkeras_predict needs a fixed shape");
        this.input = in.name();
        this.sample = in.shape().dims();
        this.output = outputIndex(m.outputs(), output, modelUri);
        this.extension = extension;
        this.model = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
    }

    /** What the function returns. */
    public static DataType returnType() {
        return DataTypes.createArrayType(DataTypes.FloatType, false);
    }

    @Override
    public float[] call(Object features) {
        if (features == null) return null;
        float[] x = values(features);
        int size = Shape.of(sample).size();
        if (x.length != size) {
            throw new KerasSparkException("jkeras_predict: model input '" + input + "': " + x.length + " values, but a sample of shape " + Shape.of(sample) + " has " + size);
        }
        for (int k = 0; k < x.length; k++) {
            if (Float.isNaN(x[k])) throw new KerasSparkException("jkeras_predict: model input '" + input + "': NaN at index " + k);
        }
        int[] dims = new int[sample.length + 1];
        dims[0] = 1;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        if (loaded == null) loaded = ExecutorModels.get(model.value(), extension, 1);
        return loaded.predict(new Tensor(Shape.of(dims), x))[output].data();
    }

    /** A row as Spark hands it to a Java function: a Scala Seq (arrays, nested too), an ML Vector, or a number. */
    private float[] values(Object features) {
        if (features instanceof Vector v) {
            double[] d = v.toArray();
            float[] x = new float[d.length];
            for (int k = 0; k < d.length; k++) x[k] = (float) d[k];
            return x;
        }
        if (features instanceof Number n) return new float[] {n.floatValue()};
        FloatList out = new FloatList();
        flatten(features, out);
        return out.toArray();
    }

    private void flatten(Object o, FloatList out) {
        if (o instanceof scala.collection.Seq<?> s) {
            for (int k = 0, n = s.length(); k < n; k++) flatten(s.apply(k), out);
        } else if (o instanceof Number n) {
            out.add(n.floatValue());
        } else if (o instanceof Boolean b) {
            out.add(b ? 1f : 0f);
        } else if (o == null) {
            throw new KerasSparkException("jkeras_predict: model input '" + input + "': a null value in the array");
        } else {
            throw new KerasSparkException("jkeras_predict: model input '" + input + "': cannot read a " + o.getClass().getName()
                    + " (expected an array of numbers, an ML Vector or a number)");
        }
    }

    private static final class FloatList {
        private float[] data = new float[64];
        private int size;

        void add(float v) {
            if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    private static int outputIndex(List<TensorInfo> outs, String output, String modelUri) {
        List<String> keys = outs.stream().map(TensorInfo::key).toList();
        if (output == null) {
            if (outs.size() == 1) return 0;
            throw new KerasSparkException(modelUri + ": the model has outputs " + keys + ": name one in " + OUTPUT + " (or KerasFunctions.register's output)");
        }
        for (int o = 0; o < outs.size(); o++) if (keys.get(o).equals(output) || outs.get(o).name().equals(output)) return o;
        throw new KerasSparkException(modelUri + ": no output '" + output + "'; the model's outputs are " + keys);
    }

    private static String conf(String key, String fallback) {
        return SparkSession.active().conf().get(key, fallback);
    }
}
