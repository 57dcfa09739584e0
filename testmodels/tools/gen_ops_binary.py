"""Golden cases for Keras 3 binary op nodes (keras.ops.add, x / 2, ops.greater ...), TensorFlow backend.

    KERAS_BACKEND=tensorflow python gen_ops_binary.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import ops  # noqa: E402
from golden_case import write_case  # noqa: E402

keras.utils.set_random_seed(3)
rng = np.random.default_rng(3)

# arithmetic with constants on either side, scalar and array constants, tensors of two shapes
x = keras.Input((4, 5), name="x")
y = keras.Input((1, 5), name="y")
h = keras.layers.Dense(5, name="dense")(x)
outs = [
    ops.add(h, 3.0),
    h / 2,
    2.0 - h,
    ops.multiply(h, np.linspace(-1, 1, 5).astype("float32")),
    ops.maximum(h, 0.25),
    ops.minimum(h, x),
    ops.power(h * h, 1.5),
    ops.floor_divide(h * 4, 3.0),
    ops.mod(h * 4, -1.5),
    ops.subtract(h, y),
]
model = keras.Model([x, y], outs, name="ops_arith")
xs = [rng.standard_normal((3, 4, 5)).astype("float32"), rng.standard_normal((3, 1, 5)).astype("float32")]
write_case("ops_binary_arith", model, xs, atol=1e-5, rtol=1e-5,
           notes="Keras 3 op nodes Add/TrueDivide/Subtract/Multiply/Maximum/Minimum/Power/FloorDivide/Mod with tensor and "
                 "constant operands on either side, numpy-broadcast")

# comparisons and logic feeding arithmetic; a hard-swish as MobileNetV3 saves it (Add(x, 3), ReLU6, Multiply(x, 1/6))
x = keras.Input((6,), name="x")
g = ops.greater(x, 0.0)
l = ops.less_equal(x, -0.5)
e = ops.equal(ops.floor_divide(x * 3, 1.0), 0.0)
logic = ops.add(ops.multiply(x, ops.logical_or(g, l)), ops.logical_and(g, ops.not_equal(e, True)))
hs = keras.layers.ReLU(6.0, name="re_lu")(ops.add(x, 3.0))
hs = ops.multiply(x, ops.multiply(hs, 1.0 / 6.0))
ge = ops.greater_equal(x, ops.less(x, 0.3))
model = keras.Model(x, [logic, hs, ge, ops.logical_xor(g, l)], name="ops_logic")
xs = np.concatenate([rng.standard_normal((4, 6)), [[0.0, 1.0, -0.5, 3.0, -3.0, 0.3]]]).astype("float32")
write_case("ops_binary_logic", model, xs, atol=1e-5, rtol=1e-5,
           notes="comparison and logical op nodes (bool results as 0/1) mixed with arithmetic; MobileNetV3's hard-swish "
                 "as Add(x, 3.0) -> ReLU(6) -> Multiply(1/6) -> Multiply(x) op nodes")
