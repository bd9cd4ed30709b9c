"""Propensities and sizes from the bundled data (real data, values checked against sources)."""

from __future__ import annotations

import numpy as np
import pytest

from alliancelab.align.propensity import (
    COMPONENTS,
    Weights,
    _proximity,
    data_problem,
    propensities,
)
from alliancelab.errors import CoverageError, InputError

EAST = ["USA", "JPN", "CHN", "KOR", "PRK", "RUS", "TWN"]


@pytest.fixture(scope="module")
def east_2015():
    return propensities(EAST, 2015)


def test_components_are_symmetric_bounded_and_combine_linearly(east_2015) -> None:
    n = len(EAST)
    off = ~np.eye(n, dtype=bool)
    for name in COMPONENTS:
        x = east_2015.components[name]
        assert np.allclose(np.nan_to_num(x), np.nan_to_num(x.T))
        assert np.nanmin(x[off]) >= -1 and np.nanmax(x[off]) <= 1
    w = Weights(alliance=0.5, ideal_points=2, rivalry=1, disputes=0, regime=1)
    expected = sum(getattr(w, c) * np.nan_to_num(east_2015.components[c]) for c in COMPONENTS)
    np.fill_diagonal(expected, 0)
    np.testing.assert_allclose(east_2015.matrix(w), expected)
    np.testing.assert_allclose(east_2015.matrix("disputes=0,alliance=0.5,ideal_points=2"),
                               expected)


def test_known_facts_2015(east_2015) -> None:
    """ATOP 5.1: US-Japan (3375) and US-ROK defence pacts, China-DPRK (1961 treaty); TSS
    (Thompson, Sakuwa & Suhas 2021): China-Japan and China-US rivalries ongoing, none
    US-Japan; CoW-MID 5.0 ends in 2014, so disputes use 2005-2014."""
    pos = {a: k for k, a in enumerate(east_2015.actors)}
    a, r = east_2015.components["alliance"], east_2015.components["rivalry"]
    assert a[pos["USA"], pos["JPN"]] > 0.5 and a[pos["CHN"], pos["PRK"]] > 0.5
    assert a[pos["USA"], pos["CHN"]] < 0 and a[pos["JPN"], pos["PRK"]] < 0
    assert r[pos["CHN"], pos["JPN"]] == -1 and r[pos["USA"], pos["CHN"]] == -1
    assert r[pos["USA"], pos["JPN"]] == 0
    assert east_2015.sources["disputes"].year_used == 2014
    assert "dispute years 2005-2014" in east_2015.sources["disputes"].note
    assert east_2015.components["disputes"][pos["USA"], pos["JPN"]] == 0
    p = east_2015.matrix()
    assert p[pos["USA"], pos["JPN"]] > 0 > p[pos["USA"], pos["CHN"]]


def test_sizes_are_nmc_cinc() -> None:
    """NMC v7.0 CINC 2016: China 0.230825, USA 0.133254 (DESIGN.md validation values)."""
    prop = propensities(["CHN", "USA"], 2016)
    np.testing.assert_allclose(prop.sizes, [0.230825, 0.133254], atol=5e-7)
    assert prop.size_source.source == "cow_nmc" and prop.size_source.year_used == 2016


def test_latest_year_at_or_before_and_na_notes_2023() -> None:
    prop = propensities(["USA", "JPN", "CHN", "TWN"], 2023)
    used = {k: v.year_used for k, v in prop.sources.items()}
    assert used == {"alliance": 2018, "ideal_points": 2023, "rivalry": 2020,
                    "disputes": 2014, "regime": 2023}
    assert prop.size_source.year_used == 2022
    pos = prop.actors.index("TWN")
    # Taiwan has no UN ideal point after 1971: NA in the component, 0 in the matrix.
    assert np.isnan(prop.components["ideal_points"][pos, 0])
    assert "ideal_points: NA for TWN (counted as 0)" in prop.notes
    assert np.isfinite(prop.matrix()).all()


def test_missing_sizes_drop_or_raise() -> None:
    """SIPRI has no North Korean military expenditure."""
    prop = propensities(["USA", "CHN", "PRK"], 2020, sizes="milex")
    assert prop.actors == ["USA", "CHN"]
    assert any("PRK: left out" in n for n in prop.notes)
    with pytest.raises(InputError, match="for PRK"):
        propensities(["USA", "CHN", "PRK"], 2020, sizes="milex", missing_size="raise")


def test_proximity_is_zero_at_the_median_gap_and_one_when_identical() -> None:
    import pandas as pd

    values = pd.Series([0.0, 1.0, 3.0], index=[1, 2, 3])  # gaps 1, 3, 2: median 2
    out = _proximity(values, [1, 2, 3])
    assert out[0, 2] == pytest.approx((2 - 3) / (2 + 3))
    assert out[1, 2] == pytest.approx(0.0)
    same = _proximity(pd.Series([1.0, 1.0, 5.0], index=[1, 2, 3]), [1, 2])
    assert same[0, 1] == 1.0


def test_treaty_adds_its_propensity_among_members_only() -> None:
    base = data_problem(["USA", "JPN", "KOR", "CHN"], 2020)
    pact = data_problem(["USA", "JPN", "KOR", "CHN"], 2020, treaty_members=["JPN", "KOR"],
                        treaty_propensity=0.75, treaty_name="JK pact")
    diff = pact.propensity - base.propensity
    expected = np.zeros((4, 4))
    expected[1, 2] = expected[2, 1] = 0.75
    np.testing.assert_allclose(diff, expected)
    assert pact.meta["added"] == [{"label": "JK pact", "members": ["JPN", "KOR"],
                                   "propensity": 0.75}]


def test_treaty_members_and_extra_states_join_the_region() -> None:
    prob = data_problem(region="east-asia", year=2020, treaty_members=["AUS", "JPN"])
    assert "AUS" in prob.actors and prob.propensity[prob.index("AUS"), prob.index("JPN")] > 0


def test_bad_requests_are_clear_errors() -> None:
    with pytest.raises(CoverageError, match="outside the data"):
        propensities(["USA", "CHN"], 1700)
    with pytest.raises(InputError, match="listed twice"):
        propensities(["USA", "United States"], 2000)
    with pytest.raises(InputError, match="unknown propensity component 'alliances'"):
        Weights.parse("alliances=1")
    with pytest.raises(InputError, match="either a list of states or a region"):
        data_problem(["USA"], 2000, region="east-asia")
    with pytest.raises(InputError, match="unknown size source"):
        propensities(["USA", "CHN"], 2000, sizes="gdp")  # type: ignore[arg-type]
