"""How often allies honoured their commitments: published rates, with their citations.

These are figures from the literature, not computed here (alliancelab does not ship the
war-participation codings they rest on). Leeds, Long and Mitchell (2000) find that allies
fulfilled 74.5 % of ATOP commitments tested by war, 1816-1944; Berkemeier and Fuhrmann
(2018), with a broader set of wars and a stricter test, find 50 % for 1816-2003: 41 % for
defence pledges, 37 % non-aggression, 74 % offence and 78 % neutrality, and 66 % before
1945 against 22 % from 1945 to 2003. The two disagree
mostly over what counts as an opportunity to honour a pledge; the report shows both.

Example
-------
>>> hr = honour_rates(["defence"])
>>> float(hr.table.set_index("obligation").loc["defense", "rate"])
0.41
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from alliancelab.assess._common import Result
from alliancelab.errors import UnknownNameError

__all__ = ["CITATIONS", "PUBLISHED_RATES", "HonourRates", "honour_rates"]

CITATIONS = {
    "berkemeier_fuhrmann_2018": (
        "Berkemeier, M. and Fuhrmann, M. (2018). Reassessing the fulfillment of alliance "
        "commitments in war. Research & Politics 5(2), April-June 2018."),
    "leeds_long_mitchell_2000": (
        "Leeds, B. A., Long, A. G. and Mitchell, S. M. (2000). Reevaluating alliance "
        "reliability: specific threats, specific promises. Journal of Conflict Resolution "
        "44(5): 686-699."),
}

# (study, period, obligation, rate)
PUBLISHED_RATES = (
    ("berkemeier_fuhrmann_2018", "1816-2003", "all", 0.50),
    ("berkemeier_fuhrmann_2018", "1816-1944", "all", 0.66),
    ("berkemeier_fuhrmann_2018", "1945-2003", "all", 0.22),
    ("berkemeier_fuhrmann_2018", "1816-2003", "defense", 0.41),
    ("berkemeier_fuhrmann_2018", "1816-2003", "nonagg", 0.37),
    ("berkemeier_fuhrmann_2018", "1816-2003", "offense", 0.74),
    ("berkemeier_fuhrmann_2018", "1816-2003", "neutral", 0.78),
    ("leeds_long_mitchell_2000", "1816-1944", "all", 0.745),
)
ALIASES = {"defence": "defense", "offence": "offense", "neutrality": "neutral",
           "non_aggression": "nonagg", "nonaggression": "nonagg", "overall": "all",
           "consultation": "consul"}


@dataclass
class HonourRates(Result):
    """Published rates at which allies honoured commitments, for the chosen obligations."""

    obligations: list[str]
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    title = "How often allies honoured their commitments (published rates)"

    def summary(self) -> pd.DataFrame:
        return self.table.set_index(["study", "obligation"])[["period", "rate"]]


def honour_rates(obligations: Iterable[str] | None = None) -> HonourRates:
    """The published rates for ``obligations`` (e.g. ``["defence"]``) plus the overall ones.

    Obligations: ``defense``/``defence``, ``offense``, ``neutral``, ``nonagg``; the overall
    rate of each study is always included. No obligation given: every published rate.
    """
    known = {r[2] for r in PUBLISHED_RATES}
    wanted = set(known) if obligations is None else {"all"}
    for ob in obligations or ():
        name = ALIASES.get(str(ob).lower(), str(ob).lower())
        if name not in known and name != "consul":
            raise UnknownNameError("obligation", str(ob), sorted(known - {"all"}))
        wanted.add(name)
    notes = []
    if "consul" in wanted:
        notes.append("no published honour rate for consultation pledges")
    rows = [{"study": s, "period": p, "obligation": o, "rate": r, "citation": CITATIONS[s]}
            for s, p, o, r in PUBLISHED_RATES if o in wanted]
    return HonourRates(sorted(wanted), pd.DataFrame(rows), notes)
