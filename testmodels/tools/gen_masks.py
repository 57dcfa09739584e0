"""Golden cases for Keras 3 timestep masks (TensorFlow backend).

    KERAS_BACKEND=tensorflow python gen_masks.py [case ...]

Each case feeds token ids with trailing padding (0) and one all-padding row, so masks, their merges and fully
masked rows all show in the numbers. Masks Keras 3 computes while building a functional model are saved as op nodes
(NotEqual, LogicalOr, ...) when a layer called on one tensor records them as its ``mask`` argument; Sequential
models, layers called on several tensors (merges, attention) and calls with other keyword tensors carry masks at run
time only.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

from golden_case import write_case  # noqa: E402

T, V, D = 6, 20, 8
IDS = np.array([[3, 5, 7, 0, 0, 0],
                [1, 2, 3, 4, 5, 6],
                [0, 0, 0, 0, 0, 0],
                [9, 0, 0, 0, 0, 0],
                [4, 11, 0, 0, 0, 0]], "int32")
POS = np.tile(np.arange(1, T + 1, dtype="int32"), (len(IDS), 1))      # positions 1..T, no zeros
POS_PADDED = np.where(IDS != 0, POS, 0).astype("int32")              # positions zeroed where the tokens pad


def ids_input(name="ids"):
    return keras.Input((T,), dtype="int32", name=name)


def transformer_block(x, name):
    """keras.io's post-norm block: MHA, residual Add, LayerNormalization, two Dense, residual Add, LayerNormalization."""
    attn = layers.MultiHeadAttention(2, 4, name=name + "_mha")(x, x)
    x1 = layers.LayerNormalization(epsilon=1e-6, name=name + "_ln1")(layers.Add(name=name + "_res1")([x, attn]))
    f = layers.Dense(16, activation="relu", name=name + "_ff1")(x1)
    f = layers.Dense(D, name=name + "_ff2")(f)
    return layers.LayerNormalization(epsilon=1e-6, name=name + "_ln2")(layers.Add(name=name + "_res2")([x1, f]))


def masked_transformer():
    """(a) Token Embedding(mask_zero) + position Embedding without a mask: Keras 3's Add drops the mask (an input has
    none), so nothing downstream is masked (Keras 2 would AND and mask the attention and the pooling)."""
    ids, pos = ids_input(), ids_input("positions")
    tok = layers.Embedding(V, D, mask_zero=True, name="tok")(ids)
    pe = layers.Embedding(T + 1, D, name="pos")(pos)
    x = layers.Add(name="embed")([tok, pe])
    x = transformer_block(x, "block")
    g = layers.GlobalAveragePooling1D(name="gap")(x)
    out = layers.Dense(3, activation="softmax", name="out")(g)
    return keras.Model([ids, pos], out), [IDS, POS]


def masked_transformer_both_masked():
    """(b) Both embeddings mask_zero: Add ORs the masks; the attention is masked; MultiHeadAttention deletes the
    masks of its inputs, so the residual Add after it is unmasked, but the pooling gets the mask as its recorded
    ``mask`` argument (NotEqual / LogicalOr op nodes): the masked mean, NaN for the all-padding row."""
    ids, pos = ids_input(), ids_input("positions")
    tok = layers.Embedding(V, D, mask_zero=True, name="tok")(ids)
    pe = layers.Embedding(T + 1, D, mask_zero=True, name="pos")(pos)
    x = layers.Add(name="embed")([tok, pe])
    x = transformer_block(x, "block")
    g = layers.GlobalAveragePooling1D(name="gap")(x)
    out = layers.Dense(3, activation="softmax", name="out")(g)
    return keras.Model([ids, pos], out), [IDS, POS_PADDED]


def merges_masked_unmasked():
    """(c) Concatenate, Add, Maximum, Multiply of masked and unmasked branches; what each output mask is shows in
    the attention that reads it (MultiHeadAttention takes its masks at run time)."""
    ids, feats = ids_input(), keras.Input((T, D), name="feats")
    x = layers.Embedding(V, D, mask_zero=True, name="emb")(ids)            # masked
    y = layers.Dense(D, name="proj")(feats)                                 # unmasked
    x2 = layers.Dense(D, name="dense_masked")(x)                            # masked (Dense passes masks)
    cat = layers.Concatenate(name="cat")([x, y])                            # Keras 3: a mask keeping every step
    cat_steps = layers.Concatenate(axis=1, name="cat_steps")([x, y])        # masks joined along the steps
    add = layers.Add(name="add")([x, y])                                    # Keras 3: no mask
    mx = layers.Maximum(name="max")([x, x2])                                # OR, masked steps take the other operand
    mn = layers.Minimum(name="min")([x, y])                                 # no mask; x's masked steps take y
    mul = layers.Multiply(name="mul")([x, x2])                              # masked steps count as 1, none kept: 0
    mul_half = layers.Multiply(name="mul_half")([x, y])
    outs = [
        layers.MultiHeadAttention(2, 4, name="att_cat")(cat, cat),
        layers.MultiHeadAttention(2, 4, name="att_steps")(cat_steps, cat_steps),
        layers.MultiHeadAttention(2, 4, name="att_add")(add, add),
        layers.MultiHeadAttention(2, 4, name="att_max")(mx, mx),
        mn,
        layers.MultiHeadAttention(2, 4, name="att_mul")(mul, mul),
        mul_half,
    ]
    rng = np.random.default_rng(3)
    return keras.Model([ids, feats], outs), [IDS, rng.normal(size=(len(IDS), T, D)).astype("float32")]


def pooling_sequential(pool):
    """(d) Sequential Embedding(mask_zero) -> Dense -> pooling -> Dense: masks flow at run time."""
    m = keras.Sequential([
        keras.Input((T,), dtype="int32", name="ids"),
        layers.Embedding(V, D, mask_zero=True, name="emb"),
        layers.Dense(D, activation="tanh", name="dense"),
        pool(name="pool"),
        layers.Dense(3, name="out"),
    ], name="pooling")
    return m, IDS


def gap_sequential():
    """(d) Sequential Embedding(mask_zero) -> Dense -> GlobalAveragePooling1D -> Dense: the mean of the kept steps,
    NaN for the all-padding row."""
    return pooling_sequential(layers.GlobalAveragePooling1D)


def gmp_sequential():
    """(d) Sequential Embedding(mask_zero) -> Dense -> GlobalMaxPooling1D -> Dense: Keras 3's max pooling ignores the
    mask (padding steps count)."""
    return pooling_sequential(layers.GlobalMaxPooling1D)


def causal_attention():
    """(e) MultiHeadAttention with use_causal_mask and a padding mask, on each of Keras 3's paths: the fused
    dot-product attention (an all-padding row: uniform weights), the Softmax layer when the scores are returned
    (zero weights) or dropout is set; with an explicit attention_mask as well; Attention with the causal mask."""
    ids = ids_input()
    outs = []
    for name, kw, call in [("dot", {}, {}), ("scores", {}, {"return_attention_scores": True}), ("dropout", {"dropout": 0.1}, {})]:
        x = layers.Embedding(V, D, mask_zero=True, name="emb_" + name)(ids)
        r = layers.MultiHeadAttention(2, 4, name="mha_" + name, **kw)(x, x, use_causal_mask=True, **call)
        if isinstance(r, (list, tuple)):  # the scores get a name of their own (outputs are named by layer)
            r = [r[0], layers.Identity(name="weights_" + name)(r[1])]
        outs.extend(r if isinstance(r, (list, tuple)) else [r])
    am = keras.Input((T, T), name="attention_mask")                                       # 0/1 floats
    x = layers.Embedding(V, D, mask_zero=True, name="emb_am")(ids)
    outs.append(layers.MultiHeadAttention(2, 4, name="mha_am")(x, x, attention_mask=am, use_causal_mask=True))
    q = layers.Embedding(V, D, mask_zero=True, name="emb_att")(ids)
    outs.append(layers.Attention(use_scale=True, name="attention")([q, q], use_causal_mask=True))
    outs.append(layers.AdditiveAttention(name="additive")([q, q]))
    rng = np.random.default_rng(5)
    return keras.Model([ids, am], outs), [IDS, (rng.random((len(IDS), T, T)) < 0.7).astype("float32")]


def attention_clears_masks():
    """(e) Keras 3 MultiHeadAttention deletes the masks of the tensors it reads: a later reader of the same tensor
    (a second attention, a Maximum) sees it unmasked; a reader Keras runs earlier (deeper: further from the outputs)
    still sees the mask: its Maximum takes the unmasked operand at the masked steps. Dropout returns its input
    tensor itself at inference, so an attention reading a dropout's output deletes the mask of the dropout's input."""
    ids = ids_input()
    x = layers.Embedding(V, D, mask_zero=True, name="emb")(ids)
    y = layers.Embedding(V, D, name="plain")(ids)                   # unmasked
    a1 = layers.MultiHeadAttention(2, 4, name="mha1")(x, x)
    a2 = layers.MultiHeadAttention(2, 4, name="mha2")(a1, x)      # after mha1: x unmasked, a1 masked
    mx = layers.Maximum(name="max")([x, a2])                        # x cleared: no mask, masked steps of a2 take x
    early = layers.Maximum(name="early")([x, y])                    # depth 3 > mha1's 2: runs first, x masked
    for i in range(3):
        early = layers.Dense(D, name="early_%d" % i)(early)
    # Dropout returns its input object at inference: clearing the dropout's output clears e's mask too
    e = layers.Embedding(V, D, mask_zero=True, name="emb_e")(ids)
    d = layers.Dropout(0.1, name="dropout")(e)
    a3 = layers.MultiHeadAttention(2, 4, name="mha3")(d, d)
    prod = layers.Multiply(name="prod")([e, a3])                    # e unmasked: a3's masked steps count as 1, no zeros
    return keras.Model(ids, [mx, early, prod]), IDS


def lstm_after_add():
    """(f) LSTM after Add of a masked and an unmasked branch: Keras 3 gives no mask (Keras 2 masked the LSTM);
    and an LSTM fed an explicit initial state (so its mask is taken at run time) after Add of two masked branches."""
    ids, feats = ids_input(), keras.Input((T, D), name="feats")
    x = layers.Embedding(V, D, mask_zero=True, name="emb")(ids)
    y = layers.Dense(D, name="proj")(feats)
    a = layers.Add(name="add_half")([x, y])
    o1 = layers.LSTM(5, return_sequences=True, name="lstm_half")(a)
    x2 = layers.Dense(D, name="dense_masked")(x)
    b = layers.Add(name="add_both")([x, x2])
    h0 = layers.Dense(5, name="h0")(layers.GlobalMaxPooling1D(name="gmp")(y))
    o2 = layers.LSTM(5, return_sequences=True, name="lstm_both")(b, initial_state=[h0, h0])
    rng = np.random.default_rng(4)
    return keras.Model([ids, feats], [o1, o2]), [IDS, rng.normal(size=(len(IDS), T, D)).astype("float32")]


def lstm_after_masked_add():
    """(f) An LSTM after Add of two masked branches: its mask argument is recorded (LogicalOr of NotEqual op nodes)."""
    ids = ids_input()
    x = layers.Embedding(V, D, mask_zero=True, name="emb")(ids)
    x2 = layers.Dense(D, name="dense_masked")(x)
    b = layers.Add(name="add")([x, x2])
    out = layers.LSTM(5, return_sequences=True, name="lstm")(b)
    return keras.Model(ids, out), IDS


def masking_lstm():
    """A functional Masking -> LSTM: the LSTM's recorded mask is Any(NotEqual(x, 0), axis=-1), two op nodes."""
    x = keras.Input((T, 3), name="x")
    m = layers.Masking(name="masking")(x)
    out = layers.LSTM(4, return_sequences=True, name="lstm")(m)
    rng = np.random.default_rng(6)
    xs = rng.normal(size=(len(IDS), T, 3)).astype("float32") * (IDS != 0)[:, :, None]
    return keras.Model(x, out), xs


def explicit_masks():
    """Masks passed explicitly (``layer(x, mask=m)``) from a model input of 0/1 floats: the pooling, LSTM and
    Bidirectional use it instead of their input's own mask (here none)."""
    ids, m = ids_input(), keras.Input((T,), name="step_mask")
    x = layers.Embedding(V, D, name="emb")(ids)                                           # unmasked
    g = layers.GlobalAveragePooling1D(name="gap")(x, mask=m)
    r = layers.LSTM(5, return_sequences=True, name="lstm")(x, mask=m)
    b = layers.Bidirectional(layers.LSTM(3), name="bi")(x, mask=m)
    return keras.Model([ids, m], [g, r, b]), [IDS, (IDS != 0).astype("float32")]


def recurrent_sequential():
    """Sequential Embedding(mask_zero) -> Bidirectional(LSTM) -> TimeDistributed(Dense) -> LayerNormalization -> GRU."""
    m = keras.Sequential([
        keras.Input((T,), dtype="int32", name="ids"),
        layers.Embedding(V, D, mask_zero=True, name="emb"),
        layers.Bidirectional(layers.LSTM(4, return_sequences=True), name="bi"),
        layers.TimeDistributed(layers.Dense(6), name="td"),
        layers.LayerNormalization(name="ln"),
        layers.GRU(5, return_sequences=True, name="gru"),
    ], name="recurrent")
    return m, IDS


CASES = {
    "masks_transformer_one_mask": (masked_transformer, 1e-5, 1e-5),
    "masks_transformer_both_masked": (masked_transformer_both_masked, 1e-5, 1e-5),
    "masks_merges": (merges_masked_unmasked, 1e-5, 1e-5),
    "masks_global_average_pooling1d": (gap_sequential, 1e-5, 1e-5),
    "masks_global_max_pooling1d": (gmp_sequential, 1e-5, 1e-5),
    "masks_causal_attention": (causal_attention, 1e-5, 1e-5),
    "masks_attention_clears_masks": (attention_clears_masks, 1e-5, 1e-5),
    "masks_lstm_after_add": (lstm_after_add, 1e-5, 1e-5),
    "masks_lstm_after_masked_add": (lstm_after_masked_add, 1e-5, 1e-5),
    "masks_recurrent_sequential": (recurrent_sequential, 1e-5, 1e-5),
    "masks_explicit": (explicit_masks, 1e-5, 1e-5),
    "masks_masking_lstm": (masking_lstm, 1e-5, 1e-5),
}


def main(names):
    for name in names or CASES:
        build, atol, rtol, *refused = CASES[name]
        keras.utils.set_random_seed(12)
        model, x = build()
        write_case(name, model, x, atol=atol, rtol=rtol, notes=(build.__doc__ or "").strip().replace("\n    ", " "),
                   expect_unsupported=refused[0] if refused else None)


if __name__ == "__main__":
    main(sys.argv[1:])
