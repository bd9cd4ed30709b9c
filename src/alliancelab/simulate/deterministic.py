"""The deterministic crisis cascade: every obliged ally honours its pledges (the maximal war).

:func:`cascade` runs the rules of :mod:`alliancelab.simulate.kernel` once with every
pledge honoured, except those of the states in ``refusing`` (to ask "and if the US stays
out?"). The :class:`Cascade` it returns says, round by round, who joined which side and
through which pledges (treaty, article, toward whom); which pledges were moot because the
ally was already fighting on the other side; and how many cannot-decide pledges the
policy skipped. It renders itself as a table (:meth:`Cascade.summary`), JSON
(:meth:`Cascade.to_dict`) and HTML.

Example
-------
>>> from alliancelab.simulate import crisis
>>> c = cascade(crisis("CHN", "PHL", where="south-china-sea", year=2024,
...                    scenario="asian-nato"))
>>> c.rounds()
[['CHN', 'PHL'], ['AUS', 'JPN', 'KOR', 'USA'], ['THA']]
>>> cascade(c.graph, refusing=["USA"]).sides()["THA"]
'out'
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from alliancelab.simulate.graph import SIDE_NAMES, ObligationGraph, completed, crisis_dict
from alliancelab.simulate.kernel import CompiledGraph, compile_graph, propagate
from alliancelab.simulate.rates import undecided_policy
from alliancelab.treaty.fields import country_label, country_name, to_ccode

__all__ = ["Cascade", "cascade"]


@dataclass(frozen=True, eq=False)
class Cascade:
    """The outcome of one cascade: each state's side and round, and why it joined.

    ``side`` and ``round`` are indexed like ``compiled.states`` (side 0: stayed out,
    round -1: never joined). ``reasons[k]`` lists the graph's pledge indexes that drew
    state ``k`` in (live and honoured, toward its side, in the round it joined).
    """

    graph: ObligationGraph
    compiled: CompiledGraph
    side: np.ndarray
    round: np.ndarray
    reasons: tuple[tuple[int, ...], ...]
    moot: tuple[int, ...]
    refused: tuple[int, ...]
    undecided_skipped: tuple[int, ...]
    policy: tuple[str, float | None]
    refusing: tuple[int, ...] = ()

    @property
    def states(self) -> tuple[int, ...]:
        return self.compiled.states

    def sides(self) -> dict[str, str]:
        """``{'CHN': 'attacker', 'PHL': 'target', 'USA': 'target', ...}`` (``'out'``: stayed
        out), original parties first, then in the order states joined."""
        order = np.lexsort((np.arange(len(self.states)), np.where(self.round < 0, 1 << 14,
                                                                   self.round)))
        return {country_label(self.states[k]): SIDE_NAMES.get(int(self.side[k]), "out")
                for k in order}

    def rounds(self) -> list[list[str]]:
        """States by the round they joined (round 0: the original parties), each sorted."""
        last = int(self.round.max())
        return [sorted(country_label(self.states[k]) for k in np.flatnonzero(self.round == r))
                for r in range(last + 1)]

    def belligerents(self, side: str | None = None) -> list[str]:
        """States at war (on ``side`` 'attacker' or 'target', if given)."""
        return [s for s, v in self.sides().items() if v != "out" and (side is None or v == side)]

    def summary(self) -> pd.DataFrame:
        """One row per state: side, round joined and the pledges that drew it in."""
        pledges = self.graph.pledges
        rows = []
        for k in np.lexsort((np.arange(len(self.states)),
                             np.where(self.round < 0, 1 << 14, self.round))):
            s = self.states[k]
            if self.round[k] == 0:
                via = "original attack: " + ("attacker" if self.side[k] == 1 else "target")
            elif self.side[k] == 0:
                via = self._why_out(k)
            else:
                via = "; ".join(_pledge_text(pledges[i]) for i in self.reasons[k])
            rows.append({"state": country_label(s), "name": country_name(s),
                         "side": SIDE_NAMES.get(int(self.side[k]), "out"),
                         "round": None if self.round[k] < 0 else int(self.round[k]),
                         "drawn in by": via})
        frame = pd.DataFrame(rows, columns=["state", "name", "side", "round", "drawn in by"])
        frame["round"] = frame["round"].astype("Int64")
        return frame

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the crisis, each state's side, round and pledges, and what was
        moot, refused or skipped."""
        pledges = self.graph.pledges
        states = []
        for k, s in enumerate(self.states):
            states.append({
                "state": country_label(s), "ccode": s, "name": country_name(s),
                "side": SIDE_NAMES.get(int(self.side[k]), "out"),
                "round": None if self.round[k] < 0 else int(self.round[k]),
                "drawn_in_by": [pledges[i].to_dict() for i in self.reasons[k]],
            })
        return {
            "crisis": crisis_dict(self.graph),
            "model": "deterministic cascade: every obliged ally honours its pledges"
                     + (f" except {', '.join(country_label(r) for r in self.refusing)}"
                        if self.refusing else ""),
            "undecided_policy": _policy_text(self.policy),
            "rounds": self.rounds(),
            "states": states,
            "moot": [pledges[i].to_dict() for i in self.moot],
            "refused": [pledges[i].to_dict() for i in self.refused],
            "undecided_skipped": len(self.undecided_skipped),
            "undecided_skipped_pledges": [pledges[i].to_dict()
                                          for i in self.undecided_skipped],
            "assumptions": self.assumptions(),
            "notes": self.notes(),
        }

    def assumptions(self) -> list[str]:
        """The engine's assumptions behind the pledges that drew someone in."""
        used = {i for r in self.reasons for i in r}
        return sorted({a for i in used for a in self.graph.pledges[i].assumptions})

    def notes(self) -> list[str]:
        out = list(self.graph.notes)
        if self.undecided_skipped:
            out.append(f"{len(self.undecided_skipped)} pledge(s) triggered in this war could "
                       "not be decided from the data (cannot-decide) and were skipped; "
                       "undecided='hold' treats them as holding")
        if self.moot:
            out.append(f"{len(self.moot)} pledge(s) were moot: the ally was already at war "
                       "on the other side")
        return out

    def describe(self) -> str:
        """A few lines: the crisis, then each round's joiners."""
        lines = [self.graph.describe() + ": maximal cascade (every obliged ally honours)"]
        for r, names in enumerate(self.rounds()):
            if r:
                lines.append(f"  round {r}: " + ", ".join(
                    f"{n} ({self.sides()[n]} side)" for n in names))
        lines.append(f"  at war: {len(self.belligerents())} states; attacker side: "
                     f"{', '.join(self.belligerents('attacker'))}; target side: "
                     f"{', '.join(self.belligerents('target'))}")
        return "\n".join(lines)

    def _why_out(self, k: int) -> str:
        s = self.states[k]
        if s in self.refusing:
            return "refuses its pledges (refusing)"
        return "no pledge of it was ever live (its trigger never came on)"

    def _repr_html_(self) -> str:
        head = f"<p><b>Crisis cascade</b>: {html.escape(self.graph.describe())}</p>"
        notes = "".join(f"<p><i>note:</i> {html.escape(n)}</p>" for n in self.notes())
        return head + self.summary().to_html(index=False, escape=True, na_rep="") + notes

    def __repr__(self) -> str:
        return f"Cascade({self.graph.describe()!r}, at_war={self.belligerents()})"


def cascade(graph: ObligationGraph, *, undecided: str | float | None = "skip",
            refusing: Iterable[str | int] = ()) -> Cascade:
    """The maximal cascade of ``graph``: every obliged ally honours its pledges.

    ``undecided``: the policy for cannot-decide pledges (``"skip"``, ``"hold"`` or a
    probability, which here means "hold"). ``refusing``: states (names, ISO3 or COW
    codes) that honour none of their pledges.
    """
    policy = undecided_policy(undecided)
    if policy[0] != "skip":
        graph = completed(graph)
    compiled = compile_graph(graph, None, policy)
    refuse = tuple(dict.fromkeys(to_ccode(r, graph.year) for r in refusing))
    honoured = np.array([graph.pledges[i].obligor not in refuse for i in compiled.pledges],
                        dtype=bool)
    side, rnd = propagate(compiled, honoured[None, :])
    return _explain(graph, compiled, side[0], rnd[0], honoured, policy, refuse)


# --- helpers ---------------------------------------------------------------------------


def _explain(graph: ObligationGraph, c: CompiledGraph, side: np.ndarray, rnd: np.ndarray,
             honoured: np.ndarray, policy: tuple[str, float | None],
             refuse: tuple[int, ...]) -> Cascade:
    """Reasons, moot and refused pledges from one cascade's final sides and rounds."""
    reasons: list[list[int]] = [[] for _ in c.states]
    moot: list[int] = []
    refused: list[int] = []
    trig_round = np.where(side[c.trig_state] == c.trig_side, rnd[c.trig_state], -1)
    trig_round[0] = 0  # the original attack is on from the start
    for j, i in enumerate(c.pledges):
        on_from = [int(trig_round[t]) for t in np.flatnonzero(c.act[:, j]) if trig_round[t] >= 0]
        if not on_from:
            continue
        o = int(c.obligor[j])
        if not honoured[j]:
            refused.append(i)
        elif side[o] == c.side[j] and any(r < rnd[o] for r in on_from):
            # live in the round its obligor joined: a trigger came on in an earlier round
            reasons[o].append(i)
        elif side[o] != 0 and side[o] != c.side[j]:
            moot.append(i)
    skipped = []
    for i in c.undecided:
        p = graph.pledges[i]
        if any(s == "cannot-decide" and _on(graph, t, c, side) for t, s in p.triggers):
            skipped.append(i)
    return Cascade(graph, c, side, rnd, tuple(tuple(r) for r in reasons), tuple(moot),
                   tuple(refused), tuple(skipped), policy, refuse)


def _on(graph: ObligationGraph, t: int, c: CompiledGraph, side: np.ndarray) -> bool:
    trig = graph.triggers[t]
    if trig.state is None:
        return True
    if trig.state not in c.states:
        return False
    return int(side[c.states.index(trig.state)]) == trig.side


def _pledge_text(p: Any) -> str:
    art = f", {p.article}" if p.article else ""
    return f"{p.kind} toward {p.toward_label} ({p.treaty_id} {p.treaty_name}{art})"


def _policy_text(policy: tuple[str, float | None]) -> str:
    kind, q = policy
    if kind == "skip":
        return "skip: cannot-decide pledges draw nobody in"
    if q is None:
        return "hold: cannot-decide pledges are treated as holding"
    return f"hold with probability {q:g}"
