"""The README's Python examples run as written."""

from __future__ import annotations

import os
import re

from conftest import ROOT


def test_the_readmes_python_examples_run(tmp_path):
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## For Python users") :]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) >= 3
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the examples save files
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert (tmp_path / "cells.html").exists()
    assert len(namespace["pictures"]) == 200
