"""The docstrings' examples run and print what they say."""

from __future__ import annotations

import doctest

import pytest

import pixtip._chart
import pixtip._pictures
import pixtip.ndimage


@pytest.mark.parametrize("module", [pixtip._pictures, pixtip._chart, pixtip.ndimage])
def test_docstring_examples(module):
    failed, attempted = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert attempted > 0 and failed == 0
