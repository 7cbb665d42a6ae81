"""Ctrl-C stops a long call between batches of rows."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

LONG_CALL = """
import sys, numpy as np, pixtip
images = np.random.default_rng(0).random((60_000, 64, 64), dtype=np.float32)
print("ready", flush=True)
try:
    pixtip.pictures(images)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


def test_sigint_raises_keyboard_interrupt_before_the_call_ends():
    child = subprocess.Popen([sys.executable, "-c", LONG_CALL], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    sent = time.perf_counter()
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=120)
    stopped = time.perf_counter() - sent
    assert child.returncode == 3 and out.strip() == "interrupted", (child.returncode, out)
    # 60,000 pictures take seconds; a stop between batches of 1,024 rows comes
    # much sooner than the end of the call would.
    assert stopped < 2.0, f"stopped {stopped:.2f} s after the signal"
