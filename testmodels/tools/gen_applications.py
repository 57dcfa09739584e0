"""Golden cases ``app_<family>_<variant>``: every ``keras.applications`` family of Keras 3.15.1, built by Keras'
own code with its real building blocks, small enough for CI.

Where Keras exposes widths and depths (EfficientNet, EfficientNetV2, ConvNeXt, ResNet, DenseNet, NASNet,
MobileNet, MobileNetV2, MobileNetV3) the module-level builder is called with small ones. VGG16/19, InceptionV3,
Xception and InceptionResNetV2 hard-code their widths: their own function runs with ``layers`` narrowed (every
Conv2D / SeparableConv2D / hidden Dense gets a fraction of its filters; layer classes, names, configs and graph are
Keras' own), and InceptionResNetV2 keeps two blocks of each repeated kind plus its final block.

Weights are seeded; norms get random gamma/beta, LayerScale a realistic gamma (its 1e-6 initial value would hide
the whole ConvNeXt block), biases small random values, and BatchNormalization moving statistics are measured on
a calibration batch holding the golden rows (one training-mode pass with momentum 0), so BN matters (means far
from 0, variances far from 1) and activations keep a realistic range through deep stacks. Run on the TensorFlow backend:

    KERAS_BACKEND=tensorflow ~/.jkeras-lab/bin/python testmodels/tools/gen_applications.py [case-prefix ...]
"""

import contextlib
import os
import sys
import types
import zlib
from unittest import mock

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ATOL, RTOL = 1e-4, 1e-3
TOL_COMMENT = "deep float32 conv net: |a-e| <= 1e-4 + 1e-3*|e|"


# ---------------------------------------------------------------------------------------------- weights

def _all_layers(model):
    for layer in model.layers:
        yield layer
        if hasattr(layer, "layers") and type(layer).__name__ in ("Functional", "Sequential", "Model"):
            yield from _all_layers(layer)


def prepare(model, seed, calib):
    """Random norm parameters, biases, LayerScale gammas; BatchNormalization moving statistics from ``calib``.

    The statistics are those of one training-mode pass over ``calib`` with momentum 0 and the training-only
    randomness (Dropout, StochasticDepth) switched off: inference on ``calib`` then reproduces that pass exactly,
    every BN sees the distribution it was calibrated on and activations keep their scale through any depth, as in
    a trained network. (Perturbing the statistics afterwards compounds layer after layer: EfficientNetB7 then
    reaches activations in the hundreds, where Keras' own two CPU kernels disagree beyond 1e-4.)
    """
    import keras

    rng = np.random.default_rng(seed)
    bns, quiet = [], []
    for layer in _all_layers(model):
        cls = type(layer).__name__
        if cls in ("BatchNormalization", "LayerNormalization"):
            if getattr(layer, "gamma", None) is not None:
                layer.gamma.assign(rng.uniform(0.7, 1.3, layer.gamma.shape).astype("float32"))
            if getattr(layer, "beta", None) is not None:
                layer.beta.assign(rng.normal(0, 0.1, layer.beta.shape).astype("float32"))
            if cls == "BatchNormalization":
                bns.append(layer)
        elif cls == "LayerScale":
            layer.gamma.assign(rng.uniform(0.1, 1.0, layer.gamma.shape).astype("float32"))
        elif cls == "Normalization" and getattr(layer, "input_mean", None) is None and hasattr(layer, "adapt_mean"):
            # unadapted (EfficientNet's stem with weights=None): the ImageNet statistics its weights hold
            n = layer.adapt_mean.shape[-1]
            layer.adapt_mean.assign(np.resize([0.485, 0.456, 0.406], n).astype("float32"))
            layer.adapt_variance.assign(np.resize([0.229 ** 2, 0.224 ** 2, 0.225 ** 2], n).astype("float32"))
            layer.finalize_state()
        elif cls == "Dropout":
            quiet.append((layer, "rate"))
        elif cls == "StochasticDepth":
            quiet.append((layer, "drop_path_rate"))
        if cls in ("Conv2D", "Dense", "DepthwiseConv2D", "SeparableConv2D") and getattr(layer, "bias", None) is not None:
            layer.bias.assign(rng.normal(0, 0.05, layer.bias.shape).astype("float32"))
    if bns:
        saved = [(b, b.momentum) for b in bns] + [(l, getattr(l, a)) for l, a in quiet]
        for b in bns:
            b.momentum = 0.0
        for l, a in quiet:
            setattr(l, a, 0.0)
        model(keras.ops.convert_to_tensor(calib), training=True)
        for b, m in saved[:len(bns)]:
            b.momentum = m
        for (l, a), (_, v) in zip(quiet, saved[len(bns):]):
            setattr(l, a, v)
    return model


def images(seed, n, size, channels=3):
    """``n`` images of ``size`` x ``size`` with pixel values in [0, 255]."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 255, (n, size, size, channels)).astype("float32")


# ---------------------------------------------------------------------------------------------- narrowed layers

def narrowed(module, k, keep_dense=("predictions",), keep_biased_conv=False):
    """``module.layers`` replaced by keras.layers with Conv2D / SeparableConv2D filters and Dense units divided by k
    (at least 1); a Dense named in ``keep_dense`` keeps its units, and with ``keep_biased_conv`` a Conv2D with
    ``use_bias=True`` keeps its filters (InceptionResNetV2's residual projection must match its shortcut)."""
    from keras.src import layers as real

    def conv(filters, *a, **kw):
        if keep_biased_conv and kw.get("use_bias", True) is True:
            return real.Conv2D(filters, *a, **kw)
        return real.Conv2D(max(1, filters // k), *a, **kw)

    def sep(filters, *a, **kw):
        return real.SeparableConv2D(max(1, filters // k), *a, **kw)

    def dense(units, *a, **kw):
        return real.Dense(units if kw.get("name") in keep_dense else max(1, units // k), *a, **kw)

    shim = types.SimpleNamespace(**{n: getattr(real, n) for n in dir(real) if not n.startswith("_")})
    shim.Conv2D, shim.SeparableConv2D, shim.Dense = conv, sep, dense
    return mock.patch.object(module, "layers", shim)


@contextlib.contextmanager
def imagenet_graph(module):
    """Builds with ``weights="imagenet"`` (the graph differs: EfficientNet adds a Rescaling by 1/sqrt(std)) while
    nothing is downloaded and the random weights stay."""
    from keras.src.models import Functional

    with mock.patch.object(module.file_utils, "get_file", return_value="unused"), \
            mock.patch.object(Functional, "load_weights", lambda self, *a, **k: None):
        yield


# ---------------------------------------------------------------------------------------------- cases

def cases():
    """name -> (builder, input size, preprocess, notes); builders return a model, preprocess maps [0,255] pixels."""
    from keras.src.applications import (convnext, densenet, efficientnet, efficientnet_v2, inception_resnet_v2,
                                        inception_v3, mobilenet, mobilenet_v2, mobilenet_v3, nasnet, resnet,
                                        vgg16, vgg19, xception)

    def mbv3_stack(model_type):
        def stack(x, kernel, activation, se_ratio):
            relu = mobilenet_v3.relu
            b = mobilenet_v3._inverted_res_block
            x = b(x, 1, 8, 3, 2, se_ratio, relu, 0)
            x = b(x, 72.0 / 16, 8, 3, 2 if model_type == "small" else 1, None, relu, 1)
            x = b(x, 4, 16, kernel, 2, se_ratio, activation, 2)
            x = b(x, 3, 16, kernel, 1, se_ratio, activation, 3)
            return x
        return stack

    def mbv3(model_type, pre, minimalistic=False):
        return lambda: mobilenet_v3.MobileNetV3(mbv3_stack(model_type), 64, None, 1.0, model_type, minimalistic,
                                                True, None, None, 5, None, 0.2, "softmax", pre,
                                                name="MobileNetV3" + model_type.capitalize())

    v2_blocks = [
        dict(kernel_size=3, num_repeat=1, input_filters=16, output_filters=16, expand_ratio=1, se_ratio=0.0,
             strides=1, conv_type=1),
        dict(kernel_size=3, num_repeat=2, input_filters=16, output_filters=24, expand_ratio=4, se_ratio=0.0,
             strides=2, conv_type=1),
        dict(kernel_size=3, num_repeat=2, input_filters=24, output_filters=32, expand_ratio=4, se_ratio=0.25,
             strides=2, conv_type=0),
    ]

    def v2(name, pre):
        return lambda: efficientnet_v2.EfficientNetV2(0.5, 1.0, 32, blocks_args=v2_blocks, name=name, weights=None,
                                                      input_shape=(32, 32, 3), classes=5, include_preprocessing=pre)

    def resnet_stack(version):
        if version == 1:
            def stack(x):
                x = resnet.stack_residual_blocks_v1(x, 8, 2, stride1=1, name="conv2")
                x = resnet.stack_residual_blocks_v1(x, 16, 2, name="conv3")
                return resnet.stack_residual_blocks_v1(x, 16, 1, name="conv4")
        else:
            def stack(x):
                x = resnet.stack_residual_blocks_v2(x, 8, 2, name="conv2")
                x = resnet.stack_residual_blocks_v2(x, 16, 2, name="conv3")
                return resnet.stack_residual_blocks_v2(x, 16, 2, stride1=1, name="conv4")
        return stack

    def irv2_small():
        orig = inception_resnet_v2.inception_resnet_block

        def fewer(x, scale, block_type, block_idx, activation="relu"):
            if block_idx > 2 and not (block_type == "block8" and block_idx == 10):
                return x
            return orig(x, scale, block_type, block_idx, activation)

        with narrowed(inception_resnet_v2, 16, keep_biased_conv=True), \
                mock.patch.object(inception_resnet_v2, "inception_resnet_block", fewer):
            return inception_resnet_v2.InceptionResNetV2(weights=None, input_shape=(75, 75, 3), classes=5)

    def mobilenetv2_small():
        orig = mobilenet_v2._inverted_res_block

        def fewer(inputs, expansion, stride, alpha, filters, block_id):  # one repeat per stage is enough
            return inputs if block_id in (5, 8, 9, 12, 15) else orig(inputs, expansion, stride, alpha, filters, block_id)

        with mock.patch.object(mobilenet_v2, "_inverted_res_block", fewer):
            return mobilenet_v2.MobileNetV2(input_shape=(32, 32, 3), alpha=0.1, weights=None, classes=5)

    def with_narrow(module, k, build):
        def f():
            with narrowed(module, k):
                return build()
        return f

    def efficientnet_imagenet():
        with imagenet_graph(efficientnet):
            return efficientnet.EfficientNet(0.1, 0.25, 32, name="efficientnetb0", include_top=False,
                                             weights="imagenet", weights_name="b0", input_shape=(32, 32, 3), pooling="avg")

    tf_mode = lambda m: (lambda x: m.preprocess_input(x.copy()))  # noqa: E731
    raw = lambda x: x  # noqa: E731
    return {
        "app_mobilenet_alpha0125": (lambda: mobilenet.MobileNet(input_shape=(32, 32, 3), alpha=0.125, weights=None,
                                                                classes=5), 32, tf_mode(mobilenet),
                                    "MobileNet alpha 0.125 with its top: ZeroPadding, DepthwiseConv2D, ReLU6, "
                                    "Conv2D head, Reshape"),
        "app_mobilenetv2_alpha01": (mobilenetv2_small, 32, tf_mode(mobilenet_v2),
                                    "MobileNetV2 alpha 0.1 without the repeats 5, 8, 9, 12, 15: inverted residual "
                                    "blocks, ReLU6, Add"),
        "app_mobilenetv3_small_pre": (mbv3("small", True), 32, raw,
                                      "MobileNetV3 small with include_preprocessing (Rescaling), unknown H and W, "
                                      "hard_sigmoid saved as Add/Multiply op nodes, squeeze-excite, hard_swish"),
        "app_mobilenetv3_large_nopre": (mbv3("large", False), 32, tf_mode(mobilenet),
                                        "MobileNetV3 large without preprocessing"),
        "app_mobilenetv3_minimalistic": (mbv3("small", True, True), 32, raw,
                                         "MobileNetV3 minimalistic: 3x3 kernels, ReLU, no squeeze-excite"),
        "app_efficientnet_imagenet": (efficientnet_imagenet, 32, raw,
                                      "EfficientNet width 0.1 depth 0.25 as built for imagenet weights: Rescaling, "
                                      "Normalization, Rescaling by a list; MBConv with squeeze-excite, swish, "
                                      "drop-connect Dropout with noise_shape; no top, pooling avg"),
        "app_efficientnetv2_b_pre": (v2("efficientnetv2-b0", True), 32, raw,
                                     "EfficientNetV2 B path: Rescaling + Normalization(mean, variance), fused and "
                                     "MBConv blocks"),
        "app_efficientnetv2_nopre": (v2("efficientnetv2-b0", False), 32, lambda x: x / 127.5 - 1,
                                     "EfficientNetV2 without preprocessing"),
        "app_resnet_v1": (lambda: resnet.ResNet(resnet_stack(1), False, True, weights=None, input_shape=(32, 32, 3),
                                                classes=5, name="resnet50"), 32, tf_mode(resnet),
                          "ResNet v1 bottleneck stacks (caffe preprocessing)"),
        "app_resnet_v2": (lambda: resnet.ResNet(resnet_stack(2), True, True, weights=None, input_shape=(32, 32, 3),
                                                classes=5, name="resnet50v2"), 32, lambda x: x / 127.5 - 1,
                          "ResNet v2 pre-activation stacks"),
        "app_densenet": (with_narrow(densenet, 2, lambda: densenet.DenseNet([1, 2, 1, 1], weights=None,
                                                                            input_shape=(32, 32, 3), classes=5)),
                         32, tf_mode(densenet), "DenseNet blocks [1,2,1,1], convs 1/2 of their filters: dense and "
                                                "transition blocks"),
        "app_inceptionv3": (with_narrow(inception_v3, 32, lambda: inception_v3.InceptionV3(
            weights=None, input_shape=(75, 75, 3), classes=5)), 75, tf_mode(inception_v3),
                            "InceptionV3, every conv 1/32 of its filters"),
        "app_inceptionresnetv2": (irv2_small, 75, tf_mode(inception_resnet_v2),
                                  "InceptionResNetV2, convs 1/16 of their filters, 2 blocks of each kind + the final "
                                  "block8: CustomScaleLayer"),
        "app_xception": (with_narrow(xception, 32, lambda: xception.Xception(weights=None, input_shape=(71, 71, 3),
                                                                            classes=5)), 71, tf_mode(xception),
                         "Xception, every conv 1/32 of its filters: SeparableConv2D, residual 1x1 convs"),
        "app_nasnet": (lambda: nasnet.NASNet(input_shape=(32, 32, 3), penultimate_filters=96, num_blocks=1,
                                                   stem_block_filters=8, skip_reduction=True, weights=None,
                                                   classes=5, default_size=32, name="NASNet"), 32,
                             tf_mode(nasnet), "NASNet (NASNetLarge layout, skip_reduction True): normal and reduction cells, "
                                        "adjust blocks (AveragePooling2D, Cropping2D, ZeroPadding2D)"),
        "app_convnext_pre": (lambda: convnext.ConvNeXt([1, 1, 2, 1], [8, 16, 16, 24], drop_path_rate=0.1,
                                                       default_size=32, name="convnext_tiny", weights=None,
                                                       input_shape=(32, 32, 3), classes=5), 32, raw,
                             "ConvNeXt with PreStem Normalization, LayerScale, StochasticDepth, nested Sequential "
                             "stem and downsampling, Add op nodes, GELU"),
        "app_convnext_nopre": (lambda: convnext.ConvNeXt([1, 1, 1, 1], [8, 8, 16, 16], default_size=32,
                                                         name="convnext_small", include_preprocessing=False,
                                                         weights=None, input_shape=(32, 32, 3), include_top=False,
                                                         pooling="avg"), 32, lambda x: x / 127.5 - 1,
                               "ConvNeXt without preprocessing or top, avg pooling, identity Activation"),
        "app_vgg16": (with_narrow(vgg16, 16, lambda: vgg16.VGG16(weights=None, input_shape=(32, 32, 3), classes=5)),
                      32, tf_mode(vgg16), "VGG16, convs and fc 1/16 wide, Flatten + Dense head"),
        "app_vgg19": (with_narrow(vgg19, 16, lambda: vgg19.VGG19(weights=None, input_shape=(32, 32, 3), classes=5,
                                                                include_top=False, pooling="max")),
                      32, tf_mode(vgg19), "VGG19, convs 1/16 wide, no top, max pooling"),
    }


def main(prefixes):
    import keras
    from keras.src.applications import convnext, inception_resnet_v2
    from golden_case import write_case

    # Keras reloads model.h5 with the applications' own layers once it is told where they live
    own = {"LayerScale": convnext.LayerScale, "StochasticDepth": convnext.StochasticDepth,
           "CustomScaleLayer": inception_resnet_v2.CustomScaleLayer}

    assert keras.backend.backend() == "tensorflow", "run with KERAS_BACKEND=tensorflow"
    for name, (build, size, pre, notes) in sorted(cases().items()):
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        i = zlib.crc32(name.encode()) % 1000
        keras.utils.set_random_seed(1000 + i)
        model = build()
        x = pre(images(4000 + i, 2, size))
        prepare(model, 2000 + i, np.concatenate([x, pre(images(3000 + i, 30, size))]))
        with keras.utils.custom_object_scope(own):
            write_case(name, model, x, atol=ATOL, rtol=RTOL, notes=notes, tolerance_comment=TOL_COMMENT)


if __name__ == "__main__":
    main(sys.argv[1:])
