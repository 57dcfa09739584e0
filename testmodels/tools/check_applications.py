"""Checks jkeras on every full-size ``keras.applications`` architecture of Keras 3.15.1, in every file form.

For each architecture: build it with ``weights=None`` (seeded; norm parameters, biases and BatchNormalization
moving statistics, measured on 4 rows that hold the 2 golden rows, set as ``gen_applications.prepare`` does), save ``model.keras``, ``model.h5`` and
``model.json`` + ``model.weights.h5`` into a temporary folder outside the repository, write a golden with
``save_golden`` (2 rows at the architecture's default input size), run ``jkeras verify`` on each form and print
one table row per form: max abs error, max rel error, PASS/FAIL at atol 1e-4 / rtol 1e-3, seconds jkeras took.
The files are deleted after each architecture unless ``--keep``.

    mvn -B -q package -DskipTests -pl cli -am            # builds cli/target/jkeras.jar
    KERAS_BACKEND=tensorflow ~/.jkeras-lab/bin/python testmodels/tools/check_applications.py [NAME ...]
        [--skip NAME] [--list] [--keep] [--activations] [--softmax] [--reload] [--dir DIR] [--out results.md]
        [--xmx 12g]

NAME filters the architectures (prefix match, e.g. ``EfficientNetB`` or ``ConvNeXtTiny``). By default the top's
classifier gives logits (``classifier_activation=None``): 1000 softmax probabilities of a random network sit
near 1e-3, where atol 1e-4 would hide a 10% error; ``--softmax`` keeps the default head. ``--activations`` also
records every layer's output so ``verify`` names the first diverging layer (large: gigabytes for the biggest
networks). ``--reload`` also checks that Keras reloads each form with the same numbers.
"""

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np

# TensorFlow 2.21's oneDNN kernels die with SIGFPE on MobileNet's conv_pw_12 (1x1, 512 -> 1024 on 7x7) here;
# its Eigen kernels are TensorFlow's other CPU path. TF_ENABLE_ONEDNN_OPTS=1 in the environment keeps oneDNN.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
ATOL, RTOL = 1e-4, 1e-3
FORMS = ["model.keras", "model.h5", "model.json+model.weights.h5"]


def architectures():
    """(label, keras.applications function name, extra kwargs, preprocess module name or None for raw pixels)."""
    a = [("MobileNet", "MobileNet", {}, "mobilenet"),
         ("MobileNetV2", "MobileNetV2", {}, "mobilenet_v2")]
    for v in ("Small", "Large"):
        a.append(("MobileNetV3" + v, "MobileNetV3" + v, {}, None))
        a.append(("MobileNetV3" + v + " (no preprocessing)", "MobileNetV3" + v, {"include_preprocessing": False},
                  "mobilenet"))
    a += [("EfficientNetB%d" % i, "EfficientNetB%d" % i, {}, None) for i in range(8)]
    a.append(("EfficientNetB0 (imagenet graph)", "EfficientNetB0", {"weights": "imagenet"}, None))
    a += [("EfficientNetV2" + v, "EfficientNetV2" + v, {}, None) for v in ("B0", "B1", "B2", "B3", "S", "M", "L")]
    a += [("EfficientNetV2" + v + " (no preprocessing)", "EfficientNetV2" + v, {"include_preprocessing": False},
           "mobilenet") for v in ("B0", "S")]
    a += [("ResNet%d" % d, "ResNet%d" % d, {}, "resnet") for d in (50, 101, 152)]
    a += [("ResNet%dV2" % d, "ResNet%dV2" % d, {}, "resnet_v2") for d in (50, 101, 152)]
    a += [("DenseNet%d" % d, "DenseNet%d" % d, {}, "densenet") for d in (121, 169, 201)]
    a += [("InceptionV3", "InceptionV3", {}, "inception_v3"),
          ("InceptionResNetV2", "InceptionResNetV2", {}, "inception_resnet_v2"),
          ("Xception", "Xception", {}, "xception"),
          ("NASNetMobile", "NASNetMobile", {}, "nasnet"),
          ("NASNetLarge", "NASNetLarge", {}, "nasnet")]
    a += [("ConvNeXt" + v, "ConvNeXt" + v, {}, None) for v in ("Tiny", "Small", "Base", "Large", "XLarge")]
    a.append(("ConvNeXtTiny (no preprocessing)", "ConvNeXtTiny", {"include_preprocessing": False}, "mobilenet"))
    a += [("VGG16", "VGG16", {}, "vgg16"), ("VGG19", "VGG19", {}, "vgg19")]
    return a


def build(fn_name, kwargs, softmax):
    import keras
    from keras.src.applications import efficientnet
    from gen_applications import imagenet_graph

    fn = getattr(keras.applications, fn_name)
    kw = dict(kwargs)
    kw.setdefault("weights", None)
    if not softmax:
        kw["classifier_activation"] = None
    if kw["weights"] == "imagenet":
        with imagenet_graph(efficientnet):
            return fn(**kw)
    return fn(**kw)


def preprocess(module_name, x):
    if module_name is None:
        return x
    import keras
    return getattr(keras.applications, module_name).preprocess_input(x.copy())


def save_forms(model, folder):
    model.save(os.path.join(folder, "model.keras"))
    model.save(os.path.join(folder, "model.h5"))
    with open(os.path.join(folder, "model.json"), "w") as f:
        f.write(model.to_json())
    model.save_weights(os.path.join(folder, "model.weights.h5"))


def keras_reload_diff(folder, form, x, expected):
    """Max abs difference of Keras' own reload of ``form``, or the reason Keras cannot reload it."""
    try:
        return "%.1e" % _reload(folder, form, x, expected)
    except Exception as e:
        return "Keras fails: %s: %s" % (type(e).__name__, str(e).splitlines()[0][:80])


def _reload(folder, form, x, expected):
    import keras
    if form == "model.json+model.weights.h5":
        m = keras.models.model_from_json(open(os.path.join(folder, "model.json")).read())
        m.load_weights(os.path.join(folder, "model.weights.h5"))
    else:
        m = keras.models.load_model(os.path.join(folder, form), compile=False)
    return float(np.max(np.abs(m.predict(x, verbose=0).astype(np.float64) - expected)))


def verify(jar, folder, form, golden, xmx):
    model = os.path.join(folder, form.split("+")[0])
    cmd = ["java", "-Xmx" + xmx, "--add-modules", "jdk.incubator.vector", "-jar", jar, "verify", model, golden,
           "--atol", str(ATOL), "--rtol", str(RTOL), "--json"]
    if "+" in form:
        cmd += ["--weights", os.path.join(folder, form.split("+")[1])]
    t = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.time() - t
    try:
        r = json.loads(p.stdout[p.stdout.index("{"):])
    except ValueError:
        msg = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
        return None, None, False, seconds, msg
    abs_err = max(o["max_abs"] for o in r["outputs"])
    rel_err = max(o["max_rel"] for o in r["outputs"])
    first = (r.get("layers") or {}).get("first_divergence")
    return abs_err, rel_err, bool(r["pass"]), seconds, ("first divergence: %s" % first) if first else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--skip", action="append", default=[], help="leave out architectures starting with this")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--activations", action="store_true")
    ap.add_argument("--softmax", action="store_true")
    ap.add_argument("--reload", action="store_true")
    ap.add_argument("--dir", default=None, help="work folder (default: a new temporary folder)")
    ap.add_argument("--out", default=None, help="also append the table rows (Markdown) to this file")
    ap.add_argument("--xmx", default="12g")
    ap.add_argument("--jar", default=os.path.join(REPO, "cli", "target", "jkeras.jar"))
    args = ap.parse_args()

    archs = [a for a in architectures() if (not args.names or any(a[0].startswith(n) for n in args.names))
             and not any(a[0].startswith(n) for n in args.skip)]
    if args.list:
        print("\n".join(a[0] for a in archs))
        return
    import keras
    from gen_applications import images, prepare
    from save_golden import save_golden

    assert keras.backend.backend() == "tensorflow", "run with KERAS_BACKEND=tensorflow"
    if not os.path.exists(args.jar):
        sys.exit("no %s: mvn -B -q package -DskipTests -pl cli -am" % args.jar)
    root = args.dir or tempfile.mkdtemp(prefix="jkeras-apps-")
    if os.path.abspath(root).startswith(REPO + os.sep):
        sys.exit("--dir must be outside the repository")
    header = "| architecture | form | params | input | max abs error | max rel error | result | seconds |"
    rule = "|---|---|---:|---|---:|---:|---|---:|"
    if args.reload:
        header, rule = header + " Keras reload |", rule + "---|"
    print(header + "\n" + rule, flush=True)
    if args.out:
        with open(args.out, "a") as f:
            f.write(header + "\n" + rule + "\n")
    failures = 0
    for label, fn_name, kwargs, pre in archs:
        folder = os.path.join(root, label.replace(" ", "_").replace("(", "").replace(")", ""))
        os.makedirs(folder, exist_ok=True)
        seed = zlib.crc32(label.encode()) % 10000
        rows = []
        try:
            keras.utils.set_random_seed(seed)
            model = build(fn_name, kwargs, args.softmax)
            shape = list(model.input_shape[1:])
            size = [224 if d is None else d for d in shape[:2]]
            x = preprocess(pre, images(seed + 3, 2, size[0]))
            prepare(model, seed + 1, np.concatenate([x, preprocess(pre, images(seed + 2, 2, size[0]))]))
            expected = model.predict(x, verbose=0).astype(np.float64)
            save_forms(model, folder)
            golden = os.path.join(folder, "golden.h5")
            save_golden(model, x, golden, activations=args.activations)
            params = model.count_params()
            reload = {}
            if args.reload:
                from keras.src.applications import convnext, inception_resnet_v2
                own = {"LayerScale": convnext.LayerScale, "StochasticDepth": convnext.StochasticDepth,
                       "CustomScaleLayer": inception_resnet_v2.CustomScaleLayer}
                with keras.utils.custom_object_scope(own):
                    reload = {f: keras_reload_diff(folder, f, x, expected) for f in FORMS}
            del model
            keras.backend.clear_session()
            gc.collect()
            for form in FORMS:
                a, r, ok, sec, note = verify(args.jar, folder, form, golden, args.xmx)
                rows.append((label, form, params, "x".join(str(d) for d in size), a, r, ok, sec, note,
                             reload.get(form, "")))
        except Exception as e:  # a build or save failure is a row too
            rows.append((label, "-", 0, "-", None, None, False, 0.0, "%s: %s" % (type(e).__name__, str(e)[:200]), ""))
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
        for (lab, form, params, size, a, r, ok, sec, note, rel) in rows:
            failures += not ok
            line = "| %s | %s | %s | %s | %s | %s | %s | %.1f |" % (
                lab, form, "{:,}".format(params) if params else "-", size,
                "-" if a is None else "%.2e" % a, "-" if r is None else "%.2e" % r,
                "PASS" if ok else "FAIL" + (" (%s)" % note if note else ""), sec) + (" %s |" % rel if args.reload else "")
            print(line, flush=True)
            if args.out:
                with open(args.out, "a") as f:
                    f.write(line + "\n")
    if not args.keep and not args.dir:
        shutil.rmtree(root, ignore_errors=True)
    print("%d failure(s)" % failures)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
