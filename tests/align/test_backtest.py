"""The backtest: its cases are computed from ATOP as described, and the page is current."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from alliancelab.align.backtest import _pact_pairs, _permuted_counts, backtest_case, run_backtest
from alliancelab.align.regions import region_states

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation" / "landscape-backtest.md"


def test_pact_pairs_are_atop_defence_pledges() -> None:
    """ATOP 5.1, 2000: US-Japan (3375), US-ROK and China-DPRK (1961) defence pledges; no
    defence pledge links Japan and South Korea."""
    states = region_states("east-asia", 1995)
    codes = [c.ccode for c in states]
    pairs = {(codes[i], codes[j]) for i, j in _pact_pairs(codes, 2000)}
    pairs = {tuple(sorted(p)) for p in pairs}
    assert pairs == {(2, 740), (2, 732), (710, 731)}


def test_case_chance_and_counts_follow_the_alignment() -> None:
    row = backtest_case("east-asia", 2000, permutations=300, seed=4)
    assert row["data_year"] == 1995 and row["n_states"] == 8 and row["pact_pairs"] == 3
    sizes = [int(x) for x in str(row["coalitions"]).split(" / ")]
    pairs = 8 * 7 / 2
    assert row["chance"] == pytest.approx(sum(s * (s - 1) / 2 for s in sizes) / pairs)
    assert 0 < row["p_value"] <= 1 and row["same_side"] <= 3


def test_permutations_keep_coalition_sizes() -> None:
    labels = np.array([0, 0, 0, 1, 1])
    null = _permuted_counts(labels, [(0, 1)], 4000, np.random.default_rng(0))
    # P(two given states share a side) = (3*2 + 2*1) / (5*4) = 0.4
    assert null.mean() == pytest.approx(0.4, abs=0.03)


@pytest.mark.slow
def test_validation_page_matches_a_fresh_run() -> None:
    """docs/validation/landscape-backtest.md was generated, not hand-written."""
    text = DOC.read_text()
    fresh = run_backtest(permutations=200, seed=0).rows
    for r in fresh.itertuples():
        pattern = (rf"\| {r.year} \| {r.region} \| {r.data_year} \| {r.n_states} \| "
                   rf"{r.method} \| {re.escape(r.coalitions)} \| {r.pact_pairs} \| "
                   rf"{r.same_side} \|")
        assert re.search(pattern, text), f"stale row: {r.year} {r.region}"
