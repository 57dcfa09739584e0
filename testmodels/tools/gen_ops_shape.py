"""Golden cases for Keras 3 shape and linear-algebra op nodes (keras.ops.reshape, x[:, 1:3], ops.einsum ...),
TensorFlow backend. Several outputs move, merge or index the batch axis: those are compared as whole tensors.

    KERAS_BACKEND=tensorflow python gen_ops_shape.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import layers, ops  # noqa: E402
from golden_case import write_case  # noqa: E402

keras.utils.set_random_seed(5)
rng = np.random.default_rng(5)
B = 3  # rows of every case; broadcast_to names it

# reshape, transpose, expand_dims, squeeze, tile, repeat, broadcast_to, flip: the batch axis folded, moved, repeated
x = keras.Input((4, 6), name="x")
h = layers.Dense(6, name="dense")(x)
e1 = ops.expand_dims(h, 1)
outs = [
    ops.reshape(h, (-1, 24)),            # (B, 24)
    ops.reshape(h, (-1, 3, 2)),          # batch folded: (B*8, 3, 2)
    ops.reshape(h, (2, -1)),             # (2, B*12)
    ops.transpose(h),                    # axes None: (6, 4, B)
    ops.transpose(h, (0, 2, 1)),
    ops.transpose(h, (1, 0, 2)),         # batch second
    ops.expand_dims(h, -1),
    ops.expand_dims(h, (1, 3)),
    ops.expand_dims(h, 0),
    ops.squeeze(ops.expand_dims(h, (1, -1))),   # axis None
    ops.squeeze(e1, axis=1),
    ops.squeeze(ops.expand_dims(h, (1, 3)), axis=(1, -2)),
    ops.tile(h, (1, 2, 1)),
    ops.tile(h, (2, 3)),                 # repeats shorter than the rank
    ops.tile(h, (2, 1, 1, 2)),           # longer: a new leading axis
    ops.repeat(h, 2, axis=1),
    ops.repeat(h, [1, 0, 2, 1, 1, 3], axis=-1),
    ops.repeat(h, 2),                    # axis None: flattened
    ops.broadcast_to(e1, (B, 5, 4, 6)),
    ops.broadcast_to(ops.expand_dims(h[:, :, :1], 1), (B, 2, 4, 3)),
    ops.flip(h, axis=1),
    ops.flip(h, axis=(0, 2)),
    ops.flip(h),
]
model = keras.Model(x, outs, name="ops_reshape")
write_case("ops_shape_reshape", model, rng.standard_normal((B, 4, 6)).astype("float32"), atol=1e-5, rtol=1e-5,
           notes="op nodes Reshape (-1, folding the batch axis), Transpose (axes None / list), ExpandDims (int, tuple, "
                 "negative), Squeeze (None, int, tuple), Tile (short, long repeats), Repeat (int, list, axis None), "
                 "BroadcastTo, Flip (axis, tuple, None) after a Dense")

# concatenate / stack with constants and on the batch axis, split into several outputs, take by constant and tensor indices
x = keras.Input((4, 6), name="x")
y = keras.Input((4, 6), name="y")
ids = keras.Input((2,), dtype="int32", name="ids")
h = layers.Dense(6, name="dense")(x)
c46 = rng.standard_normal((2, 4, 6)).astype("float32")
parts = ops.split(h, 3, axis=-1)
uneven = ops.split(h, [1, 3], axis=1)
outs = [
    ops.concatenate([h, y], axis=-1),
    ops.concatenate([h, y, h], axis=1),
    ops.concatenate([h, c46], axis=0),   # batch axis: (B + 2, 4, 6)
    ops.concatenate([ops.ones((1, 4, 6)) * 0 + c46[:1], h], axis=0),
    ops.stack([h, y], axis=1),
    ops.stack([h, y], axis=-1),
    ops.stack([h, y, h]),                # axis 0: (3, B, 4, 6)
    parts[0], parts[2] * 2.0, uneven[0], uneven[1] * 3.0, uneven[2] - 1.0,  # one output per node: names stay unique
    ops.take(h, np.array([0, 2, -1]), axis=1),
    ops.take(h, np.array([[5, 0], [-2, 1]]), axis=-1),
    ops.take(h, ids, axis=1),            # indices from a tensor: (B, B, 2, 6)
    ops.take(h, np.array([1, 7, 30])),   # axis None: the flattened tensor
    ops.take(rng.standard_normal((5, 3)).astype("float32"), ids, axis=0),  # a constant table read by ids: (B, 2, 3)
]
model = keras.Model([x, y, ids], outs, name="ops_join")
xs = [rng.standard_normal((B, 4, 6)).astype("float32"), rng.standard_normal((B, 4, 6)).astype("float32"),
      np.array([[0, 3], [2, -1], [1, 1]], dtype="int32")]
write_case("ops_shape_join", model, xs, atol=1e-5, rtol=1e-5,
           notes="op nodes Concatenate (list argument with numpy constants, batch axis), Stack (axis 1, -1, 0), Split "
                 "(sections, indices: nodes of several outputs), Take (constant, negative and tensor indices, axis None, a "
                 "constant table)")

# x[...] in the forms people write: slices, steps, negative indices, Ellipsis, new axes, integers dropping axes
x = keras.Input((5, 6, 4), name="x")
h = layers.Dense(4, name="dense")(x)
outs = [
    h[:, 1:3], h[..., ::-1], h[:, -1], h[:, None, 2:], h[:, :, -2:], h[:, ::2, 1::3], h[:, -1:-4:-1, :, 0],
    h[..., 1], h[:, 2, ..., None], h[1:, :], h[-1], h[:2, 0, 0], h[:, 4:1:-2, ::-2], h[:, 3:10], h[:, -10:2],
    h[None, ...],
]
model = keras.Model(x, outs, name="ops_getitem")
write_case("ops_getitem", model, rng.standard_normal((B, 5, 6, 4)).astype("float32"), atol=1e-5, rtol=1e-5,
           notes="GetItem op nodes: slices with negative and None bounds and steps, integer indices (also on the "
                 "batch axis), Ellipsis, None (new axes), out-of-range slice bounds, an empty slice")

# matmul (2-D, batched, broadcast batch dims, 1-D operands), dot, tensordot, einsum
x = keras.Input((4, 6), name="x")
y = keras.Input((6, 5), name="y")
z = keras.Input((2, 4, 6), name="z")
h = layers.Dense(6, name="dense")(x)
w = rng.standard_normal((6, 3)).astype("float32")
v6 = rng.standard_normal((6,)).astype("float32")
v4 = rng.standard_normal((4,)).astype("float32")
w3 = rng.standard_normal((3, 6, 2)).astype("float32")
outs = [
    ops.matmul(h, w),                    # constant weight
    h @ y,                               # batched
    ops.matmul(z, ops.expand_dims(y, 1)),  # (B, 2, 4, 6) @ (B, 1, 6, 5): batch dims broadcast
    ops.matmul(ops.expand_dims(h, 1), w3),  # (B, 1, 4, 6) @ (3, 6, 2) -> (B, 3, 4, 2)
    ops.matmul(h, v6),                   # 1-D right: (B, 4)
    ops.matmul(v4, h),                   # 1-D left: (B, 6)
    ops.dot(h, w), ops.dot(h, v6), ops.dot(h, ops.transpose(z, (0, 1, 3, 2))),
    ops.dot(h, 2.5),
    ops.tensordot(h, w, axes=1),
    ops.tensordot(h, y, axes=[[2], [1]]),   # (B, 4, B, 5)
    ops.tensordot(z, rng.standard_normal((4, 6, 2)).astype("float32"), axes=2),
    ops.tensordot(h, rng.standard_normal((4, 6)).astype("float32"), axes=[[-2, -1], [0, 1]]),
    ops.einsum("bij,bkj->bik", h, h),
    ops.einsum("abc,cd->abd", h, w),
    ops.einsum("...ij,...jk->...ik", z, ops.expand_dims(y, 1)),
    ops.einsum("ij->ji", h[0]),
    ops.einsum("bij->bi", h),
    ops.einsum("bij->b", h),
    ops.einsum("bij,j->bi", h, v6),
    ops.einsum("b...j,jk", h, w),         # implicit output
    ops.einsum("bij,bjk,bkl->bil", h, y, ops.transpose(y, (0, 2, 1))),
]
model = keras.Model([x, y, z], outs, name="ops_linalg")
xs = [rng.standard_normal((B, 4, 6)).astype("float32"), rng.standard_normal((B, 6, 5)).astype("float32"),
      rng.standard_normal((B, 2, 4, 6)).astype("float32")]
write_case("ops_linalg", model, xs, atol=1e-5, rtol=1e-5,
           notes="Matmul (constant weight, batched, broadcast batch dims, 1-D operands), Dot (matrix, vector, N-D, "
                 "scalar), Tensordot (int, pairs of axis lists), Einsum (projections, batch products, ellipsis, "
                 "transpose, sums, implicit output, three operands)")


# a keras.io-style multi-head self-attention block written with ops: projections by einsum, scores by matmul
T, D, H = 5, 16, 4
K = D // H
x = keras.Input((T, D), name="tokens")
q = layers.Dense(D, name="query")(x)
k = layers.Dense(D, name="key")(x)
v = layers.Dense(D, name="value")(x)
qh = ops.transpose(ops.reshape(q, (-1, T, H, K)), (0, 2, 1, 3))         # (B, H, T, K)
kh = ops.reshape(k, (-1, T, H, K))
vh = ops.reshape(v, (-1, T, H, K))
scores = ops.einsum("bqhd,bkhd->bhqk", ops.transpose(qh, (0, 2, 1, 3)), kh) / np.sqrt(K).astype("float32")
weights = layers.Softmax(axis=-1, name="softmax")(scores)  # the layer: ops.softmax is an nn op node, tested on its own
ctx = ops.einsum("bhqk,bkhd->bqhd", weights, vh)                     # (B, T, H, K)
alt = ops.matmul(weights, ops.transpose(vh, (0, 2, 1, 3)))           # (B, H, T, K): the same by matmul
ctx2 = ops.reshape(ops.transpose(alt, (0, 2, 1, 3)), (-1, T, D))
merged = ops.reshape(ctx, (-1, T, D)) + ctx2 * 0.5
out = layers.Dense(D, name="out")(merged)
out = layers.LayerNormalization(name="ln")(out + x)
pooled = ops.einsum("btd->bd", out) / T
cls = out[:, 0]
model = keras.Model(x, [layers.Dense(3, name="head")(pooled), cls, weights], name="ops_attention")
write_case("ops_attention", model, rng.standard_normal((B, T, D)).astype("float32"), atol=1e-5, rtol=1e-5,
           notes="keras.io-style multi-head self-attention from op nodes: Dense projections, Reshape/Transpose to "
                 "heads, Einsum scores ('bqhd,bkhd->bhqk') and context ('bhqk,bkhd->bqhd'), Matmul of the same, "
                 "TrueDivide scaling, Softmax layer, residual, LayerNormalization, Einsum mean pooling, GetItem")

# a time axis of unknown length (None at load): shapes resolved when the rows arrive
x = keras.Input((None, 6), name="x")
h = layers.Dense(6, name="dense")(x)
halves = ops.split(h, 2, axis=-1)
outs = [
    ops.reshape(h, (-1, 6)),             # batch and time folded
    ops.einsum("btd,bsd->bts", h, h),
    ops.matmul(ops.transpose(h, (0, 2, 1)), h),
    h[:, 1:3], h[:, -1], h[:, ::-2, None],
    ops.concatenate([h, h * 2.0], axis=1),
    halves[1],
    ops.take(h, np.array([0, -1]), axis=1),
    ops.flip(h, axis=1),
    ops.repeat(h, 2, axis=1),
    ops.tile(h, (1, 2, 1)),
    ops.expand_dims(h, 2),
]
model = keras.Model(x, outs, name="ops_dynamic")
write_case("ops_shape_dynamic", model, rng.standard_normal((B, 5, 6)).astype("float32"), atol=1e-5, rtol=1e-5,
           notes="shape and linear-algebra op nodes on a time axis of unknown length (Input((None, 6)))")
