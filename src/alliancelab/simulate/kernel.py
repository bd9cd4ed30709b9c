"""The cascade as arrays: an obligation graph compiled once, then many cascades at a time.

:func:`compile_graph` turns an :class:`~alliancelab.simulate.graph.ObligationGraph` and a
policy (honour probabilities, what to do with cannot-decide pledges) into a
:class:`CompiledGraph`: the states that can take part, the triggers that can fire, the
pledges that can draw someone in, and 0/1 matrices linking them. Only what is reachable
from the original attack under the policy is kept. :func:`propagate` then runs the
cascade rules for a whole batch of honour decisions at once (one row per cascade, one
column per pledge), round by round, with a handful of matrix products per round; it is
the single implementation behind the deterministic cascade, the exact enumeration and
the Monte Carlo runs.

The rules (docs/simulate.md): a pledge is *live* in a round when one of the triggers that
raise it is on (its state fights on its side; the original attack always is) and its
obligor is not yet at war. A state with a live pledge it honours joins that pledge's side
at the end of the round; one honouring live pledges to both sides in the same round
joins the target's side (a defence pledge against an armed attack comes first). Once in,
a state stays on its side; a pledge whose obligor is already at war is moot. Rounds stop
when no state joins.

Example
-------
>>> import numpy as np
>>> from alliancelab.treaty import loads_treaty
>>> from alliancelab.simulate.graph import crisis
>>> pact = loads_treaty('''
... [treaty]
... name = "Pact"
... members = ["USA", "PHL"]
... [[treaty.obligations]]
... kind = "defense"
... ''')
>>> c = compile_graph(crisis("CHN", "PHL", year=2018, treaties=[pact]))
>>> side, rnd = propagate(c, np.array([[True], [False]]))
>>> [c.labels[i] for i in np.flatnonzero(side[0] == 2)], rnd[0].tolist()
(['PHL', 'USA'], [0, 0, 1])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from alliancelab.simulate.graph import ATTACKER, TARGET, ObligationGraph
from alliancelab.simulate.rates import HonourProbabilities, honour_probabilities
from alliancelab.treaty.fields import country_label

__all__ = ["CompiledGraph", "compile_graph", "propagate"]


@dataclass(frozen=True, eq=False)
class CompiledGraph:
    """Arrays for :func:`propagate`; indexes refer to ``states`` and ``pledges``.

    ``pledges`` are indexes into the graph's pledges; ``prob`` the probability each is
    honoured; ``act[t, i]`` is 1 when trigger ``t`` makes pledge ``i`` live (trigger 0 is
    the original attack); ``trig_state``/``trig_side`` say when a trigger is on.
    """

    states: tuple[int, ...]
    init: np.ndarray          # (S,) int8: 1 attacker, 2 target, 0 not at war
    pledges: tuple[int, ...]
    obligor: np.ndarray       # (P,) state index
    side: np.ndarray          # (P,) int8
    prob: np.ndarray          # (P,) float64
    act: np.ndarray           # (T, P) float32, 0/1
    trig_state: np.ndarray    # (T,) state index (0 for the original attack, unused)
    trig_side: np.ndarray     # (T,) int8 (0 for the original attack)
    undecided: tuple[int, ...]  # graph pledge indexes skipped as cannot-decide

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(country_label(s) for s in self.states)

    @property
    def n_states(self) -> int:
        return len(self.states)

    @property
    def n_pledges(self) -> int:
        return len(self.pledges)


def compile_graph(graph: ObligationGraph,
                  honour: HonourProbabilities | None = None,
                  undecided: tuple[str, float | None] = ("skip", None),
                  refusing: Iterable[int] = ()) -> CompiledGraph:
    """The reachable part of ``graph`` under the policy, as arrays.

    ``undecided``: ``("skip", None)``, ``("hold", None)`` or ``("hold", q)`` (see
    :func:`alliancelab.simulate.rates.undecided_policy`). A pledge is usable under a
    trigger where it is ``obliged``, or ``cannot-decide`` when the policy holds. Its
    probability is its kind's rate, or ``q`` if every trigger leaves it undecided, or 0
    if its obligor is one of ``refusing`` (COW codes).
    """
    rates = honour_probabilities(honour)
    policy, q = undecided
    refuse = set(refusing)
    usable = {"obliged"} | ({"cannot-decide"} if policy == "hold" else set())
    parties = [*graph.event.attackers, graph.event.target]
    # Reachability: triggers on from the original attack through usable pledges.
    trig_of = {(t.state, t.side): i for i, t in enumerate(graph.triggers) if t.state is not None}
    reached = {0}
    frontier = [0]
    by_trigger: dict[int, list[int]] = {}
    for i, p in enumerate(graph.pledges):
        for t, status in p.triggers:
            if status in usable:
                by_trigger.setdefault(t, []).append(i)
    kept: dict[int, None] = {}
    while frontier:
        t = frontier.pop()
        for i in by_trigger.get(t, []):
            kept.setdefault(i, None)
            nxt = trig_of.get((graph.pledges[i].obligor, graph.pledges[i].side))
            if nxt is not None and nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    pledge_ids = sorted(kept)
    others = sorted({graph.pledges[i].obligor for i in pledge_ids} - set(parties),
                    key=country_label)
    states = (*parties, *others)
    at = {s: k for k, s in enumerate(states)}
    triggers = [0, *sorted(reached - {0})]
    tpos = {t: k for k, t in enumerate(triggers)}
    act = np.zeros((len(triggers), len(pledge_ids)), dtype=np.float32)
    prob = np.empty(len(pledge_ids))
    for j, i in enumerate(pledge_ids):
        p = graph.pledges[i]
        holds = False
        for t, status in p.triggers:
            if status in usable and t in tpos:
                act[tpos[t], j] = 1.0
                holds = holds or status == "obliged"
        prob[j] = 0.0 if p.obligor in refuse else (
            rates.of(p.kind) if holds or q is None else q)
    init = np.zeros(len(states), dtype=np.int8)
    init[: len(graph.event.attackers)] = ATTACKER
    init[len(graph.event.attackers)] = TARGET
    skipped = tuple(i for i, p in enumerate(graph.pledges)
                    if policy == "skip" and "cannot-decide" in p.statuses
                    and any(t in reached and s == "cannot-decide" for t, s in p.triggers)
                    and not any(t in reached and s == "obliged" for t, s in p.triggers))
    return CompiledGraph(
        states=states, init=init, pledges=tuple(pledge_ids),
        obligor=np.array([at[graph.pledges[i].obligor] for i in pledge_ids], dtype=np.intp),
        side=np.array([graph.pledges[i].side for i in pledge_ids], dtype=np.int8),
        prob=prob, act=act,
        trig_state=np.array([at[graph.triggers[t].state] if t else 0 for t in triggers],
                            dtype=np.intp),
        trig_side=np.array([graph.triggers[t].side if t else 0 for t in triggers],
                           dtype=np.int8),
        undecided=skipped,
    )


def propagate(c: CompiledGraph, honoured: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Run the cascade for each row of ``honoured`` (runs x pledges, bool).

    Returns ``side`` (runs x states, int8: 0 out, 1 attacker side, 2 target side) and
    ``round`` (runs x states, int16: the round each state joined, 0 for the original
    parties, -1 for states that stayed out).
    """
    runs = honoured.shape[0]
    side = np.repeat(c.init[None, :], runs, axis=0)
    rnd = np.where(side > 0, 0, -1).astype(np.int16)
    if c.n_pledges == 0:
        return side, rnd
    to_target = (c.side == TARGET)
    own_t = _owner_matrix(c.obligor[to_target], c.n_states)
    own_a = _owner_matrix(c.obligor[~to_target], c.n_states)
    for r in range(1, c.n_states + 1):
        on = (side[:, c.trig_state] == c.trig_side).astype(np.float32)
        on[:, 0] = 1.0
        live = (on @ c.act > 0) & honoured & (side[:, c.obligor] == 0)
        want_t = (live[:, to_target].astype(np.float32) @ own_t) > 0
        want_a = (live[:, ~to_target].astype(np.float32) @ own_a) > 0
        new = (side == 0) & (want_t | want_a)
        if not new.any():
            break
        side[new] = np.where(want_t[new], TARGET, ATTACKER)
        rnd[new] = r
    return side, rnd


def _owner_matrix(obligors: np.ndarray, n_states: int) -> np.ndarray:
    m = np.zeros((len(obligors), n_states), dtype=np.float32)
    m[np.arange(len(obligors)), obligors] = 1.0
    return m
