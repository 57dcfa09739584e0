"""Golden cases of the numeric preprocessing layers (issue 12, item 5), Keras 3.15.1 on the TensorFlow backend.

    KERAS_BACKEND=tensorflow python testmodels/tools/gen_prep.py [case ...]

Discretization, CategoryEncoding, IntegerLookup (vocabulary in the config, or adapted: then only the .keras archive
keeps it, in assets/), Hashing (FarmHash64 and salted SipHash buckets of integer inputs), Resizing, AutoContrast,
the augmentation layers that are identities at inference, and tf.keras TensorFlowOpLayer (hand-written legacy
configs; see gen_tf_op_layer below).
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import keras  # noqa: E402
from keras import layers  # noqa: E402
from golden_case import write_case  # noqa: E402

CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


@case
def prep_discretization():
    keras.utils.set_random_seed(1)
    x = keras.Input((6,), name="x")
    one = keras.Input((1,), name="one")
    b = [-1.0, 0.0, 0.1, 0.3, 2.5]
    d_int = layers.Discretization(bin_boundaries=b, name="disc_int")(x)
    d_hot = layers.Discretization(bin_boundaries=b, output_mode="one_hot", name="disc_one_hot")(x)
    d_multi = layers.Discretization(bin_boundaries=b, output_mode="multi_hot", name="disc_multi_hot")(x)
    d_count = layers.Discretization(bin_boundaries=b, output_mode="count", name="disc_count")(x)
    d_one = layers.Discretization(bin_boundaries=b, output_mode="one_hot", name="disc_one_hot_squeezed")(one)
    adapted = layers.Discretization(num_bins=4, epsilon=0.01, name="disc_adapted")
    adapted.adapt(np.random.RandomState(0).normal(size=(200, 1)).astype("float32"))
    d_ad = adapted(x)
    dense = layers.Dense(3, name="dense")(d_count)
    model = keras.Model([x, one], [d_int, d_hot, d_multi, d_count, d_one, d_ad, dense])
    xs = np.array([[-1.0, 0.0, 0.1, 0.3, 2.5, np.nan],
                   [-1.0001, -0.5, 0.09999999, 0.29999998, 2.4999998, 1e9],
                   [np.float32(0.1), -np.inf, np.inf, 0.30000001, 0.2, -3.0]], "float32")
    ones = np.array([[0.05], [3.0], [-2.0]], "float32")
    write_case("prep_discretization", model, [xs, ones], notes="Discretization: int / one_hot (rank 2 and a squeezed last axis of 1) / "
               "multi_hot / count; values on the boundaries, float32 rounding of the boundaries (0.1, 0.3), NaN and inf; "
               "boundaries from adapt(); a Dense on the counts")


@case
def prep_category_encoding():
    keras.utils.set_random_seed(2)
    x = keras.Input((5,), dtype="int32", name="ids")
    one = keras.Input((1,), name="one")
    seq = keras.Input((3, 2), name="seq")
    outs = [layers.CategoryEncoding(6, "multi_hot", name="multi_hot")(x),
            layers.CategoryEncoding(6, "count", name="count")(x),
            layers.CategoryEncoding(6, "one_hot", name="one_hot")(x),
            layers.CategoryEncoding(4, "one_hot", name="one_hot_squeezed")(one),
            layers.CategoryEncoding(4, "multi_hot", name="multi_hot_rank3")(seq),
            layers.CategoryEncoding(4, "count", name="count_rank3")(seq)]
    outs.append(layers.Dense(2, name="dense")(outs[1]))
    model = keras.Model([x, one, seq], outs)
    ids = np.array([[0, 1, 1, 5, 9], [2, 2, 2, 3, 6], [4, 0, 0, 0, 1]], "int32")
    ones = np.array([[2.7], [0.0], [7.0]], "float32")
    seqs = np.array([[[1, 2], [3, 3], [0, -1]], [[0, 0], [1, 2], [3, 9]], [[2.5, 1], [1, 1], [1, 1]]], "float32")
    write_case("prep_category_encoding", model, [ids, ones, seqs], notes="CategoryEncoding multi_hot / count (bincount per row, "
               "ids >= num_tokens dropped), one_hot (rank 2, and (batch, 1) squeezed; out-of-range gives zeros; float 2.7 "
               "truncated), rank-3 multi_hot / count reduced over axis 1 (negatives dropped there); a Dense on the counts")


@case
def prep_integer_lookup():
    keras.utils.set_random_seed(3)
    x = keras.Input((4,), dtype="int64", name="tokens")
    vocab = [12, 3, 40, 7, 1000]
    outs = [layers.IntegerLookup(vocabulary=vocab, name="lookup_int")(x),
            layers.IntegerLookup(vocabulary=vocab, mask_token=0, name="lookup_mask")(x),
            layers.IntegerLookup(vocabulary=vocab, num_oov_indices=3, name="lookup_floormod")(x),
            layers.IntegerLookup(vocabulary=vocab, num_oov_indices=3, oov_method="farmhash", name="lookup_farmhash")(x),
            layers.IntegerLookup(vocabulary=vocab, num_oov_indices=4, oov_method="farmhash", salt=[11, 29], name="lookup_siphash")(x),
            layers.IntegerLookup(vocabulary=[-1] + vocab, output_mode="one_hot", name="lookup_one_hot_special")(x),
            layers.IntegerLookup(vocabulary=vocab, output_mode="multi_hot", mask_token=0, name="lookup_multi_hot")(x),
            layers.IntegerLookup(vocabulary=vocab, output_mode="count", max_tokens=9, pad_to_max_tokens=True, name="lookup_count_padded")(x),
            layers.IntegerLookup(vocabulary=vocab, output_mode="tf_idf", idf_weights=[0.5, 1.0, 1.5, 2.0, 4.0], name="lookup_tf_idf")(x)]
    idx = keras.Input((3,), dtype="int64", name="indices")
    outs.append(layers.IntegerLookup(vocabulary=vocab, invert=True, name="lookup_invert")(idx))
    outs.append(layers.IntegerLookup(vocabulary=vocab, invert=True, mask_token=0, oov_token=-7, name="lookup_invert_mask")(idx))
    model = keras.Model([x, idx], outs)
    tokens = np.array([[12, 3, 99, 0], [1000, 7, 7, -5], [40, 41, 123456, 3]], "int64")
    indices = np.array([[0, 1, 2], [3, 5, 6], [7, 9, 4]], "int64")
    write_case("prep_integer_lookup", model, [tokens, indices], notes="IntegerLookup with the vocabulary in the config: int, "
               "mask_token, several OOV slots by floormod, farmhash and salted farmhash (SipHash), a vocabulary given with its "
               "special token, one_hot / multi_hot / count padded to max_tokens / tf_idf, invert with and without a mask")


@case
def prep_integer_lookup_adapted():
    keras.utils.set_random_seed(4)
    x = keras.Input((4,), dtype="int64", name="tokens")
    data = np.array([[1, 2, 3, 4], [2, 3, 5, 5], [7, 7, 7, 1], [9, 9, 2, 0]], "int64")
    plain = layers.IntegerLookup(name="adapted_int")
    plain.adapt(data)
    masked = layers.IntegerLookup(mask_token=0, num_oov_indices=2, name="adapted_mask")
    masked.adapt(data)
    tfidf = layers.IntegerLookup(output_mode="tf_idf", name="adapted_tf_idf")
    tfidf.adapt(data)
    model = keras.Model(x, [plain(x), masked(x), tfidf(x)])
    tokens = np.array([[1, 2, 3, 99], [7, 0, 5, 4], [9, 9, 9, -3]], "int64")
    write_case("prep_integer_lookup_adapted", model, tokens, notes="IntegerLookup after adapt(): the vocabulary is saved only "
               "in the .keras archive (assets/layers/<key>/vocabulary.txt, special tokens first) and the tf_idf weights as the "
               "named variable vars/idf_weights; Keras cannot reload the other forms")


@case
def prep_hashing():
    keras.utils.set_random_seed(5)
    x = keras.Input((4,), dtype="int64", name="ids")
    f = keras.Input((3,), name="floats")
    one = keras.Input((1,), dtype="int64", name="one")
    outs = [layers.Hashing(7, name="hash_fast")(x),
            layers.Hashing(7, mask_value=0, name="hash_mask")(x),
            layers.Hashing(1000, salt=[123, 456], name="hash_salt_pair")(x),
            layers.Hashing(5, salt=77, mask_value=-1, name="hash_salt_mask")(x),
            layers.Hashing(6, output_mode="multi_hot", name="hash_multi_hot")(x),
            layers.Hashing(6, output_mode="count", name="hash_count")(x),
            layers.Hashing(6, output_mode="one_hot", name="hash_one_hot_squeezed")(one),
            layers.Hashing(1, name="hash_one_bin")(x),
            layers.Hashing(11, mask_value=0, name="hash_floats")(f)]
    model = keras.Model([x, f, one], outs)
    ids = np.array([[0, 1, -1, 42], [12345678, -9876543, 7, 0], [2**40, 3, 3, -2]], "int64")  # exact in float32
    floats = np.array([[0.0, 2.9, -2.9], [0.5, -0.5, 1e6], [7.0, 8.0, 9.0]], "float32")
    ones = np.array([[5], [0], [-12]], "int64")
    write_case("prep_hashing", model, [ids, floats, ones], notes="Hashing of integers (FarmHash64 of the decimal string mod "
               "bins), mask_value, salt as a pair and as one int (SipHash-2-4), multi_hot / count / one_hot, one bin, float "
               "inputs truncated toward zero (0.5 and -0.5 hash as 0 but are not masked)")


@case
def prep_resizing():
    keras.utils.set_random_seed(7)
    x = keras.Input((7, 10, 3), name="image")
    outs = [layers.Resizing(14, 20, name="bilinear_up")(x),
            layers.Resizing(4, 6, name="bilinear_down")(x),
            layers.Resizing(5, 13, interpolation="nearest", name="nearest")(x),
            layers.Resizing(9, 4, interpolation="bicubic", name="bicubic")(x),
            layers.Resizing(12, 7, interpolation="bicubic", name="bicubic_up")(x),
            layers.Resizing(6, 6, crop_to_aspect_ratio=True, name="crop_to_aspect")(x),
            layers.Resizing(5, 3, crop_to_aspect_ratio=True, interpolation="nearest", name="crop_tall")(x),
            layers.Resizing(6, 6, pad_to_aspect_ratio=True, fill_value=0.5, name="pad_to_aspect")(x),
            layers.Resizing(3, 9, pad_to_aspect_ratio=True, interpolation="bicubic", name="pad_wide")(x),
            layers.Resizing(7, 10, interpolation="bicubic", name="same_size")(x)]
    outs.append(layers.Conv2D(2, 3, name="conv")(outs[0]))
    model = keras.Model(x, outs)
    img = np.random.RandomState(2).uniform(-1, 1, (2, 7, 10, 3)).astype("float32")
    write_case("prep_resizing", model, img, notes="Resizing bilinear (up and down), nearest, bicubic (down, up, same size), "
               "crop_to_aspect_ratio and pad_to_aspect_ratio (fill_value; an odd padding difference), a Conv2D after")


@case
def prep_resizing_channels_first():
    keras.utils.set_random_seed(8)
    x = keras.Input((2, 6, 5), name="image")
    outs = [layers.Resizing(8, 3, data_format="channels_first", name="bilinear_cf")(x),
            layers.Resizing(4, 4, interpolation="bicubic", crop_to_aspect_ratio=True, data_format="channels_first", name="bicubic_crop_cf")(x),
            layers.Resizing(4, 8, interpolation="nearest", pad_to_aspect_ratio=True, fill_value=-2.0, data_format="channels_first", name="nearest_pad_cf")(x)]
    model = keras.Model(x, outs)
    img = np.random.RandomState(3).uniform(0, 255, (2, 2, 6, 5)).astype("float32")
    write_case("prep_resizing_channels_first", model, img, atol=1e-4, rtol=1e-5,
               notes="Resizing of channels_first images (values 0..255): bilinear, bicubic after a crop, nearest after a padding")


@case
def prep_auto_contrast():
    keras.utils.set_random_seed(9)
    x = keras.Input((5, 4, 3), name="image")
    y1 = layers.AutoContrast(name="auto_contrast")(x)
    y2 = layers.AutoContrast(value_range=(0, 1), name="auto_contrast_unit")(layers.Rescaling(1 / 255.0, name="rescale")(x))
    model = keras.Model(x, [y1, y2])
    img = np.random.RandomState(4).uniform(20, 200, (2, 5, 4, 3)).astype("float32")
    img[1, :, :, 1] = 77.0  # a flat channel: Keras keeps the input there (NaN from 0/0)
    write_case("prep_auto_contrast", model, img, atol=1e-4, rtol=1e-5,
               notes="AutoContrast (not random: computed at inference) in [0, 255] and [0, 1], a flat channel kept as it is")


def _augmentation_case(name, augment, notes):
    keras.utils.set_random_seed(6)
    x = keras.Input((8, 10, 3), name="image")
    h = x
    for l in augment:
        h = l(h)
    h = layers.Conv2D(4, 3, name="conv")(h)
    h = layers.GlobalAveragePooling2D(name="gap")(h)
    y = layers.Dense(2, name="dense")(h)
    model = keras.Model(x, y)
    img = np.random.RandomState(1).uniform(0, 255, (2, 8, 10, 3)).astype("float32")
    write_case(name, model, img, atol=1e-4, rtol=1e-4, notes=notes)


@case
def prep_augmentation_identity():
    _augmentation_case("prep_augmentation_identity", [
        layers.RandomFlip(), layers.RandomRotation(0.2), layers.RandomZoom(0.2), layers.RandomTranslation(0.1, 0.1),
        layers.RandomContrast(0.3), layers.RandomGrayscale(), layers.RandomHue(0.2), layers.RandomColorJitter(),
        layers.RandomErasing(), layers.RandomGaussianBlur(), layers.RandomPerspective(), layers.RandomInvert(),
        layers.RandomElasticTransform(), layers.AugMix(), layers.CutMix(), layers.MixUp(), layers.RandAugment(),
        layers.RandomCrop(4, 6)],
        "Keras 3 augmentation layers, identities at inference (transform_images(training=False)); RandomCrop(4, 6) "
        "too: Keras 3.15.1 declares a 4x6 output but returns the 8x10 image unchanged at inference; then Conv2D, "
        "pooling, Dense")


@case
def prep_augmentation_identity_no_h5():
    _augmentation_case("prep_augmentation_identity_no_h5", [
        layers.RandomBrightness(0.2), layers.RandomSaturation(0.3), layers.RandomSharpness(0.2),
        layers.RandomPosterization(4), layers.RandomColorDegeneration(0.4), layers.Solarization()],
        "augmentation layers whose legacy .h5 Keras cannot write (\"cannot pickle 'module' object\"): identities at "
        "inference; RandomShear (no form reloads) and Equalization (cannot be called on a symbolic tensor) are mapped "
        "as identities but have no golden case")


# --- tf.keras TensorFlowOpLayer -----------------------------------------------------------------------------------
# TensorFlow 2.0-2.3 wrapped each raw TensorFlow op called on Keras tensors in a TensorFlowOpLayer; TF 2.21 with
# Keras 3 cannot write one (and tf_keras is not installable here), so the legacy HDF5 file is written by hand in the
# layout tf.keras 2.3 saves ("2.3.0-tf", model_config JSON with node_def as protobuf JSON and constants keyed by input
# position, model_weights/<layer>/<weight_names>), and the expected values come from TensorFlow running the same ops
# (tf.raw_ops with the node's attributes) on the same inputs.

def _attr(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, str):
        return {"type": v}
    if isinstance(v, list):
        return {"list": {"i": [str(i) for i in v]}}
    raise TypeError(v)


def _tf_op_case(name, inputs, ops, outputs, seed, notes, atol=1e-5, rtol=1e-5):
    """inputs: {name: array}; ops: (layer, op, [tensor name | ("const", value)], attrs, raw_kwargs_fn)."""
    import json
    import h5py
    import tensorflow as tf

    rng = np.random.RandomState(seed)
    values = {k: tf.constant(v) for k, v in inputs.items()}
    layers_cfg = [{"class_name": "InputLayer", "config": {"batch_input_shape": [None] + list(v.shape[1:]), "dtype": "float32",
                   "sparse": False, "ragged": False, "name": k}, "name": k, "inbound_nodes": []} for k, v in inputs.items()]
    weights = {}
    order = list(inputs)
    for layer, op, args, attrs, run in ops:
        tensors = [a for a in args if not isinstance(a, tuple)]
        if op == "Dense":
            units = attrs["units"]
            k = rng.uniform(-0.5, 0.5, (values[tensors[0]].shape[-1], units)).astype("float32")
            bias = rng.uniform(-0.5, 0.5, (units,)).astype("float32")
            weights[layer] = [(layer + "/kernel:0", k), (layer + "/bias:0", bias)]
            values[layer] = tf.matmul(values[tensors[0]], k) + bias if len(values[tensors[0]].shape) == 2 else \
                tf.tensordot(values[tensors[0]], k, axes=1) + bias
            layers_cfg.append({"class_name": "Dense", "config": {"name": layer, "trainable": True, "dtype": "float32", "units": units,
                               "activation": "linear", "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                               "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None, "bias_regularizer": None,
                               "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None},
                               "name": layer, "inbound_nodes": [[[tensors[0], 0, 0, {}]]]})
        else:
            node_name = layer[len("tf_op_layer_"):]
            node_inputs, constants, operands = [], {}, []
            for i, a in enumerate(args):
                if isinstance(a, tuple):
                    node_inputs.append("%s/%d" % (node_name, i))
                    constants[str(i)] = a[1]
                    operands.append(tf.constant(np.asarray(a[1], dtype="int32" if isinstance(np.asarray(a[1]).flat[0], (int, np.integer)) and op not in ("AddV2", "Mul", "RealDiv", "Sub", "Pow", "Maximum", "Minimum", "MatMul") else "float32")))
                else:
                    node_inputs.append(a + "/Identity")
                    operands.append(values[a])
            node_def = {"name": node_name, "op": op, "input": node_inputs, "attr": {"T": {"type": "DT_FLOAT"}, **{k: _attr(v) for k, v in attrs.items()}}}
            values[layer] = run(*operands, **attrs)
            layers_cfg.append({"class_name": "TensorFlowOpLayer", "config": {"name": node_name, "trainable": True, "dtype": "float32",
                               "node_def": node_def, "constants": constants}, "name": layer,
                               "inbound_nodes": [[[t, 0, 0, {}] for t in tensors]]})
        order.append(layer)
    config = {"class_name": "Model", "config": {"name": "model", "layers": layers_cfg,
                                                 "input_layers": [[k, 0, 0] for k in inputs], "output_layers": [[o, 0, 0] for o in outputs]}}
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "keras3", name)
    os.makedirs(folder, exist_ok=True)
    strings = h5py.special_dtype(vlen=str)
    with h5py.File(os.path.join(folder, "model.h5"), "w") as f:
        f.attrs["keras_version"] = "2.3.0-tf"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        mw = f.create_group("model_weights")
        mw.attrs["layer_names"] = np.array([n.encode() for n in order])
        mw.attrs["keras_version"] = "2.3.0-tf"
        mw.attrs["backend"] = "tensorflow"
        for n in order:
            g = mw.create_group(n)
            ws = weights.get(n, [])
            g.attrs["weight_names"] = np.array([w.encode() for w, _ in ws]) if ws else np.zeros((0,), "float64")
            for w, a in ws:
                g.create_dataset(w, data=a)
    with h5py.File(os.path.join(folder, "io.h5"), "w") as f:
        f.attrs.create("input_names", list(inputs), dtype=strings)
        f.attrs.create("output_names", outputs, dtype=strings)
        f.attrs["keras_version"] = "2.3.0-tf (hand-written config); values by TensorFlow " + tf.__version__
        f.attrs["backend"] = "tensorflow"
        g = f.create_group("inputs")
        for i, (k, v) in enumerate(inputs.items()):
            g.create_dataset(str(i), data=v).attrs["name"] = k
        g = f.create_group("outputs")
        for i, o in enumerate(outputs):
            g.create_dataset(str(i), data=np.asarray(values[o], dtype="float32")).attrs["name"] = o
        g = f.create_group("activations")
        g.attrs.create("order", [n for n in order if n not in inputs], dtype=strings)
        for n in order:
            if n in inputs:
                continue
            d = g.create_dataset(n, data=np.asarray(values[n], dtype="float32"))
            d.attrs["name"] = n
            d.attrs["class_name"] = "Dense" if n in weights else "TensorFlowOpLayer"
            d.attrs["node_index"] = 0
            d.attrs["output_index"] = 0
    case = {"case": name, "keras_version": "2.3.0-tf", "backend": "tensorflow", "generator": "gen_prep.py (hand-written legacy config)",
            "tensorflow": tf.__version__, "layers_used": sorted({"InputLayer", "TensorFlowOpLayer"} | ({"Dense"} if weights else set())),
            "model_class": "Model", "input_names": list(inputs), "output_names": outputs,
            "input_shapes": [list(v.shape) for v in inputs.values()], "input_dtypes": ["float32"] * len(inputs),
            "output_shapes": [list(np.asarray(values[o]).shape) for o in outputs],
            "tolerance": {"atol": atol, "rtol": rtol, "comment": "float32; |a-e| <= atol + rtol*|e|"}, "forms": ["model.h5"], "notes": notes,
            "files": {f: os.path.getsize(os.path.join(folder, f)) for f in sorted(os.listdir(folder))}}
    with open(os.path.join(folder, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print("%s: forms ['model.h5'] (hand-written tf.keras 2.3 file)" % name)


@case
def tf_op_layer():
    import tensorflow as tf
    raw = tf.raw_ops
    x = np.random.RandomState(10).uniform(-2, 2, (3, 4, 6)).astype("float32")
    w = np.random.RandomState(11).uniform(-1, 1, (24, 3)).astype("float32").tolist()
    ops = [
        ("dense", "Dense", ["x"], {"units": 6}, None),
        ("tf_op_layer_AddV2", "AddV2", ["dense", ("const", 2.0)], {}, lambda a, b: raw.AddV2(x=a, y=b)),
        ("tf_op_layer_Mul", "Mul", ["tf_op_layer_AddV2", "x"], {}, lambda a, b: raw.Mul(x=a, y=b)),
        ("tf_op_layer_Relu6", "Relu6", ["tf_op_layer_Mul"], {}, lambda a: raw.Relu6(features=a)),
        ("tf_op_layer_Sub", "Sub", [("const", 1.5), "tf_op_layer_Relu6"], {}, lambda a, b: raw.Sub(x=a, y=b)),
        ("tf_op_layer_Mean", "Mean", ["tf_op_layer_Mul", ("const", [1])], {"keep_dims": False}, lambda a, ax, keep_dims: raw.Mean(input=a, axis=ax, keep_dims=keep_dims)),
        ("tf_op_layer_Sum", "Sum", ["tf_op_layer_Mul", ("const", 2)], {"keep_dims": True}, lambda a, ax, keep_dims: raw.Sum(input=a, axis=ax, keep_dims=keep_dims)),
        ("tf_op_layer_Max", "Max", ["tf_op_layer_Sub", ("const", -1)], {"keep_dims": False}, lambda a, ax, keep_dims: raw.Max(input=a, axis=ax, keep_dims=keep_dims)),
        ("tf_op_layer_concat", "ConcatV2", ["tf_op_layer_Mean", "tf_op_layer_Max", ("const", -1)], {"N": 2}, lambda a, b, ax, N: raw.ConcatV2(values=[a, b], axis=ax)),
        ("tf_op_layer_ExpandDims", "ExpandDims", ["tf_op_layer_concat", ("const", 1)], {}, lambda a, ax: raw.ExpandDims(input=a, axis=ax)),
        ("tf_op_layer_Squeeze", "Squeeze", ["tf_op_layer_ExpandDims"], {"squeeze_dims": [1]}, lambda a, squeeze_dims: raw.Squeeze(input=a, axis=squeeze_dims)),
        ("tf_op_layer_Softmax", "Softmax", ["tf_op_layer_Squeeze"], {}, lambda a: raw.Softmax(logits=a)),
        ("tf_op_layer_Reshape", "Reshape", ["tf_op_layer_Mul", ("const", [-1, 24])], {}, lambda a, s: raw.Reshape(tensor=a, shape=s)),
        ("tf_op_layer_MatMul", "MatMul", ["tf_op_layer_Reshape", ("const", w)], {"transpose_a": False, "transpose_b": False},
         lambda a, b, transpose_a, transpose_b: raw.MatMul(a=a, b=b, transpose_a=transpose_a, transpose_b=transpose_b)),
        ("tf_op_layer_Tanh", "Tanh", ["tf_op_layer_MatMul"], {}, lambda a: raw.Tanh(x=a)),
        ("tf_op_layer_transpose", "Transpose", ["tf_op_layer_Mul", ("const", [0, 2, 1])], {}, lambda a, p: raw.Transpose(x=a, perm=p)),
        ("tf_op_layer_BatchMatMulV2", "BatchMatMulV2", ["tf_op_layer_Mul", "tf_op_layer_transpose"], {"adj_x": False, "adj_y": False},
         lambda a, b, adj_x, adj_y: raw.BatchMatMulV2(x=a, y=b, adj_x=adj_x, adj_y=adj_y)),
        ("tf_op_layer_Sigmoid", "Sigmoid", ["tf_op_layer_BatchMatMulV2"], {}, lambda a: raw.Sigmoid(x=a)),
    ]
    outs = ["tf_op_layer_Softmax", "tf_op_layer_Tanh", "tf_op_layer_Sigmoid", "tf_op_layer_Sum"]
    _tf_op_case("tf_op_layer", {"x": x}, ops, outs, 12,
                "tf.keras 2.3 TensorFlowOpLayer nodes (hand-written legacy .h5; values by tf.raw_ops): AddV2 and Sub with "
                "constants (either side), Mul of two tensors, Relu6, Mean/Sum/Max with reduction_indices and keep_dims, "
                "ConcatV2, ExpandDims, Squeeze, Softmax, Reshape [-1, 24], MatMul by a constant, Tanh, Transpose, "
                "BatchMatMulV2, Sigmoid", atol=1e-5, rtol=1e-4)


@case
def tf_op_layer_math():
    import tensorflow as tf
    raw = tf.raw_ops
    x = np.random.RandomState(13).uniform(0.1, 3, (3, 5)).astype("float32")
    y = np.random.RandomState(14).uniform(-2, 2, (3, 5)).astype("float32")
    ops = [
        ("tf_op_layer_Sqrt", "Sqrt", ["x"], {}, lambda a: raw.Sqrt(x=a)),
        ("tf_op_layer_Rsqrt", "Rsqrt", ["x"], {}, lambda a: raw.Rsqrt(x=a)),
        ("tf_op_layer_Log", "Log", ["x"], {}, lambda a: raw.Log(x=a)),
        ("tf_op_layer_Exp", "Exp", ["y"], {}, lambda a: raw.Exp(x=a)),
        ("tf_op_layer_Square", "Square", ["y"], {}, lambda a: raw.Square(x=a)),
        ("tf_op_layer_Neg", "Neg", ["y"], {}, lambda a: raw.Neg(x=a)),
        ("tf_op_layer_Abs", "Abs", ["y"], {}, lambda a: raw.Abs(x=a)),
        ("tf_op_layer_Relu", "Relu", ["y"], {}, lambda a: raw.Relu(features=a)),
        ("tf_op_layer_RealDiv", "RealDiv", [("const", 1.0), "x"], {}, lambda a, b: raw.RealDiv(x=a, y=b)),
        ("tf_op_layer_Pow", "Pow", ["x", ("const", 1.5)], {}, lambda a, b: raw.Pow(x=a, y=b)),
        ("tf_op_layer_Maximum", "Maximum", ["y", ("const", [0.0, 0.5, -0.5, 1.0, 0.0])], {}, lambda a, b: raw.Maximum(x=a, y=b)),
        ("tf_op_layer_Minimum", "Minimum", ["x", "y"], {}, lambda a, b: raw.Minimum(x=a, y=b)),
        ("tf_op_layer_Cast", "Cast", ["tf_op_layer_Exp"], {"DstT": "DT_INT32"}, lambda a, DstT: raw.Cast(x=a, DstT=tf.int32)),
        ("tf_op_layer_strided_slice", "StridedSlice", ["y", ("const", [0, 1]), ("const", [0, 5]), ("const", [1, 2])],
         {"begin_mask": 1, "end_mask": 1, "ellipsis_mask": 0, "new_axis_mask": 0, "shrink_axis_mask": 0},
         lambda a, b, e, s, **m: raw.StridedSlice(input=a, begin=b, end=e, strides=s, **m)),
        ("tf_op_layer_strided_slice_1", "StridedSlice", ["y", ("const", [0, -1]), ("const", [0, 0]), ("const", [1, 1])],
         {"begin_mask": 1, "end_mask": 1, "ellipsis_mask": 0, "new_axis_mask": 0, "shrink_axis_mask": 2},
         lambda a, b, e, s, **m: raw.StridedSlice(input=a, begin=b, end=e, strides=s, **m)),
        ("tf_op_layer_strided_slice_2", "StridedSlice", ["y", ("const", [0, 4]), ("const", [0, 0]), ("const", [1, -2])],
         {"begin_mask": 1, "end_mask": 1, "ellipsis_mask": 0, "new_axis_mask": 0, "shrink_axis_mask": 0},
         lambda a, b, e, s, **m: raw.StridedSlice(input=a, begin=b, end=e, strides=s, **m)),
    ]
    outs = [o[0] for o in ops]
    _tf_op_case("tf_op_layer_math", {"x": x, "y": y}, ops, outs, 15,
                "tf.keras 2.3 TensorFlowOpLayer unary and binary math (hand-written legacy .h5; values by tf.raw_ops): Sqrt, "
                "Rsqrt, Log, Exp, Square, Neg, Abs, Relu, RealDiv by a constant numerator, Pow, Maximum with a broadcast "
                "constant, Minimum of two inputs, Cast to int32, StridedSlice (step 2, shrink of index -1, negative step)",
                atol=1e-5, rtol=1e-5)


def write_io_json(name):
    """io.json beside io.h5 (inputs and outputs, flat C order, float32 values printed exactly): the suite reads both."""
    import json
    import h5py
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "keras3", name)
    out = {"note": "data is row-major (C order) flattened; floats are the exact float32 values printed as doubles (repr)"}
    with h5py.File(os.path.join(folder, "io.h5"), "r") as f:
        for group in ("inputs", "outputs"):
            arrays = []
            for i in range(len(f[group])):
                d = f[group][str(i)]
                a = np.asarray(d[()])
                data = [int(v) for v in a.reshape(-1)] if a.dtype.kind in "iub" else [float(v) for v in a.reshape(-1)]
                name = d.attrs["name"]
                arrays.append({"name": name.decode() if isinstance(name, bytes) else str(name), "shape": list(a.shape),
                               "dtype": str(a.dtype), "data": data})
            out[group] = arrays
    with open(os.path.join(folder, "io.json"), "w") as f:
        json.dump(out, f)


def main(names):
    for n in names or CASES:
        CASES[n]()
        write_io_json(n)


if __name__ == "__main__":
    main(sys.argv[1:])
