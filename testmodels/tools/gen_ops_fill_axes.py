"""Golden case for keras.ops swapaxes, moveaxis, zeros_like, ones_like and full_like op nodes (TensorFlow backend).

    KERAS_BACKEND=tensorflow python gen_ops_fill_axes.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import ops  # noqa: E402
from golden_case import write_case  # noqa: E402

keras.utils.set_random_seed(5)
x = keras.Input((3, 4, 2), name="x")
ids = keras.Input((5,), dtype="int32", name="ids")
h = keras.layers.Dense(2, name="dense")(x)
outs = [
    ops.swapaxes(h, 1, 2),
    ops.swapaxes(h, -1, 1),
    ops.moveaxis(h, 1, -1),
    ops.moveaxis(h, [1, 3], [3, 1]),
    ops.moveaxis(h, [2, 1], [1, 3]),
    h + ops.ones_like(h),
    ops.zeros_like(h) - h,
    ops.full_like(h, 2.5) * h,
    ops.full_like(ids, 2.7, dtype="int32") + ids,
    ops.ones_like(ids, dtype="float32") * 3,
]
model = keras.Model([x, ids], outs, name="ops_fill_axes")
rng = np.random.default_rng(5)
xs = [rng.standard_normal((2, 3, 4, 2)).astype("float32"), rng.integers(0, 9, (2, 5)).astype("int32")]
write_case("ops_fill_axes", model, xs, atol=1e-5, rtol=1e-5,
           notes="Swapaxes and Moveaxis (ints and lists, negative axes) as transposes; ZerosLike, OnesLike, FullLike "
                 "(an int dtype truncates the fill value)")
