"""The maximal cascade (every obliged ally honours), on the hand-made world and on real data."""

from __future__ import annotations

import json

import pytest

from alliancelab.errors import UnknownCountryError
from alliancelab.simulate import cascade, crisis
from tests.simulate.brute import graph


def test_hand_made_world_round_by_round():
    """Round 1: France and Hungary defend Germany, Belarus joins Russia's offensive (and
    Hungary, called by both sides at once, defends). Round 2: Britain defends France,
    Armenia joins Belarus, Lithuania's pledge against Belarus comes on. The Netherlands
    (territory only), Kazakhstan (defends Belarus, which attacks) and Poland
    (cannot-decide, skipped) stay out."""
    c = cascade(graph())
    assert c.rounds() == [["DEU", "RUS"], ["BLR", "FRA", "HUN"], ["ARM", "GBR", "LTU"]]
    assert c.belligerents("attacker") == ["RUS", "BLR", "ARM"]
    assert sorted(c.belligerents("target")) == ["DEU", "FRA", "GBR", "HUN", "LTU"]
    assert [c.graph.pledges[i].treaty_id for i in c.moot] == ["hun-rus"]
    assert [c.graph.pledges[i].obligor_label for i in c.undecided_skipped] == ["POL"]
    frame = c.summary().set_index("state")
    assert frame.loc["GBR", "drawn in by"] == "defense toward FRA (fra-gbr fra-gbr)"
    assert frame.loc["HUN", "drawn in by"] == "defense toward DEU (hun-deu hun-deu)"
    assert frame.loc["GBR", "round"] == 2


def test_policies_and_options_change_the_war():
    assert cascade(graph(), undecided="hold").sides()["POL"] == "target"
    assert cascade(graph(homeland=True)).sides()["NLD"] == "target"
    refusing = cascade(graph(), refusing=["France", "BLR"])
    assert refusing.belligerents() == ["RUS", "DEU", "HUN"]
    assert refusing.sides()["GBR"] == "out"  # France never joined, so it was not attacked
    refused = {refusing.graph.pledges[i].obligor_label for i in refusing.refused}
    assert refused == {"FRA", "BLR"}
    with pytest.raises(UnknownCountryError):
        cascade(graph(), refusing=["Narnia"])


def test_to_dict_is_json_and_complete():
    d = cascade(graph()).to_dict()
    json.dumps(d)
    assert d["crisis"]["attackers"] == ["RUS"] and d["crisis"]["target"] == "DEU"
    assert d["undecided_skipped"] == 1 and len(d["moot"]) == 1
    gbr = next(s for s in d["states"] if s["state"] == "GBR")
    assert gbr["side"] == "target" and gbr["round"] == 2
    assert gbr["drawn_in_by"][0]["treaty"]["id"] == "fra-gbr"
    assert "<table" in cascade(graph())._repr_html_()


def test_china_attacks_philippines_2018_us_joins_through_3210():
    """US-Philippines Mutual Defense Treaty (ATOP 3210) Arts. IV-V: an armed attack on
    Philippine public vessels in the Pacific area, which includes the South China Sea."""
    c = cascade(crisis("CHN", "PHL", where="south-china-sea", year=2018))
    assert c.sides()["USA"] == "target"
    us = c.states.index(2)
    assert c.round[us] == 1
    assert [c.graph.pledges[i].treaty_id for i in c.reasons[us]] == ["3210"]
    assert c.belligerents("attacker") == ["CHN"]


def test_china_attacks_philippines_2018_with_asian_nato():
    """With the asian-nato scenario's Pacific Collective Defence Treaty (scope: territory and
    the Pacific area), Japan, South Korea and Australia join the Philippines in round 1."""
    c = cascade(crisis("CHN", "PHL", where="south-china-sea", year=2018,
                       scenario="asian-nato"))
    assert c.rounds()[1] == ["AUS", "JPN", "KOR", "USA"]
    treaties = {c.graph.pledges[i].treaty_id for k in range(len(c.states))
                for i in c.reasons[k]}
    assert "pacific-collective-defence" in treaties and "3210" in treaties


def test_nato_stays_out_when_the_us_is_drawn_in_outside_the_north_atlantic():
    """North Atlantic Treaty Art. 6 (as amended 1951): an attack on the forces, vessels or
    aircraft of a party counts only in or over the North Atlantic area north of the Tropic
    of Cancer (or Europe, the Mediterranean). US forces fighting in the South China Sea are
    outside it, so no NATO ally is drawn in by the US's entry; were the US attacked at home
    (homeland=True), Art. 5 would apply."""
    nato = {"GBR", "FRA", "DEU", "CAN", "ITA", "TUR", "POL", "NOR"}
    c = cascade(crisis("CHN", "PHL", where="south-china-sea", year=2018))
    assert not nato & set(c.belligerents())
    assert not any(p.treaty_id == "3180" for p in c.graph.pledges)
    home = cascade(crisis("CHN", "PHL", where="south-china-sea", year=2018, homeland=True))
    drawn = {home.graph.pledges[i].treaty_id for k in range(len(home.states))
             for i in home.reasons[k]}
    assert nato <= set(home.belligerents("target")) and "3180" in drawn
