"""Capability balance: what the members add up to against the rivals, now and since 1990.

For each state: CINC and its six components (COW NMC 7.0), military expenditure in constant
2023 US$ (SIPRI), military personnel (NMC ``milper``, thousands) and nuclear warheads (FAS
stockpiles). Group totals are sums over the states with data (a state without data is NA
in its row and named in the notes, and the total is then a lower bound); ratios are members
over rivals. Each dataset uses its latest year at or before the one asked for.

Example
-------
>>> cb = capability_balance(["JPN", "USA", "KOR", "AUS", "PHL"], ["CHN", "PRK", "RUS"], 2022)
>>> round(cb.cinc_ratio, 4)
0.6323
"""

from __future__ import annotations

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
    resolve_state,
    source_note,
)
from alliancelab.data import Country, get_source, load
from alliancelab.data.sources.nmc import NMC_COMPONENTS
from alliancelab.data.sources.sipri import milex_state_years

__all__ = ["MEASURES", "CapabilityBalance", "capability_balance", "capability_figure",
           "capability_series"]

# measure -> (column, source); NMC milex is thousands of current US$ (from 1914).
MEASURES = {
    "cinc": ("cinc", "cow_nmc"),
    **{f"nmc_{c}": (c, "cow_nmc") for c in NMC_COMPONENTS},
    "milex_const2023_usd_m": ("milex_const2023_usd_m", "sipri_milex"),
    "warheads": ("nuclear_weapons_stockpile", "fas_nuclear_stockpiles"),
}
RATIOS = {"cinc": "cinc_ratio", "milex_const2023_usd_m": "milex_ratio",
          "nmc_milper": "milper_ratio", "warheads": "warheads_ratio"}


@dataclass
class CapabilityBalance(Result):
    """Capabilities of members, rivals and others in one year, with totals and ratios."""

    year: int
    members: list[Country]
    rivals: list[Country]
    others: list[Country]
    states: pd.DataFrame
    totals: pd.DataFrame
    cinc_ratio: float
    milex_ratio: float
    milper_ratio: float
    warheads_ratio: float
    series: pd.DataFrame
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Capability balance"

    def summary(self) -> pd.DataFrame:
        cols = ["cinc", "milex_const2023_usd_m", "nmc_milper", "warheads"]
        out = self.totals[cols].copy()
        ratios = pd.DataFrame([[getattr(self, RATIOS[c]) for c in cols]], columns=cols,
                              index=["members/rivals"])
        return pd.concat([out, ratios])


def capability_balance(members: Sequence[str | int], rivals: Sequence[str | int], year: int,
                       others: Sequence[str | int] = (), since: int = 1990) -> CapabilityBalance:
    """Capabilities of ``members`` vs ``rivals`` (and ``others``, listed but not summed).

    Parameters
    ----------
    members, rivals, others
        States as names, ISO3 or COW codes.
    year
        The year asked about; each dataset uses its latest year at or before it.
    since
        First year of :attr:`CapabilityBalance.series` (members' and rivals' totals per year).
    """
    year = check_year(year)
    groups = resolve_groups(year, members=members, rivals=rivals, others=others)
    table, sources, notes = _state_table(groups, year)
    totals = _totals(table)
    ratios, ratio_notes = _ratios(totals)
    series = capability_series(groups["members"], groups["rivals"], since, year)
    return CapabilityBalance(
        year, groups["members"], groups["rivals"], groups["others"], table, totals,
        series=series, sources=sources, notes=notes + ratio_notes, **ratios,
    )


def capability_series(members: Sequence[Country | str | int], rivals: Sequence[Country | str | int],
                      start: int = 1990, end: int | None = None) -> pd.DataFrame:
    """Yearly totals of members and rivals: ``year group cinc milex_const2023_usd_m``.

    Sums over the states with data that year; NA where none of a group's states has data
    (e.g. SIPRI before 1949). ``end`` defaults to the last year of either dataset.
    """
    if end is None:
        end = max(get_source("cow_nmc").years[1], get_source("sipri_milex").years[1])
    end = check_year(end)
    start = check_year(start)
    groups = {"members": _ccodes(members, end), "rivals": _ccodes(rivals, end)}
    nmc = load("cow_nmc")[["ccode", "year", "cinc"]]
    sipri = milex_state_years()[["ccode", "year", "milex_const2023_usd_m"]]
    both = nmc.merge(sipri, on=["ccode", "year"], how="outer")
    both = both[(both.year >= start) & (both.year <= end)]
    frames = []
    for name, ccodes in groups.items():
        part = both[both.ccode.isin(ccodes)]
        sums = part.groupby("year")[["cinc", "milex_const2023_usd_m"]].sum(min_count=1)
        frames.append(sums.reset_index().assign(group=name))
    out = pd.concat(frames, ignore_index=True)
    return out[["year", "group", "cinc", "milex_const2023_usd_m"]].sort_values(
        ["group", "year"], ignore_index=True)


def capability_figure(balance: CapabilityBalance, measure: str = "cinc") -> object:
    """Plotly line chart of members' and rivals' totals per year (no network needed)."""
    import plotly.graph_objects as go

    labels = {"cinc": "CINC (sum)",
              "milex_const2023_usd_m": "Military expenditure, constant 2023 US$ m"}
    if measure not in labels:
        from alliancelab.errors import UnknownNameError
        raise UnknownNameError("capability series", measure, list(labels))
    fig = go.Figure()
    for group, frame in balance.series.groupby("group"):
        fig.add_trace(go.Scatter(x=frame.year, y=frame[measure], mode="lines", name=group))
    fig.update_layout(title=f"{labels[measure]}: members vs rivals", xaxis_title="year",
                      yaxis_title=labels[measure])
    source = "cow_nmc" if measure == "cinc" else "sipri_milex"
    return add_caption(fig, [p for p in balance.sources if p.source == source])


# --- helpers -------------------------------------------------------------------------------

def _ccodes(states: Sequence[Country | str | int], year: int) -> list[int]:
    return [s.ccode if isinstance(s, Country) else resolve_state(s, year).ccode for s in states]


def _state_table(groups: dict[str, list[Country]],
                 year: int) -> tuple[pd.DataFrame, list[Provenance], list[str]]:
    rows = [{"group": g, "ccode": c.ccode, "iso3": c.iso3, "name": c.name, "label": label_of(c)}
            for g, states in groups.items() for c in states]
    table = pd.DataFrame(rows)
    nmc = load("cow_nmc")
    sipri = milex_state_years()
    fas = load("fas_nuclear_stockpiles")
    sources, notes = [], []
    data = {
        "cow_nmc": (nmc, ["cinc", *NMC_COMPONENTS]),
        "sipri_milex": (sipri, ["milex_const2023_usd_m"]),
    }
    for name, (frame, cols) in data.items():
        prov = provenance(name, year, frame.year.unique())
        sources.append(prov)
        notes += source_note(prov)
        got = frame[frame.year == prov.year_used].drop_duplicates("ccode").set_index("ccode")
        for col in cols:
            out = "cinc" if col == "cinc" else (f"nmc_{col}" if name == "cow_nmc" else col)
            table[out] = table.ccode.map(got[col].astype("float64")).astype("float64")
        notes += _missing_notes(table, [("cinc" if c == "cinc" else
                                         (f"nmc_{c}" if name == "cow_nmc" else c))
                                        for c in cols], prov)
    prov = provenance("fas_nuclear_stockpiles", year, fas.year.unique())
    sources.append(prov)
    notes += source_note(prov)
    if prov.year_used is None:
        table["warheads"] = np.nan
    else:
        stock = fas[(fas.year == prov.year_used) & fas.ccode.notna()]
        stock = stock.set_index("ccode").nuclear_weapons_stockpile.astype("float64")
        # FAS lists the nuclear states only; everyone else has no warheads (0, not NA).
        table["warheads"] = table.ccode.map(stock).fillna(0.0)
    return table, sources, notes


def _missing_notes(table: pd.DataFrame, cols: list[str], prov: Provenance) -> list[str]:
    notes = []
    for col in cols:
        missing = table.loc[table[col].isna(), "label"].tolist()
        if missing and prov.year_used is not None:
            notes.append(f"{', '.join(missing)}: no {prov.title} {col} for {prov.year_used} "
                         "(NA; group totals exclude it and are a lower bound)")
    return notes


def _totals(table: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in table.columns if c not in ("group", "ccode", "iso3", "name", "label")]
    summed = table[table.group.isin(["members", "rivals"])]
    totals = summed.groupby("group")[cols].sum(min_count=1)
    counts = summed.groupby("group")[cols].count().add_prefix("n_with_")
    return totals.join(counts).reindex(["members", "rivals"])


def _ratios(totals: pd.DataFrame) -> tuple[dict[str, float], list[str]]:
    ratios, notes = {}, []
    for measure, name in RATIOS.items():
        num, den = totals.loc["members", measure], totals.loc["rivals", measure]
        if pd.isna(num) or pd.isna(den) or den == 0:
            ratios[name] = float("nan")
            if not pd.isna(den) and den == 0:
                notes.append(f"{name}: rivals' total {measure} is 0, ratio NA")
        else:
            ratios[name] = float(num / den)
    return ratios, notes
