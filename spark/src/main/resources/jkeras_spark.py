"""jkeras on PySpark: score DataFrames with Keras models on the JVM, no TensorFlow on the workers.

The jkeras-spark jar holds this module at its root: with ``--packages org.jkeras:jkeras-spark:VERSION`` it is on
the Python path; with ``--jars jkeras-spark-VERSION-all.jar`` add ``--py-files`` with the same jar.

    from jkeras_spark import KerasScorer, register_udf
    scored = KerasScorer(modelUri="s3a://models/digits.keras", inputCol="pixels", outputCol="probs").transform(df)
    register_udf(spark, "jkeras_predict", "s3a://models/digits.keras")
    spark.sql("SELECT id, jkeras_predict(pixels) AS p FROM t")

Every param is the Java class's (org.jkeras.spark.KerasScorer), documented there.
"""

from pyspark import SparkContext, keyword_only
from pyspark.ml.param import Param, Params, TypeConverters
from pyspark.ml.util import JavaMLReadable, JavaMLReader, JavaMLWritable
from pyspark.ml.wrapper import JavaTransformer

__all__ = ["KerasScorer", "register_udf"]

_JAVA_CLASS = "org.jkeras.spark.KerasScorer"
_MAP_PARAMS = ("feedMap", "fetchMap")


class _KerasScorerReader(JavaMLReader):
    @classmethod
    def _java_loader_class(cls, clazz):
        return _JAVA_CLASS


class KerasScorer(JavaTransformer, JavaMLReadable, JavaMLWritable):
    """Adds one column per model output; see org.jkeras.spark.KerasScorer."""

    modelUri = Param(Params._dummy(), "modelUri", "the model file: .keras, .h5, or a to_json() config",
                     typeConverter=TypeConverters.toString)
    weightsUri = Param(Params._dummy(), "weightsUri", "the weights file of a to_json() config",
                       typeConverter=TypeConverters.toString)
    inputCol = Param(Params._dummy(), "inputCol", "the column feeding a model of one input",
                     typeConverter=TypeConverters.toString)
    inputCols = Param(Params._dummy(), "inputCols", "one column per model input, in model order",
                      typeConverter=TypeConverters.toListString)
    feedMap = Param(Params._dummy(), "feedMap", "model input name to column (a dict)")
    outputCol = Param(Params._dummy(), "outputCol", "the column for the output of a model of one output",
                      typeConverter=TypeConverters.toString)
    outputCols = Param(Params._dummy(), "outputCols", "one column per model output, in model order",
                       typeConverter=TypeConverters.toListString)
    fetchMap = Param(Params._dummy(), "fetchMap", "column to model output (a dict)")
    outputType = Param(Params._dummy(), "outputType", "'array' (array<float>) or 'vector'",
                       typeConverter=TypeConverters.toString)
    batchSize = Param(Params._dummy(), "batchSize", "rows per predict call", typeConverter=TypeConverters.toInt)
    threads = Param(Params._dummy(), "threads", "jkeras threads per task", typeConverter=TypeConverters.toInt)
    handleInvalid = Param(Params._dummy(), "handleInvalid", "'error', 'skip' or 'keep'",
                          typeConverter=TypeConverters.toString)
    loaderExtension = Param(Params._dummy(), "loaderExtension", "class name of a LoaderExtension",
                            typeConverter=TypeConverters.toString)

    @keyword_only
    def __init__(self, *, modelUri=None, weightsUri=None, inputCol=None, inputCols=None, feedMap=None,
                 outputCol=None, outputCols=None, fetchMap=None, outputType=None, batchSize=None, threads=None,
                 handleInvalid=None, loaderExtension=None):
        super().__init__()
        self._java_obj = self._new_java_obj(_JAVA_CLASS, self.uid)
        self._setDefault(outputCol="prediction", outputType="array", batchSize=256, threads=1, handleInvalid="error")
        self._set(**self._input_kwargs)

    @keyword_only
    def setParams(self, *, modelUri=None, weightsUri=None, inputCol=None, inputCols=None, feedMap=None,
                  outputCol=None, outputCols=None, fetchMap=None, outputType=None, batchSize=None, threads=None,
                  handleInvalid=None, loaderExtension=None):
        return self._set(**self._input_kwargs)

    def setModelUri(self, value):
        return self._set(modelUri=value)

    def setWeightsUri(self, value):
        return self._set(weightsUri=value)

    def setInputCol(self, value):
        return self._set(inputCol=value)

    def setInputCols(self, value):
        return self._set(inputCols=value)

    def setFeedMap(self, value):
        return self._set(feedMap=dict(value))

    def setOutputCol(self, value):
        return self._set(outputCol=value)

    def setOutputCols(self, value):
        return self._set(outputCols=value)

    def setFetchMap(self, value):
        return self._set(fetchMap=dict(value))

    def setOutputType(self, value):
        return self._set(outputType=value)

    def setBatchSize(self, value):
        return self._set(batchSize=value)

    def setThreads(self, value):
        return self._set(threads=value)

    def setHandleInvalid(self, value):
        return self._set(handleInvalid=value)

    def setLoaderExtension(self, value):
        return self._set(loaderExtension=value)

    def _make_java_param_pair(self, param, value):
        # a dict would cross as an unordered HashMap; the fetch map's order is the order of the new columns
        if param.name in _MAP_PARAMS:
            jvm = SparkContext._active_spark_context._jvm
            ordered = jvm.java.util.LinkedHashMap()
            for k, v in value.items():
                ordered.put(str(k), str(v))
            return self._java_obj.getParam(param.name).w(ordered)
        return super()._make_java_param_pair(param, value)

    @classmethod
    def read(cls):
        return _KerasScorerReader(cls)

    @classmethod
    def _from_java(cls, java_stage):
        # JavaParams would look for a Python module named after the Java package
        stage = cls()
        stage._java_obj = java_stage
        stage._resetUid(java_stage.uid())
        stage._transfer_params_from_java()
        return stage


def register_udf(spark, name, model_uri, weights_uri=None, output=None, loader_extension=None):
    """Registers a SQL function ``name(features)`` scoring one row at a time with the model at ``model_uri``.

    The same as ``spark.conf.set("spark.jkeras.model", model_uri)`` followed by
    ``spark.udf.registerJavaFunction(name, "org.jkeras.spark.PredictUdf", "array<float>")``.
    """
    spark._jvm.org.jkeras.spark.KerasFunctions.register(spark._jsparkSession, name, model_uri, weights_uri, output,
                                                        loader_extension)
