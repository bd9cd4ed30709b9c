"""The vectorised cascade against the plain reference on every honour/refuse combination."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from alliancelab.simulate.graph import crisis
from alliancelab.simulate.kernel import compile_graph, propagate
from alliancelab.simulate.rates import honour_probabilities
from tests.simulate.brute import graph, reference_cascade


def _all_vectors(n: int) -> np.ndarray:
    return np.array(list(itertools.product((False, True), repeat=n)), dtype=bool)


@pytest.mark.parametrize(("homeland", "policy", "usable"), [
    (False, ("skip", None), frozenset({"obliged"})),
    (True, ("skip", None), frozenset({"obliged"})),
    (False, ("hold", None), frozenset({"obliged", "cannot-decide"})),
])
def test_kernel_matches_reference_on_every_combination(homeland, policy, usable):
    g = graph(homeland=homeland)
    if policy[0] == "hold":
        from alliancelab.simulate.graph import completed

        g = completed(g)
    c = compile_graph(g, None, policy)
    honoured = _all_vectors(c.n_pledges)
    side, rnd = propagate(c, honoured)
    for row in range(len(honoured)):
        chosen = {c.pledges[j] for j in np.flatnonzero(honoured[row])}
        expected = reference_cascade(g, chosen, usable)
        got = {c.states[k]: int(side[row, k]) for k in np.flatnonzero(side[row])}
        assert got == expected, (row, chosen)
    assert (rnd[side == 0] == -1).all() and (rnd[side > 0] >= 0).all()


def test_compiled_graph_keeps_only_what_the_policy_can_reach():
    g = graph()
    skip = compile_graph(g)
    hold = compile_graph(g, None, ("hold", 0.2))
    labels = {g.pledges[i].obligor_label for i in skip.pledges}
    assert "POL" not in labels and "POL" not in skip.labels
    assert [g.pledges[i].obligor_label for i in skip.undecided] == ["POL"]
    pol = [j for j, i in enumerate(hold.pledges) if g.pledges[i].obligor_label == "POL"]
    assert len(pol) == 1 and hold.prob[pol[0]] == 0.2 and hold.undecided == ()
    rates = honour_probabilities()
    fra = [j for j, i in enumerate(skip.pledges) if g.pledges[i].obligor_label == "FRA"]
    assert all(skip.prob[j] == rates.defense for j in fra)
    refused = compile_graph(g, None, ("skip", None), refusing=[220])
    assert all(refused.prob[j] == 0.0 for j, i in enumerate(refused.pledges)
               if g.pledges[i].obligor == 220)


def test_no_pledges_means_no_one_joins():
    """A treaty pool with nothing relevant: only the original parties are at war."""
    g = crisis("RUS", "DEU", year=2010, treaties=[])
    c = compile_graph(g)
    side, rnd = propagate(c, np.zeros((3, 0), dtype=bool))
    assert c.labels == ("RUS", "DEU") and side.tolist() == [[1, 2]] * 3
    assert rnd.tolist() == [[0, 0]] * 3
