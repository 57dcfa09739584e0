"""Golden cases for MultiHeadAttention with whole 64-wide projection panels (TensorFlow backend).

    KERAS_BACKEND=tensorflow python gen_attention_wide.py [case ...]

With heads * key_dim a multiple of 64 jkeras packs the query, key and value projections as one kernel: a
self-attention call projects in one GEMM, a cross-attention call runs each tensor through its part. The small
attention cases (heads * key_dim = 8) never take that path.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

from golden_case import write_case  # noqa: E402

D = 48


def self_attention():
    """Self-attention, 2 heads of key_dim 32 on 10 tokens of 48 features, then a gelu FFN and LayerNormalization:
    query, key and value are one tensor."""
    x = keras.Input((10, D), name="x")
    a = layers.MultiHeadAttention(2, 32, name="mha")(x, x)
    h = layers.LayerNormalization(epsilon=1e-6, name="ln")(layers.Add(name="res")([x, a]))
    f = layers.Dense(D, name="ff2")(layers.Dense(128, activation="gelu", name="ff1")(h))
    return keras.Model(x, layers.Add(name="res2")([h, f])), [np.random.RandomState(3).normal(0, 1, (3, 10, D)).astype("float32")]


def cross_attention():
    """Cross-attention, 2 heads of key_dim 32: a query of 7 steps on a context of 9 (key = value), and a second
    attention with an explicit key tensor (query, value and key three tensors), value_dim 32."""
    q = keras.Input((7, D), name="query")
    c = keras.Input((9, D), name="context")
    k = keras.Input((9, D), name="key")
    a = layers.MultiHeadAttention(2, 32, name="mha_kv")(q, c)
    b = layers.MultiHeadAttention(2, 32, value_dim=32, name="mha_qvk")(q, c, k)
    r = np.random.RandomState(4)
    return keras.Model([q, c, k], layers.Concatenate(name="both")([a, b])), [r.normal(0, 1, (2, 7, D)).astype("float32"),
                                                                           r.normal(0, 1, (2, 9, D)).astype("float32"),
                                                                           r.normal(0, 1, (2, 9, D)).astype("float32")]


CASES = {
    "attention_wide_self": (self_attention, 1e-5, 1e-5),
    "attention_wide_cross": (cross_attention, 1e-5, 1e-5),
}


def main(names):
    for name in names or CASES:
        build, atol, rtol = CASES[name]
        keras.utils.set_random_seed(21)
        model, x = build()
        write_case(name, model, x, atol=atol, rtol=rtol, notes=(build.__doc__ or "").strip().replace("\n    ", " "))


if __name__ == "__main__":
    main(sys.argv[1:])
