"""Golden cases for ConvLSTM1D/2D/3D, StackedRNNCells, CuDNNLSTM/CuDNNGRU and LocallyConnected1D/2D.

    KERAS_BACKEND=tensorflow ~/.jkeras-lab/bin/python testmodels/tools/gen_rnn5.py

Three sources, each case's notes saying which:

* Keras 3.15.1 (``write_case``): ConvLSTM1D/2D/3D and ``RNN`` over ``StackedRNNCells``.
* tf.keras 2 files written by ``tensorflow.python.keras``, the tf.keras 2 code TensorFlow 2.21 still ships (model
  ``save`` to HDF5, ``to_json`` + ``save_weights``; predictions by calling the model). That copy lacks
  ``__version__``, which its saving code reads: it is set to "2.6.0", the release that code comes from. Its
  ``model.predict`` fails in TF 2.21, so predictions and layer outputs come from calling the model (inference).
  - StackedRNNCells, in its natural state order. (Keras 2.0–2.3's reverse order cannot be written here: tf.keras'
    ``reverse_state_order`` only relabels the states and mis-assigns them between cells of different sizes.)
  - CuDNNLSTM / CuDNNGRU cannot run without a GPU: the file is written for ``LSTM(recurrent_activation='sigmoid')``
    / ``GRU(reset_after=True, recurrent_activation='sigmoid')``, whose predictions are the golden; then the config's
    class becomes CuDNNLSTM / CuDNNGRU (keys as Keras 2's CuDNN layers write them: no activations, no
    reset_after) and the weights are converted with Keras 2's own ``_convert_rnn_weights`` (LSTM -> CuDNNLSTM,
    GRU -> CuDNNGRU), the inverse of what Keras 2 does when it loads CuDNN weights into LSTM/GRU.
  - LocallyConnected1D/2D are no longer in that copy: the layer below computes Keras 2's formula
    (``K.local_conv`` for implementation 1, the masked dense product ``local_conv_matmul`` for 2, the sparse product
    over ``conv_utils.conv_kernel_idxs`` for 3, then ``K.bias_add``), with weights in each implementation's
    layout. It is a reference written here, not Keras' code: the three implementations, given one set of window
    weights in their three layouts, are checked to agree before the case is written.
"""

import json
import os
import shutil
import sys

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_case import ROOT, write_case  # noqa: E402

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

TOL = dict(atol=1e-4, rtol=1e-4)


def rnd(*shape, scale=1.0, seed=0):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype("float32")


# ---------------------------------------------------------------- Keras 3 ----------------------------------------------

def keras3_cases():
    L = keras.layers

    keras.utils.set_random_seed(51)
    x = keras.Input((4, 5, 6, 2), name="frames")
    y = L.ConvLSTM2D(3, (3, 3), padding="same", return_sequences=True, name="clstm_same")(x)
    y, h, c = L.ConvLSTM2D(2, (2, 2), strides=2, go_backwards=True, return_state=True, recurrent_activation="hard_sigmoid",
                           name="clstm_strided")(y)
    m = keras.Model(x, [y, L.Identity(name="h")(h), L.Identity(name="c")(c)])
    perturb(m)
    write_case("convlstm2d", m, rnd(3, 4, 5, 6, 2, seed=1), notes="ConvLSTM2D: 'same' 3x3 with return_sequences, then strided valid 2x2 with "
               "go_backwards, return_state and hard_sigmoid; biases and kernels random", **TOL)

    keras.utils.set_random_seed(52)
    x = keras.Input((5, 3, 7), name="seq")  # channels first: (steps, channels, length)
    h0 = keras.Input((2, 7), name="h0")
    c0 = keras.Input((2, 7), name="c0")
    y = L.ConvLSTM1D(2, 3, padding="same", dilation_rate=2, data_format="channels_first", return_sequences=True,
                     name="clstm1d")(x, initial_state=[h0, c0])
    z = L.ConvLSTM1D(3, 2, data_format="channels_last", use_bias=False, activation="relu", name="clstm1d_cl")(
        L.Permute((1, 3, 2), name="to_last")(y))
    m = keras.Model([x, h0, c0], [y, z])
    perturb(m)
    write_case("convlstm1d_channels_first", m, [rnd(3, 5, 3, 7, seed=2), rnd(3, 2, 7, scale=0.5, seed=3), rnd(3, 2, 7, scale=0.5, seed=4)],
               notes="ConvLSTM1D channels_first with dilation 2, 'same', initial states; then channels_last, no bias, relu", **TOL)

    keras.utils.set_random_seed(53)
    x = keras.Input((3, 3, 4, 4, 2), name="volumes")
    y = L.ConvLSTM3D(2, 2, padding="same", name="clstm3d")(x)
    m = keras.Model(x, y)
    perturb(m)
    write_case("convlstm3d", m, rnd(2, 3, 3, 4, 4, 2, seed=5), notes="ConvLSTM3D 2x2x2 'same', last output", **TOL)

    keras.utils.set_random_seed(54)
    x = keras.Input((5, 4), name="seq")
    # no Masking here: Keras 3.15.1 saves a Masking mask fed to a layer as NotEqual/Any op nodes (see the tf.keras 2 case)
    cells = [L.LSTMCell(4), L.GRUCell(3), L.SimpleRNNCell(2, activation="relu"), L.LSTMCell(3, name="top"), L.GRUCell(2, reset_after=False)]
    out = L.RNN(cells, return_sequences=True, return_state=True, name="stack")(x)
    seq, states = out[0], out[1:]
    flat = [states[0][0], states[0][1], states[1], states[2], states[3][0], states[3][1], states[4]]
    back = L.RNN([L.GRUCell(3), L.LSTMCell(2)], go_backwards=True, name="stack_back")(x)
    bi = L.Bidirectional(L.RNN([L.SimpleRNNCell(2), L.GRUCell(3)], return_sequences=True), name="bi_stack")(x)
    m = keras.Model(x, [seq] + [L.Identity(name="state_%d" % i)(s) for i, s in enumerate(flat)] + [back, bi])
    perturb(m)
    write_case("stacked_rnn_cells", m, rnd(3, 5, 4, seed=6), notes="RNN over StackedRNNCells (LSTM, GRU reset_after, SimpleRNN relu, LSTM, "
               "GRU reset_before) with return_sequences and return_state (7 states, cell by cell); a go_backwards stack; Bidirectional over a stack", **TOL)


def perturb(model):
    """Random biases (Keras initialises them to zero) so that every weight matters."""
    rng = np.random.default_rng(7)
    for layer in model.layers:
        for w in layer.weights:
            if "bias" in w.path:
                w.assign((rng.standard_normal(w.shape) * 0.3).astype("float32"))


# ---------------------------------------------------------------- tf.keras 2 -------------------------------------------

def tfkeras():
    import tensorflow.python.keras as tk
    tk.__version__ = "2.6.0"  # absent in TF 2.21's copy; its saving code writes it as keras_version
    return tk


def legacy_layer_outputs(model):
    """(key, layer name, class, node, k, tensor) for every non-input layer's first call, as save_golden names them."""
    probes = []
    for layer in model.layers:
        cls = type(layer).__name__
        if cls == "InputLayer":
            continue
        outs = tf.nest.flatten(layer.get_output_at(0))
        for k, t in enumerate(outs):
            probes.append((layer.name if len(outs) == 1 else "%s:0:%d" % (layer.name, k), layer.name, cls, 0, k, t))
    return probes


def write_legacy_case(name, model, x, notes, edit=None, reloadable=True, classes=None, **tol):
    """A case folder in the io.h5 / case.json layout of write_case, for a tensorflow.python.keras model."""
    tk = tfkeras()
    import h5py

    folder = os.path.join(ROOT, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    xs = x if isinstance(x, list) else [x]
    feed = [tf.constant(a) for a in xs]
    expected = [np.asarray(a) for a in tf.nest.flatten(model(feed if len(feed) > 1 else feed[0], training=False))]
    probes = legacy_layer_outputs(model)
    probe = tk.Model(model.inputs, [p[5] for p in probes])
    values = [np.asarray(v) for v in tf.nest.flatten(probe(feed if len(feed) > 1 else feed[0], training=False))]

    model.save(os.path.join(folder, "model.h5"))
    with open(os.path.join(folder, "model.json"), "w") as f:
        f.write(model.to_json())
    model.save_weights(os.path.join(folder, "model.weights.h5"))
    reload_diff = {}
    if reloadable:
        again = tk.models.load_model(os.path.join(folder, "model.h5"), compile=False)
        got = tf.nest.flatten(again(feed if len(feed) > 1 else feed[0], training=False))
        reload_diff["model.h5"] = max(float(np.max(np.abs(np.asarray(g) - e))) for g, e in zip(got, expected))
    if edit:
        edit(folder)

    input_names = list(model.input_names)
    output_names = list(model.output_names)
    strings = h5py.special_dtype(vlen=str)
    with h5py.File(os.path.join(folder, "io.h5"), "w") as f:
        f.attrs.create("input_names", input_names, dtype=strings)
        f.attrs.create("output_names", output_names, dtype=strings)
        f.attrs["keras_version"] = "2.6.0 (tensorflow.python.keras of TensorFlow 2.21)"
        f.attrs["backend"] = "tensorflow"
        g = f.create_group("inputs")
        for i, (n, a) in enumerate(zip(input_names, xs)):
            g.create_dataset(str(i), data=a).attrs["name"] = n
        g = f.create_group("outputs")
        for i, (n, a) in enumerate(zip(output_names, expected)):
            g.create_dataset(str(i), data=a.astype(np.float32)).attrs["name"] = n
        g = f.create_group("activations")
        g.attrs.create("order", [p[0] for p in probes], dtype=strings)
        for (key, lname, cls, node, k, _), v in zip(probes, values):
            d = g.create_dataset(key, data=v)
            d.attrs["name"] = lname
            d.attrs["class_name"] = classes.get(lname, cls) if classes else cls
            d.attrs["node_index"] = node
            d.attrs["output_index"] = k
    used = sorted({(classes or {}).get(l.name, type(l).__name__) for l in model.layers})
    case = {
        "case": name,
        "keras_version": "2.6.0",
        "keras_version_note": "tensorflow.python.keras, the tf.keras 2 code shipped in TensorFlow %s" % tf.__version__,
        "backend": "tensorflow",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "layers_used": used,
        "model_class": type(model).__name__,
        "num_params": int(model.count_params()),
        "input_names": input_names,
        "output_names": output_names,
        "input_shapes": [list(a.shape) for a in xs],
        "input_dtypes": [str(a.dtype) for a in xs],
        "output_shapes": [list(a.shape) for a in expected],
        "tolerance": dict(tol, comment="float32; |a-e| <= atol + rtol*|e|"),
        "forms": ["model.h5", "model.json+model.weights.h5"],
        "reload_max_abs_diff": reload_diff,
        "notes": notes,
    }
    case["files"] = {f: os.path.getsize(os.path.join(folder, f)) for f in sorted(os.listdir(folder))}
    with open(os.path.join(folder, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print("%s: %d bytes" % (name, sum(case["files"].values())))


def edit_h5_config(path, fn):
    """Rewrites the model config JSON of an HDF5 model file (``model_config`` attribute) or of a .json file."""
    import h5py

    if path.endswith(".json"):
        with open(path) as f:
            cfg = json.load(f)
        fn(cfg)
        with open(path, "w") as f:
            json.dump(cfg, f)
        return
    with h5py.File(path, "r+") as f:
        cfg = json.loads(f.attrs["model_config"])
        fn(cfg)
        f.attrs["model_config"] = json.dumps(cfg).encode("utf8")


def tfkeras_cases():
    tk = tfkeras()
    from tensorflow.python.keras import layers as KL
    from tensorflow.python.keras.layers import recurrent as R

    # StackedRNNCells, natural order (tf.keras 2.2.4-tf on)
    tf.random.set_seed(61)
    x = KL.Input((4, 3), name="seq")
    masked = KL.Masking(name="mask")(x)
    out = KL.RNN([R.LSTMCell(3, recurrent_activation="sigmoid"), R.GRUCell(2, reset_after=True), R.SimpleRNNCell(3)],
                 return_sequences=True, return_state=True, name="stack")(masked)
    seq, h1, c1, h2, h3 = tf.nest.flatten(out)
    named = [KL.Activation("linear", name=n)(t) for n, t in zip(["h1", "c1", "h2", "h3"], [h1, c1, h2, h3])]
    m = tk.Model(x, [seq] + named)
    perturb_legacy(m)
    xs = rnd(3, 4, 3, seed=11)
    xs[0, 2:] = 0.0  # masked trailing steps
    xs[1, 1] = 0.0   # a masked step inside
    write_legacy_case("tfkeras2_stacked_rnn_cells", m, xs, notes="tf.keras 2 RNN over StackedRNNCells (LSTM sigmoid, GRU reset_after, "
                      "SimpleRNN) after Masking, return_sequences and return_state: states cell by cell", **TOL)

    # ConvLSTM2D, tf.keras 2
    tf.random.set_seed(63)
    x = KL.Input((3, 4, 5, 2), name="frames")
    y = KL.ConvLSTM2D(2, (3, 3), padding="same", return_sequences=True, name="clstm")(x)
    y = KL.ConvLSTM2D(2, (2, 2), data_format="channels_last", go_backwards=True, name="clstm_back")(y)
    m = tk.Model(x, y)
    perturb_legacy(m)
    write_legacy_case("tfkeras2_convlstm2d", m, rnd(2, 3, 4, 5, 2, seed=13),
                      notes="tf.keras 2 ConvLSTM2D (recurrent hard_sigmoid, its default): 'same' with return_sequences, then valid go_backwards", **TOL)

    cudnn_cases(tk, KL, R)
    locally_connected_cases(tk, KL)


def perturb_legacy(model, scale=0.3):
    rng = np.random.default_rng(8)
    for layer in model.layers:
        for w in layer.weights:
            if "bias" in w.name:
                w.assign((rng.standard_normal(w.shape) * scale).astype("float32"))


def _target(cls):
    """Stand-in for a CuDNN layer: Keras 2's _convert_rnn_weights reads only the class name (and reset_after)."""
    return type(cls, (), {"reset_after": True})()


def cudnn_cases(tk, KL, R):
    from tensorflow.python.keras.saving import hdf5_format

    def to_cudnn(cls, layer_name, drop_keys):
        def edit(folder):
            import h5py

            def cfg_fn(cfg):
                for l in cfg["config"]["layers"]:
                    inner = l["config"].get("layer") if l["class_name"] == "Bidirectional" else None
                    for entry in ([l] if l["config"]["name"] == layer_name else []) + ([inner] if inner and l["config"]["name"] == layer_name else []):
                        if entry["class_name"] in ("LSTM", "GRU"):
                            entry["class_name"] = cls
                            for k in drop_keys:
                                entry["config"].pop(k, None)

            edit_h5_config(os.path.join(folder, "model.h5"), cfg_fn)
            edit_h5_config(os.path.join(folder, "model.json"), cfg_fn)
            for path, root in ((os.path.join(folder, "model.h5"), "model_weights"), (os.path.join(folder, "model.weights.h5"), "")):
                with h5py.File(path, "r+") as f:
                    g = f[root + "/" + layer_name] if root else f[layer_name]
                    names = [n.decode("utf8") if isinstance(n, bytes) else n for n in g.attrs["weight_names"]]
                    for start in range(0, len(names), 3):  # one LSTM/GRU, or a Bidirectional's two
                        part = names[start:start + 3]
                        w = [np.asarray(g[n]) for n in part]
                        converted = hdf5_format._convert_rnn_weights(_target(cls), w)
                        for n, v in zip(part, converted):
                            del g[n]
                            g.create_dataset(n, data=np.asarray(v, dtype=np.float32))
        return edit

    common_drop = ["activation", "recurrent_activation", "use_bias", "dropout", "recurrent_dropout", "implementation", "unroll"]

    tf.random.set_seed(64)
    x = KL.Input((5, 3), name="seq")
    y = R.LSTM(4, recurrent_activation="sigmoid", return_sequences=True, name="cu_dnnlstm")(x)
    y, h, c = R.LSTM(3, recurrent_activation="sigmoid", return_state=True, go_backwards=True, name="cu_dnnlstm_1")(y)
    m = tk.Model(x, [y, KL.Activation("linear", name="h")(h), KL.Activation("linear", name="c")(c)])
    perturb_legacy(m)
    edits = [to_cudnn("CuDNNLSTM", n, common_drop) for n in ("cu_dnnlstm", "cu_dnnlstm_1")]
    write_legacy_case("keras2_cudnn_lstm", m, rnd(3, 5, 3, seed=14), edit=lambda d: [e(d) for e in edits], reloadable=True,
                      classes={"cu_dnnlstm": "CuDNNLSTM", "cu_dnnlstm_1": "CuDNNLSTM"},
                      notes="CuDNNLSTM (return_sequences; go_backwards + return_state): written as LSTM(recurrent sigmoid) by tf.keras 2, whose "
                            "predictions are the golden, then turned into CuDNNLSTM (class, config keys, weights by Keras 2's "
                            "_convert_rnn_weights: cuDNN kernel layout, bias 8u as two halves)", **TOL)

    tf.random.set_seed(65)
    x = KL.Input((4, 3), name="seq")
    y = R.GRU(4, recurrent_activation="sigmoid", reset_after=True, return_sequences=True, name="cu_dnngru")(x)
    y, h = R.GRU(2, recurrent_activation="sigmoid", reset_after=True, go_backwards=True, return_state=True, name="cu_dnngru_1")(y)
    m = tk.Model(x, [y, KL.Activation("linear", name="h")(h)])
    perturb_legacy(m)
    edits = [to_cudnn("CuDNNGRU", n, common_drop + ["reset_after"]) for n in ("cu_dnngru", "cu_dnngru_1")]
    write_legacy_case("keras2_cudnn_gru", m, rnd(3, 4, 3, seed=15), edit=lambda d: [e(d) for e in edits],
                      classes={"cu_dnngru": "CuDNNGRU", "cu_dnngru_1": "CuDNNGRU"},
                      notes="CuDNNGRU (return_sequences; go_backwards + return_state): written as GRU(reset_after=True, recurrent sigmoid) by tf.keras "
                            "2, whose predictions are the golden, then turned into CuDNNGRU (class, config keys, weights by Keras 2's "
                            "_convert_rnn_weights: cuDNN kernel layout, bias 6u)", **TOL)


# ---------------------------------------------------------------- LocallyConnected --------------------------------------

def locally_connected_cases(tk, KL):
    from tensorflow.python.keras.utils import conv_utils

    class LocallyConnectedRef(tk.layers.Layer):
        """Keras 2's LocallyConnected1D/2D forward pass, weights in the layout of ``implementation``."""

        rank = None

        def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format="channels_last", activation=None,
                     use_bias=True, implementation=1, **kwargs):
            super().__init__(**kwargs)
            r = self.rank
            self.filters = filters
            self.kernel_size = conv_utils.normalize_tuple(kernel_size, r, "kernel_size")
            self.strides = conv_utils.normalize_tuple(strides, r, "strides")
            self.padding = padding
            self.data_format = data_format
            self.activation = tk.activations.get(activation)
            self.use_bias = use_bias
            self.implementation = implementation

        def build(self, input_shape):
            cf = self.data_format == "channels_first"
            self.in_dims = tuple(input_shape[2:]) if cf else tuple(input_shape[1:-1])
            self.cin = input_shape[1] if cf else input_shape[-1]
            self.out_dims = tuple(conv_utils.conv_output_length(n, k, self.padding, s)
                                  for n, k, s in zip(self.in_dims, self.kernel_size, self.strides))
            P, T, F = int(np.prod(self.out_dims)), int(np.prod(self.kernel_size)), self.filters
            if self.implementation == 1:
                shape = (P, T * self.cin, F)
            elif self.implementation == 2:
                shape = ((self.cin,) + self.in_dims + (F,) + self.out_dims) if cf else (self.in_dims + (self.cin,) + self.out_dims + (F,))
            else:
                self.kernel_idxs = sorted(conv_utils.conv_kernel_idxs(self.in_dims, self.kernel_size, self.strides, self.padding,
                                                                      self.cin, F, self.data_format))
                shape = (len(self.kernel_idxs),)
            self.kernel = self.add_weight(name="kernel", shape=shape, initializer="glorot_uniform")
            self.bias = self.add_weight(name="bias", shape=self.out_dims + (F,), initializer="zeros") if self.use_bias else None
            self.built = True

        def call(self, x):
            cf = self.data_format == "channels_first"
            F = self.filters
            if self.implementation == 1:  # K.local_conv
                xs = []
                for pos in np.ndindex(*self.out_dims):
                    sl = [slice(None)] + ([slice(None)] if cf else [])
                    sl += [slice(p * s, p * s + k) for p, s, k in zip(pos, self.strides, self.kernel_size)]
                    sl += [] if cf else [slice(None)]
                    xs.append(tf.reshape(x[tuple(sl)], (1, -1, self.kernel.shape[1])))
                out = tf.matmul(tf.concat(xs, 0), self.kernel)  # batch_dot: (P, batch, F)
                out = tf.reshape(out, self.out_dims + (-1, F))
                r = len(self.out_dims)
                out = tf.transpose(out, [r, r + 1] + list(range(r)) if cf else [r] + list(range(r)) + [r + 1])
            elif self.implementation == 2:  # local_conv_matmul
                mask = conv_utils.conv_kernel_mask(self.in_dims, self.kernel_size, self.strides, self.padding).astype("float32")
                nd = mask.ndim // 2
                mask = np.expand_dims(np.expand_dims(mask, 0), -nd - 1) if cf else np.expand_dims(np.expand_dims(mask, nd), -1)
                k = self.kernel * mask
                k2 = tf.reshape(k, (int(np.prod(k.shape[:k.shape.rank // 2])), -1))
                out = tf.matmul(tf.reshape(x, (tf.shape(x)[0], -1)), k2)
                out = tf.reshape(out, (-1,) + self.compute_out_shape())
            else:  # local_conv_sparse_matmul
                size = (int(np.prod(self.out_dims)) * F, int(np.prod(self.in_dims)) * self.cin)
                sp = tf.SparseTensor(self.kernel_idxs, self.kernel, size)
                out = tf.transpose(tf.sparse.sparse_dense_matmul(sp, tf.reshape(x, (tf.shape(x)[0], -1)), adjoint_b=True))
                out = tf.reshape(out, (-1,) + self.compute_out_shape())
            if self.use_bias:  # K.bias_add with a (out..., F) bias: reshaped, not transposed, for channels_first
                bshape = tuple(self.bias.shape)
                out = out + tf.reshape(self.bias, (1, bshape[-1]) + bshape[:-1] if cf else (1,) + bshape)
            return self.activation(out)

        def compute_out_shape(self):
            return ((self.filters,) + self.out_dims) if self.data_format == "channels_first" else (self.out_dims + (self.filters,))

        def get_config(self):
            cfg = super().get_config()
            cfg.update(filters=self.filters, kernel_size=self.kernel_size, strides=self.strides, padding=self.padding,
                       data_format=self.data_format, activation=tk.activations.serialize(self.activation), use_bias=self.use_bias,
                       kernel_initializer={"class_name": "GlorotUniform", "config": {"seed": None}},
                       bias_initializer={"class_name": "Zeros", "config": {}}, kernel_regularizer=None, bias_regularizer=None,
                       activity_regularizer=None, kernel_constraint=None, bias_constraint=None, implementation=self.implementation)
            return cfg

    class LocallyConnected1D(LocallyConnectedRef):
        rank = 1

    class LocallyConnected2D(LocallyConnectedRef):
        rank = 2

    def canonical_to(layer, w):
        """Window weights w[p][t][ci][f] (t over the kernel window, C order) in the layout of layer.implementation."""
        cf = layer.data_format == "channels_first"
        T, F, cin = int(np.prod(layer.kernel_size)), layer.filters, layer.cin
        if layer.implementation == 1:
            feat = np.transpose(w, (0, 2, 1, 3)) if cf else w  # (P, cin, T, F) for channels first
            return feat.reshape(len(w), T * cin, F)
        pairs = {}
        for p, opos in enumerate(np.ndindex(*layer.out_dims)):
            ranges = conv_utils.conv_connected_inputs(layer.in_dims, layer.kernel_size, opos, layer.strides, layer.padding)
            for ipos in np.ndindex(*[len(r) for r in ranges]):
                q = tuple(r[i] for r, i in zip(ranges, ipos))
                start = [o * s - (k // 2 if layer.padding == "same" else 0) for o, s, k in zip(opos, layer.strides, layer.kernel_size)]
                t = np.ravel_multi_index(tuple(a - b for a, b in zip(q, start)), layer.kernel_size)
                pairs[(p, q)] = t
        if layer.implementation == 2:
            k = np.zeros(layer.kernel.shape, "float32")
            for (p, q), t in pairs.items():
                o = np.unravel_index(p, layer.out_dims)
                for ci in range(cin):
                    if cf:
                        k[(ci,) + q + (slice(None),) + tuple(o)] = w[p, t, ci]
                    else:
                        k[q + (ci,) + tuple(o) + (slice(None),)] = w[p, t, ci]
            return k
        out_shape, in_shape = layer.compute_out_shape(), ((cin,) + layer.in_dims if cf else layer.in_dims + (cin,))
        vals = []
        for oi, ii in layer.kernel_idxs:
            o = np.unravel_index(oi, out_shape)
            i = np.unravel_index(ii, in_shape)
            f, opos = (o[0], o[1:]) if cf else (o[-1], o[:-1])
            ci, q = (i[0], tuple(i[1:])) if cf else (i[-1], tuple(i[:-1]))
            vals.append(w[np.ravel_multi_index(opos, layer.out_dims), pairs[(np.ravel_multi_index(opos, layer.out_dims), q)], ci, f])
        return np.asarray(vals, "float32")

    specs = [  # (case, class, input shape, [layer kwargs...])
        ("keras2_locally_connected1d", LocallyConnected1D, (9, 3), [
            dict(filters=4, kernel_size=3, strides=2, implementation=1, activation="tanh"),
            dict(filters=3, kernel_size=2, padding="same", data_format="channels_first", implementation=2),
            dict(filters=2, kernel_size=4, strides=3, padding="same", implementation=3, activation="relu"),
            dict(filters=3, kernel_size=3, data_format="channels_first", implementation=3, use_bias=False),
            dict(filters=2, kernel_size=2, data_format="channels_first", implementation=1)]),
        ("keras2_locally_connected2d", LocallyConnected2D, (3, 5, 6), [
            dict(filters=3, kernel_size=(2, 3), strides=(1, 2), implementation=1),
            dict(filters=2, kernel_size=3, data_format="channels_first", implementation=1, activation="sigmoid"),
            dict(filters=3, kernel_size=(3, 2), strides=2, padding="same", implementation=2, activation="softmax"),
            dict(filters=2, kernel_size=2, padding="same", data_format="channels_first", implementation=2),
            dict(filters=2, kernel_size=3, strides=(2, 1), padding="same", implementation=3),
            dict(filters=3, kernel_size=(2, 2), data_format="channels_first", implementation=3, use_bias=False)]),
    ]
    for case, cls, shape, kwargs in specs:
        rng = np.random.default_rng(len(case))
        x = tk.layers.Input(shape, name="image" if cls.rank == 2 else "seq")
        outs = []
        for i, kw in enumerate(kwargs):
            layer = cls(name="lc_%d" % i, **kw)
            y = layer(x)
            # one set of window weights, given to implementations 1, 2 and 3 in turn: the three must agree
            P, T = int(np.prod(layer.out_dims)), int(np.prod(layer.kernel_size))
            w = (rng.standard_normal((P, T, layer.cin, layer.filters)) * 0.5).astype("float32")
            b = (rng.standard_normal(layer.bias.shape) * 0.3).astype("float32") if layer.use_bias else None
            xs = rnd(2, *shape, seed=i)
            results = []
            for impl in (1, 2, 3):
                if impl == 1 and layer.padding == "same":
                    continue
                probe = cls(**dict(kw, implementation=impl))
                probe.build((None,) + shape)
                probe.kernel.assign(canonical_to(probe, w))
                if b is not None:
                    probe.bias.assign(b)
                results.append(np.asarray(probe(tf.constant(xs))))
            for r in results[1:]:
                assert np.allclose(r, results[0], atol=1e-5), "implementations disagree: %s" % kw
            layer.kernel.assign(canonical_to(layer, w))
            if b is not None:
                layer.bias.assign(b)
            outs.append(y)
        m = tk.Model(x, outs)
        write_legacy_case(case, m, rnd(3, *shape, seed=21), reloadable=False,
                          notes="Keras 2 %s in implementations 1, 2, 3 (valid and same padding, strides, both data formats): file "
                                "written by tf.keras 2 with a reference layer of Keras 2's formula (K.local_conv, local_conv_matmul, "
                                "sparse matmul over conv_kernel_idxs; K.bias_add), not Keras' own class, which TF 2.21 no longer "
                                "ships; the three implementations were checked to agree" % cls.__name__, **TOL)


CASES = ["convlstm2d", "convlstm1d_channels_first", "convlstm3d", "stacked_rnn_cells", "tfkeras2_stacked_rnn_cells", "tfkeras2_convlstm2d",
         "keras2_cudnn_lstm", "keras2_cudnn_gru", "keras2_locally_connected1d", "keras2_locally_connected2d"]


def write_io_json(name):
    """io.json beside io.h5 (the same inputs and outputs), as the older cases have it."""
    import h5py

    folder = os.path.join(ROOT, name)
    out = {"note": "data is row-major (C order) flattened; floats are the exact float32 values printed as doubles (repr)"}
    with h5py.File(os.path.join(folder, "io.h5"), "r") as f:
        for group in ("inputs", "outputs"):
            out[group] = []
            for i in range(len(f[group])):
                d = f[group][str(i)]
                a = np.asarray(d)
                out[group].append({"name": d.attrs["name"], "shape": list(a.shape), "dtype": str(a.dtype),
                                   "data": [float(v) for v in a.astype(np.float32).ravel()]})
    with open(os.path.join(folder, "io.json"), "w") as f:
        json.dump({"inputs": out["inputs"], "outputs": out["outputs"], "note": out["note"]}, f)
    with open(os.path.join(folder, "case.json")) as f:
        case = json.load(f)
    case["files"] = {n: os.path.getsize(os.path.join(folder, n)) for n in sorted(os.listdir(folder))}
    with open(os.path.join(folder, "case.json"), "w") as f:
        json.dump(case, f, indent=1)


if __name__ == "__main__":
    which = sys.argv[1:] or ["keras3", "tfkeras"]
    if "keras3" in which:
        keras3_cases()
    if "tfkeras" in which:
        tfkeras_cases()
    for case in CASES:
        if os.path.exists(os.path.join(ROOT, case, "io.h5")):
            write_io_json(case)
