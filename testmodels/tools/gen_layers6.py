"""Golden cases for the rest of Keras 3's layer catalogue: EinsumDense, GroupedQueryAttention, RMSNormalization,
AdaptiveAverage/MaxPooling1D/2D/3D, CenterCrop on images smaller than the crop (Keras resizes), and Reshape whose
-1 is resolved only at run time.

    KERAS_BACKEND=tensorflow ~/.jkeras-lab/bin/python testmodels/tools/gen_layers6.py [case ...]

Every weight (biases and scales included) is drawn at random, so no term of a layer's formula hides behind a zero
or a one.
"""
import os
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_case import write_case  # noqa: E402

import keras  # noqa: E402
from keras import layers as L  # noqa: E402

RNG = None  # set per case


def randomize(model, scale=0.5):
    for layer in model.layers:
        ws = layer.get_weights()
        if ws:
            layer.set_weights([(RNG.standard_normal(w.shape) * scale).astype(w.dtype) for w in ws])


def normal(*shape):
    return RNG.standard_normal(shape).astype("float32")


def einsum_dense():
    keras.utils.set_random_seed(61)
    x = keras.Input((5, 6), name="x")
    a = L.EinsumDense("abc,cd->abd", output_shape=(5, 4), bias_axes="d", name="ed_abd")(x)
    b = L.EinsumDense("abc,cde->abde", output_shape=(5, 2, 3), bias_axes="de", activation="tanh", name="ed_abde")(a)
    c = L.EinsumDense("abcd,cde->abe", output_shape=(5, 4), bias_axes="e", name="ed_abe")(b)
    d = L.EinsumDense("...b,bc->...c", output_shape=3, bias_axes="c", activation="softmax", name="ed_ellipsis")(c)
    e = L.EinsumDense("abc,cde->abde", output_shape=(5, 2, 3), bias_axes="d", name="ed_bias_d")(x)  # bias (2, 1)
    f = L.EinsumDense("ab...,bc->ac...", output_shape=(3,), bias_axes="c", name="ed_right_elided")(x)  # (3, 6), bias (3, 1)
    g = L.EinsumDense("abc,cd->abd", output_shape=(None, 4), activation="relu", name="ed_nobias")(x)
    model = keras.Model(x, [d, e, f, g])
    randomize(model)
    write_case("einsum_dense", model, normal(3, 5, 6), atol=1e-5, rtol=1e-5,
               notes="EinsumDense: abc,cd->abd; abc,cde->abde (bias de, bias d only); abcd,cde->abe; ...b,bc->...c "
                     "with softmax; ab...,bc->ac... (right ellipsis); no bias with relu")


def einsum_dense_2d():
    keras.utils.set_random_seed(62)
    x = keras.Input((6,), name="x")
    y = L.EinsumDense("ab,bc->ac", output_shape=4, bias_axes="c", activation="relu", name="ed_ac")(x)
    s = keras.Input((None, 6), name="seq")  # the sequence length is open: resolved when the rows arrive
    z = L.EinsumDense("abc,cd->abd", output_shape=(None, 5), bias_axes="d", name="ed_open")(s)
    model = keras.Model([x, s], [y, z])
    randomize(model)
    write_case("einsum_dense_2d", model, [normal(4, 6), normal(4, 7, 6)],
               notes="EinsumDense ab,bc->ac with relu; abc,cd->abd on a sequence of unknown length")


def rms_normalization():
    keras.utils.set_random_seed(63)
    x = keras.Input((5, 6), name="x")
    a = L.RMSNormalization(name="rms_last")(x)
    b = L.RMSNormalization(axis=[1, 2], epsilon=1e-3, name="rms_two_axes")(x)
    c = L.RMSNormalization(axis=-1, epsilon=0.5, name="rms_big_eps")(L.Dense(6, name="pre")(x))
    model = keras.Model(x, [a, b, c])
    randomize(model)
    for layer in model.layers:
        if isinstance(layer, L.RMSNormalization):
            layer.set_weights([1 + 0.5 * RNG.standard_normal(w.shape).astype("float32") for w in layer.get_weights()])
    xs = normal(3, 5, 6)
    xs[2, 1] = 0  # a row of zeros: rsqrt(0 + epsilon)
    write_case("rms_normalization", model, xs,
               notes="RMSNormalization: default (axis -1, epsilon 1e-6), axes [1, 2] with epsilon 1e-3, epsilon 0.5; "
                     "a zero row")


def adaptive_pooling_1d():
    keras.utils.set_random_seed(64)
    x = keras.Input((7, 3), name="x")
    outs = [L.AdaptiveAveragePooling1D(3, name="avg_7_3")(x), L.AdaptiveMaxPooling1D(3, name="max_7_3")(x),
            L.AdaptiveAveragePooling1D(5, name="avg_7_5")(x), L.AdaptiveMaxPooling1D(4, name="max_7_4")(x),
            L.AdaptiveAveragePooling1D(10, name="avg_7_10")(x), L.AdaptiveMaxPooling1D(7, name="max_7_7")(x)]
    cf = keras.Input((3, 10), name="cf")
    outs += [L.AdaptiveAveragePooling1D(4, data_format="channels_first", name="avg_cf")(cf),
             L.AdaptiveMaxPooling1D(6, data_format="channels_first", name="max_cf")(cf)]
    model = keras.Model([x, cf], outs)
    write_case("adaptive_pooling_1d", model, [normal(3, 7, 3), normal(3, 3, 10)],
               notes="AdaptiveAverage/MaxPooling1D: 7 -> 3, 5, 4, 10 (more bins than cells), 7; channels_first 10 -> 4, 6")


def adaptive_pooling_2d():
    keras.utils.set_random_seed(65)
    x = keras.Input((7, 10, 2), name="x")
    outs = [L.AdaptiveAveragePooling2D((3, 4), name="avg_34")(x), L.AdaptiveMaxPooling2D((3, 4), name="max_34")(x),
            L.AdaptiveAveragePooling2D(5, name="avg_55")(x), L.AdaptiveMaxPooling2D((9, 6), name="max_96")(x)]
    cf = keras.Input((2, 7, 5), name="cf")
    outs += [L.AdaptiveAveragePooling2D((4, 3), data_format="channels_first", name="avg_cf")(cf),
             L.AdaptiveMaxPooling2D((4, 3), data_format="channels_first", name="max_cf")(cf)]
    model = keras.Model([x, cf], outs)
    write_case("adaptive_pooling_2d", model, [normal(2, 7, 10, 2), normal(2, 2, 7, 5)],
               notes="AdaptiveAverage/MaxPooling2D on 7x10: (3, 4), 5, (9, 6); channels_first 7x5 -> (4, 3)")


def adaptive_pooling_3d():
    keras.utils.set_random_seed(66)
    x = keras.Input((5, 7, 6, 2), name="x")
    outs = [L.AdaptiveAveragePooling3D((2, 3, 4), name="avg_234")(x), L.AdaptiveMaxPooling3D((2, 3, 4), name="max_234")(x),
            L.AdaptiveAveragePooling3D(3, name="avg_333")(x)]
    cf = keras.Input((2, 5, 4, 3), name="cf")
    outs += [L.AdaptiveAveragePooling3D((3, 2, 2), data_format="channels_first", name="avg_cf")(cf),
             L.AdaptiveMaxPooling3D((2, 3, 2), data_format="channels_first", name="max_cf")(cf)]
    model = keras.Model([x, cf], outs)
    write_case("adaptive_pooling_3d", model, [normal(2, 5, 7, 6, 2), normal(2, 2, 5, 4, 3)],
               notes="AdaptiveAverage/MaxPooling3D on 5x7x6: (2, 3, 4), 3; channels_first 5x4x3 -> (3, 2, 2), (2, 3, 2)")


def center_crop():
    keras.utils.set_random_seed(67)
    a = keras.Input((8, 10, 3), name="big")
    b = keras.Input((5, 7, 3), name="small")
    c = keras.Input((10, 4, 2), name="tall")
    d = keras.Input((2, 5, 7), name="small_cf")
    outs = [L.CenterCrop(5, 6, name="crop")(a), L.CenterCrop(8, 9, name="resize_up")(b),
            L.CenterCrop(6, 6, name="resize_mixed")(c), L.CenterCrop(5, 6, name="resize_aspect")(b),
            L.CenterCrop(6, 9, data_format="channels_first", name="resize_cf")(d),
            L.CenterCrop(3, 7, data_format="channels_first", name="crop_cf")(d)]
    model = keras.Model([a, b, c, d], outs)
    write_case("center_crop_resize", model, [normal(2, 8, 10, 3), normal(2, 5, 7, 3), normal(2, 10, 4, 2), normal(2, 2, 5, 7)],
               notes="CenterCrop: crop 8x10 -> 5x6; smaller inputs are cropped to the target aspect ratio and resized "
                     "bilinearly (5x7 -> 8x9, 10x4 -> 6x6, 5x7 -> 5x6); channels_first resize and crop")


def reshape_open():
    keras.utils.set_random_seed(68)
    x = keras.Input((None, 8), name="x")
    r = L.Reshape((-1, 4), name="pairs")(x)
    d = L.Dense(3, name="dense")(r)
    f = L.Reshape((-1,), name="flat")(d)
    g = L.Reshape((2, -1, 3), name="split")(d)
    model = keras.Model(x, [f, g])
    randomize(model)
    write_case("reshape_open_length", model, normal(2, 6, 8),
               notes="Reshape of a sequence of unknown length: (-1, 4), then (-1,) and (2, -1, 3) after a Dense; "
                     "the -1 is resolved at predict time")


def gqa():
    keras.utils.set_random_seed(69)
    q = keras.Input((5, 8), name="q")
    v = keras.Input((6, 8), name="v")
    k = keras.Input((6, 5), name="k")
    self_att = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, name="gqa_self")(q, q)
    cross = L.GroupQueryAttention(head_dim=3, num_query_heads=6, num_key_value_heads=3, name="gqa_cross")(q, v, key=k)
    mqa = L.GroupQueryAttention(head_dim=4, num_query_heads=2, num_key_value_heads=1, use_bias=False, name="mqa")(q, v)
    causal = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, name="gqa_causal")(
        q, q, use_causal_mask=True)
    model = keras.Model([q, v, k], [self_att, cross, mqa, causal])
    randomize(model)
    write_case("gqa", model, [normal(3, 5, 8), normal(3, 6, 8), normal(3, 6, 5)], atol=1e-5, rtol=1e-5,
               notes="GroupQueryAttention: self (4 query heads, 2 kv heads), cross with a key of other features "
                     "(6/3 heads), multi-query without bias, causal")


def gqa_masks():
    keras.utils.set_random_seed(70)
    ids = keras.Input((5,), dtype="int32", name="ids")
    src = keras.Input((6,), dtype="int32", name="src")
    am = keras.Input((5, 6), name="attention_mask")
    e = L.Embedding(12, 8, mask_zero=True, name="emb")(ids)
    s = L.Embedding(12, 8, mask_zero=True, name="src_emb")(src)
    masked = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, name="gqa_masked")(e, s)
    causal = L.GroupQueryAttention(head_dim=4, num_query_heads=2, num_key_value_heads=2, name="gqa_masked_causal")(
        e, e, use_causal_mask=True)
    explicit = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=1, name="gqa_attention_mask")(
        e, s, attention_mask=am)
    dropout = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, dropout=0.25,
                                    name="gqa_dropout")(e, s)
    out, scores = L.GroupQueryAttention(head_dim=2, num_query_heads=2, num_key_value_heads=1, name="gqa_scores")(
        e, s, return_attention_scores=True, use_causal_mask=True)
    gate = L.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, use_gate=True,
                                 sliding_window=2, name="gqa_gate_window")(e, e)
    # only the scores leave the model (an output name must not repeat); the layer's first output is still recorded
    model = keras.Model([ids, src, am], [masked, causal, explicit, dropout, scores, gate])
    randomize(model)
    x_ids = np.array([[3, 5, 1, 0, 0], [7, 2, 9, 4, 6], [0, 0, 0, 0, 0]], dtype="int32")  # padding; an all-padding row
    x_src = np.array([[1, 2, 3, 4, 0, 0], [5, 0, 0, 0, 0, 0], [8, 8, 8, 8, 8, 8]], dtype="int32")
    x_am = (RNG.random((3, 5, 6)) > 0.4).astype("float32")
    x_am[1, 2] = 0  # a query row that may attend nowhere
    write_case("gqa_masks", model, [x_ids, x_src, x_am], atol=1e-5, rtol=1e-5,
               notes="GroupQueryAttention with Embedding masks on query and value, masks with causal, an "
                     "attention_mask input (a row all zero), dropout > 0 (the einsum path: fully masked rows give 0), "
                     "returned scores, use_gate with sliding_window; all-padding rows")


CASES = {f.__name__: f for f in [einsum_dense, einsum_dense_2d, rms_normalization, adaptive_pooling_1d,
                                  adaptive_pooling_2d, adaptive_pooling_3d, center_crop, reshape_open, gqa, gqa_masks]}

if __name__ == "__main__":
    assert keras.backend.backend() == "tensorflow", "run with KERAS_BACKEND=tensorflow"
    for name in sys.argv[1:] or CASES:
        RNG = np.random.default_rng(zlib.crc32(name.encode()))  # each case draws the same numbers however it is run
        CASES[name]()
