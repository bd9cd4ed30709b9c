"""The obligation graph: which pledges each entry into the war triggers, found once."""

from __future__ import annotations

from alliancelab.simulate.graph import ATTACKER, TARGET, crisis, obligation_graph
from alliancelab.treaty import armed_attack
from tests.simulate.brute import graph, world


def _pledges(g):
    return {(p.obligor_label, p.kind, p.toward_label, p.treaty_id) for p in g.pledges}


def test_pledges_and_triggers_of_the_hand_made_world():
    """Every rule of the module docstring, on the hand-made world of tests/simulate/brute.py."""
    g = graph()
    found = _pledges(g)
    assert ("FRA", "defense", "DEU", "fra-deu") in found
    assert ("GBR", "defense", "FRA", "fra-gbr") in found      # France attacked in turn
    assert ("BLR", "offense", "RUS", "rus-blr") in found
    assert ("ARM", "offense", "BLR", "blr-arm") in found      # Belarus attacks in turn
    assert ("LTU", "defense", "DEU", "ltu-deu") in found      # only once Belarus attacks
    # Territory-only pledge: France is attacked on its forces in Germany, not at home.
    assert not any(p.obligor_label == "NLD" for p in g.pledges)
    # Belarus joins as an attacker: its defence partner is never called on.
    assert not any(p.obligor_label == "KAZ" for p in g.pledges)
    ltu = next(p for p in g.pledges if p.obligor_label == "LTU")
    assert [g.triggers[t].describe() for t, _ in ltu.triggers] == [
        "BLR joins the attacker side"]
    pol = next(p for p in g.pledges if p.obligor_label == "POL")
    assert pol.statuses == {"cannot-decide"} and g.undecided() == [pol]
    assert {(t.state, t.side) for t in g.triggers[1:]} >= {
        (next(p.obligor for p in g.pledges if p.obligor_label == "FRA"), TARGET),
        (next(p.obligor for p in g.pledges if p.obligor_label == "BLR"), ATTACKER)}


def test_joiner_events_follow_the_rules():
    """X joining the target's side is attacked by the original attackers where the war is,
    on its forces (on its territory too with homeland=True); Y joining the attackers
    attacks the target with them, in the same way as the original attack."""
    g = graph(homeland=True)
    fra = next(t for t in g.triggers if t.state == 220 and t.side == TARGET)
    assert [(e.attackers, e.target, e.where, e.on) for e in fra.events] == [
        ((365,), 220, "DEU", "forces"), ((365,), 220, "FRA", "territory")]
    blr = next(t for t in g.triggers if t.state == 370 and t.side == ATTACKER)
    assert [(e.attackers, e.target, e.where, e.on) for e in blr.events] == [
        ((365, 370), 255, "DEU", "territory")]
    assert ("NLD", "defense", "FRA", "fra-nld") in _pledges(g)


def test_graph_is_memoised_per_crisis_and_treaty_pool():
    pool = world()
    event = armed_attack("RUS", "DEU", year=2010)
    first = obligation_graph(event, 2010, pool)
    assert obligation_graph(event, 2010, pool) is first
    assert obligation_graph(event, 2011, pool) is not first
    assert obligation_graph(event, 2010, pool, homeland=True) is not first
    assert obligation_graph(event, 2010, world("fra-deu")) is not first


def test_complete_graph_follows_cannot_decide_pledges():
    """With complete=True a state drawn in only by a cannot-decide pledge gets its own
    trigger; the default graph does not ask the engine about it."""
    g = graph("pol-deu", "fra-deu")
    full = obligation_graph(g.event, g.year, g._pool, complete=True)
    poland = 290
    assert not any(t.state == poland for t in g.triggers)
    assert any(t.state == poland and t.side == TARGET for t in full.triggers)


def test_real_data_graph_china_philippines_2018():
    """2018, China attacks the Philippines in the South China Sea: the original attack
    triggers the US-Philippines Mutual Defense Treaty (ATOP 3210, Arts. IV-V) and nothing
    else; Japan's only tie to Manila is non-aggression (ATOP 3755), which draws no one in."""
    g = crisis("CHN", "PHL", where="south-china-sea", year=2018)
    origin = {(p.obligor_label, p.treaty_id) for p in g.pledges if p.triggers[0][0] == 0}
    assert origin == {("USA", "3210")}
    assert "JPN" not in {p.obligor_label for p in g.pledges}
    frame = g.summary()
    assert list(frame.columns) == ["state", "kind", "toward", "joins", "treaty", "article",
                                   "raised by"]
    assert frame.iloc[0]["raised by"] == "the original attack (obliged)"
