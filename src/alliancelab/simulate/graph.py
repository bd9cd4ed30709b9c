"""The obligation graph of a crisis: every pledge that could draw a state in, found once.

A crisis cascade asks the casus-foederis engine (:func:`alliancelab.treaty.obligations`)
the same questions again and again: when a state joins a side, whose pledges does that
trigger? :func:`obligation_graph` asks each question once, ahead of time, and keeps the
answers, so that deciding a whole cascade is only a few array operations.

The graph has **triggers** and **pledges**. A trigger is a belligerent on a side: the
original attack (always on), "state X fights on the target's side" or "state Y fights on
the attackers' side". Each trigger stands for the armed attacks it implies (the rules
below), put to the engine as :class:`~alliancelab.treaty.Event` objects. A pledge is one
obligation the engine finds there: ``obligor`` owes ``kind`` (defence or offence) toward
``toward`` under one treaty, with the status (``obliged`` or ``cannot-decide``) it has
under each trigger that raises it. Pledges whose conditions fail (``conditional-unmet``)
and pledges of the original parties (already at war) are left out; neutrality,
consultation and non-aggression pledges draw nobody in and are not kept.

Rules for the attacks a trigger implies (conservative: a state is attacked only where the
war is, and entering a war in collective defence is not itself an armed attack):

* **the original attack**: the event as given (attackers, target, place, territory or
  forces, provocation, state of war, request for consultation);
* **X joins the target's side**: the original attackers (together) attack X at the place
  of the war, on X's territory if the place is X's own territory (or a part of it),
  otherwise on X's armed forces, vessels or aircraft there; with ``homeland=True``, also
  on X's own territory. X is a defender, not an attacker, so pledges owed to the
  attackers' side are not triggered by X's joining (only those that name X);
* **Y joins the attackers' side**: the original attackers and Y (together) attack the
  target at the place and in the manner of the original attack.

Provocation, state of war and request for consultation are those of the original event.

Each question is asked once per (trigger, graph); whole graphs are memoised per (event,
year, treaties, homeland), so repeated cascades and Monte Carlo runs on one crisis build
it once (5 to 40 ms per engine question; the China-Philippines 2024 Asian NATO crisis
asks 6).

Example
-------
>>> g = crisis("CHN", "PHL", where="south-china-sea", year=2018)
>>> [(p.obligor_label, p.kind, p.toward_label, p.treaty_id) for p in g.pledges][:1]
[('USA', 'defense', 'PHL', '3210')]
"""

from __future__ import annotations

import html
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from alliancelab.treaty.engine import Event, armed_attack
from alliancelab.treaty.engine import obligations as engine_obligations
from alliancelab.treaty.fields import country_label, country_name
from alliancelab.treaty.geography import area, place_name, state_area
from alliancelab.treaty.schema import Treaty

__all__ = ["ATTACKER", "SIDE_NAMES", "TARGET", "ObligationGraph", "Pledge", "Trigger",
           "crisis", "obligation_graph"]

ATTACKER, TARGET = 1, 2
SIDE_NAMES = {ATTACKER: "attacker", TARGET: "target"}
_KIND_SIDE = {"defense": TARGET, "offense": ATTACKER}
_CACHE_SIZE = 16


@dataclass(frozen=True)
class Trigger:
    """A belligerent on a side (``state`` None: the original attack) and its attacks."""

    state: int | None
    side: int | None
    events: tuple[Event, ...]

    def describe(self) -> str:
        if self.state is None:
            return "the original attack"
        return f"{country_label(self.state)} joins the {SIDE_NAMES[self.side]} side"  # type: ignore[index]


@dataclass(frozen=True)
class Pledge:
    """One defence or offence obligation that an active trigger can make a state honour.

    ``triggers`` holds ``(trigger index, status)`` for every trigger that raises it; the
    obligor joins ``side`` (the side of ``toward``) if it honours the pledge.
    """

    obligor: int
    kind: str
    toward: int
    treaty_id: str
    treaty_name: str
    treaty_source: str
    article: str | None
    triggers: tuple[tuple[int, str], ...]
    assumptions: tuple[str, ...] = ()

    @property
    def side(self) -> int:
        return _KIND_SIDE[self.kind]

    @property
    def obligor_label(self) -> str:
        return country_label(self.obligor)

    @property
    def toward_label(self) -> str:
        return country_label(self.toward)

    @property
    def statuses(self) -> set[str]:
        return {s for _, s in self.triggers}

    def describe(self) -> str:
        """``'USA defense toward PHL (3210 US-Philippines Mutual Defense Treaty, Art. IV)'``."""
        art = f", {self.article}" if self.article else ""
        return (f"{self.obligor_label} {self.kind} toward {self.toward_label} "
                f"({self.treaty_id} {self.treaty_name}{art})")

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.obligor_label, "ccode": self.obligor, "kind": self.kind,
                "toward": self.toward_label, "toward_ccode": self.toward,
                "side": SIDE_NAMES[self.side],
                "treaty": {"id": self.treaty_id, "name": self.treaty_name,
                           "source": self.treaty_source},
                "article": self.article,
                "triggers": [{"trigger": t, "status": s} for t, s in self.triggers],
                "assumptions": list(self.assumptions)}


@dataclass(frozen=True, eq=False)
class ObligationGraph:
    """Every pledge a crisis can trigger, with the triggers that raise it.

    ``states`` are the original parties (attackers, then the target) followed by every
    state some pledge could draw in, in label order. Build one with :func:`crisis` or
    :func:`obligation_graph`; run it with :meth:`cascade`, :meth:`monte_carlo` or
    :meth:`exact`.
    """

    event: Event
    year: int
    triggers: tuple[Trigger, ...]
    pledges: tuple[Pledge, ...]
    states: tuple[int, ...]
    homeland: bool = False
    scenario: str | None = None
    complete: bool = False
    queries: int = 0
    seconds: float = 0.0
    notes: tuple[str, ...] = ()
    _pool: Any = field(default=None, repr=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(country_label(s) for s in self.states)

    def describe(self) -> str:
        """``'CHN attacks PHL (forces, vessels or aircraft) in the South China Sea, 2024'``."""
        scen = f", scenario {self.scenario}" if self.scenario else ""
        return f"{self.event.describe()}, {self.year}{scen}"

    def undecided(self) -> list[Pledge]:
        """Pledges that are cannot-decide under every trigger that raises them."""
        return [p for p in self.pledges if p.statuses == {"cannot-decide"}]

    def summary(self) -> pd.DataFrame:
        """One row per pledge: who owes what to whom, under which treaty, raised by what."""
        rows = []
        for p in self.pledges:
            rows.append({
                "state": p.obligor_label, "kind": p.kind, "toward": p.toward_label,
                "joins": SIDE_NAMES[p.side], "treaty": f"{p.treaty_id} {p.treaty_name}",
                "article": p.article,
                "raised by": "; ".join(f"{self.triggers[t].describe()} ({s})"
                                       for t, s in p.triggers),
            })
        return pd.DataFrame(rows, columns=["state", "kind", "toward", "joins", "treaty",
                                           "article", "raised by"])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the crisis, the states, the triggers and every pledge."""
        return {
            "crisis": crisis_dict(self),
            "states": [{"state": country_label(s), "ccode": s, "name": country_name(s)}
                       for s in self.states],
            "triggers": [t.describe() for t in self.triggers],
            "pledges": [p.to_dict() for p in self.pledges],
            "engine_queries": self.queries,
            "notes": list(self.notes),
        }

    def cascade(self, **kwargs: Any):
        """The deterministic cascade (see :func:`alliancelab.simulate.cascade`)."""
        from alliancelab.simulate.deterministic import cascade

        return cascade(self, **kwargs)

    def monte_carlo(self, runs: int = 10_000, **kwargs: Any):
        """Monte Carlo cascades (see :func:`alliancelab.simulate.monte_carlo`)."""
        from alliancelab.simulate.montecarlo import monte_carlo

        return monte_carlo(self, runs, **kwargs)

    def exact(self, **kwargs: Any):
        """Exact probabilities by enumeration (see :func:`alliancelab.simulate.exact`)."""
        from alliancelab.simulate.montecarlo import exact

        return exact(self, **kwargs)

    def _repr_html_(self) -> str:
        head = (f"<p><b>Obligation graph</b>: {html.escape(self.describe())}; "
                f"{len(self.pledges)} pledges, {len(self.triggers)} triggers</p>")
        return head + self.summary().to_html(index=False, escape=True)

    def __repr__(self) -> str:
        return (f"ObligationGraph({self.describe()!r}, pledges={len(self.pledges)}, "
                f"triggers={len(self.triggers)})")


def crisis(attackers: str | int | Iterable[str | int], target: str | int,
           where: str | None = None, on: str | None = None, *, year: int | None = None,
           scenario: str | None = None, treaties: Iterable[Treaty] | None = None,
           provoked: bool | None = None, state_of_war: bool | None = None,
           requested: bool = True, homeland: bool = False) -> ObligationGraph:
    """The obligation graph of an armed attack given by names, ISO3 or COW codes.

    ``year`` defaults to the scenario's year, else the latest year with data.
    ``scenario`` (a built-in name or a TOML file) adds its proposed treaties to every
    real one; ``treaties`` replaces the whole pool (for hand-made treaty sets). The
    other arguments are those of :func:`alliancelab.treaty.armed_attack` and
    :func:`obligation_graph`.
    """
    from alliancelab.treaty.library import check_year
    from alliancelab.treaty.scenario import default_year, load_scenario

    chosen = load_scenario(scenario) if scenario is not None else None
    when = year if year is not None else (chosen.year if chosen else default_year())
    check_year(when)
    event = armed_attack(attackers, target, where, on, provoked=provoked,
                         state_of_war=state_of_war, requested=requested, year=when)
    if treaties is not None:
        pool: list[Treaty] | None = [*treaties, *(chosen.treaties if chosen else [])]
    else:
        pool = chosen.world() if chosen else None
    return obligation_graph(event, when, pool, homeland=homeland,
                            scenario=chosen.id if chosen else None)


def obligation_graph(event: Event, year: int, treaties: Iterable[Treaty] | None = None, *,
                     homeland: bool = False, scenario: str | None = None,
                     complete: bool = False) -> ObligationGraph:
    """The obligation graph of ``event`` in ``year`` under ``treaties`` (memoised).

    ``treaties`` defaults to every known real treaty; pass ``scenario.world()`` to add a
    scenario's. ``homeland=True`` also treats each state joining the target's side as
    attacked on its own territory (a less conservative reading; see the module notes).
    ``complete=False`` follows only pledges that hold (``obliged``) to new triggers, which
    is all a cascade that skips cannot-decide pledges needs; ``complete=True`` follows
    cannot-decide pledges too (the cascade functions ask for it when the policy is not
    ``skip``). Either way every pledge that a followed trigger raises is listed.
    """
    from alliancelab.treaty.library import check_year

    check_year(year)
    pool = tuple(treaties) if treaties is not None else None
    key = (event, year, homeland, scenario, complete,
           None if pool is None else tuple(id(t) for t in pool))
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    graph = _build(event, year, pool, homeland, scenario, complete)
    _CACHE[key] = graph
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return graph


def crisis_dict(graph: ObligationGraph) -> dict[str, Any]:
    """The crisis a graph answers, JSON-ready (shared by the result objects)."""
    e = graph.event
    return {
        "attackers": [country_label(a) for a in e.attackers], "target": country_label(e.target),
        "where": e.where, "place": place_name(e.where), "on": e.on, "year": graph.year,
        "scenario": graph.scenario, "provoked": e.provoked, "state_of_war": e.state_of_war,
        "homeland": graph.homeland, "description": graph.describe(),
    }


# --- building --------------------------------------------------------------------------

_CACHE: OrderedDict[tuple[Any, ...], ObligationGraph] = OrderedDict()


def completed(graph: ObligationGraph) -> ObligationGraph:
    """``graph`` with cannot-decide pledges followed too (itself if it already is)."""
    if graph.complete:
        return graph
    return obligation_graph(graph.event, graph.year, graph._pool, homeland=graph.homeland,
                            scenario=graph.scenario, complete=True)


def _build(event: Event, year: int, pool: Sequence[Treaty] | None, homeland: bool,
           scenario: str | None, complete: bool) -> ObligationGraph:
    start = time.perf_counter()
    parties = {*event.attackers, event.target}
    triggers: list[Trigger] = [Trigger(None, None, (event,))]
    index: dict[tuple[int, int], int] = {}
    found: dict[tuple[int, str, int, str], dict[str, Any]] = {}
    notes: dict[str, None] = {}
    queries = 0
    t = 0
    while t < len(triggers):
        for ev in triggers[t].events:
            report = engine_obligations(ev, year, pool)
            queries += 1
            notes.update(dict.fromkeys(report.notes))
            for f in report.findings:
                if (f.kind not in _KIND_SIDE or f.breach or f.status == "conditional-unmet"
                        or f.ccode in parties):
                    continue
                key = (f.ccode, f.kind, f.toward_ccode, f.treaty_id)
                entry = found.setdefault(key, {"finding": f, "triggers": {}})
                old = entry["triggers"].get(t)
                if old is None or (old == "cannot-decide" and f.status == "obliged"):
                    entry["triggers"][t] = f.status
                joined = (f.ccode, _KIND_SIDE[f.kind])
                if joined not in index and (complete or f.status == "obliged"):
                    index[joined] = len(triggers)
                    triggers.append(Trigger(*joined, _events(event, *joined, homeland)))
        t += 1
    pledges = [
        Pledge(f.ccode, f.kind, f.toward_ccode, f.treaty_id, f.treaty_name, f.treaty_source,
               f.provision, tuple(sorted(entry["triggers"].items())), f.assumptions)
        for entry in found.values() for f in [entry["finding"]]
    ]
    pledges.sort(key=lambda p: (p.triggers[0][0], p.kind, p.obligor_label, p.toward_label,
                                p.treaty_id))
    others = sorted({p.obligor for p in pledges} - parties, key=country_label)
    states = (*event.attackers, event.target, *others)
    note = ("Only defence and offence pledges draw states in; crisis cascades follow the "
            "rules of alliancelab.simulate (docs/simulate.md).")
    kept = tuple(n for n in notes if not n.startswith("Only obligations toward the parties"))
    return ObligationGraph(event, year, tuple(triggers), tuple(pledges), states, homeland,
                           scenario, complete, queries, time.perf_counter() - start, (*kept, note),
                           pool)


def _events(origin: Event, state: int, side: int, homeland: bool) -> tuple[Event, ...]:
    """The armed attacks implied by ``state`` fighting on ``side`` (module rules)."""
    keep = {"provoked": origin.provoked, "state_of_war": origin.state_of_war,
            "requested": origin.requested}
    if side == ATTACKER:
        return (Event((*origin.attackers, state), origin.target, origin.where, origin.on,
                      **keep),)
    on = "territory" if area(origin.where).owner == state else "forces"
    events = [Event(origin.attackers, state, origin.where, on, **keep)]  # type: ignore[arg-type]
    home = state_area(state).id
    if homeland and not (on == "territory" and origin.where == home):
        events.append(Event(origin.attackers, state, home, "territory", **keep))
    return tuple(events)
