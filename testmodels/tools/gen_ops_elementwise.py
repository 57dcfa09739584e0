"""Golden cases for Keras 3 unary, reduction, selection and activation op nodes (keras.ops.sqrt, ops.sum(x, axis=0),
ops.where, keras.activations.elu(x) ...), TensorFlow backend.

    KERAS_BACKEND=tensorflow python gen_ops_elementwise.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import activations as A  # noqa: E402
from keras import ops  # noqa: E402
from golden_case import write_case  # noqa: E402

keras.utils.set_random_seed(5)
rng = np.random.default_rng(5)

# unary arithmetic on raw inputs: negatives give NaN under sqrt/log, zeros give inf, halves test round-half-even
x_in = keras.Input((8,), name="x")
x = keras.layers.Identity(name="identity")(x_in)  # a layer, so io.h5 records a layer output as every case does
outs = [
    ops.negative(x), ops.absolute(x), ops.abs(x), ops.square(x), ops.sqrt(x), ops.rsqrt(ops.abs(x) + 0.1), ops.exp(x),
    ops.log(x), ops.log1p(x), ops.expm1(x), ops.sign(x), ops.round(x), ops.round(x * 2.37, decimals=1),
    ops.round(x * 40.0, decimals=-1), ops.floor(x), ops.ceil(x), ops.trunc(x), ops.clip(x, -0.5, 0.75),
    ops.reciprocal(x), ops.sin(x), ops.cos(x), ops.tan(x), ops.tanh(x), ops.arctan(x), ops.sinh(x), ops.cosh(x),
    ops.log2(ops.abs(x)), ops.log10(ops.abs(x)), ops.exp2(x), ops.cbrt(x), ops.isnan(ops.sqrt(x)),
    ops.isfinite(ops.log(x)), ops.isinf(ops.reciprocal(x)), ops.logical_not(ops.greater(x, 0.0)),
    ops.stop_gradient(x), ops.cast(x * 3.0, "int32"), ops.cast(x, "bool"), ops.cast(ops.cast(x * 3.0, "int32"), "float32"),
    # narrow integer casts in range only: out of range, TensorFlow saturates in its vectorised kernel and wraps in the
    # scalar tail of the same tensor
    ops.cast(x * 30.0, "int8"), ops.cast(ops.abs(x) * 60.0, "uint8"), ops.cast(x * 9000.0, "int16"),
    ops.saturate_cast(x * 100.0, "uint8"), ops.saturate_cast(x * 100.0, "int8"), ops.saturate_cast(x * 1e10, "int32"),
    ops.nan_to_num(ops.log(x)), ops.nan_to_num(ops.log(x), nan=-1.0, posinf=7.0, neginf=-7.0), ops.convert_to_tensor(x),
]
model = keras.Model(x_in, outs, name="ops_unary")
xs = np.concatenate([
    [[0.5, 1.5, 2.5, -0.5, -2.5, 0.0, -0.0, 3.5]],
    [[-1.0, 1.0, 0.25, -0.75, 0.35, 0.15, -1.5, 2.0]],
    rng.standard_normal((3, 8)),
]).astype("float32")
write_case("ops_unary_math", model, xs, atol=1e-5, rtol=1e-5,
           notes="unary op nodes on raw inputs: NaN from sqrt/log of negatives, inf from log(0)/reciprocal(0), "
                 "round half to even with positive and negative decimals, casts to int32 (truncation), bool, and in-range "
                 "int8/uint8/int16, saturate_cast, nan_to_num")

# reductions over every axis, the batch axis included, with and without keepdims; argmax ties go to the first index
x = keras.Input((4, 5), name="x")
h = keras.layers.Dense(5, name="dense")(x)
r = ops.round(h * 2.0)  # ties for argmax/argmin
outs = [
    ops.sum(h, axis=1), ops.sum(h, axis=0), ops.sum(h, axis=(0, 2), keepdims=True), ops.mean(h, axis=(1, 2), keepdims=True),
    ops.mean(h, axis=-1), ops.max(h, axis=-1), ops.min(h, axis=0, keepdims=True), ops.prod(h, axis=2), ops.amax(h, axis=(0, 1)),
    ops.argmax(r, axis=1), ops.argmin(r, axis=0), ops.argmax(r, axis=-1, keepdims=True), ops.argmax(h, axis=None, keepdims=True),
    ops.all(ops.greater(h, -1.0), axis=2), ops.any(ops.greater(h, 1.0), axis=(0, 1), keepdims=True),
    ops.std(h, axis=(0, 2)), ops.var(h, axis=1, keepdims=True), ops.std(h, axis=-1), ops.logsumexp(h, axis=-1),
    ops.subtract(h, ops.mean(h)), ops.divide(h, ops.sum(ops.abs(h), axis=None, keepdims=False) + 1.0),
    ops.multiply(h, ops.var(h, axis=0)), ops.max(h, axis=1, initial=0.5), ops.min(h, axis=(0, 1), initial=-0.5),
]
model = keras.Model(x, outs, name="ops_reduce")
xs = rng.standard_normal((3, 4, 5)).astype("float32")
write_case("ops_reduce", model, xs, atol=1e-5, rtol=1e-5,
           notes="reduction op nodes over every axis incl. the batch axis 0 (keepdims both ways, axis None), "
                 "argmax/argmin with ties, std/var (population), logsumexp, a scalar mean broadcast back")

# activation op nodes as keras.activations.X(x) and keras.ops.X(x) record them
x = keras.Input((4, 6), name="x")
h = keras.layers.Dense(6, name="dense")(x) * 2.0
outs = [
    A.relu(h), A.relu(h, negative_slope=0.1, max_value=2.0, threshold=0.5), A.relu6(h), A.sigmoid(h), A.softplus(h),
    A.softsign(h), A.silu(h), A.log_sigmoid(h), A.leaky_relu(h, negative_slope=0.3), A.hard_sigmoid(h), ops.hard_silu(h),
    A.elu(h, alpha=0.5), A.selu(h), A.gelu(h), A.gelu(h, approximate=True), A.celu(h, alpha=2.0), A.glu(h),
    ops.glu(h, axis=1), A.tanh_shrink(h), A.hard_tanh(h), A.soft_shrink(h, 0.3), A.hard_shrink(h, 0.4),
    A.squareplus(h, b=2.0), A.sparse_plus(h), A.sparse_sigmoid(h), A.threshold(h, 0.5, -1.0), A.exponential(h * 0.3),
    A.softmax(h), ops.softmax(h, axis=1), ops.softmax(h, axis=0), ops.log_softmax(h, axis=-1), ops.log_softmax(h, axis=1),
    ops.sparsemax(h, axis=-1), ops.sparsemax(h, axis=1), ops.normalize(h), ops.normalize(h, axis=1, order=1),
    ops.normalize(h, axis=(1, 2)), ops.log_softmax(h, axis=None), ops.softmax(h, axis=None), ops.relu(h), ops.silu(h),
]
model = keras.Model(x, outs, name="ops_activations")
xs = rng.standard_normal((3, 4, 6)).astype("float32")
write_case("ops_activations", model, xs, atol=1e-5, rtol=1e-5,
           notes="every activation op node keras.activations / keras.ops.nn record (ReLU with parameters, Elu alpha, "
                 "Gelu both ways, Glu on two axes, Softmax/LogSoftmax/Sparsemax over a sample axis, the batch axis and every "
                 "axis), "
                 "Normalize with order 2 and 1 over one and two axes")

# integer ids: a padding mask made with NotEqual -> Cast -> Multiply, where, one_hot, clip
ids = keras.Input((6,), dtype="int32", name="ids")
v_in = keras.Input((6,), name="v")
v = keras.layers.Dense(6, name="dense")(v_in)
mask = ops.cast(ops.not_equal(ids, 0), "float32")
masked = ops.multiply(v, mask)
mean = ops.divide(ops.sum(masked, axis=-1, keepdims=True), ops.maximum(ops.sum(mask, axis=-1, keepdims=True), 1.0))
outs = [
    masked, mean, ops.where(ops.greater(ids, 2), v, 0.0), ops.where(ops.less(v, 0.0), -1.0, ids),
    ops.where(mask, v, ops.negative(v)), ops.one_hot(ids, 5), ops.one_hot(ids, 4, axis=1),
    ops.clip(ids, 1, 3), ops.cast(ops.clip(v * 4.0, -2.0, 2.0), "int32"), ops.logical_not(ids),
]
model = keras.Model([ids, v_in], outs, name="ops_ids")
xs = [np.array([[3, 1, 0, 0, 0, 0], [4, 2, 5, 1, 0, 0], [0, 0, 0, 0, 0, 0], [1, 2, 3, 4, 7, 9]], dtype="int32"),
      rng.standard_normal((4, 6)).astype("float32")]
write_case("ops_ids_where", model, xs, atol=1e-5, rtol=1e-5,
           notes="int32 ids: NotEqual(ids, 0) -> Cast -> Multiply padding mask and masked mean; Where with tensor and "
                 "constant branches; OneHot (ids out of range give zeros) on the last and a middle axis; Clip of ints")
