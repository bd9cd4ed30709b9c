"""Importing a newer release: checked, atomic, traceable, and reversible."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from alliancelab.data import catalog, importer, load
from alliancelab.errors import DataFileError, UnknownNameError
from alliancelab.settings import get_settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ALLIANCELAB_DATA_DIR", str(tmp_path / "user"))
    get_settings.cache_clear()
    catalog.clear_caches()
    yield tmp_path / "user"
    get_settings.cache_clear()
    catalog.clear_caches()


def _release(tmp_path: Path) -> Path:
    """A 'new release' of COW majors: the real table plus a year for the US."""
    majors = load("cow_majors")
    majors.loc[majors.ccode == 2, "endyear"] = 2017
    path = tmp_path / "majors.csv"
    majors.to_csv(path, index=False)
    return path


def test_import_then_reset(data_dir: Path, tmp_path: Path) -> None:
    src = importer.import_source("cow_majors", _release(tmp_path), "2017-test")
    assert (src.version, src.years, src.rows, src.imported) == ("2017-test", (1816, 2017), 14, True)
    assert int(load("cow_majors").endyear.max()) == 2017
    assert json.loads((data_dir / "manifest.json").read_text())["cow_majors"]["rows"] == 14
    back = importer.reset_source("cow_majors")
    assert back.version == "2016" and not back.imported
    assert int(load("cow_majors").endyear.max()) == 2016


def test_truncated_file_leaves_data_untouched(data_dir: Path, tmp_path: Path) -> None:
    good = importer.import_source("cow_majors", _release(tmp_path), "v1")
    broken = tmp_path / "broken.parquet"
    broken.write_bytes((catalog.BUNDLED / "cow_majors.parquet").read_bytes()[:300])
    with pytest.raises(DataFileError, match=r"broken\.parquet"):
        importer.import_source("cow_majors", broken, "v2")
    assert catalog.get_source("cow_majors").version == good.version == "v1"
    assert sorted(p.name for p in data_dir.iterdir()) == ["cow_majors.parquet", "manifest.json"]


def test_missing_column_is_named(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "nmc.csv"
    load("cow_nmc").drop(columns=["cinc"]).to_csv(path, index=False)
    with pytest.raises(DataFileError, match="missing column cinc"):
        importer.import_source("cow_nmc", path, "8.0")
    assert not (data_dir / "cow_nmc.parquet").exists()


def test_bad_values_are_named(data_dir: Path, tmp_path: Path) -> None:
    frame = load("cow_majors").astype({"styear": "object"})
    frame.loc[0, "styear"] = "eighteen-ninety-eight"
    path = tmp_path / "majors.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(DataFileError, match="'styear'"):
        importer.import_source("cow_majors", path, "x")


def test_unknown_source(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError):
        importer.import_source("cow_nmcc", tmp_path / "x.csv", "1")


def test_stata_release(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "majors.dta"
    pd.read_csv(_release(tmp_path)).to_stata(path, write_index=False)
    assert importer.import_source("cow_majors", path, "dta").years == (1816, 2017)


def test_a_release_with_only_recent_years_is_refused(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "nmc.csv"
    nmc = load("cow_nmc")
    nmc[nmc.year >= 2021].to_csv(path, index=False)
    with pytest.raises(DataFileError, match="starts in 1816"):
        importer.import_source("cow_nmc", path, "8.0")
    assert importer.import_source("cow_nmc", path, "8.0", allow_partial=True).years == (2021,
                                                                                         2022)
