"""Golden cases for names and output references (issue 12: names in any script, nested models, repeated outputs).

    KERAS_BACKEND=tensorflow ~/.jkeras-lab/bin/python testmodels/tools/gen_names.py

Cases:

* ``names_unicode`` (predictions made eagerly: TensorFlow's graph mode refuses such names as name scopes): inputs, layers, a nested model and outputs named in Greek, Cyrillic, CJK, emoji, with spaces
  and quotes; a shared layer with such a name. Every name ends up in the config, the HDF5 attributes
  (``layer_names``, ``weight_names``, ``model_weights/<name>`` groups) and the ``.keras`` weights layout.
* ``names_long_chunked``: names of over 4,500 bytes, so many that ``weight_names`` is split into chunks.
* ``nested_functional_output``: a nested Functional model whose outputs are outer outputs, called once and
  twice (Keras 3 counts a nested Functional's calls from 1 in ``output_layers``, from 0 in inbound nodes).
* ``nested_calls_by_number``: output references to nested models called twice, whose node index fits both
  numberings; only Keras 3's rule (Functional from 1, Sequential from 0) reads them right.
* ``dict_inputs_outputs``: a model built with dicts of inputs and outputs (flattened with keys sorted; outputs
  named by their keys).
* ``repeated_outputs_lstm_state``: an LSTM with ``return_state``: three outputs, all named ``lstm`` by Keras 3.
* ``repeated_outputs_shared``: a shared layer's two calls and one tensor listed twice among the outputs.
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

from golden_case import write_case  # noqa: E402
from save_golden import save_golden  # noqa: E402

# TensorFlow's graph mode refuses a layer name outside [A-Za-z0-9_.\\/>-] as a name scope, so model.predict fails on
# such a model; run eagerly (same kernels, same numbers), where name scopes are not checked
import tensorflow as tf  # noqa: E402

tf.config.run_functions_eagerly(True)


def names_unicode():
    keras.utils.set_random_seed(12)
    a = keras.Input((4,), name="entrée")
    b = keras.Input((3,), name="輸入")
    # a nested model with a non-ASCII name and layers of its own
    ni = keras.Input((6,), name="είσοδος")
    nh = layers.Dense(5, activation="tanh", name="κρυφό στρώμα")(ni)
    inner = keras.Model(ni, layers.Dense(4, name="出力 層")(nh), name="вложенная модель")

    h = layers.Dense(6, activation="relu", name="dense 1")(a)
    g = layers.Dense(6, activation="sigmoid", name="слой")(b)
    cat = layers.Concatenate(name="連結 'and' \"quoted\"")([h, g])
    shared = layers.Dense(6, name="🙂")  # called twice
    s1 = shared(h)
    s2 = shared(g)
    both = layers.Add(name="Σ")([s1, s2, layers.Dense(6, name="ﬁx ligature")(cat)])
    bn = layers.BatchNormalization(name="норма 🙂")(both)
    y = inner(bn)
    out1 = layers.Softmax(name="выход ✓")(y)
    out2 = layers.Dense(2, name="第二 出力")(cat)
    model = keras.Model([a, b], [out1, out2], name="model_names")  # TensorFlow takes the top model name as a root name scope: ASCII only
    bnl = model.get_layer("норма 🙂")
    rng = np.random.default_rng(12)
    bnl.moving_mean.assign(rng.normal(0, 0.5, 6).astype("float32"))
    bnl.moving_variance.assign(rng.uniform(0.5, 2.0, 6).astype("float32"))
    x = {"entrée": rng.normal(size=(3, 4)).astype("float32"), "輸入": rng.normal(size=(3, 3)).astype("float32")}
    write_case("names_unicode", model, x, atol=1e-5, rtol=1e-5,
               notes="inputs 'entrée' and '輸入'; layers 'dense 1', 'слой', shared '🙂' (called twice), a Concatenate named with quotes, "
                     "BatchNormalization 'норма 🙂', nested Functional 'вложенная модель' (inner 'είσοδος', 'κρυφό στρώμα', '出力 層'); "
                     "outputs 'выход ✓' and '第二 出力'; the top model is ASCII-named (TensorFlow refuses a root scope name outside [A-Za-z0-9_.\\/>-])")


def names_long_chunked():
    keras.utils.set_random_seed(13)
    # 8 layers named with over 4,500 bytes each: the nested model's weight_names (16 names) pass HDF5's 64 KB
    # attribute limit, so Keras splits them into weight_names0, weight_names1 (fixed-length strings)
    ni = keras.Input((3,), name="in")
    h = ni
    for i in range(8):
        h = layers.Dense(3, activation="tanh", name="%d слой λ🙂 " % i + "-" * 4500)(h)
    inner = keras.Model(ni, h, name="長い名前のモデル")
    x = keras.Input((3,), name="x")
    model = keras.Model(x, layers.Dense(2, name="head")(inner(x)), name="long_names")
    rng = np.random.default_rng(13)
    write_case("names_long_chunked", model, rng.normal(size=(3, 3)).astype("float32"), atol=1e-5, rtol=1e-5, forms=["model.h5"],
               notes="a nested model of 8 Dense layers named with over 4,500 bytes each; in model.h5 its weight_names "
                     "are split into weight_names0/weight_names1 (HDF5's 64 KB attribute limit); only model.h5 is kept "
                     "(the names make each form ~200 KB; names_unicode covers the other forms)")


def nested_functional_output():
    keras.utils.set_random_seed(21)
    ii = keras.Input((3,), name="inner_in")
    ih = layers.Dense(4, activation="tanh", name="inner_dense")(ii)
    inner = keras.Model(ii, [layers.Dense(2, name="inner_head")(ih), ih], name="inner")
    x1 = keras.Input((3,), name="x1")
    x2 = keras.Input((3,), name="x2")
    a_head, a_hidden = inner(x1)  # first call
    b_head, _ = inner(x2)  # second call
    s = layers.Add(name="sum")([a_head, b_head])
    # outputs: the second call's head, the sum, the first call's hidden tensor (outputs of a nested model)
    model = keras.Model([x1, x2], [b_head, s, a_hidden], name="outer")
    rng = np.random.default_rng(21)
    x = [rng.normal(size=(3, 3)).astype("float32"), rng.normal(size=(3, 3)).astype("float32")]
    folder = write_case("nested_functional_output", model, x, atol=1e-5, rtol=1e-5,
               notes="nested Functional 'inner' (two outputs) called twice; outer outputs are ['inner', 2, 0], ['sum', 0, 0], "
                     "['inner', 1, 1] (Keras 3 counts a nested Functional's calls from 1 in output_layers); io.npz: the same "
                     "golden as save_golden writes it to .npz (output keys inner:0, sum, inner:2)")
    save_golden(model, x, os.path.join(folder, "io.npz"))

    keras.utils.set_random_seed(22)
    ii = keras.Input((5,), name="feat")
    block = keras.Model(ii, layers.Dense(3, activation="sigmoid", name="proj")(ii), name="block")
    xi = keras.Input((5,), name="x")
    model = keras.Model(xi, block(xi), name="wrapper")
    write_case("nested_functional_only_output", model, rng.normal(size=(4, 5)).astype("float32"), atol=1e-5, rtol=1e-5,
               notes="the outer model's only output is a nested Functional's output: output_layers [['block', 1, 0]]")


def nested_calls_by_number():
    keras.utils.set_random_seed(23)
    fi = keras.Input((3,), name="f_in")
    f = keras.Model(fi, layers.Dense(2, activation="tanh", name="f_dense")(fi), name="f")
    s = keras.Sequential([keras.Input((3,)), layers.Dense(2, activation="sigmoid", name="s_dense")], name="s")
    x1 = keras.Input((3,), name="x1")
    x2 = keras.Input((3,), name="x2")
    f1, f2 = f(x1), f(x2)
    s1, s2 = s(x1), s(x2)
    head = layers.Add(name="head")([f2, s1])
    model = keras.Model([x1, x2], [f1, s2, head], name="by_number")
    rng = np.random.default_rng(23)
    x = [rng.normal(size=(3, 3)).astype("float32"), rng.normal(size=(3, 3)).astype("float32")]
    write_case("nested_calls_by_number", model, x, atol=1e-5, rtol=1e-5,
               notes="a nested Functional 'f' and a nested Sequential 's', each called twice; output_layers [['f', 1, 0], ['s', 1, 0], "
                     "['head', 0, 0]] name f's first call (Functional: counted from 1) and s's second call (Sequential: from 0); "
                     "either index would fit the other numbering, so only Keras' rule gives these numbers")


def dict_inputs_outputs():
    keras.utils.set_random_seed(51)
    zeta = keras.Input((3,), name="zeta")
    alpha = keras.Input((2,), name="alpha")
    h = layers.Concatenate(name="cat")([alpha, zeta])
    outputs = {"score": layers.Dense(1, activation="sigmoid", name="q_dense")(h), "logits": layers.Dense(2, name="p_dense")(h),
               "Ωmega": layers.Dense(3, activation="tanh", name="o_dense")(h)}
    model = keras.Model({"zeta": zeta, "alpha": alpha}, outputs, name="dicts")
    rng = np.random.default_rng(51)
    x = {"zeta": rng.normal(size=(3, 3)).astype("float32"), "alpha": rng.normal(size=(3, 2)).astype("float32")}
    write_case("dict_inputs_outputs", model, x, atol=1e-5, rtol=1e-5,
               notes="inputs and outputs given as dicts: input_layers {'zeta': ..., 'alpha': ...} and output_layers {'score', "
                     "'logits', 'Ωmega'}, flattened as Keras flattens them (keys sorted: alpha, zeta; logits, score, Ωmega); "
                     "outputs named by their keys, as model.predict returns them (model.output_names gives the layer names "
                     "p_dense, q_dense, o_dense)")


def repeated_outputs_lstm_state():
    keras.utils.set_random_seed(31)
    x = keras.Input((5, 3), name="seq")
    o, h, c = layers.LSTM(4, return_state=True, name="lstm")(x)
    model = keras.Model(x, [o, h, c], name="lstm_state")
    rng = np.random.default_rng(31)
    x = rng.normal(size=(3, 5, 3)).astype("float32")
    folder = write_case("repeated_outputs_lstm_state", model, x, atol=1e-5, rtol=1e-5,
                        notes="LSTM return_state: outputs [['lstm', 0, 0], ['lstm', 0, 1], ['lstm', 0, 2]], Keras 3 output_names "
                              "['lstm', 'lstm', 'lstm']; io.npz: the golden in save_golden's .npz form (keys output:lstm:0..2)")
    save_golden(model, x, os.path.join(folder, "io.npz"))


def repeated_outputs_shared():
    keras.utils.set_random_seed(41)
    a = keras.Input((3,), name="a")
    b = keras.Input((3,), name="b")
    d = layers.Dense(2, name="d")
    da, db = d(a), d(b)
    t = layers.Dense(2, activation="tanh", name="t")(a)
    model = keras.Model([a, b], [da, t, db, t], name="shared_twice")
    rng = np.random.default_rng(41)
    x = [rng.normal(size=(3, 3)).astype("float32"), rng.normal(size=(3, 3)).astype("float32")]
    folder = write_case("repeated_outputs_shared", model, x, atol=1e-5, rtol=1e-5,
                        notes="outputs [['d', 0, 0], ['t', 0, 0], ['d', 1, 0], ['t', 0, 0]]: a shared layer's two calls and one "
                              "tensor twice; Keras 3 output_names ['d', 't', 'd', 't']; io.npz: the golden in save_golden's .npz "
                              "form (keys output:d:0, output:t:1, output:d:2, output:t:3)")
    save_golden(model, x, os.path.join(folder, "io.npz"))


if __name__ == "__main__":
    names_unicode()
    names_long_chunked()
    nested_functional_output()
    nested_calls_by_number()
    dict_inputs_outputs()
    repeated_outputs_lstm_state()
    repeated_outputs_shared()
