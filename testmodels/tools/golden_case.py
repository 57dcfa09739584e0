"""Writes one golden case folder of ``testmodels/keras3/`` from a Keras 3 model and sample inputs.

    from golden_case import write_case
    write_case("masked_transformer", model, x, atol=1e-4, rtol=1e-4, notes="...")

The folder gets every file form that Keras itself can reload (``model.keras``, ``model.h5``,
``model.json`` + ``model.weights.h5``), ``io.h5`` (inputs, predictions and every layer's output, written by
``save_golden``) and ``case.json``: Keras version, backend, layers used, names and shapes, the tolerance (the
contract jkeras is held to), how each form reloaded in Keras, and ``forms``: the forms the Java suite loads.
A form Keras cannot reload, or reloads with other numbers, is left out of ``forms`` and said so in
``reload_errors``; one that Keras writes but cannot read back (Keras 3.15.1 writes op nodes to ``model.h5`` but
does not read them) is kept and listed in ``extra_forms``: jkeras is tested on it too, its expected values being
the original model's. ``expect_unsupported`` lists the layer classes jkeras is expected to refuse, when any.

Run generators on the TensorFlow backend (``KERAS_BACKEND=tensorflow``), the one most models are trained on.
"""

import json
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from save_golden import save_golden, _input_names, _output_names, _as_list, _feedable, is_text, as_text  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "keras3")


def _layers_used(model, into):
    for layer in model.layers:
        into.add(type(layer).__name__)
        if hasattr(layer, "layers") and type(layer).__name__ in ("Functional", "Sequential", "Model"):
            _layers_used(layer, into)
    return into


def _feed(x):
    """``x`` as ``model.predict`` takes it: string arrays (text inputs) become TensorFlow string tensors."""
    if isinstance(x, dict):
        return {k: _feedable(v) for k, v in x.items()}
    return [_feedable(a) for a in x] if isinstance(x, (list, tuple)) else _feedable(x)


def _max_diff(got, expected):
    """Largest absolute difference of two outputs; strings count 0 where all are equal, inf otherwise."""
    if is_text(expected):
        return 0.0 if np.array_equal(as_text(got), as_text(expected)) else float("inf")
    if not expected.size:
        return 0.0
    return float(np.nanmax(np.abs(got.astype(np.float64) - expected.astype(np.float64))))


def _write_io_json(path, model, x, expected):
    """io.json: the same inputs and predictions as io.h5, flattened in C order, exact float32 values."""
    names = _input_names(model)
    arrays = [np.asarray(x[n]) for n in names] if isinstance(x, dict) else [np.asarray(a) for a in _as_list(x)]

    def entry(name, a, dtype=None):
        if is_text(a):
            return {"name": name, "shape": list(a.shape), "dtype": "string", "data": list(as_text(a).reshape(-1))}
        return {"name": name, "shape": list(a.shape), "dtype": str(dtype or a.dtype),
                "data": [float(v) if a.dtype.kind == "f" else int(v) for v in a.reshape(-1)]}

    doc = {"inputs": [entry(n, a) for n, a in zip(names, arrays)],
           "outputs": [entry(n, a) if is_text(a) else entry(n, np.asarray(a, dtype=np.float32), "float32")
                       for n, a in zip(_output_names(model, len(expected)), expected)]}
    with open(path, "w") as f:
        json.dump(doc, f)


def write_case(name, model, x, atol=1e-5, rtol=1e-5, notes="", expect_unsupported=None, root=ROOT, forms=None,
               tolerance_comment="float32; |a-e| <= atol + rtol*|e|"):
    """Saves ``model`` in every form under ``root/name`` with its golden data; returns the folder."""
    import keras

    folder = os.path.join(root, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    feed = _feed(x)
    expected = [np.asarray(a) for a in _as_list(model.predict(feed, verbose=0))]

    wanted = forms or ["model.keras", "model.h5", "model.json+model.weights.h5"]
    reload_diff, reload_errors, ok, extra = {}, {}, [], []
    for form in wanted:
        try:
            if form == "model.keras":
                model.save(os.path.join(folder, "model.keras"))
                again = keras.models.load_model(os.path.join(folder, "model.keras"), compile=False)
            elif form == "model.h5":
                model.save(os.path.join(folder, "model.h5"))
                again = keras.models.load_model(os.path.join(folder, "model.h5"), compile=False)
            else:
                with open(os.path.join(folder, "model.json"), "w") as f:
                    f.write(model.to_json())
                model.save_weights(os.path.join(folder, "model.weights.h5"))
                again = keras.models.model_from_json(open(os.path.join(folder, "model.json")).read())
                again.load_weights(os.path.join(folder, "model.weights.h5"))
            got = [np.asarray(a) for a in _as_list(again.predict(feed, verbose=0))]
            diff = max(_max_diff(g, e) for g, e in zip(got, expected))
            reload_diff[form] = diff
            if diff <= atol:
                ok.append(form)
            else:
                reload_errors[form] = "Keras reloads it with other numbers (max abs diff %g)" % diff
        except Exception as e:  # a form Keras cannot write is dropped; one it writes but cannot read is kept
            reload_errors[form] = "%s: %s" % (type(e).__name__, str(e).splitlines()[0][:300])
            files = ["model.json", "model.weights.h5"] if form.startswith("model.json") else [form]
            if all(os.path.exists(os.path.join(folder, f)) for f in files):
                extra.append(form)
            else:
                for f in files:
                    if os.path.exists(os.path.join(folder, f)):
                        os.remove(os.path.join(folder, f))

    save_golden(model, x, os.path.join(folder, "io.h5"))
    _write_io_json(os.path.join(folder, "io.json"), model, x, expected)
    inputs = [np.asarray(a) for a in (list(x.values()) if isinstance(x, dict) else _as_list(x))]
    if isinstance(x, dict):
        inputs = [np.asarray(x[n]) for n in _input_names(model)]
    case = {
        "case": name,
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "layers_used": sorted(_layers_used(model, set())),
        "model_class": type(model).__name__,
        "num_params": int(model.count_params()),
        "input_names": _input_names(model),
        "output_names": _output_names(model, len(expected)),
        "input_shapes": [list(a.shape) for a in inputs],
        "input_dtypes": ["string" if is_text(a) else str(a.dtype) for a in inputs],
        "output_shapes": [list(a.shape) for a in expected],
        "tolerance": {"atol": atol, "rtol": rtol, "comment": tolerance_comment},
        "forms": ok,
        "extra_forms": extra,
        "reload_max_abs_diff": reload_diff,
        "notes": notes,
    }
    if reload_errors:
        case["reload_errors"] = reload_errors
    if expect_unsupported:
        case["expect_unsupported"] = sorted(expect_unsupported)
    case["files"] = {f: os.path.getsize(os.path.join(folder, f)) for f in sorted(os.listdir(folder))}
    with open(os.path.join(folder, "case.json"), "w") as f:
        json.dump(case, f, indent=1)
    print("%s: forms %s, %d bytes%s" % (name, ok, sum(case["files"].values()),
                                        (", not reloadable: " + ", ".join(reload_errors)) if reload_errors else ""))
    return folder
