"""``alliancelab panel``: files by extension, and clear errors with no partial output."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest


@pytest.mark.parametrize("ext", [".parquet", ".csv", ".dta"])
def test_dyad_years_to_file(cli, tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"ddy{ext}"
    res = cli("panel", "dyad-years", "--years", "2018", "--add", "atop,nmc", "--out", str(out))
    assert res.code == 0, res.err
    frame = {".parquet": pd.read_parquet, ".csv": pd.read_csv, ".dta": pd.read_stata}[ext](out)
    assert len(frame) == 195 * 194
    us_japan = frame[(frame.ccode1 == 2) & (frame.ccode2 == 740)]
    assert int(us_japan.atop_defense.iloc[0]) == 1


def test_state_years_csv_writes_na(cli, tmp_path: Path) -> None:
    out = tmp_path / "sy.csv"
    assert cli("panel", "state-years", "--years", "2022-2023", "--add", "nmc",
               "--out", str(out)).code == 0
    frame = pd.read_csv(out, keep_default_na=False)
    assert (frame.loc[frame.year == 2023, "cinc"] == "NA").all()


@pytest.mark.parametrize("args", [
    ("--years", "2018", "--add", "atopp"),
    ("--years", "18-2016x"),
    ("--years", "1700-1800"),
    ("--years", "2023-2024", "--add", "atop,cow_mids"),
])
def test_bad_input(cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    out = tmp_path / "x.parquet"
    res = cli("panel", "dyad-years", *args, "--out", str(out))
    assert res.code == 2 and res.err.startswith("error: ")
    assert not out.exists()


def test_unwritable_out(cli, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    existing = locked / "x.csv"
    existing.write_text("keep me")
    locked.chmod(0o500)
    try:
        res = cli("panel", "state-years", "--years", "2000", "--out", str(existing))
    finally:
        locked.chmod(0o700)
    # root may write anywhere; then the write must at least have been complete
    if res.code == 2:
        assert "cannot write" in res.err and existing.read_text() == "keep me"
    else:
        assert len(pd.read_csv(existing)) > 100
