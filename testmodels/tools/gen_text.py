"""Golden cases of text models: raw-string inputs, TextVectorization, StringLookup, Hashing and HashedCrossing of
strings (issue 16), Keras 3.15.1 on the TensorFlow backend.

    KERAS_BACKEND=tensorflow python testmodels/tools/gen_text.py [case ...]

The inputs mix ASCII, accents (upper case too: TensorFlow's ``tf.strings.lower``, as Keras calls it, lower-cases
ASCII only), CJK, emoji, punctuation inside and around words, tabs, newlines, no-break and ideographic spaces (which
``tf.strings.split`` does not split on), empty and whitespace-only strings (all-padding rows). Adapted layers keep
their vocabulary only in the ``.keras`` archive's assets: Keras cannot reload them from ``model.h5`` or
``model.json``, so their cases have the ``.keras`` form only.
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


CORPUS = [
    "The cat sat on the mat.",
    "A dog! A dog? The DOG, again...",
    "Héllo wörld, HÉLLO World",
    "日本語のテキスト 日本 東京",
    "emoji 😀 party 🎉 😀",
    "the quick brown fox jumps over the lazy dog",
    "don't stop-believing: (hold) on; to_that [feeling]",
    "ÀÉÎ àéî Straße STRASSE İstanbul",
    "tabs\tand\nnewlines\r\nand  double  spaces",
    "cat dog cat dog cat",
]

SAMPLES = [
    "The cat sat on the mat.",
    "A DOG! a Dog?? the dog...",
    "Héllo wörld",
    "HÉLLO ÀÉÎ àéî",
    "日本語のテキスト 東京",
    "emoji 😀 😀 🎉",
    "",
    "   \t  ",
    "unknown words only zzz qqq",
    "no\u00a0break\u3000ideographic space",
    "the the the the the the the the the the the the cat",
    "don't stop-believing: (hold) on; to_that [feeling]",
    "tabs\tand\nnewlines\r\nand  double  spaces",
    "👩‍👩‍👧 e\u0301 ﬁ ！？ 。",
]


ADAPTED = ["model.keras"]  # the forms that keep an adapted vocabulary


def texts(rows, column=True):
    a = np.array(rows, dtype=object)
    return a.reshape(-1, 1) if column else a


@case
def text_classifier():
    """keras.io's end-to-end text classifier: adapted TextVectorization, Embedding(mask_zero), pooling, Dense."""
    keras.utils.set_random_seed(11)
    tv = layers.TextVectorization(max_tokens=40, output_mode="int", output_sequence_length=8, name="vectorize")
    tv.adapt(np.array(CORPUS))
    inp = keras.Input(shape=(1,), dtype="string", name="text")
    x = tv(inp)
    x = layers.Embedding(40, 8, mask_zero=True, name="embedding")(x)
    x = layers.GlobalAveragePooling1D(name="pool")(x)
    # linear: TensorFlow's predict fuses MatMul+BiasAdd+Relu (oneDNN), which turns the pooled NaN of an all-padding
    # row into 0 where eager Keras, and jkeras, keep NaN
    x = layers.Dense(16, name="hidden")(x)
    out = layers.Dense(3, activation="softmax", name="probs")(x)
    model = keras.Model(inp, out)
    write_case("text_classifier", model, texts(SAMPLES), atol=1e-5, rtol=1e-5, forms=ADAPTED,
               notes="keras.io-style text classifier: Input(shape=(1,), dtype='string') -> adapted TextVectorization "
                     "(lower_and_strip_punctuation, whitespace, max_tokens 40, output_sequence_length 8; vocabulary in "
                     "the archive's assets) -> Embedding(mask_zero) -> masked GlobalAveragePooling1D (NaN for the "
                     "empty and whitespace-only rows, as Keras) -> Dense; truncation of a long row, non-ASCII text")


@case
def text_classifier_vocabulary():
    """Vocabulary in the config (every form), a scalar string input, no output_sequence_length, a GRU over the mask."""
    keras.utils.set_random_seed(12)
    vocab = ["the", "cat", "dog", "a", "héllo", "wörld", "日本語のテキスト", "😀", "àéî", "ÀÉÎ", "hÉllo", "don't", "stopbelieving"]
    tv = layers.TextVectorization(vocabulary=vocab, name="vectorize")
    inp = keras.Input(shape=(), dtype="string", name="text")
    ids = tv(inp)
    x = layers.Embedding(len(vocab) + 2, 6, mask_zero=True, name="embedding")(ids)
    x = layers.GRU(5, name="gru")(x)
    out = layers.Dense(2, name="logits")(x)
    model = keras.Model(inp, [out, ids])
    write_case("text_classifier_vocabulary", model, texts(SAMPLES, column=False), atol=1e-5, rtol=1e-5,
               notes="TextVectorization with its vocabulary in the config (no mask/OOV tokens given), strings of shape "
                     "(batch,), output padded to the batch's longest row; Embedding(mask_zero) -> GRU reads the mask "
                     "(zeros for all-padding rows); the ids are an output too. 'ÀÉÎ' stays upper case (ASCII-only lower)")


@case
def text_tfidf_bigrams():
    """Bigrams with tf_idf: adapted (idf weights in the weights file) and given in the config with pad_to_max_tokens."""
    keras.utils.set_random_seed(13)
    adapted = layers.TextVectorization(max_tokens=60, ngrams=2, output_mode="tf_idf", name="tfidf_adapted")
    adapted.adapt(np.array(CORPUS))
    given = layers.TextVectorization(max_tokens=12, ngrams=(1, 2), output_mode="tf_idf", pad_to_max_tokens=True,
                                     vocabulary=["the", "cat", "the cat", "dog", "a dog", "😀", "😀 😀"],
                                     idf_weights=[0.5, 1.25, 2.0, 0.75, 1.5, 3.0, 0.125], name="tfidf_given")
    inp = keras.Input(shape=(1,), dtype="string", name="text")
    a = adapted(inp)
    g = given(inp)
    out = layers.Dense(4, name="dense")(layers.Concatenate(name="concat")([a, g]))
    model = keras.Model(inp, [out, a, g])
    write_case("text_tfidf_bigrams", model, texts(SAMPLES), atol=1e-5, rtol=1e-5, forms=ADAPTED,
               notes="TextVectorization output_mode tf_idf with ngrams=2 (unigrams then bigrams), adapted (idf weights "
                     "stored as a variable, vocabulary in assets), and with vocabulary and idf_weights in the config, "
                     "ngrams (1, 2), pad_to_max_tokens (the OOV weight is the mean, padding weights 0)")


@case
def text_tfidf_given():
    """tf_idf, multi_hot and count with everything in the config: every file form reloads."""
    keras.utils.set_random_seed(14)
    vocab = ["the", "cat", "the cat", "dog", "a dog", "😀", "😀 😀", "héllo"]
    tfidf = layers.TextVectorization(ngrams=2, output_mode="tf_idf", vocabulary=vocab,
                                     idf_weights=[0.5, 1.25, 2.0, 0.75, 1.5, 3.0, 0.125, 4.0], name="tfidf")
    multi = layers.TextVectorization(output_mode="multi_hot", vocabulary=vocab, name="multi_hot")
    count = layers.TextVectorization(ngrams=2, output_mode="count", max_tokens=16, pad_to_max_tokens=True, vocabulary=vocab,
                                     name="count")
    inp = keras.Input(shape=(1,), dtype="string", name="text")
    t, m, c = tfidf(inp), multi(inp), count(inp)
    out = layers.Dense(3, name="dense")(layers.Concatenate(name="concat")([t, m, c]))
    model = keras.Model(inp, [out, t, m, c])
    write_case("text_tfidf_given", model, texts(SAMPLES), atol=1e-5, rtol=1e-5,
               notes="TextVectorization tf_idf (bigrams, idf weights in the config), multi_hot, count (bigrams, "
                     "pad_to_max_tokens 16) with their vocabulary in the config; every file form")


@case
def text_character_split():
    """Characters as tokens (code points: emoji and CJK one each), lower only, into an LSTM over the mask."""
    keras.utils.set_random_seed(15)
    tv = layers.TextVectorization(max_tokens=50, standardize="lower", split="character", output_sequence_length=12,
                                  name="chars")
    # no line breaks among the characters: Keras writes the vocabulary one token a line and could not read it back
    tv.adapt(np.array([t for t in CORPUS if "\n" not in t]))
    inp = keras.Input(shape=(1,), dtype="string", name="text")
    ids = tv(inp)
    x = layers.Embedding(50, 4, mask_zero=True, name="embedding")(ids)
    x = layers.LSTM(3, name="lstm")(x)
    out = layers.Dense(2, name="dense")(x)
    model = keras.Model(inp, [out, ids])
    write_case("text_character_split", model, texts(SAMPLES), atol=1e-5, rtol=1e-5, forms=ADAPTED,
               notes="TextVectorization split='character' (tf.strings.unicode_split: one token per code point, spaces "
                     "included), standardize 'lower' (punctuation kept), adapted, output_sequence_length 12; "
                     "Embedding(mask_zero) -> LSTM reads the mask")


@case
def text_modes():
    """multi_hot and count over split words, standardize variants, ngrams (1, 3), split=None with int and one_hot."""
    keras.utils.set_random_seed(16)
    corpus = np.array(CORPUS)
    multi = layers.TextVectorization(max_tokens=30, output_mode="multi_hot", standardize="strip_punctuation", name="multi_hot")
    multi.adapt(corpus)
    count = layers.TextVectorization(max_tokens=40, output_mode="count", standardize=None, ngrams=(1, 3), pad_to_max_tokens=True,
                                     name="count")
    count.adapt(corpus)
    whole = layers.TextVectorization(split=None, standardize="lower", vocabulary=["the cat sat on the mat.", "héllo wörld", "   \t  "],
                                     name="whole_int")
    whole_hot = layers.TextVectorization(split=None, output_mode="one_hot", vocabulary=["héllo wörld", "emoji 😀 😀 🎉"],
                                         name="whole_one_hot")
    inp = keras.Input(shape=(1,), dtype="string", name="text")
    m, c, w, h = multi(inp), count(inp), whole(inp), whole_hot(inp)
    out = layers.Dense(2, name="dense")(layers.Concatenate(name="concat")([m, c]))
    model = keras.Model(inp, [out, m, c, w, h])
    write_case("text_modes", model, texts(SAMPLES), atol=1e-5, rtol=1e-5, forms=ADAPTED,
               notes="TextVectorization multi_hot (strip_punctuation), count (standardize None, ngrams (1, 3), "
                     "pad_to_max_tokens), adapted; split=None with output int (each string one token, standardized "
                     "whole; '' is the mask token, index 0) and one_hot")


LOOKUP_WORDS = np.array([["cat", "dog", "日本", "😀"],
                         ["héllo", "", "zebra", "Cat"],
                         ["", "", "", ""],
                         ["東京", "tokyo", "[UNK]", "[MASK]"],
                         ["cat", "cat", "cat", "moose"],
                         ["HÉLLO", "日本語", "😀😀", " cat"]], dtype=object)


@case
def string_lookup():
    """StringLookup: OOV slots hashed, mask token, every output mode, salt, invert to strings, an adapted vocabulary."""
    keras.utils.set_random_seed(17)
    vocab = ["cat", "dog", "日本", "😀", "héllo", ""]
    words = keras.Input(shape=(4,), dtype="string", name="words")
    plain = layers.StringLookup(vocabulary=vocab[:5], name="plain")(words)
    oov = layers.StringLookup(vocabulary=vocab[:5], num_oov_indices=3, mask_token="", name="oov_hashed")(words)
    salted = layers.StringLookup(vocabulary=vocab[:5], num_oov_indices=4, salt=[7, 1234567890123], oov_method="farmhash",
                                 name="oov_salted")(words)
    hot = layers.StringLookup(vocabulary=vocab[:5], output_mode="multi_hot", mask_token="", name="multi_hot")(words)
    count = layers.StringLookup(vocabulary=vocab[:5], output_mode="count", num_oov_indices=2, name="count")(words)
    tfidf = layers.StringLookup(vocabulary=vocab[:5], output_mode="tf_idf", idf_weights=[0.5, 1.0, 1.5, 2.0, 2.5],
                                pad_to_max_tokens=True, max_tokens=8, name="tf_idf")(words)
    one = layers.StringLookup(vocabulary=vocab[:5], output_mode="one_hot", name="one_hot")(words)
    back = layers.StringLookup(vocabulary=["cat", "dog", "mouse"], invert=True, name="invert")(oov)
    back_masked = layers.StringLookup(vocabulary=["cat", "dog", "mouse"], invert=True, mask_token="<pad>", oov_token="??",
                                      name="invert_masked")(plain)
    again = layers.StringLookup(vocabulary=["[UNK]", "mouse", "dog"], name="again")(back)
    dense = layers.Dense(3, name="dense")(layers.Concatenate(name="concat")([hot, count, tfidf]))
    model = keras.Model(words, [plain, oov, salted, hot, count, tfidf, one, back, back_masked, again, dense])
    write_case("string_lookup", model, LOOKUP_WORDS, atol=1e-6, rtol=1e-6,
               notes="StringLookup with one OOV slot; 3 and 4 OOV slots (unknown strings hashed with FarmHash64, or "
                     "SipHash with a salt) and the mask token ''; multi_hot, count, tf_idf (pad_to_max_tokens), "
                     "one_hot; invert to strings (outputs and layer outputs of dtype string), with a mask token and an "
                     "OOV token, read by another StringLookup")


@case
def string_lookup_adapted():
    """An adapted StringLookup (vocabulary in assets) with a mask token and two OOV slots, and its tf_idf twin."""
    keras.utils.set_random_seed(20)
    # no '' among the tokens, and tf_idf without pad_to_max_tokens: Keras 3.15.1 cannot reload either from the archive
    # (the vocabulary file's last line '' is dropped; padded idf weights are refused)
    data = np.array([["cat", "dog", "cat", "tokyo"], ["東京", "東京", "dog", "cat"], ["😀", "cat", "héllo", "dog"]])
    words = keras.Input(shape=(4,), dtype="string", name="words")
    ints = layers.StringLookup(num_oov_indices=2, mask_token="[MASK]", name="adapted")
    ints.adapt(data)
    tfidf = layers.StringLookup(output_mode="tf_idf", max_tokens=9, name="adapted_tf_idf")
    tfidf.adapt(data)
    model = keras.Model(words, [ints(words), tfidf(words)])
    write_case("string_lookup_adapted", model, LOOKUP_WORDS, atol=1e-6, rtol=1e-6, forms=ADAPTED,
               notes="StringLookup adapted: vocabulary (mask and OOV tokens first) in the archive's assets; two OOV "
                     "slots; tf_idf with the idf weights stored as a variable")


@case
def hashing_strings():
    """Hashing of strings: FarmHash64, SipHash with a salt, a string mask value, one_hot and multi_hot."""
    keras.utils.set_random_seed(18)
    words = keras.Input(shape=(3,), dtype="string", name="words")
    one = keras.Input(shape=(1,), dtype="string", name="one")
    fast = layers.Hashing(num_bins=97, name="fast")(words)
    salted = layers.Hashing(num_bins=97, salt=[133, 2 ** 40 + 7], name="salted")(words)
    single_salt = layers.Hashing(num_bins=1000003, salt=42, name="single_salt")(words)
    masked = layers.Hashing(num_bins=11, mask_value="", name="masked")(words)
    multi = layers.Hashing(num_bins=8, output_mode="multi_hot", name="multi_hot")(words)
    hot = layers.Hashing(num_bins=5, output_mode="one_hot", name="one_hot")(one)
    big = layers.Hashing(num_bins=2 ** 24, name="big")(one)
    model = keras.Model([words, one], [fast, salted, single_salt, masked, multi, hot, big])
    x = np.array([["cat", "dog", ""],
                  ["日本語", "😀", "héllo"],
                  ["a fairly long string of more than sixty-four bytes, to reach FarmHash's long path!", "x" * 33, "y" * 17],
                  ["", "", ""]], dtype=object)
    y = np.array([["cat"], [""], ["東京"], ["z" * 100]], dtype=object)
    write_case("hashing_strings", model, [x, y], atol=0, rtol=0,
               notes="Hashing of strings: to_hash_bucket_fast (FarmHash64 of the UTF-8 bytes, every length class), "
                     "to_hash_bucket_strong (SipHash, salt as two ints or one), mask_value '' (bin 0), multi_hot, "
                     "one_hot of a (batch, 1) input, 2^24 bins: bucket ids bit-exact")


@case
def hashed_crossing():
    """HashedCrossing of strings with strings and with integers: FingerprintCat64 of the features, bit-exact."""
    keras.utils.set_random_seed(19)
    a = keras.Input(shape=(1,), dtype="string", name="a")
    b = keras.Input(shape=(1,), dtype="int64", name="b")
    c = keras.Input(shape=(1,), dtype="string", name="c")
    ab = layers.HashedCrossing(num_bins=1000, name="cross_ab")((a, b))
    ac = layers.HashedCrossing(num_bins=7, name="cross_ac")((a, c))
    abc = layers.HashedCrossing(num_bins=2 ** 24, name="cross_big")((c, a))
    hot = layers.HashedCrossing(num_bins=6, output_mode="one_hot", name="cross_one_hot")((c, b))
    model = keras.Model([a, b, c], [ab, ac, abc, hot])
    xa = np.array([["cat"], ["dog"], ["日本"], [""], ["😀"]], dtype=object)
    xb = np.array([[3], [-7], [0], [16777216], [42]], dtype="int64")
    xc = np.array([["red"], [""], ["blue"], ["héllo"], ["x" * 70]], dtype=object)
    write_case("hashed_crossing", model, [xa, xb, xc], atol=0, rtol=0,
               notes="HashedCrossing (tf.sparse.cross_hashed): strings by Fingerprint64, integers by value, folded "
                     "from the key 0xDECAFCAFFE with FingerprintCat64; int and one_hot outputs; bin ids bit-exact")


if __name__ == "__main__":
    names = sys.argv[1:] or list(CASES)
    for n in names:
        CASES[n]()
