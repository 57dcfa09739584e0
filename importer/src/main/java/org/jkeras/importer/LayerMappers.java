package org.jkeras.importer;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jkeras.importer.layers.ActivationMapper;
import org.jkeras.importer.layers.ConcatenateMapper;
import org.jkeras.importer.layers.DotMapper;
import org.jkeras.importer.layers.MergeMapper;
import org.jkeras.importer.layers.PermuteMapper;
import org.jkeras.importer.layers.RepeatVectorMapper;
import org.jkeras.importer.layers.SlicingOpLambdaMapper;
import org.jkeras.importer.layers.TFOpLambdaMapper;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Average;
import org.jkeras.runtime.layers.Maximum;
import org.jkeras.runtime.layers.Minimum;
import org.jkeras.runtime.layers.Multiply;
import org.jkeras.runtime.layers.Subtract;
import org.jkeras.importer.layers.BatchNormalizationMapper;
import org.jkeras.importer.layers.DenseMapper;
import org.jkeras.importer.layers.ELUMapper;
import org.jkeras.importer.layers.FlattenMapper;
import org.jkeras.importer.layers.IdentityMapper;
import org.jkeras.importer.layers.LeakyReLUMapper;
import org.jkeras.importer.layers.PReLUMapper;
import org.jkeras.importer.layers.ReLUMapper;
import org.jkeras.importer.layers.ReshapeMapper;
import org.jkeras.importer.layers.SoftmaxMapper;
import org.jkeras.importer.layers.ThresholdedReLUMapper;

/** The one table from Keras class name to mapper. {@code InputLayer} is not here: it becomes a model input. */
public final class LayerMappers {
    private static final Map<String, LayerMapper> BUILT_IN = Map.ofEntries(
            Map.entry("Dense", DenseMapper::map),
            Map.entry("BatchNormalization", BatchNormalizationMapper::map),
            Map.entry("Activation", ActivationMapper::map),
            Map.entry("ReLU", ReLUMapper::map),
            Map.entry("LeakyReLU", LeakyReLUMapper::map),
            Map.entry("PReLU", PReLUMapper::map),
            Map.entry("ELU", ELUMapper::map),
            Map.entry("Softmax", SoftmaxMapper::map),
            Map.entry("ThresholdedReLU", ThresholdedReLUMapper::map),
            Map.entry("Flatten", FlattenMapper::map),
            Map.entry("Reshape", ReshapeMapper::map),
            Map.entry("Identity", IdentityMapper::map),
            Map.entry("Add", ctx -> new Add(ctx.name())),
            Map.entry("Subtract", ctx -> new Subtract(ctx.name())),
            Map.entry("Multiply", ctx -> new Multiply(ctx.name())),
            Map.entry("Average", ctx -> new Average(ctx.name())),
            Map.entry("Maximum", ctx -> new Maximum(ctx.name())),
            Map.entry("Minimum", ctx -> new Minimum(ctx.name())),
            Map.entry("Concatenate", ConcatenateMapper::map),
            Map.entry("Dot", DotMapper::map),
            Map.entry("Merge", MergeMapper::map),
            Map.entry("Permute", PermuteMapper::map),
            Map.entry("RepeatVector", RepeatVectorMapper::map),
            Map.entry("TFOpLambda", TFOpLambdaMapper::map),
            Map.entry("SlicingOpLambda", SlicingOpLambdaMapper::map),
            Map.entry("Dropout", IdentityMapper::map),
            Map.entry("SpatialDropout1D", IdentityMapper::map),
            Map.entry("SpatialDropout2D", IdentityMapper::map),
            Map.entry("SpatialDropout3D", IdentityMapper::map),
            Map.entry("AlphaDropout", IdentityMapper::map),
            Map.entry("GaussianNoise", IdentityMapper::map),
            Map.entry("GaussianDropout", IdentityMapper::map),
            Map.entry("ActivityRegularization", IdentityMapper::map));

    private LayerMappers() {
    }

    /** The mapper for a Keras class, or null. */
    public static LayerMapper get(String className) {
        return BUILT_IN.get(className);
    }

    public static SortedSet<String> supported() {
        TreeSet<String> s = new TreeSet<>(BUILT_IN.keySet());
        s.add("InputLayer");
        return s;
    }
}
