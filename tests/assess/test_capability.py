"""Capability balance against the raw NMC, SIPRI and FAS tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliancelab.assess.capability import capability_balance, capability_figure
from alliancelab.data import get_source, load
from alliancelab.errors import CoverageError

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]
CORE_CCODES = [740, 2, 732, 900, 840]
RIVALS = ["CHN", "PRK", "RUS"]
RIVAL_CCODES = [710, 731, 365]


def _raw_cinc(ccodes: list[int], year: int) -> float:
    nmc = pd.read_parquet(get_source("cow_nmc").path())  # the raw file, not our loader
    return float(nmc[(nmc.year == year) & nmc.ccode.isin(ccodes)].cinc.sum())


def test_core_five_vs_rivals_cinc_2022() -> None:
    """Issue 4: core five vs CHN, PRK, RUS on NMC 7.0 for 2022, CINC ratio about 0.63;
    with India about 0.98. The exact values are recomputed here from the raw cow_nmc
    parquet (sum of each group's ``cinc``)."""
    expected = _raw_cinc(CORE_CCODES, 2022) / _raw_cinc(RIVAL_CCODES, 2022)
    with_india = _raw_cinc([*CORE_CCODES, 750], 2022) / _raw_cinc(RIVAL_CCODES, 2022)
    core = capability_balance(CORE, RIVALS, 2022)
    plus = capability_balance([*CORE, "India"], RIVALS, 2022)
    assert core.cinc_ratio == pytest.approx(expected, rel=1e-12)
    assert plus.cinc_ratio == pytest.approx(with_india, rel=1e-12)
    assert core.cinc_ratio == pytest.approx(0.6322712, abs=1e-7)
    assert plus.cinc_ratio == pytest.approx(0.9793419, abs=1e-7)
    assert round(core.cinc_ratio, 2) == 0.63 and round(plus.cinc_ratio, 2) == 0.98


def test_aus_means_australia_not_austria() -> None:
    """COW's abbreviation for Austria is AUS; ISO3 AUS is Australia (COW 900)."""
    cb = capability_balance(CORE, RIVALS, 2022)
    assert 900 in cb.states.ccode.tolist() and 305 not in cb.states.ccode.tolist()


def test_milex_ratio_and_missing_north_korea() -> None:
    """SIPRI 2024 release: North Korea has no figures, so its cell is NA (not 0) with a
    note, and the rivals' total is the sum of China's and Russia's (the Russia row, not
    the USSR's, after 1991)."""
    raw = load("sipri_milex")
    raw = raw[(raw.year == 2022) & ~raw.country.str.contains("USSR", na=False)]
    by = raw.set_index("ccode").milex_const2023_usd_m
    cb = capability_balance(CORE, RIVALS, 2022)
    prk = cb.states.set_index("iso3").loc["PRK", "milex_const2023_usd_m"]
    assert math.isnan(prk)
    assert any(n.startswith("PRK: no SIPRI") for n in cb.notes)
    members = sum(by[c] for c in CORE_CCODES)
    rivals = by[710] + by[365]
    assert cb.milex_ratio == pytest.approx(members / rivals, rel=1e-12)
    assert cb.totals.loc["rivals", "n_with_milex_const2023_usd_m"] == 2


def test_warheads_from_fas_and_zero_for_non_nuclear_states() -> None:
    fas = load("fas_nuclear_stockpiles")
    fas = fas[fas.year == 2022].set_index("iso3c").nuclear_weapons_stockpile
    cb = capability_balance(CORE, RIVALS, 2022)
    got = cb.states.set_index("iso3").warheads
    assert got["USA"] == fas["USA"] and got["JPN"] == 0
    assert cb.warheads_ratio == pytest.approx(fas["USA"] / (fas["CHN"] + fas["PRK"] + fas["RUS"]))


def test_later_year_falls_back_and_says_so() -> None:
    cb = capability_balance(CORE, RIVALS, 2024)
    nmc = next(p for p in cb.sources if p.source == "cow_nmc")
    assert nmc.year_used == 2022 and nmc.fell_back
    assert any("2022 used for 2024" in n for n in cb.notes)
    assert cb.cinc_ratio == pytest.approx(capability_balance(CORE, RIVALS, 2022).cinc_ratio)
    sipri = next(p for p in cb.sources if p.source == "sipri_milex")
    assert sipri.year_used == 2024


def test_before_sipri_the_milex_is_na() -> None:
    cb = capability_balance(["USA"], ["RUS"], 1930)
    assert cb.states.milex_const2023_usd_m.isna().all()
    assert math.isnan(cb.milex_ratio)
    assert math.isnan(cb.warheads_ratio)  # FAS starts in 1945
    assert any("starts in 1949" in n for n in cb.notes)


def test_series_and_figure() -> None:
    cb = capability_balance(CORE, RIVALS, 2022)
    s = cb.series.set_index(["group", "year"])
    assert s.loc[("members", 1990), "cinc"] == pytest.approx(_raw_cinc(CORE_CCODES, 1990))
    assert s.index.get_level_values("year").min() == 1990
    fig = capability_figure(cb)
    assert len(fig.data) == 2
    caption = fig.layout.annotations[0].text
    assert "COW National Material Capabilities 7.0 [cow_nmc], 2022" in caption


def test_result_object_is_json_safe() -> None:
    import json

    cb = capability_balance(CORE, RIVALS, 2022, others=["IND"])
    d = json.loads(json.dumps(cb.to_dict()))
    assert d["cinc_ratio"] == pytest.approx(cb.cinc_ratio)
    assert [s["iso3"] for s in d["others"]] == ["IND"]
    assert "members/rivals" in cb.summary().index
    assert "Sources" in cb._repr_html_()


def test_bad_year() -> None:
    with pytest.raises(CoverageError, match="1816"):
        capability_balance(CORE, RIVALS, 1800)
