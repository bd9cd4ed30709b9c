"""A scenario's treaty adds its propensity among the members, and nothing else changes."""

from __future__ import annotations

import numpy as np
import pytest

from alliancelab.align.scenario import scenario_problems
from alliancelab.errors import InputError
from alliancelab.treaty import load_scenario


def test_with_and_without_differ_only_among_members() -> None:
    pair = scenario_problems(load_scenario("asian-nato"), year=2023, treaty_propensity=0.5)
    a, b = pair.with_treaty, pair.without_treaty
    assert a.actors == b.actors and set(a.actors) >= {"JPN", "USA", "KOR", "AUS", "PHL", "CHN"}
    diff = np.asarray(a.propensity) - np.asarray(b.propensity)
    members = [a.actors.index(m) for m in ("JPN", "USA", "KOR", "AUS", "PHL")]
    for i in range(len(a.actors)):
        for j in range(len(a.actors)):
            expected = 0.5 if i in members and j in members and i != j else 0.0
            assert diff[i, j] == pytest.approx(expected)


def test_status_quo_has_no_treaty_to_add() -> None:
    with pytest.raises(InputError, match="no treaty"):
        scenario_problems(load_scenario("status-quo"), year=2023)
