"""Atomic output: permissions, symlinks, formats, and clean failures."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alliancelab.errors import OutputError
from alliancelab.fileio import write_table, write_text


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "r.html", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")
    target.chmod(0o640)
    write_text(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_table(pd.DataFrame({"a": [1]}), link)
    assert link.is_symlink() and real.read_text().startswith("a")


def test_csv_writes_na_and_round_trips(tmp_path: Path) -> None:
    frame = pd.DataFrame({"ccode": pd.array([2, None], dtype="Int32"), "cinc": [0.1, np.nan],
                          "name": ["USA", None]})
    write_table(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text().splitlines() == ["ccode,cinc,name", "2,0.1,USA",
                                                             "NA,NA,NA"]


def test_unwritable_values_fail_cleanly(tmp_path: Path) -> None:
    frame = pd.DataFrame({"x": [object()]})
    with pytest.raises(OutputError) as err:
        write_table(frame, tmp_path / "t.dta")
    assert "\n" not in str(err.value) and not (tmp_path / "t.dta").exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["missing/x.csv", "t.xlsx"])
def test_bad_paths(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / name)


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError, match="not a folder"):
        write_text(tmp_path / "f" / "x.html", "x")
