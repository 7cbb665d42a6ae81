"""Whole-process wall time, peak memory and output size of `pixtip chart`
against the Python route (chart_altair.py) on the same inputs.

Usage: python bench_chart.py PIXTIP_BINARY WORK_DIR REPEATS
Prints one JSON object: for each run, the wall times and CPU times (user +
system, seconds), the peak resident memory (KiB, largest run) and the bytes
of the page it wrote. Outputs go to $PIXTIP_BENCH_OUT when set (a tmpfs such
as /dev/shm, where creating 100,000 files costs what it costs on any disk
rather than what this VM's disk charges after the last run's deletions),
else into WORK_DIR.
"""
import json
import os
import shutil
import subprocess
import sys

from bench_demo import measure

HERE = os.path.dirname(os.path.abspath(__file__))


def tree_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main():
    binary, work, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    outs = os.environ.get("PIXTIP_BENCH_OUT") or work
    os.makedirs(outs, exist_ok=True)
    node_modules = os.path.join(os.path.dirname(os.path.dirname(HERE)), "node_modules")
    for n in (10_000, 100_000):
        subprocess.run([sys.executable, os.path.join(HERE, "chart_inputs.py"), work, str(n)], check=True)
    for n in (10_000, 100_000):
        subprocess.run([sys.executable, os.path.join(HERE, "chart_inputs.py"), work, str(n), "stores"],
                       check=True)
    million = os.environ.get("PIXTIP_BENCH_MILLION") == "1"
    if million:
        subprocess.run([sys.executable, os.path.join(HERE, "chart_inputs.py"), work, "1000000", "digits"],
                       check=True)

    def pixtip(n, mode):
        out = os.path.join(outs, f"pixtip-{n}-{mode}")
        return out, [binary, "chart", os.path.join(work, f"cells_{n}.npy"),
                     "--table", os.path.join(work, f"table_{n}.csv"),
                     "--x", "x", "--y", "y", "--color", "cluster", "--tooltip", "index",
                     "--pictures", mode, "--out", out, "--offline-js", node_modules]

    altair_out = os.path.join(outs, "altair-10000.html")
    runs = {
        "python 10k embed": (altair_out, [sys.executable, os.path.join(HERE, "chart_altair.py"),
                                          os.path.join(work, "cells_10000.npy"),
                                          os.path.join(work, "table_10000.csv"), altair_out]),
        "pixtip 10k embed": pixtip(10_000, "embed"),
        "pixtip 10k files": pixtip(10_000, "files"),
        "pixtip 100k files": pixtip(100_000, "files"),
    }
    # The same 100,000 images where users keep them (issue 18): float32 from
    # a chunked gzip HDF5 dataset against the .npy above; 8-bit PNG bytes in a
    # Parquet table against the same 8-bit images from a .npy.
    # The 10,000-image stores tell whether the stores' memory stays flat.
    stores = {
        "pixtip 10k files h5": ["cells_10000.h5:/cells", "--table", "table_10000.csv"],
        "pixtip 100k files h5": ["cells_100000.h5:/cells", "--table", "table_100000.csv"],
        "pixtip 100k files h5 shuffle": ["cells_shuffle_100000.h5:/cells", "--table", "table_100000.csv"],
        "pixtip 100k u8 files": ["cells_u8_100000.npy", "--table", "table_100000.csv"],
        "pixtip 10k files parquet": ["cells_png_10000.parquet"],
        "pixtip 100k files parquet": ["cells_png_100000.parquet"],
    }
    for name, args in stores.items():
        out = os.path.join(outs, name.replace(" ", "-"))
        inputs = [os.path.join(work, a) if a.endswith((".csv", ".npy", ".parquet")) or ".h5:" in a else a
                  for a in args]
        runs[name] = (out, [binary, "chart", *inputs, "--x", "x", "--y", "y", "--color", "cluster",
                            "--pictures", "files", "--out", out, "--offline-js", node_modules])
    if million:
        # A user who insists on one self-contained page of a million digits.
        out = os.path.join(outs, "pixtip-digits-1000000-embed")
        runs["pixtip 1M digits embed"] = (out, [
            binary, "chart", os.path.join(work, "digits_1000000.npy"),
            "--table", os.path.join(work, "digits_1000000.csv"),
            "--x", "x", "--y", "y", "--color", "label:N", "--out", out, "--offline-js", node_modules,
            "--force-large-page"])
    result = {}
    for name, (out, command) in runs.items():
        walls, cpus, peak = [], [], 0
        for _ in range(1 if name.startswith("pixtip 1M") else repeats):
            if os.path.isdir(out):
                shutil.rmtree(out)
            wall, rss, cpu = measure(command)
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
        page = out if out.endswith(".html") else os.path.join(out, "chart.html")
        pictures = os.path.join(out, "pictures") if not out.endswith(".html") else None
        result[name] = {
            "walls": walls,
            "cpus": cpus,
            "peak_kib": peak,
            "page_bytes": os.path.getsize(page),
            "picture_bytes": tree_bytes(pictures) if pictures and os.path.isdir(pictures) else 0,
            "out": out,
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
