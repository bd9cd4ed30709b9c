"""Published honour rates, quoted from the studies' abstracts."""

from __future__ import annotations

import json

import pytest

from alliancelab.assess.history import honour_rates
from alliancelab.errors import UnknownNameError


def test_berkemeier_fuhrmann_2018_abstract() -> None:
    """Berkemeier & Fuhrmann (2018), Research & Politics, abstract: "Our analysis reveals
    a lower compliance rate overall: 50% ... 66% of the time prior to 1945 but the
    compliance rate drops to 22% from 1945 to 2003 ... defense pacts (41%) and
    nonaggression pacts (37%) ... offensive alliances (74%) and neutrality agreements
    (78%)"."""
    t = honour_rates().table
    bf = t[t.study == "berkemeier_fuhrmann_2018"].set_index(["period", "obligation"]).rate
    assert bf[("1816-2003", "all")] == 0.50
    assert bf[("1816-1944", "all")] == 0.66 and bf[("1945-2003", "all")] == 0.22
    assert bf[("1816-2003", "defense")] == 0.41 and bf[("1816-2003", "nonagg")] == 0.37
    assert bf[("1816-2003", "offense")] == 0.74 and bf[("1816-2003", "neutral")] == 0.78


def test_leeds_long_mitchell_2000_abstract() -> None:
    """Leeds, Long & Mitchell (2000), JCR 44(5): "alliances are reliable 74.5% of the time"."""
    t = honour_rates(["defence"]).table
    assert t.set_index("study").loc["leeds_long_mitchell_2000", "rate"] == 0.745


def test_selection_by_obligation() -> None:
    t = honour_rates(["defence", "consultation"])
    assert set(t.table.obligation) == {"all", "defense"}
    assert "no published honour rate for consultation" in t.notes[0]
    assert json.loads(json.dumps(t.to_dict()))["obligations"] == ["all", "consul", "defense"]
    with pytest.raises(UnknownNameError):
        honour_rates(["friendship"])
