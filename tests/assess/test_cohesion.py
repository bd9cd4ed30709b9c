"""Pairwise cohesion against the raw UNGA, V-Dem and ATOP tables."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from alliancelab.assess.cohesion import cohesion, cohesion_heatmap
from alliancelab.assess.similarity import portfolio_similarity
from alliancelab.data import get_source
from alliancelab.errors import InputError, UnknownNameError

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]


def _raw(name: str) -> pd.DataFrame:
    return pd.read_parquet(get_source(name).path())


@pytest.fixture(scope="module")
def with_taiwan():
    return cohesion([*CORE, "Taiwan"], 2024)


def test_ideal_point_and_regime_gaps_match_raw_tables(with_taiwan) -> None:
    """UNGA June 2024 estimates: 2024 falls back to 2023 (session 78); V-Dem runs to 2025."""
    unga = _raw("unga_ideal_points")
    unga = unga[unga.year == 2023].set_index("ccode").IdealPointAll
    vdem = _raw("democracy")
    vdem = vdem[vdem.year == 2024].set_index("ccode").v2x_polyarchy
    pairs = with_taiwan.pairs.set_index("pair")
    assert pairs.loc["JPN–KOR", "idealpoint_distance"] == pytest.approx(abs(unga[740] - unga[732]))
    assert pairs.loc["USA–PHL", "idealpoint_distance"] == pytest.approx(abs(unga[2] - unga[840]))
    assert pairs.loc["AUS–PHL", "polyarchy_difference"] == pytest.approx(abs(vdem[900] - vdem[840]))
    ip = next(p for p in with_taiwan.sources if p.source == "unga_ideal_points")
    assert ip.year_used == 2023


def test_taiwan_has_no_un_ideal_point_so_its_cells_are_na_with_a_note(with_taiwan) -> None:
    pairs = with_taiwan.pairs.set_index("pair")
    for other in CORE:
        row = pairs.loc[f"{other}–TWN"]
        assert math.isnan(row.idealpoint_distance)
        assert "TWN not in UN ideal points 2023" in row.note
        assert not math.isnan(row.polyarchy_difference)  # V-Dem covers Taiwan
    assert pairs.loc["JPN–KOR", "note"] == ""
    d = json.loads(json.dumps(with_taiwan.to_dict()))
    assert d["pairs"][4]["idealpoint_distance"] is None


def test_pair_similarity_equals_the_similarity_module() -> None:
    c = cohesion(CORE, 2018)
    single = portfolio_similarity("JPN", "PHL", 2018)
    row = c.pairs.set_index("pair").loc["JPN–PHL"]
    for m in ("s_unweighted", "s_weighted", "kappa", "pi"):
        assert row[m] == pytest.approx(getattr(single, m))


def test_nonaggression_option_changes_the_japan_korea_tie() -> None:
    """ATOP 5.1, 2018: Japan and South Korea share only non-aggression (treaty 3755)."""
    without = cohesion(["JPN", "KOR"], 2018).pairs.iloc[0]
    with_na = cohesion(["JPN", "KOR"], 2018, include_nonagg=True).pairs.iloc[0]
    assert with_na.kappa != pytest.approx(without.kappa)


def test_least_cohesive_pair_is_lowest_kappa(with_taiwan) -> None:
    p = with_taiwan.pairs
    assert with_taiwan.least_cohesive_pair == p.loc[p.kappa.idxmin(), "pair"]
    worst_un = with_taiwan.least_cohesive["idealpoint_distance"]
    assert worst_un["value"] == pytest.approx(p.idealpoint_distance.max())


def test_heatmap_and_matrix(with_taiwan) -> None:
    mat = with_taiwan.matrix("idealpoint_distance")
    assert mat.loc["JPN", "JPN"] == 0 and math.isnan(mat.loc["TWN", "USA"])
    fig = cohesion_heatmap(with_taiwan, "idealpoint_distance")
    hover = fig.data[0].hovertext
    assert any("TWN not in UN ideal points" in h for row in hover for h in row)
    assert "UNGA ideal point estimates" in fig.layout.annotations[0].text
    with pytest.raises(UnknownNameError):
        cohesion_heatmap(with_taiwan, "friendship")


def test_needs_two_members() -> None:
    with pytest.raises(InputError, match="two"):
        cohesion(["JPN"], 2018)
