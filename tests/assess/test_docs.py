"""docs/measures.md documents every public measure, and its quoted numbers match the code."""

from __future__ import annotations

from pathlib import Path

import alliancelab.assess as assess
from alliancelab.assess import atop_institutionalisation, capability_balance, fit_durability_model

DOC = " ".join((Path(__file__).resolve().parents[2] / "docs" / "measures.md").read_text().split())
CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]


def test_every_public_name_is_documented() -> None:
    missing = [name for name in assess.__all__ if name not in DOC]
    assert missing == []


def test_quoted_numbers_match_the_code() -> None:
    model = fit_durability_model()
    assert f"{model.concordance:.3f}" in DOC
    assert f"{model.dropped} of 765, leaving {model.n}, of which {model.events} ended" in DOC
    counts = atop_institutionalisation().milinst.value_counts(dropna=False)
    na = int(atop_institutionalisation().milinst.isna().sum())
    assert f"{counts[0]} × 0, {counts[1]} × 1, {counts[2]} × 2 and {na} NA" in DOC
    core = capability_balance(CORE, ["CHN", "PRK", "RUS"], 2022).cinc_ratio
    india = capability_balance([*CORE, "IND"], ["CHN", "PRK", "RUS"], 2022).cinc_ratio
    assert f"{core:.7f}" in DOC and f"{india:.7f}" in DOC
