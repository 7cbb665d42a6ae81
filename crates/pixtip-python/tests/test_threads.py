"""The GIL is released while pixtip works, and calls are thread-safe."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

import pixtip
from pixtip import ndimage


def test_another_python_thread_runs_while_pictures_are_made():
    images = np.random.default_rng(0).random((3000, 64, 64), dtype=np.float32)
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.05)
        before = ticks
        started = time.perf_counter()
        pixtip.pictures(images)
        elapsed = time.perf_counter() - started
        during = ticks - before
    finally:
        stop.set()
        counter.join()
    # With the GIL held the counter could not move during the call (one tick
    # at most, from before the call took it); released, it keeps ticking.
    assert elapsed > 0.05, "the call should take a while for this check to mean something"
    assert during >= 10, f"{during} ticks in {elapsed:.3f} s"


def test_calls_from_many_threads_give_one_threads_results():
    rng = np.random.default_rng(1)
    stacks = [rng.random((50, 24, 24)) for _ in range(8)]
    alone = [pixtip.pictures(s, scale="per-image") for s in stacks]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda s: pixtip.pictures(s, scale="per-image"), stacks))
    assert together == alone
    arrays = [rng.normal(size=(64, 64)) for _ in range(8)]
    alone = [ndimage.gaussian_filter(a, 2.0) for a in arrays]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda a: ndimage.gaussian_filter(a, 2.0), arrays))
    assert all((a == b).all() for a, b in zip(alone, together))
