"""Bad inputs raise the documented exceptions with one-line messages."""

from __future__ import annotations

import os

import numpy as np
import pytest

import pixtip


def test_wrong_ndim_is_a_value_error():
    with pytest.raises(ValueError, match=r"a stack needs at least 3 dimensions \(N×H×W\), this array has shape \[4, 4\]"):
        pixtip.pictures(np.zeros((4, 4)))


def test_ragged_sequences_are_value_errors():
    with pytest.raises(ValueError, match="rows"):
        pixtip.pictures((np.zeros((3, 4, 4)), np.zeros((2, 4, 4))))


def test_object_and_unsupported_dtypes_are_type_errors():
    with pytest.raises(TypeError, match="dtype object"):
        pixtip.pictures(np.empty((2, 3, 3), dtype=object))
    with pytest.raises(TypeError, match="dtype complex128"):
        pixtip.pictures(np.zeros((2, 3, 3), dtype=complex))
    with pytest.raises(TypeError, match="expected a numpy array"):
        pixtip.pictures("images")


def test_nan_only_columns_name_the_column_and_row():
    images = np.full((3, 4, 4), np.nan)
    with pytest.raises(ValueError, match="images"):
        pixtip.pictures(images, scale="global")
    images = np.random.default_rng(0).random((3, 4, 4))
    images[1] = np.nan
    with pytest.raises(ValueError, match="row 1 of `images`"):
        pixtip.pictures(images, scale="per-image")


def test_bad_scales_colormaps_and_presets():
    images = np.zeros((1, 4, 4), dtype=np.uint8)
    with pytest.raises(ValueError, match="needs finite LO below HI"):
        pixtip.pictures(images, scale=("range", 5, 1))
    with pytest.raises(ValueError, match="expected auto, unit, global, per-image"):
        pixtip.pictures(images, scale="loud")
    with pytest.raises(TypeError, match="scale must be"):
        pixtip.pictures(images, scale=3)
    with pytest.raises(ValueError, match="unknown colormap `jet`"):
        pixtip.pictures(images, colormap="jet")
    with pytest.raises(ValueError, match="unknown PNG preset"):
        pixtip.pictures(images, png="best")
    with pytest.raises(ValueError, match="thumbnail"):
        pixtip.pictures(images, thumbnail=0)


def test_missing_columns_name_what_the_table_has():
    images = np.zeros((2, 4, 4), dtype=np.uint8)
    with pytest.raises(ValueError, match=r"no column `nope` \(the table has: size, image, index"):
        pixtip.chart({"size": [1, 2]}, images=images, x="nope", y="size")


def test_table_and_images_of_different_lengths():
    with pytest.raises(ValueError, match="the table has 3 rows but images `image` has 2"):
        pixtip.chart({"size": [1, 2, 3]}, images=np.zeros((2, 4, 4)))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folders_are_os_errors_as_non_root(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    with pytest.raises(OSError):
        pixtip.pictures(np.zeros((1, 4, 4)), files=locked / "pictures")


def test_folders_holding_other_files_are_refused(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(OSError, match="mine"):
        pixtip.pictures(np.zeros((1, 4, 4)), files=folder)
    assert (folder / "notes.txt").read_text() == "keep me"


def test_a_file_where_the_folder_should_be_is_an_os_error(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(OSError):
        pixtip.pictures(np.zeros((1, 4, 4)), files=target)
