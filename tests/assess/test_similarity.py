"""Tests of alliance-portfolio similarity: published values, brute force, real ATOP ties."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from alliancelab.assess.similarity import (
    cohens_kappa,
    portfolio_similarity,
    s_score,
    scotts_pi,
    tau_b,
    valued_portfolios,
)
from alliancelab.data import load
from alliancelab.errors import AllianceLabError, InputError

# Signorino & Ritter (1999), Table 6 (p. 134): Germany's and Russia's 1914 alliance ties with
# 20 European states on the valued scale (3 defence, 2 neutrality/non-aggression, 1 entente,
# 0 none; each state 3 with itself) and each state's share of European capabilities.
# Row order GMY RUS UKG FRN AUH ITA BEL SPN TUR NTH SWD RUM POR SWZ GRC DEN YUG BUL NOR ALB.
# Transcribed from the R package fpsim's data set ``gmyrus14`` (github.com/svmiller/fpsim,
# R/data.R: "The data come by way of Signorino and Ritter (1999, Table 6)"), as printed in
# S. V. Miller's post "alliances-weighting-foreign-policy-similarity" (svmiller.com/blog,
# 2026); the same table is jrnold/r-strat's ``alliances1914`` (Signorino's strat package).
GMY = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
RUS = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
CAP = [.25, .21, .20, .08, .08, .05, .03, .03, .02, .01, .01, .01, .01, .01, 0, 0, 0, 0, 0, 0]


def test_signorino_ritter_table6() -> None:
    """S&R (1999) Table 6, Germany vs Russia 1914.

    Published/reference values (DESIGN.md; fpsim's documented outputs for ``gmyrus14``):
    S unweighted 0.40, S capability-weighted -0.46, tau-b 0.03031695, Cohen's kappa with
    squared weights -0.07758621, Scott's pi (nominal) -0.04477612. S&R's printed table
    gives -0.45 for weighted S; r-strat's unit test (runit.SScore.R) notes that the
    rounded capability shares printed in the table give -0.46, which is what we assert.
    """
    assert s_score(GMY, RUS, distance="absolute", scale=(0, 3)) == pytest.approx(0.40)
    assert s_score(GMY, RUS, weights=CAP) == pytest.approx(-0.46)
    assert tau_b(GMY, RUS) == pytest.approx(0.03031695, abs=5e-9)
    assert cohens_kappa(GMY, RUS, levels=range(4), distance="squared") == pytest.approx(
        -0.07758621, abs=5e-9)
    assert scotts_pi(GMY, RUS, levels=range(4), distance="nominal") == pytest.approx(
        -0.04477612, abs=5e-9)


def test_distances_are_between_level_values_not_positions() -> None:
    """Nobody uses 2 in Table 6; distances between values (3 - 1 = 2), not positions in the
    list of values seen (0, 1, 3), keep kappa the same with or without ``levels``."""
    assert cohens_kappa(GMY, RUS) == pytest.approx(cohens_kappa(GMY, RUS, levels=range(4)))
    assert cohens_kappa([0, 1, 3], [1, 3, 0]) == pytest.approx(
        _brute_chance([0, 1, 3], [1, 3, 0], None, 2, pooled=False))


def test_cohens_kappa_textbook_two_by_two() -> None:
    """Wikipedia "Cohen's kappa", worked example: 50 proposals, two readers.

    Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15 gives p_o = 0.7, p_e = 0.5, kappa = 0.4.
    """
    x = [1] * 20 + [1] * 5 + [0] * 10 + [0] * 15
    y = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert cohens_kappa(x, y, distance="nominal") == pytest.approx(0.4)


def _brute_s(x, y, w, span, power):
    num = sum(wi * abs(a - b) ** power for a, b, wi in zip(x, y, w, strict=True))
    return 1 - 2 * num / sum(wi * span**power for wi in w)


def _brute_chance(x, y, levels, power, pooled):
    """Weighted kappa / pi by all-pairs averages: disagreement observed vs by chance."""
    def v(a, b):
        return float(a != b) if power == 0 else abs(a - b) ** power
    n = len(x)
    observed = sum(v(a, b) for a, b in zip(x, y, strict=True)) / n
    if pooled:
        both = list(x) + list(y)
        chance = sum(v(a, b) for a in both for b in both) / len(both) ** 2
    else:
        chance = sum(v(a, b) for a in x for b in y) / n**2
    return 1 - observed / chance


def _brute_tau_b(x, y):
    conc = disc = tx = ty = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = np.sign(x[i] - x[j]), np.sign(y[i] - y[j])
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            tx += 1
        elif dy == 0:
            ty += 1
        elif dx == dy:
            conc += 1
        else:
            disc += 1
    return (conc - disc) / np.sqrt((conc + disc + tx) * (conc + disc + ty))


@pytest.mark.parametrize("seed", range(25))
def test_measures_match_brute_force_on_random_portfolios(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 15))
    x, y = rng.integers(0, 4, n), rng.integers(0, 4, n)
    x[0], y[1] = 3, 0  # never constant
    x[1], y[0] = 0, 3
    w = rng.random(n)
    for dist, power in (("absolute", 1), ("squared", 2)):
        assert s_score(x, y, w, distance=dist) == pytest.approx(_brute_s(x, y, w, 3, power))
    for dist, power in (("nominal", 0), ("absolute", 1), ("squared", 2)):
        lv = range(4)
        assert cohens_kappa(x, y, lv, dist) == pytest.approx(
            _brute_chance(x, y, lv, power, pooled=False))
        assert scotts_pi(x, y, lv, dist) == pytest.approx(
            _brute_chance(x, y, lv, power, pooled=True))
    assert tau_b(x, y) == pytest.approx(_brute_tau_b(x, y))


def test_s_bounds_and_symmetry() -> None:
    x, y = [3, 0, 1, 2], [0, 3, 2, 1]
    assert s_score(x, x) == 1.0
    assert s_score(x, y) == pytest.approx(s_score(y, x))
    assert s_score([0, 3], [3, 0]) == -1.0
    assert np.isnan(s_score([np.nan], [1]))


def test_bad_input_is_a_user_error() -> None:
    with pytest.raises(InputError, match="differ in length"):
        s_score([1, 2], [1])
    with pytest.raises(InputError, match="outside the scale"):
        s_score([4, 0], [0, 0])
    with pytest.raises(InputError, match="not one of the levels"):
        cohens_kappa([0, 5], [0, 1], levels=range(4))
    with pytest.raises(InputError, match="unknown distance"):
        s_score([1], [1], distance="cubic")


def _raw_tie(atop, year, a, b, include_nonagg):
    """Highest valued tie in either direction, straight from the raw ATOP 5.1 rows."""
    rows = atop[(atop.year == year) & (((atop.ccode1 == a) & (atop.ccode2 == b))
                                       | ((atop.ccode1 == b) & (atop.ccode2 == a)))]
    best = 0
    for r in rows.itertuples():
        if r.atop_defense or r.atop_offense:
            best = max(best, 3)
        elif r.atop_neutral or (include_nonagg and r.atop_nonagg):
            best = max(best, 2)
        elif r.atop_consul:
            best = max(best, 1)
    return best


@pytest.mark.slow
def test_valued_portfolios_match_raw_atop_2018() -> None:
    """ATOP 5.1, 2018: USA->JPN defence (treaty 3375), JPN-KOR only non-aggression (3755)."""
    atop = load("atop_alliance")
    for include in (False, True):
        ports = valued_portfolios(2018, include_nonagg=include)
        for a, b in [(2, 740), (740, 732), (710, 731), (2, 365), (365, 750), (740, 740)]:
            expected = 3 if a == b else _raw_tie(atop, 2018, a, b, include)
            assert ports.matrix.loc[a, b] == expected, (a, b, include)
    excluded = valued_portfolios(2018).matrix
    assert excluded.loc[740, 732] == 0
    assert valued_portfolios(2018, include_nonagg=True).matrix.loc[740, 732] == 2


@pytest.mark.slow
def test_portfolio_similarity_falls_back_to_2018_and_says_so() -> None:
    late = portfolio_similarity("USA", "Japan", 2024)
    same = portfolio_similarity(2, 740, 2018)
    assert late.s_unweighted == pytest.approx(same.s_unweighted)
    assert late.sources[0].year_used == 2018
    assert any("2018 used for 2024" in n for n in late.notes)
    ports = valued_portfolios(2018)
    x, y = ports.vector(2).to_numpy(), ports.vector(740).to_numpy()
    assert same.s_unweighted == pytest.approx(1 - 2 * np.abs(x - y).sum() / (3 * len(x)))
    d = late.to_dict()
    assert d["a"]["iso3"] == "USA" and isinstance(d["kappa"], float)
    assert "<h4>" in late._repr_html_()


def test_same_state_twice_is_an_error() -> None:
    with pytest.raises(AllianceLabError):
        portfolio_similarity("USA", "United States", 2018)


def test_tau_b_equals_scipy_on_tied_data() -> None:
    """scipy.stats.kendalltau(variant="b") on valued portfolios full of ties."""
    from scipy.stats import kendalltau

    rng = np.random.default_rng(7)
    for _ in range(50):
        x = rng.integers(0, 4, size=40).astype(float)
        y = rng.integers(0, 4, size=40).astype(float)
        assert tau_b(x, y) == pytest.approx(kendalltau(x, y, variant="b").statistic, abs=1e-12)
