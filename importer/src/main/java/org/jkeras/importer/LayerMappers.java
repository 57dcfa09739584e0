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
import org.jkeras.importer.layers.AveragePooling1DMapper;
import org.jkeras.importer.layers.AveragePooling2DMapper;
import org.jkeras.importer.layers.AveragePooling3DMapper;
import org.jkeras.importer.layers.CenterCropMapper;
import org.jkeras.importer.layers.Conv1DMapper;
import org.jkeras.importer.layers.Conv1DTransposeMapper;
import org.jkeras.importer.layers.Conv2DMapper;
import org.jkeras.importer.layers.Conv2DTransposeMapper;
import org.jkeras.importer.layers.Conv3DMapper;
import org.jkeras.importer.layers.Conv3DTransposeMapper;
import org.jkeras.importer.layers.Cropping1DMapper;
import org.jkeras.importer.layers.Cropping2DMapper;
import org.jkeras.importer.layers.Cropping3DMapper;
import org.jkeras.importer.layers.DepthwiseConv1DMapper;
import org.jkeras.importer.layers.DepthwiseConv2DMapper;
import org.jkeras.importer.layers.GlobalAveragePooling1DMapper;
import org.jkeras.importer.layers.GlobalAveragePooling2DMapper;
import org.jkeras.importer.layers.GlobalAveragePooling3DMapper;
import org.jkeras.importer.layers.GlobalMaxPooling1DMapper;
import org.jkeras.importer.layers.GlobalMaxPooling2DMapper;
import org.jkeras.importer.layers.GlobalMaxPooling3DMapper;
import org.jkeras.importer.layers.GroupNormalizationMapper;
import org.jkeras.importer.layers.LayerNormalizationMapper;
import org.jkeras.importer.layers.MaxPooling1DMapper;
import org.jkeras.importer.layers.MaxPooling2DMapper;
import org.jkeras.importer.layers.MaxPooling3DMapper;
import org.jkeras.importer.layers.NormalizationMapper;
import org.jkeras.importer.layers.RescalingMapper;
import org.jkeras.importer.layers.SeparableConv1DMapper;
import org.jkeras.importer.layers.SeparableConv2DMapper;
import org.jkeras.importer.layers.UnitNormalizationMapper;
import org.jkeras.importer.layers.UpSampling1DMapper;
import org.jkeras.importer.layers.UpSampling2DMapper;
import org.jkeras.importer.layers.UpSampling3DMapper;
import org.jkeras.importer.layers.ZeroPadding1DMapper;
import org.jkeras.importer.layers.ZeroPadding2DMapper;
import org.jkeras.importer.layers.ZeroPadding3DMapper;
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
            Map.entry("Add", ctx -> new Add(ctx.name(), ctx.semantics())),
            Map.entry("Subtract", ctx -> new Subtract(ctx.name(), ctx.semantics())),
            Map.entry("Multiply", ctx -> new Multiply(ctx.name(), ctx.semantics())),
            Map.entry("Average", ctx -> new Average(ctx.name(), ctx.semantics())),
            Map.entry("Maximum", ctx -> new Maximum(ctx.name(), ctx.semantics())),
            Map.entry("Minimum", ctx -> new Minimum(ctx.name(), ctx.semantics())),
            Map.entry("Concatenate", ConcatenateMapper::map),
            Map.entry("Dot", DotMapper::map),
            Map.entry("Merge", MergeMapper::map),
            Map.entry("Permute", PermuteMapper::map),
            Map.entry("RepeatVector", RepeatVectorMapper::map),
            Map.entry("Embedding", org.jkeras.importer.layers.EmbeddingMapper::map),
            Map.entry("Masking", org.jkeras.importer.layers.MaskingMapper::map),
            Map.entry("SimpleRNN", org.jkeras.importer.layers.SimpleRNNMapper::map),
            Map.entry("LSTM", org.jkeras.importer.layers.LSTMMapper::map),
            Map.entry("GRU", org.jkeras.importer.layers.GRUMapper::map),
            Map.entry("RNN", org.jkeras.importer.layers.RNNMapper::map),
            Map.entry("StackedRNNCells", org.jkeras.importer.layers.StackedRNNCellsMapper::map),
            Map.entry("CuDNNLSTM", org.jkeras.importer.layers.CuDNNLSTMMapper::map),
            Map.entry("CuDNNGRU", org.jkeras.importer.layers.CuDNNGRUMapper::map),
            Map.entry("ConvLSTM1D", org.jkeras.importer.layers.ConvLSTM1DMapper::map),
            Map.entry("ConvLSTM2D", org.jkeras.importer.layers.ConvLSTM2DMapper::map),
            Map.entry("ConvLSTM3D", org.jkeras.importer.layers.ConvLSTM3DMapper::map),
            Map.entry("Bidirectional", org.jkeras.importer.layers.BidirectionalMapper::map),
            Map.entry("TimeDistributed", org.jkeras.importer.layers.TimeDistributedMapper::map),
            Map.entry("MultiHeadAttention", org.jkeras.importer.layers.MultiHeadAttentionMapper::map),
            Map.entry("Attention", org.jkeras.importer.layers.AttentionMapper::map),
            Map.entry("AdditiveAttention", org.jkeras.importer.layers.AdditiveAttentionMapper::map),
            Map.entry("TFOpLambda", TFOpLambdaMapper::map),
            Map.entry("SlicingOpLambda", SlicingOpLambdaMapper::map),
            Map.entry("TensorFlowOpLayer", org.jkeras.importer.layers.TensorFlowOpLayerMapper::map),
            Map.entry("Conv1D", Conv1DMapper::map),
            Map.entry("Conv2D", Conv2DMapper::map),
            Map.entry("Conv3D", Conv3DMapper::map),
            Map.entry("Convolution1D", Conv1DMapper::map),
            Map.entry("AtrousConvolution1D", Conv1DMapper::map),
            Map.entry("Convolution2D", Conv2DMapper::map),
            Map.entry("AtrousConvolution2D", Conv2DMapper::map),
            Map.entry("Convolution3D", Conv3DMapper::map),
            Map.entry("Conv1DTranspose", Conv1DTransposeMapper::map),
            Map.entry("Conv2DTranspose", Conv2DTransposeMapper::map),
            Map.entry("Conv3DTranspose", Conv3DTransposeMapper::map),
            Map.entry("LocallyConnected1D", org.jkeras.importer.layers.LocallyConnected1DMapper::map),
            Map.entry("LocallyConnected2D", org.jkeras.importer.layers.LocallyConnected2DMapper::map),
            Map.entry("DepthwiseConv1D", DepthwiseConv1DMapper::map),
            Map.entry("DepthwiseConv2D", DepthwiseConv2DMapper::map),
            Map.entry("SeparableConv1D", SeparableConv1DMapper::map),
            Map.entry("SeparableConv2D", SeparableConv2DMapper::map),
            Map.entry("SeparableConvolution2D", SeparableConv2DMapper::map),
            Map.entry("MaxPooling1D", MaxPooling1DMapper::map),
            Map.entry("MaxPooling2D", MaxPooling2DMapper::map),
            Map.entry("MaxPooling3D", MaxPooling3DMapper::map),
            Map.entry("AveragePooling1D", AveragePooling1DMapper::map),
            Map.entry("AveragePooling2D", AveragePooling2DMapper::map),
            Map.entry("AveragePooling3D", AveragePooling3DMapper::map),
            Map.entry("GlobalMaxPooling1D", GlobalMaxPooling1DMapper::map),
            Map.entry("GlobalMaxPooling2D", GlobalMaxPooling2DMapper::map),
            Map.entry("GlobalMaxPooling3D", GlobalMaxPooling3DMapper::map),
            Map.entry("GlobalAveragePooling1D", GlobalAveragePooling1DMapper::map),
            Map.entry("GlobalAveragePooling2D", GlobalAveragePooling2DMapper::map),
            Map.entry("GlobalAveragePooling3D", GlobalAveragePooling3DMapper::map),
            Map.entry("ZeroPadding1D", ZeroPadding1DMapper::map),
            Map.entry("ZeroPadding2D", ZeroPadding2DMapper::map),
            Map.entry("ZeroPadding3D", ZeroPadding3DMapper::map),
            Map.entry("Cropping1D", Cropping1DMapper::map),
            Map.entry("Cropping2D", Cropping2DMapper::map),
            Map.entry("Cropping3D", Cropping3DMapper::map),
            Map.entry("UpSampling1D", UpSampling1DMapper::map),
            Map.entry("UpSampling2D", UpSampling2DMapper::map),
            Map.entry("UpSampling3D", UpSampling3DMapper::map),
            Map.entry("LayerNormalization", LayerNormalizationMapper::map),
            Map.entry("GroupNormalization", GroupNormalizationMapper::map),
            Map.entry("UnitNormalization", UnitNormalizationMapper::map),
            Map.entry("Rescaling", RescalingMapper::map),
            Map.entry("Normalization", NormalizationMapper::map),
            Map.entry("CenterCrop", CenterCropMapper::map),
            Map.entry("EinsumDense", org.jkeras.importer.layers.EinsumDenseMapper::map),
            Map.entry("GroupQueryAttention", org.jkeras.importer.layers.GroupQueryAttentionMapper::map),
            Map.entry("GroupedQueryAttention", org.jkeras.importer.layers.GroupQueryAttentionMapper::map),
            Map.entry("RMSNormalization", org.jkeras.importer.layers.RMSNormalizationMapper::map),
            Map.entry("AdaptiveAveragePooling1D", org.jkeras.importer.layers.AdaptiveAveragePooling1DMapper::map),
            Map.entry("AdaptiveAveragePooling2D", org.jkeras.importer.layers.AdaptiveAveragePooling2DMapper::map),
            Map.entry("AdaptiveAveragePooling3D", org.jkeras.importer.layers.AdaptiveAveragePooling3DMapper::map),
            Map.entry("AdaptiveMaxPooling1D", org.jkeras.importer.layers.AdaptiveMaxPooling1DMapper::map),
            Map.entry("AdaptiveMaxPooling2D", org.jkeras.importer.layers.AdaptiveMaxPooling2DMapper::map),
            Map.entry("AdaptiveMaxPooling3D", org.jkeras.importer.layers.AdaptiveMaxPooling3DMapper::map),
            Map.entry("Dropout", IdentityMapper::map),
            Map.entry("SpatialDropout1D", IdentityMapper::map),
            Map.entry("SpatialDropout2D", IdentityMapper::map),
            Map.entry("SpatialDropout3D", IdentityMapper::map),
            Map.entry("AlphaDropout", IdentityMapper::map),
            Map.entry("GaussianNoise", IdentityMapper::map),
            Map.entry("GaussianDropout", IdentityMapper::map),
            Map.entry("ActivityRegularization", IdentityMapper::map),
            Map.entry("Discretization", org.jkeras.importer.layers.DiscretizationMapper::map),
            Map.entry("CategoryEncoding", org.jkeras.importer.layers.CategoryEncodingMapper::map),
            Map.entry("IntegerLookup", org.jkeras.importer.layers.IntegerLookupMapper::map),
            Map.entry("Hashing", org.jkeras.importer.layers.HashingMapper::map),
            Map.entry("HashedCrossing", org.jkeras.importer.layers.HashedCrossingMapper::map),
            Map.entry("StringLookup", org.jkeras.importer.layers.StringLookupMapper::map),
            Map.entry("TextVectorization", org.jkeras.importer.layers.TextVectorizationMapper::map),
            Map.entry("Resizing", org.jkeras.importer.layers.ResizingMapper::map),
            Map.entry("RandomCrop", org.jkeras.importer.layers.RandomCropMapper::map),
            Map.entry("AutoContrast", org.jkeras.importer.layers.AutoContrastMapper::map),
            // image augmentation: inference leaves the images as they are (each layer's transform_images(training=False))
            Map.entry("RandomFlip", IdentityMapper::map),
            Map.entry("RandomRotation", IdentityMapper::map),
            Map.entry("RandomZoom", IdentityMapper::map),
            Map.entry("RandomTranslation", IdentityMapper::map),
            Map.entry("RandomContrast", IdentityMapper::map),
            Map.entry("RandomBrightness", IdentityMapper::map),
            Map.entry("RandomHeight", IdentityMapper::map),
            Map.entry("RandomWidth", IdentityMapper::map),
            Map.entry("RandomGrayscale", IdentityMapper::map),
            Map.entry("RandomHue", IdentityMapper::map),
            Map.entry("RandomSaturation", IdentityMapper::map),
            Map.entry("RandomSharpness", IdentityMapper::map),
            Map.entry("RandomColorJitter", IdentityMapper::map),
            Map.entry("RandomColorDegeneration", IdentityMapper::map),
            Map.entry("RandomErasing", IdentityMapper::map),
            Map.entry("RandomGaussianBlur", IdentityMapper::map),
            Map.entry("RandomPerspective", IdentityMapper::map),
            Map.entry("RandomShear", IdentityMapper::map),
            Map.entry("RandomInvert", IdentityMapper::map),
            Map.entry("RandomPosterization", IdentityMapper::map),
            Map.entry("RandomElasticTransform", IdentityMapper::map),
            Map.entry("AugMix", IdentityMapper::map),
            Map.entry("CutMix", IdentityMapper::map),
            Map.entry("MixUp", IdentityMapper::map),
            Map.entry("RandAugment", IdentityMapper::map),
            Map.entry("Equalization", IdentityMapper::map),
            Map.entry("Solarization", IdentityMapper::map),
            Map.entry("LayerScale", org.jkeras.importer.layers.LayerScaleMapper::map),
            Map.entry("StochasticDepth", org.jkeras.importer.layers.StochasticDepthMapper::map),
            Map.entry("CustomScaleLayer", org.jkeras.importer.layers.CustomScaleLayerMapper::map));

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
