"""Historical analogues: the ATOP alliances most like a proposed one, and what became of them.

Each ATOP 5.0 alliance formed by the proposal's year is described by its obligations
(defence, offence, neutrality, non-aggression, consultation: alliance-level 0/1 codes),
its number of members over its life, the regions of its members (COW code blocks:
Americas 2-199, Europe 200-399, Africa 400-599, Middle East 600-699, Central Asia
700-709, East Asia 710-749, South Asia 750-799, Southeast Asia 800-899, Oceania 900-999)
and the year it began. The distance to the proposal is the mean of four
parts, each between 0 and 1:

- provisions: the share of the five obligations that differ;
- size: ``|ln n_a - ln n_b| / ln(59 / 2)`` (59 and 2: ATOP's largest and smallest), capped at 1;
- region: the total-variation distance between the member-region shares;
- era: ``|year_a - year_b| / 200`` (ATOP spans two centuries), capped at 1.

What became of each: years in force (to its end, or to 31 Dec 2018 if still in force),
ATOP's ``term`` (fulfilled, violated, renegotiated) and the members' most common
``termcaus``.

Example
-------
>>> na = nearest_alliances(["JPN", "USA", "KOR", "AUS", "PHL"], 2024)
>>> len(na.table)
5
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    check_year,
    provenance,
    resolve_groups,
)
from alliancelab.data import Country, load
from alliancelab.errors import InputError, UnknownNameError

__all__ = ["KNOWN_NAMES", "OBLIGATIONS", "REGIONS", "Analogues", "alliance_features",
           "nearest_alliances", "region_of"]

OBLIGATIONS = ("defense", "offense", "neutral", "nonagg", "consul")
OBLIGATION_ALIASES = {"defence": "defense", "offence": "offense", "neutrality": "neutral",
                      "non_aggression": "nonagg", "nonaggression": "nonagg",
                      "consultation": "consul"}
REGIONS = {"americas": (2, 199), "europe": (200, 399), "africa": (400, 599),
           "middle_east": (600, 699), "central_asia": (700, 709), "east_asia": (710, 749),
           "south_asia": (750, 799), "southeast_asia": (800, 899), "oceania": (900, 999)}
SIZE_SCALE = math.log(59 / 2)
ERA_SCALE = 200.0
ATOP_END = 2019.0  # 31 Dec 2018, in fractional years
TERM = {0: "in force (or censored)", 1: "fulfilled", 2: "violated or abrogated",
        3: "renegotiated"}
TERMCAUS = {1: "replaced by a new agreement", 2: "member lost independence",
            3: "aim achieved", 4: "policy dispute (outside the alliance)",
            5: "dispute over alliance management", 6: "members fought each other",
            7: "war ended it", 8: "violation short of war"}
KNOWN_NAMES = {
    3180: "North Atlantic Treaty (NATO)", 3215: "ANZUS", 3210: "US-Philippines MDT",
    3220: "US-Japan Security Treaty (1951)",
    3240: "US-ROK MDT", 3375: "US-Japan Security Treaty (1960)", 3260: "Manila Pact (SEATO)",
    3270: "US-ROC MDT", 3445: "PRC-DPRK Treaty", 3755: "Treaty of Amity and Cooperation",
}


@dataclass
class Analogues(Result):
    """The nearest ATOP alliances to a proposal, with distances and outcomes."""

    year: int
    members: list[Country]
    provisions: dict[str, int]
    table: pd.DataFrame
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Nearest historical alliances (ATOP 5.0)"

    def summary(self) -> pd.DataFrame:
        cols = ["name", "begyr", "n_members", "distance", "years_in_force", "outcome",
                "cause"]
        return self.table.set_index("atopid")[cols]


def region_of(ccode: int) -> str:
    """The COW code block a state belongs to (``'east_asia'`` for 740).

    ATOP's four-digit codes for states outside the COW system (8152) are read by their
    first three digits.
    """
    if ccode > 999:
        ccode //= 10
    for name, (lo, hi) in REGIONS.items():
        if lo <= ccode <= hi:
            return name
    raise InputError(f"COW code {ccode} is in no region block")


def nearest_alliances(members: Sequence[str | int], year: int,
                      provisions: Mapping[str, object] | None = None,
                      k: int = 5) -> Analogues:
    """The ``k`` ATOP alliances nearest to ``members`` with ``provisions`` formed in ``year``.

    ``provisions`` maps obligations (``defense`` or ``defence``, ``offense``, ``neutral``,
    ``nonagg``, ``consul``) to 0/1; the default is a defence pact only. Alliances that
    began after ``year`` are left out.
    """
    year = check_year(year)
    states = resolve_groups(year, members=members)["members"]
    if len(states) < 2:
        raise InputError("an alliance needs at least two members", hint="list two or more")
    wanted = _obligations(provisions if provisions is not None else {"defense": 1})
    feats = alliance_features()
    pool = feats[feats.begyr <= year].copy()
    shares = _region_shares([c.ccode for c in states])
    prov_d = np.abs(pool[list(OBLIGATIONS)].to_numpy(float)
                    - np.array([wanted[o] for o in OBLIGATIONS])).mean(axis=1)
    size_d = np.minimum(np.abs(np.log(pool.n_members.to_numpy(float)) - math.log(len(states)))
                        / SIZE_SCALE, 1.0)
    reg_d = 0.5 * np.abs(pool[[f"share_{r}" for r in REGIONS]].to_numpy()
                         - np.array([shares[r] for r in REGIONS])).sum(axis=1)
    era_d = np.minimum(np.abs(pool.begyr.to_numpy(float) - year) / ERA_SCALE, 1.0)
    pool["d_provisions"], pool["d_size"], pool["d_region"], pool["d_era"] = (
        prov_d, size_d, reg_d, era_d)
    pool["distance"] = (prov_d + size_d + reg_d + era_d) / 4
    top = pool.sort_values(["distance", "atopid"], kind="stable").head(int(k))
    cols = ["atopid", "name", "begyr", "endyr", "n_members", "members", "distance",
            "d_provisions", "d_size", "d_region", "d_era", *OBLIGATIONS, "years_in_force",
            "in_force_2018", "outcome", "cause"]
    notes = ["distance = mean of provisions, size, region and era parts (each 0-1); "
             "see alliancelab.assess.analogues"]
    return Analogues(year, states, wanted, top[cols].reset_index(drop=True),
                     [provenance("atop_alliances", min(year, 2018)),
                      provenance("atop_members", min(year, 2018))], notes)


@cache
def alliance_features() -> pd.DataFrame:
    """One row per ATOP 5.0 alliance: obligations, size, region shares, dates, outcome."""
    a = load("atop_alliances")
    m = load("atop_members")
    states = load("cow_states").drop_duplicates("ccode", keep="last")
    abb = dict(zip(states.ccode.astype(int), states.stateabb.astype(str), strict=True))
    groups = m.groupby("atopid").member.apply(lambda s: sorted({int(x) for x in s}))
    out = a[["atopid", "begyr", "begmo", "endyr", "endmo", "term",
             *OBLIGATIONS]].copy()
    out[list(OBLIGATIONS)] = out[list(OBLIGATIONS)].fillna(0).astype(int)
    out["members"] = out.atopid.map(groups).map(
        lambda cs: ", ".join(abb.get(c, str(c)) for c in cs[:6]) + (", ..." if len(cs) > 6
                                                                      else ""))
    out["n_members"] = out.atopid.map(groups).map(len)
    shares = pd.DataFrame([_region_shares(groups[i]) for i in out.atopid], index=out.index)
    out = out.join(shares.add_prefix("share_"))
    begin = out.begyr + (out.begmo.clip(lower=1) - 1) / 12
    ended = out.endyr > 0
    end = np.where(ended, out.endyr + (out.endmo.clip(lower=1) - 1) / 12, ATOP_END)
    out["years_in_force"] = np.round(end - begin, 2)
    out["in_force_2018"] = ~ended
    out["outcome"] = [TERM.get(int(t), str(t)) if e else "in force at end of 2018"
                      for t, e in zip(out.term, ended, strict=True)]
    out["cause"] = out.atopid.map(_final_causes(m)).where(ended, "")
    out["name"] = [KNOWN_NAMES.get(int(i), f"ATOP {int(i)} ({ms}) {int(y)}")
                   for i, ms, y in zip(out.atopid, out.members, out.begyr, strict=True)]
    return out.astype({"begyr": int, "endyr": int})


# --- helpers -------------------------------------------------------------------------------

def _obligations(provisions: Mapping[str, object]) -> dict[str, int]:
    out = dict.fromkeys(OBLIGATIONS, 0)
    for key, value in provisions.items():
        name = OBLIGATION_ALIASES.get(str(key), str(key))
        if name not in OBLIGATIONS:
            raise UnknownNameError("obligation", str(key), [*OBLIGATIONS, *OBLIGATION_ALIASES])
        out[name] = int(bool(value))
    return out


def _region_shares(ccodes: Sequence[int]) -> dict[str, float]:
    regions = [region_of(int(c)) for c in ccodes]
    return {r: regions.count(r) / len(regions) for r in REGIONS}


def _final_causes(members: pd.DataFrame) -> dict[int, str]:
    """Most common termcaus among the members that left at the alliance's last exit."""
    m = members[members.yrexit > 0]
    last = m[m.yrexit == m.groupby("atopid").yrexit.transform("max")]
    known = last[last.termcaus.fillna(0) > 0]
    counts = known.groupby(["atopid", "termcaus"]).size().rename("n").reset_index()
    counts = counts.sort_values(["atopid", "n", "termcaus"], ascending=[True, False, True])
    mode = counts.drop_duplicates("atopid").set_index("atopid").termcaus
    out = {int(a): "unknown" for a in last.atopid.unique()}
    out.update({int(a): TERMCAUS.get(int(c), str(c)) for a, c in mode.items()})
    return out
