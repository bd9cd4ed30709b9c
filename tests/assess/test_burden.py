"""Burden sharing against the raw SIPRI table; the O-Z p-value against brute force."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from alliancelab.assess.burden import burden_figure, burden_sharing, olson_zeckhauser
from alliancelab.data import get_source
from alliancelab.errors import InputError

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]


def _raw_sipri(year: int) -> pd.DataFrame:
    raw = pd.read_parquet(get_source("sipri_milex").path())
    raw = raw[(raw.year == year) & ~raw.country.str.contains("USSR", na=False)]
    return raw.set_index("iso3c")


def test_shares_gdp_and_costs_match_raw_sipri_2024() -> None:
    """SIPRI 2024: share of GDP as a fraction; GDP = current milex / share; cost of
    reaching 2 % = (0.02 - share) x GDP for members below it, 0 for the others."""
    raw = _raw_sipri(2024)
    bs = burden_sharing(CORE, 2024, target=0.02)
    t = bs.table.set_index("state")
    for iso in CORE:
        share = raw.loc[iso, "milex_share_gdp"]
        gdp = raw.loc[iso, "milex_current_usd_m"] / share
        assert t.loc[iso, "share_gdp"] == pytest.approx(share)
        assert t.loc[iso, "gdp_usd_m"] == pytest.approx(gdp)
        assert t.loc[iso, "cost_usd_m"] == pytest.approx(max(0.02 - share, 0) * gdp)
    expected_meeting = [iso for iso in CORE if raw.loc[iso, "milex_share_gdp"] >= 0.02]
    assert bs.members_meeting_target == expected_meeting
    assert bs.total_cost_usd_m == pytest.approx(t.cost_usd_m.sum())
    # Japan's share in SIPRI's 2024 release is 1.37 % (0.0137 as a fraction).
    assert round(t.loc["JPN", "share_gdp"], 4) == 0.0137


def _brute_exact_p(x, y) -> float:
    """Two-sided exact p-value: share of all orderings of y with |rho| >= |observed|."""
    obs = abs(stats.spearmanr(x, y).statistic)
    perms = list(itertools.permutations(y))
    hits = sum(abs(stats.spearmanr(x, p).statistic) >= obs - 1e-12 for p in perms)
    return hits / len(perms)


def test_olson_zeckhauser_matches_scipy_and_brute_force() -> None:
    bs = burden_sharing(CORE, 2024)
    t = bs.table
    assert bs.rho == pytest.approx(stats.spearmanr(t.gdp_usd_m, t.share_gdp).statistic)
    assert bs.p_value == pytest.approx(_brute_exact_p(t.gdp_usd_m.to_numpy(),
                                                      t.share_gdp.to_numpy()))
    assert bs.n == 5 and "exact" in bs.p_method
    assert "0.017" in bs.reading  # smallest possible p with five members (2/5!)


@pytest.mark.parametrize("seed", range(6))
def test_exact_p_on_synthetic_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 7))
    x, y = rng.random(n), rng.random(n)
    assert olson_zeckhauser(x, y)["p_value"] == pytest.approx(_brute_exact_p(x, y))


def test_small_n_reading_is_honest() -> None:
    three = olson_zeckhauser([1, 2, 3], [0.01, 0.02, 0.03])
    assert three["rho"] == 1.0 and three["p_value"] == pytest.approx(1 / 3)
    assert "cannot detect" in three["reading"]
    two = olson_zeckhauser([1, 2], [0.01, 0.02])
    assert math.isnan(two["rho"]) and "Too few" in two["reading"]


def test_member_without_data_is_na_not_zero() -> None:
    """SIPRI has no figure for North Korea in 2024."""
    bs = burden_sharing([*CORE, "North Korea"], 2024)
    prk = bs.table.set_index("state").loc["PRK"]
    assert math.isnan(prk.share_gdp) and math.isnan(prk.cost_usd_m)
    assert any(n.startswith("PRK: no SIPRI") for n in bs.notes)
    assert bs.n == 5
    d = json.loads(json.dumps(bs.to_dict()))
    assert d["table"][-1]["cost_usd_m"] is None


def test_target_must_be_a_fraction_and_figure_is_tagged() -> None:
    with pytest.raises(InputError, match=r"0\.02"):
        burden_sharing(CORE, 2024, target=2)
    fig = burden_figure(burden_sharing(CORE, 2024))
    assert "SIPRI" in fig.layout.annotations[-1].text


def test_later_year_falls_back_to_2024() -> None:
    bs = burden_sharing(CORE, 2025)
    assert bs.sources[0].year_used == 2024
    assert any("2024 used for 2025" in n for n in bs.notes)
