"""Institutions: Leeds and Anac's military institutionalisation and a treaty formality index.

Leeds and Anac (2005) score an alliance's military institutionalisation from ATOP's
provisions: **2 (high)** if it commits to a common defence policy (``milcon = 3``), an
integrated command (``intcom = 1``) or troop basing (``base > 0``); otherwise **1
(moderate)** if it requires peacetime military contact (``milcon = 2``), military aid with
training or technology (``milaid`` 3 or 4), subordination of forces in war (``subord >
0``), specified contributions (``contrib = 1``) or creates a military organisation
(``orgpurp1`` or ``orgpurp2`` 1 military or 4 multi-purpose); else **0**.

The *formality index* (alliancelab's, not a published scale) adds three ATOP codes, 0-5:
``estmode`` (1 if a formal treaty needing ratification), the highest organisation level
of ``organ1``/``organ2`` (0 none, 1 regular meetings, 2 named organisation, 3 permanent
bureaucracy) and 1 if the treaty is wholly public (``pubsecr = 0``).

Both score any mapping of those ATOP variables, so a scenario treaty can be scored: a key
that is absent means the treaty has no such provision (0); a key present with value None
or NaN means unknown, as ATOP codes a text it never found, and gives NA unless a met
criterion already decides the score.

References
----------
Leeds, B. A. and Anac, S. (2005). Alliance institutionalization and alliance performance.
*International Interactions* 31(3): 183-202.

Example
-------
>>> military_institutionalisation({"milcon": 0, "intcom": 1})
2
>>> institutionalisation(3215).level  # ANZUS: a military council (orgpurp1 = 1)
1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from alliancelab.assess._common import Provenance, Result, provenance
from alliancelab.data import load
from alliancelab.errors import InputError, UnknownNameError

__all__ = [
    "ALIASES",
    "FORMALITY_VARIABLES",
    "LEEDS_ANAC_VARIABLES",
    "Institutionalisation",
    "atop_institutionalisation",
    "formality",
    "institutionalisation",
    "military_institutionalisation",
]

LEEDS_ANAC_VARIABLES = ("milcon", "intcom", "base", "milaid", "subord", "contrib",
                        "orgpurp1", "orgpurp2")
FORMALITY_VARIABLES = ("estmode", "organ1", "organ2", "pubsecr")
LEVELS = {0: "none", 1: "moderate", 2: "high"}

# Plain-language keys a scenario may use, and the ATOP variable each sets (True -> 1).
ALIASES = {
    "integrated_command": "intcom",
    "military_contact": "milcon",
    "military_aid": "milaid",
    "subordination": "subord",
    "bases": "base",
    "contributions": "contrib",
    "organisation": "organ1",
    "organisation_purpose": "orgpurp1",
    "organization": "organ1",
    "organization_purpose": "orgpurp1",
    "second_organization": "organ2",
    "second_organization_purpose": "orgpurp2",
    "ratified_treaty": "estmode",
}


def military_institutionalisation(provisions: Mapping[str, object]) -> int | None:
    """Leeds and Anac's score 0, 1 or 2 (None when undecidable for missing codes)."""
    return _score(_normalise(provisions))[0]


def formality(provisions: Mapping[str, object]) -> int | None:
    """The formality index 0-5 (None if a needed code is unknown).

    >>> formality({"estmode": 1, "organ1": 3, "pubsecr": 0})
    5
    """
    p = _normalise(provisions)
    est, pub = p.get("estmode", 0), p.get("pubsecr", 0)
    organs = [p.get("organ1", 0), p.get("organ2", 0)]
    if any(v is None for v in (est, pub, *organs)):
        return None
    return int(est == 1) + int(max(organs)) + int(pub == 0)


@dataclass
class Institutionalisation(Result):
    """Leeds-Anac military institutionalisation and formality of one alliance or treaty."""

    name: str
    atopid: int | None
    level: int | None
    level_label: str
    criteria: list[str]
    formality: int | None
    provisions: dict[str, object]
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Military institutionalisation (Leeds & Anac 2005)"

    def summary(self) -> pd.DataFrame:
        return pd.DataFrame({
            "value": [self.level, self.level_label, "; ".join(self.criteria) or "none met",
                      self.formality],
        }, index=["military institutionalisation", "level", "criteria met",
                  "formality index (0-5)"])


def institutionalisation(alliance: object, name: str | None = None) -> Institutionalisation:
    """Score an ATOP 5.0 alliance (by ``atopid``), a mapping of ATOP provision codes, or a
    :class:`alliancelab.treaty.Treaty` (its ``institutions.atop_codes()``).

    The treaty format records no ratification (``estmode``) or secrecy (``pubsecr``), so a
    treaty's formality is NA unless given as a mapping with those codes added.
    """
    sources: list[Provenance] = []
    notes: list[str] = []
    codes = getattr(getattr(alliance, "institutions", None), "atop_codes", None)
    if callable(codes) and getattr(alliance, "atopid", None) is None:
        label = name or str(getattr(alliance, "name", "proposed treaty"))
        alliance = {"estmode": None, "pubsecr": None, **codes()}
        notes.append("the treaty format records no estmode or pubsecr: formality NA unless "
                     "given (pass a mapping with them)")
        name = label
    elif callable(codes):
        name = name or str(getattr(alliance, "name", None) or "")
        alliance = int(alliance.atopid)  # type: ignore[attr-defined]
    if isinstance(alliance, int | np.integer):
        table = _alliances()
        if int(alliance) not in table.index:
            raise UnknownNameError("ATOP alliance id", str(alliance),
                                   [str(i) for i in table.index[:10]] + ["..."])
        raw = table.loc[int(alliance)].to_dict()
        atopid = int(alliance)
        label = name or f"ATOP {atopid}"
        sources.append(provenance("atop_alliances", 2018))
    elif isinstance(alliance, Mapping):
        raw, atopid, label = dict(alliance), None, name or "proposed treaty"
    else:
        raise InputError(f"cannot score {type(alliance).__name__} for institutionalisation",
                         hint="give an ATOP id, a mapping of ATOP codes or a Treaty")
    provisions = _normalise(raw)
    level, criteria = _score(provisions)
    unknown = [k for k in LEEDS_ANAC_VARIABLES if provisions.get(k, 0) is None]
    if unknown:
        notes.append(f"unknown in the source: {', '.join(unknown)}"
                     + ("" if level is not None else " (score NA)"))
    used = {k: provisions.get(k, 0) for k in (*LEEDS_ANAC_VARIABLES, *FORMALITY_VARIABLES)}
    return Institutionalisation(
        label, atopid, level, "NA" if level is None else LEVELS[level], criteria,
        formality(provisions), used, sources, notes)


@cache
def atop_institutionalisation() -> pd.DataFrame:
    """Every ATOP 5.0 alliance: ``atopid milinst formality`` (nullable Int)."""
    table = _alliances()
    rows = [(i, military_institutionalisation(r), formality(r))
            for i, r in zip(table.index, table.to_dict("records"), strict=True)]
    out = pd.DataFrame(rows, columns=["atopid", "milinst", "formality"])
    return out.astype({"milinst": "Int8", "formality": "Int8"})


# --- helpers -------------------------------------------------------------------------------

@cache
def _alliances() -> pd.DataFrame:
    cols = ["atopid", *LEEDS_ANAC_VARIABLES, *FORMALITY_VARIABLES]
    return load("atop_alliances")[cols].set_index("atopid")


def _normalise(provisions: Mapping[str, object]) -> dict[str, int | None]:
    """ATOP names, ints, None for unknown; aliases mapped; booleans as 0/1."""
    out: dict[str, int | None] = {}
    for key, value in provisions.items():
        name = ALIASES.get(str(key), str(key))
        if name not in (*LEEDS_ANAC_VARIABLES, *FORMALITY_VARIABLES):
            continue
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            out[name] = None
        else:
            out[name] = int(value)  # True -> 1
    return out


def _score(p: Mapping[str, int | None]) -> tuple[int | None, list[str]]:
    def get(k: str) -> int | None:
        return p.get(k, 0)

    high = [("common defence policy (milcon = 3)", get("milcon") == 3),
            ("integrated command (intcom = 1)", get("intcom") == 1),
            ("troop basing (base > 0)", (get("base") or 0) > 0)]
    met = [label for label, ok in high if ok]
    if met:
        return 2, met
    orgs = (get("orgpurp1"), get("orgpurp2"))
    moderate = [("peacetime military contact (milcon = 2)", get("milcon") == 2),
                ("military aid with training/technology (milaid 3-4)", get("milaid") in (3, 4)),
                ("subordination of forces (subord > 0)", (get("subord") or 0) > 0),
                ("specified contributions (contrib = 1)", get("contrib") == 1),
                ("military organisation (orgpurp 1 or 4)", any(o in (1, 4) for o in orgs))]
    met = [label for label, ok in moderate if ok]
    if met:
        return 1, met
    if any(get(k) is None for k in LEEDS_ANAC_VARIABLES):
        return None, []
    return 0, []
