"""Rewrites testmodels/keras3/INDEX.json from every case folder's case.json: backend, layers, size, tolerance,
the forms compared and the difference Keras itself shows on reloading each form.

    python3 testmodels/tools/index_cases.py
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "keras3"))


def main():
    index = {}
    for name in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, name)
        case = os.path.join(folder, "case.json")
        if not os.path.isfile(case):
            continue
        with open(case) as f:
            c = json.load(f)
        size = sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n)))
        entry = {"backend": c.get("backend"), "layers": sorted(set(c.get("layers_used", [])) | {"InputLayer"}), "bytes": size,
                 "tolerance": c.get("tolerance"), "reload": c.get("reload_max_abs_diff")}
        if "forms" in c:
            entry["forms"] = c["forms"]
        if c.get("expect_unsupported"):
            entry["expect_unsupported"] = c["expect_unsupported"]
        index[name] = entry
    with open(os.path.join(ROOT, "INDEX.json"), "w") as f:
        json.dump(index, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d cases indexed" % len(index))


if __name__ == "__main__":
    main()
