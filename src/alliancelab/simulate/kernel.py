"""The cascade as arrays: an obligation graph compiled once, then many cascades at a time.

:func:`compile_graph` turns an :class:`~alliancelab.simulate.graph.ObligationGraph` and a
policy (honour probabilities, what to do with cannot-decide pledges) into a
:class:`CompiledGraph`: the states that can take part, the triggers that can fire, the
pledges that can draw someone in, and a 0/1 matrix linking them. Only what is reachable
from the original attack under the policy is kept. :func:`propagate` then runs the
cascade rules for a whole batch of honour decisions at once (one row per cascade, one
column per pledge), round by round; it is
the single implementation behind the deterministic cascade, the exact enumeration and
the Monte Carlo runs, compiled with numba (about a microsecond per cascade).

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
from numba import njit

from alliancelab.simulate.graph import ATTACKER, TARGET, ObligationGraph
from alliancelab.simulate.rates import HonourProbabilities, honour_probabilities
from alliancelab.treaty.fields import country_label

__all__ = ["CompiledGraph", "compile_graph", "propagate", "side_codes"]


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
    act: np.ndarray           # (T, P) bool
    trig_state: np.ndarray    # (T,) state index (0 for the original attack, unused)
    trig_side: np.ndarray     # (T,) int8 (0 for the original attack)
    undecided: tuple[int, ...]  # graph pledge indexes skipped as cannot-decide
    ptr: np.ndarray = None    # type: ignore[assignment]  # act by pledge, CSR (filled in)
    idx: np.ndarray = None    # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.ptr is None:
            ptr, idx = _trigger_lists(self.act)
            object.__setattr__(self, "ptr", ptr)
            object.__setattr__(self, "idx", idx)

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
    act = np.zeros((len(triggers), len(pledge_ids)), dtype=bool)
    prob = np.empty(len(pledge_ids))
    for j, i in enumerate(pledge_ids):
        p = graph.pledges[i]
        holds = False
        for t, status in p.triggers:
            if status in usable and t in tpos:
                act[tpos[t], j] = True
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
    parties, -1 for states that stayed out). Compiled with numba (one pass over the
    pledges per round, per run); no BLAS, so it does not slow down when other processes
    hold the cores.
    """
    honoured = np.ascontiguousarray(honoured, dtype=np.bool_)
    if honoured.ndim != 2 or honoured.shape[1] != c.n_pledges:
        raise ValueError(f"honoured must be runs x {c.n_pledges}, got {honoured.shape}")
    runs = honoured.shape[0]
    side = np.empty((runs, c.n_states), dtype=np.int8)
    rnd = np.empty((runs, c.n_states), dtype=np.int16)
    _cascade_rows(c.init, c.obligor.astype(np.int64), c.side, c.ptr, c.idx,
                  c.trig_state.astype(np.int64), c.trig_side, honoured, side, rnd)
    return side, rnd


def side_codes(side: np.ndarray) -> np.ndarray | None:
    """Each row of ``side`` as one int64 (2 bits per state), or None past 31 states."""
    n = side.shape[1]
    if n > 31:
        return None
    shifts = (2 * np.arange(n, dtype=np.int64))
    return (side.astype(np.int64) << shifts).sum(axis=1)


# --- helpers ---------------------------------------------------------------------------


def _trigger_lists(act: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pledge, the triggers that make it live (CSR: ``idx[ptr[j]:ptr[j+1]]``)."""
    cols = [np.flatnonzero(act[:, j]) for j in range(act.shape[1])]
    ptr = np.zeros(act.shape[1] + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(x) for x in cols])
    idx = np.concatenate(cols).astype(np.int64) if cols else np.zeros(0, np.int64)
    return ptr, idx


@njit(cache=True, nogil=True)
def _cascade_rows(init, obligor, pside, ptr, idx, trig_state, trig_side, honoured, side,
                  rnd):  # pragma: no cover - compiled
    runs, n_pledges = honoured.shape
    n_states = init.shape[0]
    want = np.zeros(n_states, dtype=np.int8)
    for r in range(runs):
        for s in range(n_states):
            side[r, s] = init[s]
            rnd[r, s] = 0 if init[s] != 0 else -1
        for step in range(1, n_states + 1):
            want[:] = 0
            for j in range(n_pledges):
                if not honoured[r, j]:
                    continue
                o = obligor[j]
                if side[r, o] != 0:
                    continue
                for k in range(ptr[j], ptr[j + 1]):
                    t = idx[k]
                    if t == 0 or side[r, trig_state[t]] == trig_side[t]:
                        want[o] |= pside[j]  # 1 attacker side, 2 target side: bits
                        break
            changed = False
            for s in range(n_states):
                if want[s] != 0:
                    side[r, s] = 2 if want[s] & 2 else 1  # both at once: the target's side
                    rnd[r, s] = step
                    changed = True
            if not changed:
                break
