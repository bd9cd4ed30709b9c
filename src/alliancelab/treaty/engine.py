"""The casus-foederis engine: who must do what when one state attacks another.

:func:`obligations` takes an :class:`Event` (an armed attack by one or more attackers on a
target at a place: its territory, or its forces, vessels or aircraft at sea) and a year,
and reads every treaty in force: for each state it reports what it owes and to whom
(defence, consultation, neutrality, offence), under which treaty and article, with every
condition and the reason it holds or fails. A finding's status is ``obliged`` (every
condition holds), ``conditional-unmet`` (one fails) or ``cannot-decide`` (one cannot be
decided from the event or the data, e.g. ATOP records a location condition without the
location, and alliancelab never guesses). Non-aggression pledges the attack breaks are
findings of kind ``nonaggression`` with ``breach = True``.

Only obligations toward the parties of this attack are reported; what allies of states
drawn in then owe each other is the crisis-cascade model's question.

Example
-------
>>> e = armed_attack("CHN", "PHL", where="south-china-sea")
>>> r = obligations(e, 2018)
>>> [(f.state, f.kind, f.toward, f.treaty_id) for f in r.obliged() if f.kind == "defense"]
[('USA', 'defense', 'PHL', '3210')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import pandas as pd

from alliancelab.errors import InputError
from alliancelab.treaty.fields import country_label, country_name, to_ccode
from alliancelab.treaty.geography import area, is_metropolitan, place_name, state_area, within
from alliancelab.treaty.schema import KINDS, SCOPE_WORDS, Obligation, Treaty

__all__ = ["STATUSES", "ConditionCheck", "Event", "Finding", "ObligationReport",
           "armed_attack", "obligations"]

STATUSES = ("obliged", "cannot-decide", "conditional-unmet")
Status = Literal["obliged", "cannot-decide", "conditional-unmet"]


@dataclass(frozen=True)
class Event:
    """An armed attack by ``attackers`` on ``target`` at ``where`` (all COW codes / area id).

    ``on`` is what is hit: the target's ``territory`` or its ``forces`` (armed forces,
    public vessels or aircraft). ``provoked``: whether the target provoked the attack (None:
    not known, which leaves non-provocation conditions undecided). ``state_of_war``: set
    False if the attack does not put the target in a state of war. ``requested``: whether
    the attacked party asks its allies for consultation (default: it does).
    """

    attackers: tuple[int, ...]
    target: int
    where: str
    on: Literal["territory", "forces"]
    provoked: bool | None = None
    state_of_war: bool | None = None
    requested: bool = True

    def describe(self) -> str:
        who = " and ".join(country_label(a) for a in self.attackers)
        what = "territory" if self.on == "territory" else "forces, vessels or aircraft"
        return f"{who} attacks {country_label(self.target)} ({what}) in {place_name(self.where)}"


def armed_attack(attackers: str | int | Iterable[str | int], target: str | int,
                 where: str | None = None, on: str | None = None, *,
                 provoked: bool | None = None, state_of_war: bool | None = None,
                 requested: bool = True, year: int | None = None) -> Event:
    """Build an :class:`Event` from names, ISO3 or COW codes and a gazetteer place.

    ``where`` defaults to the target's own territory; ``on`` defaults to ``territory`` when
    the place is the target's territory and ``forces`` otherwise. With ``year``, names mean
    the states they named that year ("DEU" in 1960 is West Germany) and each state must be
    a system member then (:class:`~alliancelab.errors.CoverageError` otherwise).
    """
    if isinstance(attackers, str | int):
        attackers = [attackers]
    attack_codes = tuple(dict.fromkeys(to_ccode(a, year) for a in attackers))
    if not attack_codes:
        raise InputError("name at least one attacker")
    victim = to_ccode(target, year)
    if victim in attack_codes:
        raise InputError(f"{country_label(victim)} cannot attack itself",
                         hint="the target must not be among the attackers")
    place = area(where, year).id if where is not None else state_area(victim).id
    owned = area(place).owner == victim
    if on is None:
        on = "territory" if owned else "forces"
    if on not in ("territory", "forces"):
        raise InputError(f"unknown target kind {on!r}", hint="use 'territory' or 'forces'")
    if on == "territory" and not owned:
        raise InputError(f"{area(place).name} is not territory of {country_label(victim)}",
                         hint="an attack there is on forces, vessels or aircraft: on='forces'")
    return Event(attack_codes, victim, place, on, provoked, state_of_war, requested)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ConditionCheck:
    """One condition of an obligation: whether it holds (None: cannot tell) and why."""

    condition: str
    holds: bool | None
    reason: str


@dataclass(frozen=True)
class Finding:
    """What ``state`` owes ``toward`` under one treaty, and whether it is triggered."""

    state: str
    ccode: int
    kind: str
    toward: str
    toward_ccode: int
    status: Status
    effect: str
    treaty_id: str
    treaty_name: str
    treaty_source: str
    atopid: int | None
    provision: str | None
    text: str | None
    conditions: tuple[ConditionCheck, ...]
    breach: bool = False
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record (the format of ``alliancelab obligations --format json``)."""
        return {
            "state": self.state, "ccode": self.ccode, "status": self.status,
            "kind": self.kind, "toward": self.toward, "toward_ccode": self.toward_ccode,
            "effect": self.effect, "breach": self.breach,
            "treaty": {"id": self.treaty_id, "atopid": self.atopid, "name": self.treaty_name,
                       "source": self.treaty_source},
            "provision": self.provision, "text": self.text,
            "conditions": [asdict(c) for c in self.conditions],
            "assumptions": list(self.assumptions), "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ObligationReport:
    """Every finding for one event and year."""

    event: Event
    year: int
    findings: tuple[Finding, ...]
    treaties_read: int = 0
    notes: tuple[str, ...] = field(default=())

    def obliged(self) -> list[Finding]:
        """Findings whose every condition holds (including broken non-aggression pledges)."""
        return [f for f in self.findings if f.status == "obliged"]

    def for_state(self, state: str | int) -> list[Finding]:
        """Findings about one state (name, ISO3 or COW code, read in the report's year)."""
        code = to_ccode(state, self.year)
        return [f for f in self.findings if f.ccode == code]

    def to_records(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in self.findings]

    def to_frame(self) -> pd.DataFrame:
        """One row per finding, conditions summarised as text; a non-aggression pledge the
        attack breaks is kind ``nonaggression (broken)`` (its status stays ``obliged``)."""
        rows = []
        for f in self.findings:
            rows.append({
                "state": f.state, "status": f.status,
                "kind": f"{f.kind} (broken)" if f.breach else f.kind, "toward": f.toward,
                "treaty": f"{f.treaty_id} {f.treaty_name}", "provision": f.provision,
                "conditions": "; ".join(f"{c.condition}: {_mark(c.holds)} {c.reason}"
                                        for c in f.conditions),
                "assumed": bool(f.assumptions),
            })
        return pd.DataFrame(rows, columns=["state", "status", "kind", "toward", "treaty",
                                           "provision", "conditions", "assumed"])

    def summary(self) -> str:
        lines = [f"{self.event.describe()}, {self.year}: {len(self.findings)} findings "
                 f"from {self.treaties_read} treaties in force"]
        for f in self.findings:
            lines.append(f"  [{f.status}] {f.effect} ({f.treaty_id} {f.provision or ''})".rstrip())
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<p>{self.event.describe()}, {self.year}</p>" + self.to_frame().to_html(
            index=False)


def obligations(event: Event, year: int, treaties: Iterable[Treaty] | None = None
                ) -> ObligationReport:
    """Every obligation the attack in ``event`` triggers in ``year`` under ``treaties``.

    ``treaties`` defaults to every known real treaty
    (:func:`alliancelab.treaty.library.all_treaties`); pass ``scenario.world()`` to add a
    scenario's proposed treaties. A year outside 1816-2100 is a
    :class:`~alliancelab.errors.CoverageError`; a year after the treaty data's last year
    is answered with a note (first in ``notes``) saying what is assumed.
    """
    from alliancelab.treaty.library import all_treaties, check_year, projection_note

    check_year(year)
    pool = list(treaties) if treaties is not None else list(all_treaties())
    parties = {event.target, *event.attackers}
    found: dict[tuple[Any, ...], Finding] = {}
    read = 0
    for treaty in pool:
        if not treaty.in_force_in(year):
            continue
        read += 1
        alive = set(treaty.members_in(year))
        if not alive & parties:
            continue
        for ob in treaty.obligations:
            if ob.active_in(year):
                for finding in _findings(treaty, ob, event, year, alive):
                    key = (finding.ccode, finding.kind, finding.toward_ccode, finding.treaty_id)
                    old = found.get(key)
                    if old is None or STATUSES.index(finding.status) < STATUSES.index(old.status):
                        found[key] = finding
    order = {k: i for i, k in enumerate(KINDS)}
    ranked = sorted(found.values(), key=lambda f: (STATUSES.index(f.status), order[f.kind],
                                                   f.state, f.treaty_id))
    notes = ("Only obligations toward the parties of this attack are listed; what allies of "
             "states drawn in owe each other is the crisis-cascade model's question.",)
    projected = projection_note(year)
    return ObligationReport(event, year, tuple(ranked), read,
                            (projected, *notes) if projected else notes)


# --- findings --------------------------------------------------------------------------


def _findings(treaty: Treaty, ob: Obligation, event: Event, year: int,
              alive: set[int]) -> Iterable[Finding]:
    owed_to = set(ob.owed_to(treaty)) & alive
    for x in ob.owed_by(treaty):
        if x not in alive:
            continue
        if event.target in owed_to and x != event.target:
            if x in event.attackers:
                if ob.kind == "nonaggression":
                    yield _finding(treaty, ob, event, year, x, event.target, "attacked", True)
            elif ob.kind in ("defense", "consultation", "neutrality"):
                yield _finding(treaty, ob, event, year, x, event.target, "attacked")
        if x in event.attackers or x == event.target:
            continue
        for a in event.attackers:
            if a in owed_to and a != x and ob.kind in ("neutrality", "offense", "consultation"):
                yield _finding(treaty, ob, event, year, x, a, "attacking")


def _finding(treaty: Treaty, ob: Obligation, event: Event, year: int, x: int, ally: int,
             role: str, breach: bool = False) -> Finding:
    checks = [_trigger(ob.kind, event, ally, role, breach), *_conditions(ob, event, ally, role)]
    if any(c.holds is False for c in checks):
        status: Status = "conditional-unmet"
    elif any(c.holds is None for c in checks):
        status = "cannot-decide"
    else:
        status = "obliged"
    return Finding(
        state=country_label(x), ccode=x, kind=ob.kind, toward=country_label(ally),
        toward_ccode=ally, status=status, effect=_effect(ob.kind, x, ally, event, role),
        treaty_id=treaty.id, treaty_name=treaty.short_name or treaty.name,
        treaty_source=treaty.source or "", atopid=treaty.atopid, provision=ob.article,
        text=ob.text, conditions=tuple(checks), breach=breach,
        assumptions=_assumptions(treaty, year), notes=_notes(treaty, ob, year, x, ally),
    )


def _trigger(kind: str, event: Event, ally: int, role: str, breach: bool) -> ConditionCheck:
    if breach:
        return ConditionCheck("non-aggression pledge", True,
                              f"{country_label(ally)} is a party the attacker pledged not to "
                              "use force against")
    if role == "attacked":
        return ConditionCheck("armed attack", True, event.describe())
    if kind == "offense":
        return ConditionCheck("war started by the ally", True,
                              f"{country_label(ally)} goes to war; an offence pledge covers "
                              "military action not caused by an attack on the ally")
    return ConditionCheck("crisis involving the ally", True,
                          f"{country_label(ally)} is an attacker: {event.describe()}")


def _conditions(ob: Obligation, event: Event, ally: int, role: str) -> list[ConditionCheck]:
    out: list[ConditionCheck] = []
    name = country_label(ally)
    if ob.scope is not None:
        out.append(_scope(ob.scope, event, ally, role, ob.scope_note))
    elif ob.scope_note:
        out.append(ConditionCheck("location", None, ob.scope_note))
    if ob.adversaries is not None:
        hit = [a for a in event.attackers if a in ob.adversaries]
        named = ", ".join(country_label(a) for a in ob.adversaries)
        other = event.target if role == "attacking" else None
        if other is not None:
            hit = [other] if other in ob.adversaries else []
        out.append(ConditionCheck(
            "adversary", bool(hit),
            f"{'adversary is' if hit else 'adversary is not'} one of {named}"))
    elif ob.adversary_note:
        out.append(ConditionCheck("adversary", None, ob.adversary_note))
    if ob.adversary_count is not None:
        n = len(event.attackers) if role == "attacked" else 1
        holds = None if ob.adversary_count == "unrecorded" else (
            n == 1 if ob.adversary_count == "one" else n >= 2)
        why = ("ATOP codes a condition on the number of adversaries without its content"
               if holds is None else f"{n} adversar{'y' if n == 1 else 'ies'}; the pledge "
               f"applies with {ob.adversary_count}")
        out.append(ConditionCheck("number of adversaries", holds, why))
    for label, text in (("specific conflict", ob.conflict), ("demands", ob.demands),
                        ("other condition", ob.other)):
        if text:
            out.append(ConditionCheck(label, None, text))
    if ob.non_provocation:
        out.append(_provocation(event, name, role))
    if ob.upon_attack:
        attacked = role == "attacked"
        why = "the state attacked" if attacked else "the attacker, not attacked"
        out.append(ConditionCheck("ally attacked", attacked, f"{name} is {why}"))
    if ob.upon_request:
        out.append(ConditionCheck(
            "at the request of a party", event.requested,
            "assumed: the attacked party asks for consultation (requested=False to drop)"
            if event.requested else "no party asks for consultation (requested=False)"))
    if ob.state_of_war:
        if role != "attacked":
            out.append(ConditionCheck("state of war", False, f"{name} is not the party attacked"))
        elif event.state_of_war is False:
            out.append(ConditionCheck("state of war", False,
                                      f"the event says {name} is not in a state of war"))
        else:
            out.append(ConditionCheck("state of war", True,
                                      f"the armed attack puts {name} in a state of war, as the "
                                      "treaty's wording has it (state_of_war=False if not)"))
    if ob.toward_note and ob.toward is None:
        out.append(ConditionCheck("owed to this partner", None, ob.toward_note))
    return out


def _provocation(event: Event, name: str, role: str) -> ConditionCheck:
    if role == "attacking":
        return ConditionCheck("ally did not provoke", False, f"{name} attacked first")
    if event.provoked is None:
        return ConditionCheck("ally did not provoke", None,
                              f"the pledge holds only if {name} did not provoke the attack; "
                              "the event does not say (provoked=False or True)")
    did = "provoked" if event.provoked else "did not provoke"
    return ConditionCheck("ally did not provoke", not event.provoked,
                          f"the event says {name} {did} the attack")


def _scope(tokens: list[str], event: Event, ally: int, role: str,
           note: str | None) -> ConditionCheck:
    results = [(t, _token(t, event, ally, role)) for t in tokens]
    place = place_name(event.where)
    listed = "; ".join(_describe(t) for t in tokens)
    hits = [t for t, r in results if r]
    if hits:
        return ConditionCheck("location", True, f"covered: {_why(hits[0], event)} "
                                                f"(scope: {listed})")
    if any(r is None for _, r in results):
        return ConditionCheck("location", None, f"the gazetteer cannot place {place} for: "
                                                f"{listed}")
    hit = "territory" if event.on == "territory" else "forces, vessels or aircraft"
    return ConditionCheck("location", False,
                          f"the attack in {place} on {hit} of {country_label(event.target)} "
                          f"is outside the scope: {listed}")


def _token(token: str, event: Event, ally: int, role: str) -> bool | None:
    attacked = role == "attacked"
    on_land = event.on == "territory"
    if token == "territory":
        return attacked and on_land
    if token == "metropolitan-territory":
        return attacked and on_land and is_metropolitan(event.where)
    if token == "forces":
        return attacked and not on_land
    kind, _, region = token.rpartition(":")
    if kind == "territory":
        return (attacked and on_land) and within(event.where, region)
    if kind == "forces":
        return (attacked and not on_land) and within(event.where, region)
    if kind == "involving":
        places = [event.where, *(state_area(c).id for c in (*event.attackers, event.target))]
        checks = [within(p, region) for p in places]
        return True if any(checks) else (None if None in checks else False)
    return within(event.where, region)


def _why(token: str, event: Event) -> str:
    kind, _, region = token.rpartition(":")
    name = place_name(region) if region and region not in SCOPE_WORDS else ""
    place = place_name(event.where)
    if kind == "involving":
        for c in (*event.attackers, event.target):
            if within(state_area(c).id, region):
                return f"{country_label(c)} is in {name}, so peace there is threatened"
        return f"the attack in {place} is in {name}"
    return f"the attack in {place} is {_describe(token)}"


def _describe(token: str) -> str:
    words = {"territory": "on territory of the party", "forces":
             "on armed forces, vessels or aircraft of the party",
             "metropolitan-territory": "on metropolitan territory of the party"}
    if token in words:
        return words[token]
    kind, _, region = token.rpartition(":")
    name = place_name(region)
    if kind == "territory":
        return f"on territory of the party in {name}"
    if kind == "forces":
        return f"on forces, vessels or aircraft of the party in {name}"
    if kind == "involving":
        return f"threatening peace in {name} (an attack there, or by or on a state there)"
    return f"in {name}"


def _effect(kind: str, x: int, ally: int, event: Event, role: str) -> str:
    a, b = country_label(x), country_label(ally)
    target = country_label(event.target)
    if kind == "nonaggression":
        return f"{a} breaks its pledge of non-aggression to {b}"
    if kind == "defense":
        return f"{a} must assist {b} militarily against the attack"
    if kind == "consultation":
        return f"{a} must consult {b}"
    if kind == "neutrality":
        if role == "attacked":
            attackers = " and ".join(country_label(c) for c in event.attackers)
            return f"{a} must not aid {attackers} against {b}"
        return f"{a} must stay neutral: not join {target} against {b}"
    return f"{a} must join {b}'s military action against {target}"


def _assumptions(treaty: Treaty, year: int) -> tuple[str, ...]:
    if not treaty.assumed_in(year):
        return ()
    from alliancelab.treaty.atop import ATOP_KNOWN_UNTIL

    why = ("ATOP 5.0 ends in 2018" if treaty.atopid is not None
           and treaty.known_until == ATOP_KNOWN_UNTIL else "the last date its sources cover")
    return (f"treaty {treaty.id} is known only until {treaty.known_until} ({why}); it is "
            f"assumed still in force in {year} because nothing recorded ends it",)


def _notes(treaty: Treaty, ob: Obligation, year: int, x: int, ally: int) -> tuple[str, ...]:
    notes = []
    start = treaty.in_force or treaty.signed
    if start is not None and start.year == year:
        notes.append(f"treaty {treaty.id} is in force only from {start}")
    if treaty.ended is not None and treaty.ended.year == year:
        notes.append(f"treaty {treaty.id} ended on {treaty.ended}")
    for m in treaty.members:
        if m.state in (x, ally):
            if m.joined is not None and m.joined.year == year:
                notes.append(f"{country_label(m.state)} joined on {m.joined}")
            if m.in_force is not None and m.in_force.year == year:
                notes.append(f"{country_label(m.state)} became a party on {m.in_force}")
            if m.left is not None and m.left.year == year:
                notes.append(f"{country_label(m.state)} left on {m.left}")
    if ob.note:
        notes.append(ob.note)
    return tuple(notes)


def _mark(holds: bool | None) -> str:
    return {True: "yes", False: "no", None: "?"}[holds]


def state_name(ccode: int) -> str:
    """Full name of a state (for display)."""
    return country_name(ccode)
