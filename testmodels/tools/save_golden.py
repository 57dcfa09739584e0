"""Save a Keras model's inputs, predictions and every layer's output for ``jkeras verify``.

Run it beside your training code, with the model you save for jkeras::

    from save_golden import save_golden
    model.save("model.keras")                 # or model.save("model.h5"), or to_json() + save_weights()
    save_golden(model, x_sample, "golden.h5")  # a few rows are enough

then check jkeras against it::

    jkeras verify model.keras golden.h5

or in a JUnit 5 test with jkeras-junit (``KerasAssertions.assertMatchesGolden``, ``GoldenCases.scan``).

Works with Keras 3 (any backend) and with tf.keras / Keras 2; needs numpy, and h5py for ``.h5`` output
(``.npz`` output needs numpy only).

Layout of ``golden.h5`` (the ``io.h5`` layout of jkeras' own golden cases):

* root attributes ``input_names``, ``output_names`` (string arrays), ``keras_version``, ``backend``;
* ``inputs/0``, ``inputs/1``, ...: the inputs in model input order, each with attribute ``name`` (the input's
  Keras name); a string input (a text model's) as variable-length UTF-8 strings, as are string outputs and layer
  outputs (StringLookup with ``invert``);
* ``outputs/0``, ...: ``model.predict`` of those inputs, in model output order, each with attribute ``name`` (a model
  built with a dict of outputs: its keys, in sorted order, as Keras flattens the dict)
  (Keras 3 names each output by its layer, so names repeat where outputs come from one layer: an LSTM's states, a
  shared layer's calls, a tensor listed twice; the position tells them apart);
* ``activations/<layer>``: the output of every layer of the model for those inputs. A layer called more than once
  in the model (a shared layer), or with several outputs, gets one dataset per output: ``<layer>:<node>:<k>``
  (``node``: the call, counted among the layer's calls in this model; ``k``: the output of that call). A nested
  model is one layer (its output). Dataset attributes ``name``, ``class_name``, ``node_index``, ``output_index``;
  group attribute ``order`` (the datasets in ``model.layers`` order).

With a path ending in ``.npz`` the same arrays go to a NumPy archive, keyed ``input:<name>``, ``output:<key>`` and
``activation:<layer>`` (or ``activation:<layer>:<node>:<k>``). An output's key is its name, or ``<name>:<position>``
(0-based among the outputs) where several outputs share the name: the keys ``jkeras predict`` writes.
"""

import json

import numpy as np

__all__ = ["save_golden", "output_keys"]

NAMING = (
    "One dataset per non-InputLayer layer of the model, in model.layers order (attribute 'order'). A layer called "
    "once in this model with one output tensor is stored as '<layer>'; a layer with several calls in this model "
    "(a shared layer) or several output tensors stores one dataset per output as '<layer>:<node>:<k>', <node> the "
    "0-based call among the layer's calls that belong to this model, <k> the 0-based output of that call. Nested "
    "models are one layer (their output). Dataset attributes: name, class_name, node_index, output_index. Values: "
    "predict() on inputs/*."
)


def save_golden(model, x, path, batch_size=None, activations=True):
    """Write ``x``, ``model.predict(x)`` and every layer's output for ``x`` to ``path`` (``.h5`` or ``.npz``).

    ``x``: one array (a model with one input), a list of arrays in model input order, or a dict by input name.
    ``activations=False`` leaves out the layer outputs (``jkeras verify`` then compares the outputs only).
    Returns the path.
    """
    keras = _keras_of(model)
    input_names = _input_names(model)
    inputs = _inputs_in_order(x, input_names, model)
    fed = [_feedable(a) for a in inputs]
    feed = fed[0] if len(fed) == 1 else fed
    model_feed = feed
    struct = _struct(model, "inputs")
    if struct is not None:  # a model built with a dict of inputs takes a dict (keyed as it was built)
        by_name = dict(zip(input_names, fed))
        model_feed = {k: by_name[_layer_of(t).name] for k, t in struct.items()}
    predictions = _as_list(model.predict(model_feed, batch_size=batch_size, verbose=0))
    output_names = _output_names(model, len(predictions))

    layers = []  # (key, layer name, class name, node index, output index, array)
    if activations:
        probes = _layer_outputs(model)
        if probes:
            probe = keras.Model(inputs=model.inputs, outputs=[t for (_, _, _, _, _, t) in probes])
            values = _as_list(probe.predict(feed, batch_size=batch_size, verbose=0))
            for (key, name, cls, node, k, _), v in zip(probes, values):
                layers.append((key, name, cls, node, k, np.asarray(v)))

    version = getattr(keras, "__version__", "unknown")
    backend = _backend(keras)
    if str(path).endswith(".npz"):
        arrays = {}
        for n, a in zip(input_names, inputs):
            arrays["input:" + n] = _npz_array(a)
        for n, a in zip(output_keys(output_names), predictions):
            arrays["output:" + n] = _npz_array(a)
        for key, _, _, _, _, a in layers:
            arrays["activation:" + key] = _npz_array(a)
        np.savez(path, **arrays)
        return path

    import h5py

    strings = h5py.special_dtype(vlen=str)
    with h5py.File(path, "w") as f:
        f.attrs.create("input_names", input_names, dtype=strings)
        f.attrs.create("output_names", output_names, dtype=strings)
        f.attrs["keras_version"] = version
        f.attrs["backend"] = backend
        g = f.create_group("inputs")
        for i, (n, a) in enumerate(zip(input_names, inputs)):
            _dataset(g, str(i), a).attrs["name"] = n
        g = f.create_group("outputs")
        for i, (n, a) in enumerate(zip(output_names, predictions)):
            _dataset(g, str(i), a, np.float32).attrs["name"] = n
        g = f.create_group("activations")
        g.attrs["naming"] = NAMING
        g.attrs["keras_version"] = version
        g.attrs["backend"] = backend
        g.attrs.create("order", [key for (key, *_rest) in layers], dtype=strings)
        for key, name, cls, node, k, a in layers:
            d = _dataset(g, key, a)
            d.attrs["name"] = name
            d.attrs["class_name"] = cls
            d.attrs["node_index"] = node
            d.attrs["output_index"] = k
    return path


def is_text(a):
    """Whether ``a`` holds strings: NumPy unicode or bytes, or objects (what TensorFlow's string tensors become)."""
    return np.asarray(a).dtype.kind in "USO"


def as_text(a):
    """A string array as Python ``str`` objects (bytes decoded from UTF-8), in its shape."""
    a = np.asarray(a)
    flat = [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in a.reshape(-1)]
    out = np.empty(len(flat), dtype=object)
    out[:] = flat
    return out.reshape(a.shape)


def _feedable(a):
    """What ``model.predict`` takes: Keras refuses NumPy string arrays, so strings go in as a TensorFlow tensor."""
    if not is_text(a):
        return a
    import tensorflow as tf

    return tf.constant(as_text(a).tolist(), dtype=tf.string)


def _dataset(group, key, a, numeric=None):
    """An array as an HDF5 dataset: strings as variable-length UTF-8, numbers as they are (or as ``numeric``)."""
    import h5py

    a = np.asarray(a)
    if is_text(a):
        return group.create_dataset(key, data=as_text(a), dtype=h5py.string_dtype("utf-8"))
    return group.create_dataset(key, data=a if numeric is None else a.astype(numeric))


def _npz_array(a):
    a = np.asarray(a)
    return as_text(a).astype(str) if is_text(a) else a


def output_keys(names):
    """One distinct key per output: its name, or ``name:<position>`` where several outputs share the name."""
    return [n if names.count(n) == 1 else "%s:%d" % (n, i) for i, n in enumerate(names)]


def _keras_of(model):
    """The keras module the model belongs to: tf.keras for a tf.keras model, keras otherwise."""
    module = type(model).__module__
    if module.startswith("tensorflow") or module.startswith("tf_keras"):
        import tensorflow as tf

        return tf.keras
    import keras

    return keras


def _backend(keras):
    try:
        return keras.backend.backend()
    except Exception:  # very old Keras
        return "unknown"


def _as_list(v):
    if isinstance(v, dict):  # in the model's output order: keys sorted, as Keras flattens a dict (tree.flatten)
        return [v[k] for k in sorted(v)]
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def _layer_of(tensor):
    history = getattr(tensor, "_keras_history", None)
    if history is None:
        return None
    layer = getattr(history, "operation", None) or getattr(history, "layer", None)
    if layer is None and isinstance(history, tuple):
        layer = history[0]
    return layer


def _input_names(model):
    names = getattr(model, "input_names", None)
    if names:
        return list(names)
    out = []
    for t in model.inputs:
        layer = _layer_of(t)
        out.append(layer.name if layer is not None else t.name.split(":")[0])
    return out


def _struct(model, which):
    """The dict a model was built with as its inputs or outputs (Keras 3 or tf.keras), or None."""
    for attr in ("_%s_struct" % which, "_nested_%s" % which):
        v = getattr(model, attr, None)
        if isinstance(v, dict):
            return v
    return None


def _output_names(model, count):
    struct = _struct(model, "outputs")
    if struct is not None and len(struct) == count:
        return sorted(struct)  # outputs given as a dict: named by their keys, as model.predict returns them
    names = getattr(model, "output_names", None)
    if names and len(names) == count:
        return list(names)
    if type(model).__name__ == "Sequential" and not hasattr(model, "output_names"):
        return ["output_%d" % i for i in range(count)]  # Keras 3 names a Sequential's outputs so
    out = []
    for t in model.outputs:
        layer = _layer_of(t)
        out.append(layer.name if layer is not None else t.name.split(":")[0])
    return out


def _inputs_in_order(x, names, model=None):
    if isinstance(x, dict):
        struct = _struct(model, "inputs") if model is not None else None
        if struct is not None and any(n not in x for n in names):  # keyed as the model's input dict, not by input name
            x = {_layer_of(t).name if _layer_of(t) is not None else k: x[k] for k, t in struct.items() if k in x}
        missing = [n for n in names if n not in x]
        if missing:
            raise ValueError("no array for input(s) %s; the model's inputs are %s" % (missing, names))
        return [np.asarray(x[n]) for n in names]
    arrays = [np.asarray(a) for a in x] if isinstance(x, (list, tuple)) else [np.asarray(x)]
    if len(arrays) != len(names):
        raise ValueError("%d input array(s) for a model with inputs %s" % (len(arrays), names))
    return arrays


def _model_nodes(model):
    """Ids of the nodes (layer calls) that belong to the model, or None when it does not say."""
    fn = getattr(model, "_functional", None) or model  # a Keras 3 Sequential wraps a Functional
    by_depth = getattr(fn, "_nodes_by_depth", None)
    if by_depth:
        return {id(n) for nodes in by_depth.values() for n in nodes}
    return None


def _node_outputs(node):
    out = getattr(node, "output_tensors", None)
    if out is None:
        out = getattr(node, "outputs", None)
    if isinstance(out, dict):
        return list(out.values())
    return list(out) if isinstance(out, (list, tuple)) else [out]


def _layer_outputs(model):
    """(key, layer name, class name, node index, output index, tensor) for every output of every layer call."""
    member = _model_nodes(model)
    probes = []
    for layer in model.layers:
        cls = type(layer).__name__
        if cls == "InputLayer":
            continue
        nodes = getattr(layer, "_inbound_nodes", None) or getattr(layer, "inbound_nodes", None) or []
        calls = [n for n in nodes if member is None or id(n) in member]
        if member is None:
            calls = calls[:1]
        per_call = [_node_outputs(n) for n in calls]
        single = len(per_call) == 1 and len(per_call[0]) == 1
        for node_index, outputs in enumerate(per_call):
            for k, t in enumerate(outputs):
                key = layer.name if single else "%s:%d:%d" % (layer.name, node_index, k)
                probes.append((key, layer.name, cls, node_index, k, t))
    return probes


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 4:
        sys.exit("usage: python save_golden.py MODEL INPUT.npy|INPUT.npz GOLDEN.h5|GOLDEN.npz\n"
                 "  (an .npz input holds one array per model input, by input name)")
    import keras as _k

    m = _k.models.load_model(sys.argv[1], compile=False)
    src = np.load(sys.argv[2])
    x_in = {k: src[k] for k in src.files} if hasattr(src, "files") else src
    print(save_golden(m, x_in, sys.argv[3]))
    print(json.dumps({"inputs": _input_names(m), "outputs": _output_names(m, len(m.outputs))}))
