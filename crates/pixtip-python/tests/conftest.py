"""Shared set-up for the Python package's tests: the repository's fixtures
and the `pixtip` command line, whose outputs the package must equal."""

from __future__ import annotations

import base64
import io
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `pixtip` binary (`cargo xtask python` builds it and sets PIXTIP_CLI)."""
    path = Path(os.environ.get("PIXTIP_CLI", ROOT / "target" / "debug" / "pixtip"))
    if not path.exists():
        subprocess.run(["cargo", "build", "--quiet", "-p", "pixtip-cli"], cwd=ROOT, check=True)
    return path


def run_cli(cli: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli), *args], capture_output=True, text=True, cwd=ROOT)


def decode(uri: str) -> "tuple[str, np.ndarray]":
    """A PNG data URI's mode and pixels, as Pillow reads them."""
    from PIL import Image

    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix), uri[:40]
    image = Image.open(io.BytesIO(base64.b64decode(uri[len(prefix) :])))
    return image.mode, np.asarray(image)
