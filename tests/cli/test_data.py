"""``alliancelab data``: list, cite, sql, and clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def test_list_shows_every_source(cli) -> None:
    res = cli("data", "list")
    assert res.code == 0
    for name in ("cow_nmc", "atop_alliance", "sipri_milex", "unga_ideal_points"):
        assert name in res.out


def test_cite_one_and_all(cli) -> None:
    res = cli("data", "cite", "cow_nmc")
    assert res.code == 0 and res.out.startswith("@incollection{singeretal1972,")
    assert cli("data", "cite", "--all").out.count("@") >= 15


def test_sql_to_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "nmc.csv"
    res = cli("data", "sql", "SELECT ccode, cinc FROM cow_nmc WHERE year = 2016 "
              "AND ccode IN (2, 710) ORDER BY ccode", "--out", str(out))
    assert res.code == 0
    frame = pd.read_csv(out)
    assert frame.cinc.round(6).tolist() == [0.133254, 0.230825]


def test_bad_input_exits_2_with_one_line(cli, tmp_path: Path) -> None:
    cases = [
        ("data", "cite", "cow_nmcc"),
        ("data", "sql", "SELEC 1"),
        ("data", "sql", "SELECT 1", "--out", str(tmp_path / "missing" / "x.csv")),
        ("data", "sql", "SELECT 1", "--out", str(tmp_path / "x.xlsx")),
        ("data", "cite"),
    ]
    for args in cases:
        res = cli(*args)
        assert res.code == 2, args
        assert res.err.startswith("error: ") and res.err.count("\n") == 1, res.err
        assert "Traceback" not in res.err
    assert list(tmp_path.iterdir()) == []
