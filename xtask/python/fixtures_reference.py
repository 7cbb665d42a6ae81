"""Reference datasets from make_reference.py for several seeds and shapes.

Usage: python fixtures_reference.py OUT_DIR
Writes OUT_DIR/<name>/{areas.csv,arrays.npz[,comparison.vl.json,metric-switch.vl.json]}
and OUT_DIR/cases.json describing each case. The tutorial's own case
(altair-200, the outputs of make_reference.py's defaults) was written once and
is left alone.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    {"name": "int7-rows12-w32", "seed": "7", "rows": 12, "width": 32, "ndim": 2},
    {"name": "list-rows9-w40", "seed": "1,2,3,4,5", "rows": 9, "width": 40, "ndim": 2},
    {"name": "pixtip-rows6-w24-3d", "seed_text": "pixtip", "rows": 6, "width": 24, "ndim": 3},
    {"name": "altair-rows30-w96", "seed_text": "altair", "rows": 30, "width": 96, "ndim": 2},
]


def main():
    out = sys.argv[1]
    for case in CASES:
        target = os.path.join(out, case["name"])
        args = [sys.executable, os.path.join(HERE, "make_reference.py"), "--out", target, "--arrays",
                "--rows", str(case["rows"]), "--width", str(case["width"]), "--ndim", str(case["ndim"])]
        if "seed" in case:
            args += ["--seed", case["seed"]]
        else:
            args += ["--seed-text", case["seed_text"]]
        subprocess.run(args, check=True)
        print("wrote", target)
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(CASES, f, indent=1)


if __name__ == "__main__":
    main()
