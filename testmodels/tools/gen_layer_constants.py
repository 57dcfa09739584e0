"""Golden case for layers called on tensors Keras computed eagerly (saved as constants among the call's arguments),
TensorFlow backend: a position embedding built from ops.arange, merges with a constant on either side.

    KERAS_BACKEND=tensorflow python gen_layer_constants.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import layers, ops  # noqa: E402
from golden_case import write_case  # noqa: E402

keras.utils.set_random_seed(8)
seq, vocab, d = 6, 20, 4
ids = keras.Input((seq,), dtype="int32", name="ids")
tok = layers.Embedding(vocab, d, mask_zero=True, name="tok")(ids)
pos = layers.Embedding(seq, d, name="pos")(ops.broadcast_to(ops.arange(seq), (1, seq)))  # eager: a constant (1, 6, 4)
x = layers.Add(name="add")([tok, pos])
z = layers.Multiply(name="mul")([x, ops.convert_to_tensor(np.linspace(0.5, 1.5, d, dtype="float32")[None, None, :])])
out = layers.Dense(3, name="out")(layers.GlobalAveragePooling1D(name="gap")(layers.Average(name="avg")([x, z])))
model = keras.Model(ids, [out, x], name="layer_constants")
data = np.array([[3, 5, 7, 0, 0, 0], [1, 2, 3, 4, 5, 6], [9, 0, 0, 0, 0, 0]], dtype="int32")
write_case("layer_constant_args", model, data, atol=1e-5, rtol=1e-5,
           notes="layers called on eagerly computed tensors, saved as __tensor__ constants among their arguments: Add "
                 "and Multiply with a constant of batch 1 broadcast over the batch")
