"""Exposure against the raw TSS rivalry, CoW-MID and contiguity tables."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from alliancelab.assess.exposure import exposure, exposure_figure
from alliancelab.data import get_source, iso3_for

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]
CORE_CCODES = [740, 2, 732, 900, 840]
RIVALS = ["CHN", "PRK", "RUS"]


def _raw(name: str) -> pd.DataFrame:
    return pd.read_parquet(get_source(name).path())


def _raw_rivals(ccode: int, year: int) -> set[int]:
    """TSS rivalries in force in ``year`` (start <= year <= end), either side of the pair."""
    t = _raw("tss_rivalries")
    t = t[(t.start <= year) & (t.end >= year)]
    return set(t.loc[t.ccode1 == ccode, "ccode2"]) | set(t.loc[t.ccode2 == ccode, "ccode1"])


def _raw_disputes(ccode: int, first: int, last: int) -> pd.Series:
    m = _raw("cow_mid_ddydisps")
    m = m[(m.ccode1 == ccode) & m.year.between(first, last)]
    return m.groupby("ccode2").dispnum.nunique()


@pytest.fixture(scope="module")
def core():
    return exposure(CORE, RIVALS, 2024)


def test_windows_and_fallbacks_are_stated(core) -> None:
    assert core.rivalry_year == 2020 and core.mid_window == (2005, 2014)
    assert any("2005-2014" in n for n in core.notes)
    assert any("2016 used for 2024" in n for n in core.notes)  # contiguity
    assert exposure(CORE, RIVALS, 2024, window=5).mid_window == (2010, 2014)


def test_rivalries_and_disputes_match_raw_tables(core) -> None:
    """TSS: the US's rivalries in 2020 are Cuba, Iran, China and Russia (tssr 130, 185,
    211, 246); Japan's is China (213). Disputes: distinct CoW-MID ``dispnum`` per partner."""
    t = core.table.set_index("state")
    for ccode, iso in zip(CORE_CCODES, CORE, strict=True):
        assert t.loc[iso, "n_rivalries"] == len(_raw_rivals(ccode, 2020))
        raw = _raw_disputes(ccode, 2005, 2014)
        assert t.loc[iso, "n_disputes"] == _raw("cow_mid_ddydisps").pipe(
            lambda m, c=ccode: m[(m.ccode1 == c) & m.year.between(2005, 2014)].dispnum.nunique())
        listed = ", ".join([t.loc[iso, c] for c in
                            ("disputes_with_rivals", "disputes_with_members",
                             "disputes_with_others") if t.loc[iso, c]])
        for partner, n in raw.items():
            assert f"{iso3_for(int(partner), 2024)} ({n})" in listed
    assert t.loc["USA", "rivalries_with_rivals"] == "CHN, RUS"
    assert t.loc["USA", "rivalries_with_others"] == "CUB, IRN"
    assert t.loc["JPN", "disputes_with_members"].startswith("KOR")


def test_contiguity_with_rivals(core) -> None:
    """COW contiguity 3.2: South Korea-North Korea land border (type 1), Korea-China up to
    150 miles of water (type 4), Korea-Russia up to 400 (type 5)."""
    t = core.table.set_index("state")
    assert "PRK (land)" in t.loc["KOR", "contiguous_rivals"]
    assert "CHN (water ≤150 mi)" in t.loc["KOR", "contiguous_rivals"]
    assert t.loc["AUS", "contiguous_rivals"] == ""


def test_entrapment_by_brute_force(core) -> None:
    """Imported = allies' adversaries (rivalry or dispute partners, non-members) that are
    not already the member's own."""
    adv = {c: (_raw_rivals(c, 2020) | set(_raw_disputes(c, 2005, 2014).index))
           - set(CORE_CCODES) for c in CORE_CCODES}
    for ccode, iso in zip(CORE_CCODES, CORE, strict=True):
        expected = set().union(*(adv[a] for a in CORE_CCODES if a != ccode)) - adv[ccode]
        got = set(core.imported[iso])
        assert got == {iso3_for(int(c), 2024) for c in expected}
        assert core.table.set_index("state").loc[iso, "n_imported"] == len(expected)
    assert core.imported["AUS"]["CHN"] == ["JPN", "USA", "KOR", "PHL"]


def test_first_year_of_the_data() -> None:
    """TSS: in 1816 the US is in rivalries with Britain (1816-1904, tssr 30) and Spain
    (1816-1819, tssr 28); the MID window is clipped at 1816."""
    ex = exposure(["USA"], ["UKG"], 1816)
    row = ex.table.iloc[0]
    assert row.n_rivalries == 2 and row.rivalries_with_rivals == "GBR"
    assert row.rivalries_with_others == "ESP"
    assert ex.mid_window == (1816, 1816)


def test_figure_and_json(core) -> None:
    fig = exposure_figure(core)
    assert len(fig.data) == 2 and list(fig.data[1].y) == core.table.n_imported.tolist()
    assert "CoW-MID" in fig.layout.annotations[0].text
    json.dumps(core.to_dict())
