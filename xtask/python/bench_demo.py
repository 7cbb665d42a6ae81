"""Whole-process wall time and peak memory of `pixtip demo` against the Python
reference doing the same work (`make_reference.py --html`: data, areas.csv,
both charts as JSON and HTML).

Usage: python bench_demo.py PIXTIP_BINARY WORK_DIR REPEATS
Prints one JSON object: for each side, the wall times of every run (seconds)
and the peak resident memory (KiB) of the largest run, from wait4's rusage.
The sides take turns, run by run, so that on a shared machine a burst of
someone else's load falls on all of them alike.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(command):
    """Wall time, peak resident KiB and CPU seconds (user + system) of a run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main():
    binary, work, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sides = {
        "pixtip": [binary, "demo", "--out", os.path.join(work, "pixtip")],
        "pixtip --png fast": [binary, "demo", "--png", "fast", "--out", os.path.join(work, "pixtip-fast")],
        "pixtip --picture-files": [binary, "demo", "--picture-files", "--out", os.path.join(work, "pixtip-files")],
        "python": [sys.executable, os.path.join(HERE, "make_reference.py"), "--html", "--out", os.path.join(work, "python")],
    }
    runs = {name: [] for name in sides}
    for _ in range(repeats):
        for name, command in sides.items():
            runs[name].append(measure(command))
    result = {
        name: {"walls": [w for w, _, _ in rs], "peak_kib": max(m for _, m, _ in rs)}
        for name, rs in runs.items()
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
