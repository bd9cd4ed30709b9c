"""A hand-made treaty world for the cascade tests, and a plain reference cascade.

The world (all pledges hypothetical; only these treaties are in the pool):

* RUS attacks DEU on its territory.
* ``fra-deu``: France and Germany, mutual defence (no conditions).
* ``fra-gbr``: France and Britain, mutual defence (no conditions).
* ``fra-nld``: France and the Netherlands, mutual defence, only for an armed attack on a
  party's *territory* (a state joining the target's side is attacked only on its forces
  where the war is, so this one stays silent unless ``homeland=True``).
* ``rus-blr``: Russia and Belarus, offence (each joins the other's wars).
* ``blr-kaz``: Belarus and Kazakhstan, mutual defence (Belarus joins as an attacker, so
  Kazakhstan is never called on).
* ``blr-arm``: Belarus and Armenia, offence.
* ``hun-deu``: Hungary and Germany, defence; ``hun-rus``: Hungary and Russia, offence
  (Hungary is called on by both sides in round 1 and joins the target's side).
* ``ltu-deu``: Lithuania owes Germany defence against Belarus only (comes on when Belarus
  joins the attackers).
* ``pol-deu``: Poland owes Germany defence in an area the data do not name (cannot-decide).
"""

from __future__ import annotations

import itertools

from alliancelab.simulate.graph import ATTACKER, TARGET, ObligationGraph, crisis
from alliancelab.treaty import country_label, loads_treaty

TREATIES = {
    "fra-deu": ("FRA", "DEU", 'kind = "defense"'),
    "fra-gbr": ("FRA", "GBR", 'kind = "defense"'),
    "fra-nld": ("FRA", "NLD", 'kind = "defense"\nscope = ["territory"]'),
    "rus-blr": ("RUS", "BLR", 'kind = "offense"'),
    "blr-kaz": ("BLR", "KAZ", 'kind = "defense"'),
    "blr-arm": ("BLR", "ARM", 'kind = "offense"'),
    "hun-deu": ("HUN", "DEU", 'kind = "defense"\nmembers = ["HUN"]\ntoward = ["DEU"]'),
    "hun-rus": ("HUN", "RUS", 'kind = "offense"\nmembers = ["HUN"]\ntoward = ["RUS"]'),
    "ltu-deu": ("LTU", "DEU", 'kind = "defense"\nmembers = ["LTU"]\ntoward = ["DEU"]\n'
                              'adversaries = ["BLR"]'),
    "pol-deu": ("POL", "DEU", 'kind = "defense"\nmembers = ["POL"]\ntoward = ["DEU"]\n'
                              'scope_note = "an area the treaty names but ATOP does not"'),
}


def treaty(ident: str):
    a, b, body = TREATIES[ident]
    return loads_treaty(f'[treaty]\nid = "{ident}"\nname = "{ident}"\nsigned = 2000-01-01\n'
                        f'members = ["{a}", "{b}"]\n[[treaty.obligations]]\n{body}\n',
                        source=f"{ident}.toml")


def world(*idents: str) -> list:
    return [treaty(i) for i in (idents or TREATIES)]


def graph(*idents: str, homeland: bool = False) -> ObligationGraph:
    return crisis("RUS", "DEU", year=2010, treaties=world(*idents), homeland=homeland)


def reference_cascade(g: ObligationGraph, honoured: set[int],
                      usable: frozenset[str] = frozenset({"obliged"})) -> dict[int, int]:
    """The rules of docs/simulate.md, written plainly: returns {ccode: side} at war.

    ``honoured``: indexes of ``g.pledges`` the allies honour.
    """
    side = {a: ATTACKER for a in g.event.attackers}
    side[g.event.target] = TARGET

    def on(t: int) -> bool:
        trig = g.triggers[t]
        return trig.state is None or side.get(trig.state) == trig.side

    while True:
        wants: dict[int, set[int]] = {}
        for i, p in enumerate(g.pledges):
            if p.obligor in side or i not in honoured:
                continue
            if any(status in usable and on(t) for t, status in p.triggers):
                wants.setdefault(p.obligor, set()).add(p.side)
        if not wants:
            return side
        for state, sides in wants.items():
            side[state] = TARGET if TARGET in sides else ATTACKER


def brute_force(g: ObligationGraph, prob: dict[str, float],
                usable: frozenset[str] = frozenset({"obliged"}),
                undecided_prob: float | None = None
                ) -> tuple[dict[tuple[int, int], float], dict[tuple[frozenset, frozenset], float]]:
    """Exact probabilities over every honour/refuse combination of ``g.pledges``:
    ``{(ccode, side): P(state ends on side)}`` and ``{(attacker side, target side): P}``
    (sides as frozensets of ISO3 labels)."""
    n = len(g.pledges)
    assert n <= 16, n
    out: dict[tuple[int, int], float] = {}
    lineups: dict[tuple[frozenset, frozenset], float] = {}
    probs = []
    for p in g.pledges:
        undecided_only = p.statuses == {"cannot-decide"}
        probs.append(undecided_prob if undecided_only and undecided_prob is not None
                     else prob[p.kind])
    for bits in itertools.product((False, True), repeat=n):
        weight = 1.0
        for b, q in zip(bits, probs, strict=True):
            weight *= q if b else 1.0 - q
        if weight == 0.0:
            continue
        honoured = {i for i, b in enumerate(bits) if b}
        sides = reference_cascade(g, honoured, usable)
        for state, s in sides.items():
            out[(state, s)] = out.get((state, s), 0.0) + weight
        key = tuple(frozenset(country_label(c) for c, v in sides.items() if v == want)
                    for want in (ATTACKER, TARGET))
        lineups[key] = lineups.get(key, 0.0) + weight  # type: ignore[index]
    return out, lineups
