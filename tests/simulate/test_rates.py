"""Honour probabilities: published defaults with citations, hand-set rates, bad input."""

from __future__ import annotations

import pytest

from alliancelab.errors import InputError, UnknownNameError
from alliancelab.simulate.rates import (
    HonourProbabilities,
    honour_probabilities,
    undecided_policy,
)


def test_defaults_are_berkemeier_fuhrmann_2018():
    """Berkemeier and Fuhrmann (2018): defence pledges honoured 41 %, offence 74 %."""
    r = honour_probabilities()
    assert (r.defense, r.offense) == (0.41, 0.74)
    assert "Berkemeier" in r.source["defense"] and "defence pledges" in r.source["defense"]
    assert "offence pledges" in r.source["offense"]


def test_leeds_long_mitchell_preset_and_overrides():
    """Leeds, Long and Mitchell (2000): 74.5 % of commitments honoured, 1816-1944."""
    r = honour_probabilities("leeds-long-mitchell-2000")
    assert (r.defense, r.offense) == (0.745, 0.745) and "Leeds" in r.source["defense"]
    mixed = honour_probabilities("leeds-long-mitchell-2000, offence=0.5")
    assert (mixed.defense, mixed.offense) == (0.745, 0.5)
    assert mixed.source["offense"] == "set by the user"
    assert honour_probabilities({"all": 1}).describe() == "defense 1, offense 1"
    given = HonourProbabilities(0.2, 0.3)
    assert honour_probabilities(given) is given


@pytest.mark.parametrize(("spec", "error", "message"), [
    ("defense=1.01", InputError, "between 0 and 1"),
    ("offense=-0.5", InputError, "between 0 and 1"),
    ("defense=nan", InputError, "between 0 and 1"),
    ("defense=", InputError, "is not a number"),
    ({"defense": True}, InputError, "expected a probability"),
    ("consultation=0.5", InputError, "do not draw a state into the war"),
    ("nonaggression=0.37", InputError, "do not draw a state into the war"),
    ("atack=0.5", UnknownNameError, "unknown obligation kind 'atack'"),
    ("leeds-2000", UnknownNameError, "did you mean: leeds-long-mitchell-2000"),
    (0.5, InputError, "honour rates must be text"),
])
def test_bad_rates(spec, error, message):
    with pytest.raises(error, match=message):
        honour_probabilities(spec)


def test_undecided_policy():
    assert undecided_policy("skip") == ("skip", None)
    assert undecided_policy(None) == ("skip", None)
    assert undecided_policy(" HOLD ") == ("hold", None)
    assert undecided_policy("0.25") == ("hold", 0.25) == undecided_policy(0.25)
    for bad in ("often", 1.5, True):
        with pytest.raises(InputError):
            undecided_policy(bad)
