"""Treaties back to ATOP-style directed dyad-years, checked against ATOP 5.1's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliancelab.treaty.dyads import compare_with_atop, to_dyad_years, validation_report
from alliancelab.treaty.library import get_treaty
from alliancelab.treaty.scenario import load_scenario

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation" / "atop-dyad-years.md"


def test_us_japan_2018_matches_atop_51():
    """DESIGN.md validation values: ATOP 5.1 dyad-years 2018, USA->JPN defence 1,
    JPN->USA defence 0 (asymmetric treaty 3375)."""
    d = to_dyad_years([get_treaty(3375)], years=(2018, 2018)).set_index(["ccode1", "ccode2"])
    assert d.loc[(2, 740), "atop_defense"] == 1 and d.loc[(740, 2), "atop_defense"] == 0
    assert d.loc[(740, 2), "atop_consul"] == 1


def test_same_day_transition_is_not_a_dyad():
    """Codebook 2.7: a state joining after the other left is not in a dyad with it; West
    Germany left NATO on 3 Oct 1990, the day united Germany joined."""
    d = to_dyad_years([get_treaty(3180)], years=(1990, 1990))
    assert d[(d.ccode1 == 255) & (d.ccode2 == 260)].empty


def test_scenario_years_after_atop_are_flagged():
    world = [get_treaty(3375), *load_scenario("asian-nato").treaties]
    d = to_dyad_years(world, years=(2024, 2024)).set_index(["ccode1", "ccode2"])
    assert d.loc[(740, 2), "atop_defense"] == 1        # proposed treaty
    assert d.loc[(740, 840), "atop_defense"] == 1
    assert not d.loc[(740, 840), "assumed"]             # a proposal is not an assumption
    only = to_dyad_years([get_treaty(3375)], years=(2024, 2024))
    assert only.assumed.all()                           # ATOP ends 2018


@pytest.mark.slow
def test_agreement_with_atop_51_and_report_is_current():
    """Issue 3: at least 99% of dyad-year-obligation cells agree with ATOP 5.1; the
    generated validation page matches the code."""
    c = compare_with_atop()
    assert c.agreement >= 0.99
    assert c.cells > 1_300_000
    assert DOC.read_text() == validation_report(c), "run python tools/make_atop_validation.py"
