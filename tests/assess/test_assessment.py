"""The whole assessment: the numbers the issue pins, the JSON shape, NA with a note."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from alliancelab.assess.assessment import assess, assess_many
from alliancelab.data import get_source
from alliancelab.errors import CoverageError, UnknownNameError

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]
RIVALS = ["CHN", "PRK", "RUS"]


def _raw_cinc_ratio(members: list[str], rivals: list[str], year: int) -> float:
    """From the raw NMC 7.0 Parquet: sum of members' cinc over sum of rivals' cinc."""
    nmc = pd.read_parquet(get_source("cow_nmc").path())
    codes = {"JPN": 740, "USA": 2, "KOR": 732, "AUS": 900, "PHL": 840, "IND": 750,
             "CHN": 710, "PRK": 731, "RUS": 365}
    year_rows = nmc[nmc.year == year].set_index("ccode").cinc
    total = year_rows[[codes[m] for m in members]].sum()
    return total / year_rows[[codes[r] for r in rivals]].sum()


@pytest.fixture(scope="module")
def core():
    return assess("asian-nato", 2022)


def test_core_five_cinc_ratio_2022(core) -> None:
    """Issue 4: core five vs China, North Korea, Russia on NMC 7.0 for 2022: about 0.63."""
    assert core.capability.cinc_ratio == pytest.approx(_raw_cinc_ratio(CORE, RIVALS, 2022),
                                                       rel=1e-12)
    assert round(core.capability.cinc_ratio, 2) == 0.63


def test_adding_india_brings_it_to_about_098() -> None:
    with_india = assess("asian-nato-india", 2022)
    expected = _raw_cinc_ratio([*CORE, "IND"], RIVALS, 2022)
    assert with_india.capability.cinc_ratio == pytest.approx(expected, rel=1e-12)
    assert round(with_india.capability.cinc_ratio, 2) == 0.98


def test_json_has_the_documented_fields(core) -> None:
    d = json.loads(json.dumps(core.to_dict(), allow_nan=False))
    assert d["scenario"]["members"] == CORE and d["scenario"]["year"] == 2022
    assert d["capability"]["members"]["cinc"] == pytest.approx(
        pd.read_parquet(get_source("cow_nmc").path()).query(
            "year == 2022 and ccode in [740, 2, 732, 900, 840]").cinc.sum())
    assert d["capability"]["rivals"]["cinc"] > d["capability"]["members"]["cinc"]
    assert d["capability"]["cinc_ratio"] == pytest.approx(core.capability.cinc_ratio)
    assert d["capability"]["milex_ratio"] == pytest.approx(core.capability.milex_ratio)
    names = {s["name"] for s in d["sources"]}
    assert {"cow_nmc", "sipri_milex", "atop_alliance", "natural_earth"} <= names
    nmc = next(s for s in d["sources"] if s["name"] == "cow_nmc")
    assert nmc["version"] == "7.0" and nmc["years_used"] == [2022]


def test_every_section_is_present(core) -> None:
    anchors = [s.anchor for s in core.sections()]
    assert anchors == ["capability", "burden", "cohesion", "exposure", "design",
                       "durability", "network", "map", "data"]
    assert core.sections() is core.sections()  # built once


def test_missing_member_data_is_na_with_a_note() -> None:
    """Taiwan has no UN ideal point after 1971 (it left the UN): NA and a note, not 0."""
    from alliancelab.treaty.tomlio import loads_scenario

    scen = loads_scenario("""
[scenario]
name = "with Taiwan"
year = 2020
rivals = ["CHN"]
[treaty]
name = "test"
members = ["USA", "JPN", "TWN"]
[[treaty.obligations]]
kind = "defense"
""", "taiwan.toml")
    a = assess(scen)
    pairs = a.cohesion.pairs
    twn = pairs[pairs.pair.str.contains("TWN")]
    assert twn.idealpoint_distance.isna().all()
    assert any("TWN" in n and "ideal point" in n for n in twn.note)


def test_status_quo_in_a_comparison_borrows_members() -> None:
    a, sq = assess_many(["asian-nato", "status-quo"], 2022)
    assert sq.members_iso3 == a.members_iso3 and sq.borrowed_members
    assert sq.durability is None and sq.institutions is None
    assert sq.network.metrics.loc["after", "edges"] == sq.network.metrics.loc["before", "edges"]
    assert a.network.metrics.loc["after", "edges"] > a.network.metrics.loc["before", "edges"]


def test_bad_scenario_and_year() -> None:
    with pytest.raises(UnknownNameError, match="asian-nato"):
        assess("asian-natoo")
    with pytest.raises(CoverageError, match="1816"):
        assess("asian-nato", 1700)
