"""Builds models jkeras has never seen, from a seed, and checks jkeras against Keras on each in every form.

    KERAS_BACKEND=tensorflow python check_unseen.py [--seed N] [--out DIR] [--jar cli/target/jkeras.jar]

Three kinds of model, each drawn afresh from the seed (sizes, depths, ops, padding): a keras.io-style masked
transformer classifier (token and position embeddings, MultiHeadAttention, LayerNormalization, masked pooling),
a MobileNetV3 (Small or Large, minimalistic or not, with or without preprocessing; weights=None, seeded
BatchNormalization statistics), and a functional model built from keras.ops calls. Each is saved in every form
Keras reloads plus the forms it writes but cannot read, its golden file written with save_golden, and
`jkeras verify` run on each form at the tolerance given. Exits 1 when any form fails.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras  # noqa: E402
from keras import layers, ops  # noqa: E402
from save_golden import save_golden  # noqa: E402


def transformer(rng):
    vocab, seq, d = int(rng.integers(20, 60)), int(rng.integers(6, 12)), int(rng.choice([8, 16]))
    heads = int(rng.choice([1, 2, 4]))
    ids = keras.Input((seq,), dtype="int32", name="ids")
    tok = layers.Embedding(vocab, d, mask_zero=True, name="tok")(ids)
    pos = layers.Embedding(seq, d, name="pos")(ops.arange(seq)[None, :] * ops.ones_like(ids)) if rng.random() < 0.5 \
        else layers.Embedding(seq, d, name="pos")(ops.broadcast_to(ops.arange(seq), (1, seq)))
    x = layers.Add(name="add")([tok, pos])
    for i in range(int(rng.integers(1, 3))):
        a = layers.MultiHeadAttention(heads, d // heads, name="mha%d" % i)(x, x)
        x = layers.LayerNormalization(epsilon=1e-6, name="ln%da" % i)(layers.Add(name="res%da" % i)([x, a]))
        f = layers.Dense(2 * d, activation="gelu", name="ff%d_1" % i)(x)
        f = layers.Dense(d, name="ff%d_2" % i)(f)
        x = layers.LayerNormalization(epsilon=1e-6, name="ln%db" % i)(layers.Add(name="res%db" % i)([x, f]))
    x = layers.GlobalAveragePooling1D(name="gap")(x)
    out = layers.Dense(int(rng.integers(2, 5)), activation="softmax", name="cls")(x)
    model = keras.Model(ids, out, name="unseen_transformer")
    n = 4
    data = rng.integers(1, vocab, size=(n, seq))
    for r in range(n):  # trailing padding of various lengths
        data[r, int(rng.integers(2, seq)):] = 0
    return model, data.astype("int32"), 1e-4, 1e-4


def mobilenet_v3(rng):
    large = rng.random() < 0.5
    kw = dict(input_shape=(int(rng.choice([32, 48])),) * 2 + (3,), weights=None, classes=int(rng.integers(3, 10)),
              minimalistic=bool(rng.random() < 0.3), include_preprocessing=bool(rng.random() < 0.5),
              alpha=float(rng.choice([0.75, 1.0])))
    model = (keras.applications.MobileNetV3Large if large else keras.applications.MobileNetV3Small)(**kw)
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            mean, var = layer.moving_mean, layer.moving_variance
            mean.assign(rng.normal(0, 0.1, mean.shape).astype("float32"))
            var.assign(rng.uniform(0.5, 1.5, var.shape).astype("float32"))
    scale = 255.0 if kw["include_preprocessing"] else 1.0
    x = rng.uniform(-1, 1, size=(2,) + kw["input_shape"]).astype("float32") * scale
    return model, x, 1e-4, 1e-3


def ops_model(rng):
    f = int(rng.integers(4, 9))
    x = keras.Input((int(rng.integers(3, 6)), f), name="x")
    h = layers.Dense(f, name="proj")(x)
    q = ops.transpose(h, (0, 2, 1)) if rng.random() < 0.5 else ops.swapaxes(h, 1, 2)
    s = ops.softmax(ops.matmul(h, q) / np.sqrt(f), axis=-1)
    y = ops.einsum("bij,bjk->bik", s, h)
    m = ops.mean(y, axis=1, keepdims=True)
    z = ops.where(ops.greater(y, m), ops.sqrt(ops.abs(y) + 1.0), -ops.square(y))
    z = ops.concatenate([z[:, :, : f // 2], ops.exp(-ops.abs(z[:, :, f // 2:]))], axis=-1)
    z = ops.reshape(z, (-1, z.shape[1] * z.shape[2]))
    out = layers.Dense(3, name="out")(ops.clip(z, -2.0, 2.0) * 0.5 + ops.max(z, axis=-1, keepdims=True))
    model = keras.Model(x, out, name="unseen_ops")
    return model, rng.standard_normal((3,) + tuple(x.shape[1:])).astype("float32"), 1e-4, 1e-4


def forms(model, folder):
    """Every form Keras writes: (label, model path, weights path or None)."""
    out = []
    model.save(os.path.join(folder, "model.keras"))
    out.append(("model.keras", os.path.join(folder, "model.keras"), None))
    try:
        model.save(os.path.join(folder, "model.h5"))
        out.append(("model.h5", os.path.join(folder, "model.h5"), None))
    except Exception as e:  # noqa: BLE001
        print("  model.h5 not written: %s" % e)
    with open(os.path.join(folder, "model.json"), "w") as fh:
        fh.write(model.to_json())
    model.save_weights(os.path.join(folder, "model.weights.h5"))
    out.append(("model.json", os.path.join(folder, "model.json"), os.path.join(folder, "model.weights.h5")))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(2), "little"))
    p.add_argument("--out", default=None)
    p.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "..", "cli", "target", "jkeras.jar"))
    a = p.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="jkeras-unseen-")
    print("seed %d, files in %s" % (a.seed, out))
    failed = 0
    for kind, build in (("transformer", transformer), ("mobilenet_v3", mobilenet_v3), ("ops", ops_model)):
        rng = np.random.default_rng(a.seed)
        keras.utils.set_random_seed(a.seed)
        model, x, atol, rtol = build(rng)
        folder = os.path.join(out, kind)
        os.makedirs(folder, exist_ok=True)
        save_golden(model, x, os.path.join(folder, "golden.h5"))
        for label, path, weights in forms(model, folder):
            cmd = ["java", "--add-modules", "jdk.incubator.vector", "-jar", a.jar, "verify", path, os.path.join(folder, "golden.h5"),
                   "--atol", str(atol), "--rtol", str(rtol), "--json"]
            if weights:
                cmd += ["--weights", weights]
            r = subprocess.run(cmd, capture_output=True, text=True)
            try:
                report = json.loads(r.stdout)
                worst = max((o.get("max_abs", 0) for o in report.get("outputs", [])), default=None)
            except ValueError:
                worst = None
            ok = r.returncode == 0
            failed += not ok
            print("%-13s %-12s %s  max abs error %s%s" % (kind, label, "PASS" if ok else "FAIL", worst,
                                                          "" if ok else "\n    " + (r.stderr or r.stdout).strip()[:2000]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
