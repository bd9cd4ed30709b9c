"""Cohesion: how alike the members are, pair by pair, in alliances, UN votes and regimes.

For every pair of members: alliance-portfolio similarity (Signorino-Ritter S unweighted
and CINC-weighted, Cohen's kappa with squared distances, Scott's pi nominal; see
:mod:`alliancelab.assess.similarity`) from ATOP 5.1 valued portfolios (non-aggression left
out by default), the absolute distance between UN General Assembly ideal points
(Bailey, Strezhnev & Voeten) and the difference in V-Dem's electoral democracy index
(``v2x_polyarchy``, 0-1). A member missing from a source gives NA and a note in that cell.
The *least cohesive pair* is the one with the lowest kappa (chance-corrected agreement,
Häge 2011); the lowest (or highest, for distances) pair on every measure is listed too.

Example
-------
>>> c = cohesion(["JPN", "USA", "KOR", "AUS", "PHL"], 2024)
>>> len(c.pairs), c.sources[0].year_used
(10, 2018)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
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
from alliancelab.assess.similarity import pair_scores, valued_portfolios
from alliancelab.data import Country, load
from alliancelab.data.sources.unga import ideal_point_years
from alliancelab.errors import InputError, UnknownNameError

__all__ = ["MEASURES", "Cohesion", "cohesion", "cohesion_heatmap"]

# measure -> (label, True if higher means more cohesive)
MEASURES = {
    "s_unweighted": ("S, unweighted", True),
    "s_weighted": ("S, CINC-weighted", True),
    "kappa": ("Cohen's kappa (squared)", True),
    "pi": ("Scott's pi (nominal)", True),
    "idealpoint_distance": ("UN ideal-point distance", False),
    "polyarchy_difference": ("V-Dem polyarchy difference", False),
}


@dataclass
class Cohesion(Result):
    """Pairwise cohesion of the members in one year."""

    year: int
    members: list[Country]
    include_nonagg: bool
    pairs: pd.DataFrame
    least_cohesive_pair: str | None
    least_cohesive: dict[str, dict[str, object]]
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Cohesion of the members"

    def summary(self) -> pd.DataFrame:
        return self.pairs.set_index("pair")[[*MEASURES, "note"]]

    def matrix(self, measure: str) -> pd.DataFrame:
        """Members x members table of one measure (diagonal: identical states)."""
        _check_measure(measure)
        labels = [label_of(c) for c in self.members]
        same = 0.0 if not MEASURES[measure][1] else 1.0
        out = pd.DataFrame(np.nan, index=labels, columns=labels)
        for r in self.pairs.itertuples():
            out.loc[r.a, r.b] = out.loc[r.b, r.a] = getattr(r, measure)
        for lab in labels:
            out.loc[lab, lab] = same
        return out


def cohesion(members: Sequence[str | int], year: int,
             include_nonagg: bool = False) -> Cohesion:
    """Every pair of ``members``: S, kappa, pi, UN ideal-point distance, regime difference.

    ATOP ends in 2018, UN ideal points in 2023, V-Dem in 2025, NMC (for the S weights) in
    2022: each uses its latest year at or before ``year`` and says so.
    """
    year = check_year(year)
    states = resolve_groups(year, members=members)["members"]
    if len(states) < 2:
        raise InputError("cohesion needs at least two members", hint="list two or more")
    ports = valued_portfolios(year, include_nonagg)
    ideal = ideal_point_years()
    ip_prov = provenance("unga_ideal_points", year, ideal.year.unique())
    ip = ideal[ideal.year == ip_prov.year_used].set_index("ccode").idealpoint
    dem = load("democracy")
    dem = dem[dem.v2x_polyarchy.notna()]
    dem_prov = provenance("democracy", year, dem.year.unique())
    poly = dem[dem.year == dem_prov.year_used].set_index("ccode").v2x_polyarchy
    rows, sources, general = [], [], set()
    for a, b in itertools.combinations(states, 2):
        scores, found, sources = pair_scores(ports, a, b, year)
        own = (label_of(a), label_of(b))
        cell = [n for n in found if n.startswith(own)]
        general.update(n for n in found if not n.startswith(own))
        dist, note = _gap(ip, a, b, f"UN ideal points {ip_prov.year_used}")
        diff, note2 = _gap(poly, a, b, f"V-Dem {dem_prov.year_used}")
        cell += note + note2
        rows.append({"pair": f"{label_of(a)}–{label_of(b)}", "a": label_of(a),
                     "b": label_of(b), **scores, "idealpoint_distance": dist,
                     "polyarchy_difference": diff, "note": "; ".join(cell)})
    pairs = pd.DataFrame(rows)
    sources = [*sources, ip_prov, dem_prov]
    notes = list(ports.notes)
    for prov in sources[1:]:
        notes += source_note(prov)
    notes += sorted(general - set(notes))
    notes += sorted({n for cell in pairs.note for n in cell.split("; ") if n})
    least = _least(pairs)
    headline = least.get("kappa", {}).get("pair")
    return Cohesion(year, states, bool(include_nonagg), pairs, headline, least, sources, notes)


def cohesion_heatmap(result: Cohesion, measure: str = "kappa") -> object:
    """Plotly heat map of one measure over the members; NA cells say why on hover."""
    import plotly.graph_objects as go

    _check_measure(measure)
    mat = result.matrix(measure)
    notes = pd.DataFrame("", index=mat.index, columns=mat.columns)
    for r in result.pairs.itertuples():
        notes.loc[r.a, r.b] = notes.loc[r.b, r.a] = r.note or ""
    text = [[("NA" if np.isnan(v) else f"{v:.2f}") for v in row] for row in mat.to_numpy()]
    hover = [[f"{i}–{j}: {t}" + (f" ({notes.loc[i, j]})" if notes.loc[i, j] else "")
              for j, t in zip(mat.columns, trow, strict=True)]
             for i, trow in zip(mat.index, text, strict=True)]
    label, higher_better = MEASURES[measure]
    fig = go.Figure(go.Heatmap(
        z=mat.to_numpy(), x=list(mat.columns), y=list(mat.index), text=text,
        texttemplate="%{text}", hovertext=hover, hoverinfo="text",
        colorscale="RdBu" if higher_better else "RdBu_r",
        zmin=-1 if higher_better else 0, zmax=1 if higher_better else None))
    fig.update_layout(title=f"Cohesion: {label}",
                      yaxis={"autorange": "reversed"})
    used = {"idealpoint_distance": "unga_ideal_points", "polyarchy_difference": "democracy"}
    wanted = {used[measure]} if measure in used else {"atop_alliance", "cow_nmc"}
    return add_caption(fig, [p for p in result.sources if p.source in wanted])


# --- helpers -------------------------------------------------------------------------------

def _check_measure(measure: str) -> None:
    if measure not in MEASURES:
        raise UnknownNameError("cohesion measure", measure, list(MEASURES))


def _gap(values: pd.Series, a: Country, b: Country, what: str) -> tuple[float, list[str]]:
    missing = [label_of(c) for c in (a, b) if pd.isna(values.get(c.ccode, np.nan))]
    if missing:
        return float("nan"), [f"{', '.join(missing)} not in {what} (NA)"]
    return abs(float(values[a.ccode]) - float(values[b.ccode])), []


def _least(pairs: pd.DataFrame) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for measure, (_, higher_better) in MEASURES.items():
        col = pairs[measure].astype("float64")
        if col.notna().any():
            i = col.idxmin() if higher_better else col.idxmax()
            out[measure] = {"pair": pairs.loc[i, "pair"], "value": float(col[i])}
    return out
