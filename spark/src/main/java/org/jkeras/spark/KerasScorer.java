package org.jkeras.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.runtime.Shape;

import scala.Tuple2;

/**
 * Scores a DataFrame with a Keras model: a Spark ML {@link Transformer} that adds one column per model output.
 * <pre>{@code
 * Dataset<Row> scored = new KerasScorer()
 *     .setModelUri("hdfs:///models/churn.keras")   // any Hadoop-readable URI; setWeightsUri for a to_json() config
 *     .setInputCol("features")                      // array<float>, array<double>, nested arrays, ML Vector, a number
 *     .setOutputCol("prediction")                   // array<float>; setOutputType("vector") for an ML Vector
 *     .setBatchSize(256)
 *     .transform(df);
 * }</pre>
 * Each row holds one sample flattened in C order. Several inputs and outputs go by {@link #setFeedMap} (model input to
 * column) and {@link #setFetchMap} (column to model output), or {@link #setInputCols} / {@link #setOutputCols} in model
 * order. The driver reads the model file once and broadcasts its bytes; each executor JVM loads it once (shared by all
 * its tasks, by content) and scores each partition in batches of {@code batchSize} rows, results bit-identical to
 * {@link KerasModel#predict} on the same rows. Saved with {@link #write()}, the model file travels inside the saved
 * stage or pipeline.
 */
public class KerasScorer extends Transformer implements MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> OUTPUT_TYPES = Set.of("array", "vector");
    private static final Set<String> HANDLE_INVALID = Set.of("error", "skip", "keep");

    private final String uid;
    private final Param<String> modelUri;
    private final Param<String> weightsUri;
    private final Param<String> inputCol;
    private final StringArrayParam inputCols;
    private final StringMapParam feedMap;
    private final Param<String> outputCol;
    private final StringArrayParam outputCols;
    private final StringMapParam fetchMap;
    private final Param<String> outputType;
    private final IntParam batchSize;
    private final IntParam threads;
    private final Param<String> handleInvalid;
    private final Param<String> loaderExtension;
    private transient Handle handle; // the model as this driver read it, for the current params

    public KerasScorer() {
        this("kerasScorer_" + UUID.randomUUID().toString().substring(24));
    }

    /** For Spark's copy and load, and Python wrappers. */
    public KerasScorer(String uid) {
        this.uid = uid;
        modelUri = new Param<>(this, "modelUri", "the model file: .keras, .h5, or a to_json() config; any Hadoop-readable URI");
        weightsUri = new Param<>(this, "weightsUri", "the weights file of a to_json() config");
        inputCol = new Param<>(this, "inputCol", "the column feeding a model of one input");
        inputCols = new StringArrayParam(this, "inputCols", "one column per model input, in the model's input order");
        feedMap = new StringMapParam(this, "feedMap", "model input name to column");
        outputCol = new Param<>(this, "outputCol", "the column for the output of a model of one output");
        outputCols = new StringArrayParam(this, "outputCols", "one column per model output, in the model's output order");
        fetchMap = new StringMapParam(this, "fetchMap", "column to model output (its name, or its key where names repeat)");
        outputType = new Param<>(this, "outputType", "'array' (array<float>) or 'vector' (an ML dense vector)");
        batchSize = new IntParam(this, "batchSize", "rows per predict call (>= 1)");
        threads = new IntParam(this, "threads", "jkeras threads per task, the task's own included (>= 1)");
        handleInvalid = new Param<>(this, "handleInvalid", "rows of the wrong length, nulls and NaN: 'error', 'skip' (drop the row) or 'keep' (null outputs)");
        loaderExtension = new Param<>(this, "loaderExtension", "class name of a LoaderExtension registering custom layers on every executor");
        setDefault(outputCol, "prediction");
        setDefault(outputType, "array");
        setDefault(batchSize, 256);
        setDefault(threads, 1);
        setDefault(handleInvalid, "error");
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds params through public no-argument methods returning them
    public Param<String> modelUri() { return modelUri; }
    public Param<String> weightsUri() { return weightsUri; }
    public Param<String> inputCol() { return inputCol; }
    public StringArrayParam inputCols() { return inputCols; }
    public Param<Map<String, String>> feedMap() { return feedMap; }
    public Param<String> outputCol() { return outputCol; }
    public StringArrayParam outputCols() { return outputCols; }
    public Param<Map<String, String>> fetchMap() { return fetchMap; }
    public Param<String> outputType() { return outputType; }
    public IntParam batchSize() { return batchSize; }
    public IntParam threads() { return threads; }
    public Param<String> handleInvalid() { return handleInvalid; }
    public Param<String> loaderExtension() { return loaderExtension; }

    public KerasScorer setModelUri(String uri) { set(modelUri, uri); return this; }
    public KerasScorer setWeightsUri(String uri) { set(weightsUri, uri); return this; }
    public KerasScorer setInputCol(String column) { set(inputCol, column); return this; }
    public KerasScorer setInputCols(String[] columns) { set(inputCols, columns.clone()); return this; }
    public KerasScorer setFeedMap(Map<String, String> inputToColumn) { set(feedMap, StringMapParam.copy(inputToColumn)); return this; }
    public KerasScorer setOutputCol(String column) { set(outputCol, column); return this; }
    public KerasScorer setOutputCols(String[] columns) { set(outputCols, columns.clone()); return this; }
    public KerasScorer setFetchMap(Map<String, String> columnToOutput) { set(fetchMap, StringMapParam.copy(columnToOutput)); return this; }
    public KerasScorer setLoaderExtension(String className) { set(loaderExtension, className); return this; }

    public KerasScorer setOutputType(String type) {
        if (!OUTPUT_TYPES.contains(type)) throw new IllegalArgumentException("outputType must be 'array' or 'vector', got '" + type + "'");
        set(outputType, type);
        return this;
    }

    public KerasScorer setBatchSize(int rows) {
        if (rows < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + rows);
        set(batchSize, rows);
        return this;
    }

    public KerasScorer setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        set(threads, n);
        return this;
    }

    public KerasScorer setHandleInvalid(String mode) {
        if (!HANDLE_INVALID.contains(mode)) throw new IllegalArgumentException("handleInvalid must be 'error', 'skip' or 'keep', got '" + mode + "'");
        set(handleInvalid, mode);
        return this;
    }

    public String getModelUri() { return value(modelUri); }
    public String getWeightsUri() { return value(weightsUri); }
    public String getInputCol() { return value(inputCol); }
    public String[] getInputCols() { return value(inputCols); }
    public Map<String, String> getFeedMap() { return value(feedMap); }
    public String getOutputCol() { return getOrDefault(outputCol); }
    public String[] getOutputCols() { return value(outputCols); }
    public Map<String, String> getFetchMap() { return value(fetchMap); }
    public String getOutputType() { return getOrDefault(outputType); }
    public int getBatchSize() { return (Integer) getOrDefault(batchSize); }
    public int getThreads() { return (Integer) getOrDefault(threads); }
    public String getHandleInvalid() { return getOrDefault(handleInvalid); }
    public String getLoaderExtension() { return value(loaderExtension); }

    private <T> T value(Param<T> p) {
        return isDefined(p) ? getOrDefault(p) : null;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return resolve(schema, handle(SparkSession.active()).model).schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        Handle h = handle(dataset.sparkSession());
        Resolved r = resolve(schema, h.model);
        Plan plan = r.plan;
        List<Column> carried = new ArrayList<>();
        for (StructField f : schema.fields()) if (!r.restored.containsKey(f.name())) carried.add(column(f.name()));
        if (carried.isEmpty()) carried.add(functions.lit(0).as("_")); // a struct needs a field
        Column[] inputs = new Column[plan.feeds().size()], nulls = new Column[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            StructField f = schema.apply(plan.feeds().get(i).column());
            nulls[i] = nullElements(f);
            // Spark refuses to decode a null element into float[]: such a row goes across as null, flagged
            inputs[i] = nulls[i] == null ? asFloats(f) : functions.when(nulls[i], functions.lit(null)).otherwise(asFloats(f));
            if (nulls[i] == null) nulls[i] = functions.lit(false);
        }
        Dataset<Row> prepared = dataset.toDF().select(functions.struct(carried.toArray(new Column[0])).as("_1"),
                functions.struct(functions.array(inputs).as("inputs"), functions.array(nulls).as("nulls")).as("_2"));
        StructType carriedSchema = (StructType) prepared.schema().apply("_1").dataType();
        Encoder<Tuple2<Row, Features>> in = Encoders.tuple(Encoders.row(carriedSchema), Encoders.bean(Features.class));
        Encoder<Tuple2<Row, Scored>> out = Encoders.tuple(Encoders.row(carriedSchema), Encoders.bean(Scored.class));
        Dataset<Row> scored = prepared.as(in).mapPartitions(new ScoreFunction(plan, h.broadcast()), out).toDF();

        List<Column> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            Integer k = r.restored.get(f.name());
            Column c = k == null ? scored.col("_1").getField(f.name()) : scored.col("_2").getField("restored").getItem(k).cast(f.dataType());
            columns.add(c.as(f.name(), f.metadata()));
        }
        boolean vector = getOutputType().equals("vector");
        for (int j = 0; j < plan.fetches().size(); j++) {
            Column c = scored.col("_2").getField("outputs").getItem(j);
            if (vector) c = org.apache.spark.ml.functions.array_to_vector(c);
            columns.add(c.as(plan.fetches().get(j).column()));
        }
        return scored.select(columns.toArray(new Column[0]));
    }

    @Override
    public KerasScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    // ---- columns and model: resolved on the driver ----

    /** The plan for the executors, the output schema, and which array<float> inputs come back from the typed side. */
    private record Resolved(Plan plan, StructType schema, Map<String, Integer> restored) {
    }

    private Resolved resolve(StructType schema, KerasModel model) {
        List<TensorInfo> ins = model.inputs(), outs = model.outputs();
        List<String> fed = feedColumns(ins);
        Plan.Invalid invalid = Plan.Invalid.valueOf(getHandleInvalid().toUpperCase(java.util.Locale.ROOT));
        Set<String> names = new HashSet<>(Arrays.asList(schema.fieldNames()));
        List<Plan.Feed> feeds = new ArrayList<>();
        Map<String, Integer> restored = new LinkedHashMap<>();
        int[] restoredIndex = new int[ins.size()];
        for (int i = 0; i < ins.size(); i++) {
            TensorInfo info = ins.get(i);
            String col = fed.get(i);
            if (!names.contains(col)) {
                throw new KerasSparkException("column '" + col + "' (model input '" + info.name() + "') is not in the data: its columns are " + Arrays.toString(schema.fieldNames()));
            }
            DataType type = schema.apply(col).dataType();
            checkType(col, info.name(), type);
            int[] sample = info.shape().dims();
            long open = Arrays.stream(sample).filter(d -> d == Shape.UNKNOWN).count();
            if (open > 1) {
                throw new KerasSparkException("model input '" + info.name() + "' has shape " + info.shape() + ": a flat row cannot say more than one open dimension");
            }
            feeds.add(new Plan.Feed(col, info.name(), sample));
            // a valid array<float> row is handed back exactly as it came; under "keep" an invalid one may not be (nulls inside)
            boolean restore = invalid != Plan.Invalid.KEEP && type instanceof ArrayType a && a.elementType().equals(DataTypes.FloatType)
                    && !restored.containsKey(col);
            restoredIndex[i] = restore ? restored.size() : -1;
            if (restore) restored.put(col, restored.size());
        }
        List<Plan.Fetch> fetches = fetches(outs);
        List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
        DataType outType = getOutputType().equals("vector") ? SQLDataTypes.VectorType() : DataTypes.createArrayType(DataTypes.FloatType, false);
        for (Plan.Fetch f : fetches) {
            if (!names.add(f.column())) {
                throw new KerasSparkException("output column '" + f.column() + "' (model output '" + f.output() + "') is already in the data: choose another name");
            }
            fields.add(DataTypes.createStructField(f.column(), outType, true));
        }
        Plan plan = new Plan(List.copyOf(feeds), List.copyOf(fetches), restoredIndex, getBatchSize(), invalid, getThreads(), getLoaderExtension());
        return new Resolved(plan, DataTypes.createStructType(fields), restored);
    }

    /** The column of each model input, in input order, from exactly one of feedMap, inputCols, inputCol. */
    private List<String> feedColumns(List<TensorInfo> ins) {
        List<String> inputNames = ins.stream().map(TensorInfo::name).toList();
        int given = (isSet(feedMap) ? 1 : 0) + (isSet(inputCols) ? 1 : 0) + (isSet(inputCol) ? 1 : 0);
        if (given != 1) {
            throw new KerasSparkException("set exactly one of inputCol, inputCols and feedMap (" + (given == 0 ? "none is" : given + " are")
                    + " set); the model's inputs are " + inputNames);
        }
        if (isSet(feedMap)) {
            Map<String, String> m = getFeedMap();
            for (String k : m.keySet()) {
                if (!inputNames.contains(k)) throw new KerasSparkException("feedMap names model input '" + k + "', but the model's inputs are " + inputNames);
            }
            List<String> cols = new ArrayList<>();
            for (String n : inputNames) {
                if (!m.containsKey(n)) throw new KerasSparkException("feedMap gives no column for model input '" + n + "' (the model's inputs are " + inputNames + ")");
                cols.add(m.get(n));
            }
            return cols;
        }
        if (isSet(inputCols)) {
            String[] c = getInputCols();
            if (c.length != ins.size()) {
                throw new KerasSparkException("inputCols has " + c.length + " columns, but the model has " + ins.size() + " inputs " + inputNames);
            }
            return List.of(c);
        }
        if (ins.size() != 1) {
            throw new KerasSparkException("inputCol feeds one input, but the model has " + ins.size() + " inputs " + inputNames + ": use setInputCols or setFeedMap");
        }
        return List.of(getInputCol());
    }

    /** The outputs to add, from fetchMap, outputCols or outputCol. */
    private List<Plan.Fetch> fetches(List<TensorInfo> outs) {
        List<String> keys = outs.stream().map(TensorInfo::key).toList();
        if (isSet(fetchMap) && isSet(outputCols)) throw new KerasSparkException("set one of outputCols and fetchMap, not both");
        if ((isSet(fetchMap) || isSet(outputCols)) && isSet(outputCol)) throw new KerasSparkException("outputCol is for a model of one output: set it or outputCols/fetchMap, not both");
        List<Plan.Fetch> r = new ArrayList<>();
        if (isSet(fetchMap)) {
            getFetchMap().forEach((col, output) -> r.add(new Plan.Fetch(col, output, outputIndex(outs, output))));
        } else if (isSet(outputCols)) {
            String[] c = getOutputCols();
            if (c.length != outs.size()) {
                throw new KerasSparkException("outputCols has " + c.length + " columns, but the model has " + outs.size() + " outputs " + keys + " (setFetchMap takes a subset)");
            }
            for (int o = 0; o < c.length; o++) r.add(new Plan.Fetch(c[o], keys.get(o), o));
        } else {
            if (outs.size() != 1) {
                throw new KerasSparkException("outputCol takes one output, but the model has " + outs.size() + " outputs " + keys + ": use setOutputCols or setFetchMap");
            }
            r.add(new Plan.Fetch(getOutputCol(), keys.get(0), 0));
        }
        return r;
    }

    private static int outputIndex(List<TensorInfo> outs, String output) {
        for (int o = 0; o < outs.size(); o++) if (outs.get(o).key().equals(output)) return o;
        int found = -1;
        for (int o = 0; o < outs.size(); o++) {
            if (!outs.get(o).name().equals(output)) continue;
            if (found >= 0) throw new KerasSparkException("fetchMap: several model outputs are named '" + output + "': use their keys " + outs.stream().map(TensorInfo::key).toList());
            found = o;
        }
        if (found < 0) throw new KerasSparkException("fetchMap names model output '" + output + "', but the model's outputs are " + outs.stream().map(TensorInfo::key).toList());
        return found;
    }

    private static void checkType(String col, String input, DataType type) {
        if (type.equals(SQLDataTypes.VectorType()) || isNumber(type)) return;
        DataType t = type;
        while (t instanceof ArrayType a) t = a.elementType();
        if (t != type && isNumber(t)) return;
        throw new KerasSparkException("column '" + col + "' (model input '" + input + "') has type " + type.simpleString()
                + ": expected array<float>, array<double>, another array of numbers (nested arrays are flattened), an ML Vector or a number");
    }

    private static boolean isNumber(DataType t) {
        return t instanceof NumericType || t instanceof BooleanType;
    }

    /** The column as array<float>, flattened in C order. */
    private static Column asFloats(StructField f) {
        DataType t = f.dataType();
        Column c = column(f.name());
        if (t.equals(SQLDataTypes.VectorType())) return org.apache.spark.ml.functions.vector_to_array(c, "float32");
        if (!(t instanceof ArrayType)) return functions.when(c.isNotNull(), functions.array(c.cast(DataTypes.FloatType)));
        for (DataType e = ((ArrayType) t).elementType(); e instanceof ArrayType a; e = a.elementType()) c = functions.flatten(c);
        return c.cast(DataTypes.createArrayType(DataTypes.FloatType));
    }

    /**
     * Whether the row's array holds a null element; null where the column's type has none. {@code exists(…)} is not
     * compiled by Spark (a lambda per element, boxed: it alone cut throughput to a third), so the common case is
     * {@code array_contains(a, probe)}: false for a clean array, null for one with nulls; it runs only where the probe
     * (NaN, or the type's least value) is found.
     */
    private static Column nullElements(StructField f) {
        DataType t = f.dataType();
        if (!(t instanceof ArrayType)) return null;
        String sql = "`" + f.name().replace("`", "``") + "`";
        ArrayType a = (ArrayType) t;
        while (a.elementType() instanceof ArrayType inner) {
            sql = "flatten(" + sql + ")";
            a = inner;
        }
        if (!a.containsNull()) return null;
        String exists = "exists(" + sql + ", v -> v IS NULL)";
        String probe = probe(a.elementType());
        if (probe == null) return functions.coalesce(functions.expr(exists), functions.lit(false));
        String contains = "array_contains(" + sql + ", " + probe + ")";
        return functions.expr("CASE WHEN " + sql + " IS NULL THEN false WHEN " + contains + " IS NULL THEN true WHEN " + contains + " THEN " + exists
                + " ELSE false END");
    }

    /** A value of the element type that real data rarely holds, as SQL. */
    private static String probe(DataType element) {
        if (element.equals(DataTypes.FloatType)) return "CAST('NaN' AS FLOAT)";
        if (element.equals(DataTypes.DoubleType)) return "CAST('NaN' AS DOUBLE)";
        if (element.equals(DataTypes.ByteType)) return "CAST(-128 AS TINYINT)";
        if (element.equals(DataTypes.ShortType)) return "CAST(-32768 AS SMALLINT)";
        if (element.equals(DataTypes.IntegerType)) return "CAST(-2147483648 AS INT)";
        if (element.equals(DataTypes.LongType)) return "CAST(-9223372036854775808 AS BIGINT)";
        return null;
    }

    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    // ---- the model on the driver ----

    /** The model bytes read once, the driver's model, and (made when first needed) their broadcast. */
    private static final class Handle {
        final String uri, weightsUri, extension;
        final int threads;
        final SparkContext sc;
        final ModelBytes bytes;
        final KerasModel model;
        private Broadcast<ModelBytes> broadcast;

        Handle(String uri, String weightsUri, String extension, int threads, SparkContext sc) {
            this.uri = uri;
            this.weightsUri = weightsUri;
            this.extension = extension;
            this.threads = threads;
            this.sc = sc;
            this.bytes = ModelBytes.read(sc.hadoopConfiguration(), uri, weightsUri);
            this.model = ExecutorModels.get(bytes, extension, threads);
        }

        boolean serves(String uri, String weightsUri, String extension, int threads, SparkContext sc) {
            return this.uri.equals(uri) && java.util.Objects.equals(this.weightsUri, weightsUri) && java.util.Objects.equals(this.extension, extension)
                    && this.threads == threads && this.sc == sc && !sc.isStopped();
        }

        synchronized Broadcast<ModelBytes> broadcast() {
            if (broadcast == null) broadcast = JavaSparkContext.fromSparkContext(sc).broadcast(bytes);
            return broadcast;
        }
    }

    private synchronized Handle handle(SparkSession spark) {
        String uri = getModelUri();
        if (uri == null) throw new KerasSparkException("KerasScorer " + uid + ": no model: call setModelUri");
        SparkContext sc = spark.sparkContext();
        if (handle == null || !handle.serves(uri, getWeightsUri(), getLoaderExtension(), getThreads(), sc)) {
            handle = new Handle(uri, getWeightsUri(), getLoaderExtension(), getThreads(), sc);
        }
        return handle;
    }

    // ---- save and load: the model's files travel in <path>/data ----

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<KerasScorer> read() {
        return new Reader();
    }

    public static KerasScorer load(String path) {
        return read().load(path);
    }

    /** Names of the saved model and weights files under data/. */
    private static String[] dataNames(String uri, String weightsUri) {
        String model = ModelBytes.fileName(uri);
        if (weightsUri == null) return new String[] {model};
        String weights = ModelBytes.fileName(weightsUri);
        return new String[] {model, weights.equals(model) ? "weights-" + weights : weights};
    }

    private static final class Writer extends MLWriter {
        private final KerasScorer scorer;

        Writer(KerasScorer scorer) {
            this.scorer = scorer;
        }

        @Override
        public void saveImpl(String path) {
            new DefaultParamsWriter(scorer).session(sparkSession()).saveImpl(path);
            ModelBytes bytes = scorer.handle(sparkSession()).bytes;
            String[] names = dataNames(bytes.uri, bytes.weightsUri);
            write(new Path(new Path(path, "data"), names[0]), bytes.model);
            if (bytes.weights != null) write(new Path(new Path(path, "data"), names[1]), bytes.weights);
        }

        private void write(Path file, byte[] data) {
            try {
                FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
                try (OutputStream out = fs.create(file, true)) {
                    out.write(data);
                }
            } catch (IOException e) {
                throw new KerasSparkException(file + ": cannot write the model file: " + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<KerasScorer> {
        @Override
        public KerasScorer load(String path) {
            KerasScorer s = new DefaultParamsReader<KerasScorer>().session(sparkSession()).load(path);
            String[] names = dataNames(s.getModelUri(), s.getWeightsUri());
            s.setModelUri(new Path(new Path(path, "data"), names[0]).toString());
            if (names.length > 1) s.setWeightsUri(new Path(new Path(path, "data"), names[1]).toString());
            return s;
        }
    }
}
