"""Writes this folder: a small Keras 3 model (two inputs, a shared layer, a nested Sequential, an activation
layer) and what save_golden writes for it, as a fixture that jkeras' tests read without Python.

    KERAS_BACKEND=jax python make_example.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import keras  # noqa: E402
from save_golden import save_golden  # noqa: E402

keras.utils.set_random_seed(1)
inner = keras.Sequential([keras.layers.Dense(4, activation="relu", name="d1"), keras.layers.Dense(3, name="d2")],
                         name="inner")
a = keras.Input((6,), name="a")
b = keras.Input((6,), name="b")
shared = keras.layers.Dense(5, name="shared")
x = keras.layers.Subtract(name="sub")([shared(a), shared(b)])
h = keras.layers.Activation("tanh", name="act")(keras.layers.Dense(8, name="pre")(x))
model = keras.Model([a, b], [inner(h), x], name="example")
model.save("model.keras")
rng = np.random.default_rng(7)
xs = {"a": rng.standard_normal((4, 6)).astype("float32"), "b": rng.standard_normal((4, 6)).astype("float32")}
save_golden(model, xs, "golden.h5")
save_golden(model, xs, "golden.npz")
