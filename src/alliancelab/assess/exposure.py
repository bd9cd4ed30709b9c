"""Exposure: each member's rivalries, disputes and borders, and what it imports from its allies.

For every member: its ongoing strategic rivalries (Thompson, Sakuwa & Suhas, to 2020) and
its militarised interstate disputes over a window of recent years of CoW-MID 5.0 (to
2014), each split into those with the rivals, with other members and with everyone else;
its direct contiguity with each rival (COW 3.2, to 2016); and *entrapment*: the adversaries
(rivalry or dispute partners outside the alliance) of its new allies that are not already
its own, each with the allies it would inherit them from.

Example
-------
>>> ex = exposure(["JPN", "USA", "KOR", "AUS", "PHL"], ["CHN", "PRK", "RUS"], 2024)
>>> ex.mid_window
(2005, 2014)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    add_caption,
    check_year,
    label_of,
    provenance,
    resolve_groups,
    source_note,
)
from alliancelab.data import Country, iso3_for, load
from alliancelab.data.sources.geography import contiguity_years
from alliancelab.data.sources.rivalries import rivalry_years

__all__ = ["CONTIGUITY_TYPES", "Exposure", "exposure", "exposure_figure"]

CONTIGUITY_TYPES = {1: "land", 2: "water ≤12 mi", 3: "water ≤24 mi", 4: "water ≤150 mi",
                    5: "water ≤400 mi"}


@dataclass
class Exposure(Result):
    """Members' rivalries, disputes, contiguity to rivals and imported adversaries."""

    year: int
    members: list[Country]
    rivals: list[Country]
    rivalry_year: int | None
    mid_window: tuple[int, int] | None
    table: pd.DataFrame
    imported: dict[str, dict[str, list[str]]]
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Exposure and entrapment"

    def summary(self) -> pd.DataFrame:
        return self.table.set_index("state")


def exposure(members: Sequence[str | int], rivals: Sequence[str | int], year: int,
             window: int = 10) -> Exposure:
    """Rivalries, disputes (last ``window`` years of MID data), contiguity and entrapment.

    A later ``year`` uses the last year of each dataset (rivalries 2020, MIDs 2014,
    contiguity 2016) and says so; a year before a dataset starts gives NA.
    """
    year = check_year(year)
    groups = resolve_groups(year, members=members, rivals=rivals)
    mem, riv = groups["members"], groups["rivals"]
    member_codes = {c.ccode for c in mem}
    rival_codes = {c.ccode for c in riv}

    riv_years = rivalry_years()
    r_prov = provenance("tss_rivalries", year, range(1816, 2021))
    mids = load("cow_mid_ddydisps")
    m_prov = provenance("cow_mid_ddydisps", year, range(1816, 2015))
    c_prov = provenance("cow_contdir", year, range(1816, 2017))
    sources = [r_prov, m_prov, c_prov]
    notes = [n for p in sources for n in source_note(p)]

    window = max(int(window), 1)
    mid_window = None
    if m_prov.year_used is not None:
        mid_window = (max(m_prov.year_used - window + 1, 1816), m_prov.year_used)
        notes.append(f"disputes: CoW-MID 5.0 dyad-years {mid_window[0]}-{mid_window[1]} "
                     f"(the last {window} years of data at or before {year})")
        mids = mids[mids.year.between(*mid_window)]
    rivalries = riv_years[riv_years.year == r_prov.year_used]
    cont = contiguity_years()
    cont = cont[cont.year == c_prov.year_used]

    def label(ccode: int) -> str:
        return iso3_for(int(ccode), year) or f"COW {ccode}"

    rows, adversaries = [], {}
    for c in mem:
        rv = set(rivalries.loc[rivalries.ccode1 == c.ccode, "ccode2"].astype(int))
        md = mids[mids.ccode1 == c.ccode]
        disputes = md.groupby("ccode2").dispnum.nunique()
        adversaries[c.ccode] = (rv | set(disputes.index.astype(int))) - member_codes
        ct = cont[(cont.ccode1 == c.ccode) & cont.ccode2.isin(rival_codes)]
        row = {"state": label_of(c)}
        for name, codes in _split(rv, member_codes, rival_codes, c.ccode).items():
            row[f"rivalries_{name}"] = _fmt(codes, label, r_prov)
        row["n_rivalries"] = len(rv) if r_prov.year_used is not None else pd.NA
        for name, codes in _split(set(disputes.index.astype(int)), member_codes,
                                  rival_codes, c.ccode).items():
            row[f"disputes_{name}"] = _fmt(codes, label, m_prov, disputes)
        row["n_disputes"] = int(md.dispnum.nunique()) if mid_window else pd.NA
        row["contiguous_rivals"] = (", ".join(
            f"{label(r.ccode2)} ({CONTIGUITY_TYPES.get(int(r.conttype), r.conttype)})"
            for r in ct.itertuples()) if c_prov.year_used is not None else pd.NA)
        rows.append(row)
    imported = _imported(mem, adversaries, label)
    table = pd.DataFrame(rows)
    table["imported_adversaries"] = [
        ", ".join(f"{adv} (via {'/'.join(via)})" for adv, via in imported[label_of(c)].items())
        for c in mem]
    table["n_imported"] = [len(imported[label_of(c)]) for c in mem]
    return Exposure(year, mem, riv, r_prov.year_used, mid_window, table, imported,
                    sources, notes)


def exposure_figure(result: Exposure) -> object:
    """Plotly bars: each member's own adversaries beside those it would import."""
    import plotly.graph_objects as go

    own = []
    for r in result.table.itertuples():
        names = set()
        for col in ("rivalries_with_rivals", "rivalries_with_others",
                    "disputes_with_rivals", "disputes_with_others"):
            value = getattr(r, col)
            if isinstance(value, str) and value:
                names |= {part.split(" (")[0] for part in value.split(", ")}
        own.append(len(names))
    fig = go.Figure([
        go.Bar(x=result.table.state, y=own, name="own adversaries (outside the alliance)"),
        go.Bar(x=result.table.state, y=result.table.n_imported,
               name="imported from new allies", hovertext=result.table.imported_adversaries),
    ])
    fig.update_layout(barmode="group", yaxis_title="states",
                      title="Exposure: adversaries each member has and would import")
    return add_caption(fig, result.sources)


# --- helpers -------------------------------------------------------------------------------

def _split(codes: set[int], members: set[int], rivals: set[int],
           own: int) -> dict[str, set[int]]:
    return {"with_rivals": codes & rivals, "with_members": (codes & members) - {own},
            "with_others": codes - rivals - members}


def _fmt(codes: set[int], label, prov: Provenance, counts: pd.Series | None = None) -> object:
    if prov.year_used is None:
        return pd.NA
    parts = sorted(label(c) + ("" if counts is None else f" ({int(counts[c])})") for c in codes)
    return ", ".join(parts)


def _imported(members: list[Country], adversaries: dict[int, set[int]],
              label) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for c in members:
        own = adversaries[c.ccode]
        via: dict[str, list[str]] = {}
        for ally in members:
            if ally.ccode == c.ccode:
                continue
            for adv in sorted(adversaries[ally.ccode] - own - {c.ccode}):
                via.setdefault(label(adv), []).append(label_of(ally))
        out[label_of(c)] = dict(sorted(via.items()))
    return out
