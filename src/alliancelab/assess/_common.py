"""Plumbing shared by the measures: year rules, provenance tags, result objects, countries.

Every measure takes the year a user asks about and, for each dataset, uses the latest year
with data at or before it (NMC ends in 2022, so a 2024 assessment uses 2022 and says so).
:class:`Provenance` records that choice; :class:`Result` gives each measure's result object
``summary()``, ``to_dict()`` and ``_repr_html_()``.

Example
-------
>>> p = provenance("cow_nmc", 2024)
>>> p.year_used, p.fell_back
(2022, True)
>>> p.label()
'COW National Material Capabilities 7.0 [cow_nmc], 2022 (latest at or before 2024)'
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import cache

import numpy as np
import pandas as pd

from alliancelab.data import Country, get_source, list_sources, load, resolve
from alliancelab.errors import AllianceLabError, CoverageError, InputError

__all__ = [
    "FIRST_YEAR",
    "Provenance",
    "Result",
    "add_caption",
    "check_year",
    "figure_caption",
    "json_safe",
    "label_of",
    "nan_if_none",
    "provenance",
    "resolve_groups",
    "resolve_state",
    "source_note",
]

FIRST_YEAR = 1816


@dataclass(frozen=True)
class Provenance:
    """Which dataset, version and year a figure came from (``year_used`` None: no data)."""

    source: str
    title: str
    version: str
    year: int
    year_used: int | None
    note: str = ""

    @property
    def fell_back(self) -> bool:
        return self.year_used is not None and self.year_used != self.year

    def label(self) -> str:
        """``'COW National Material Capabilities 7.0 [cow_nmc], 2022'`` plus any fallback.

        The bracketed catalog name is what ``alliancelab data cite`` takes.
        """
        head = f"{self.title} {self.version} [{self.source}]"
        if self.year_used is None:
            return f"{head}, no data for {self.year}"
        tail = f" (latest at or before {self.year})" if self.fell_back else ""
        return f"{head}, {self.year_used}{tail}"

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "title": self.title, "version": self.version,
                "year": self.year, "year_used": self.year_used, "note": self.note}


def provenance(source: str, year: int, available: Iterable[int] | None = None) -> Provenance:
    """The year of ``source`` to use for ``year``: the latest at or before it.

    ``available`` lists the years that actually have data (default: the catalog's span);
    a gap such as UNGA 1964 falls back to the year before.
    """
    src = get_source(source)
    first, last = src.years
    years = sorted(set(available)) if available is not None else None
    if years is not None:
        before = [y for y in years if y <= year]
        used = before[-1] if before else None
    else:
        used = None if year < first else min(year, last)
    if used is None:
        note = f"{src.title} starts in {first}: no data for {year} (NA)"
    elif used != year:
        note = f"{src.title} {src.version}: {used} used for {year} (latest year with data)"
    else:
        note = ""
    return Provenance(src.name, src.title, src.version, int(year),
                      None if used is None else int(used), note)


def source_note(prov: Provenance) -> list[str]:
    """The provenance's note as a list (empty when the requested year was used)."""
    return [prov.note] if prov.note else []


@cache
def _last_year() -> int:
    return max(s.years[1] for s in list_sources())


def check_year(year: object) -> int:
    """The year as an int, or an error saying which years are possible."""
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise InputError(f"year must be a whole number, not {year!r}", hint="e.g. 2022")
    last = _last_year()
    if not FIRST_YEAR <= int(year) <= last:
        raise CoverageError(
            f"year {year} is outside the data ({FIRST_YEAR}-{last})",
            hint=f"choose a year between {FIRST_YEAR} and {last}",
        )
    return int(year)


def label_of(country: Country) -> str:
    """ISO3 where there is one, else COW's abbreviation."""
    return country.iso3 or country.stateabb


@cache
def _unique_iso3() -> dict[str, int]:
    """ISO3 codes that the countrycode crosswalk gives exactly one COW code."""
    codes = load("countrycode").dropna(subset=["iso3c", "cown"])
    counts = codes.groupby("iso3c").cown.nunique()
    codes = codes[codes.iso3c.map(counts) == 1]
    return {str(i): int(c) for i, c in zip(codes.iso3c, codes.cown, strict=True)}


def resolve_state(query: str | int, year: int) -> Country:
    """:func:`alliancelab.data.resolve`, except that an upper-case ISO3 code wins.

    Three ISO3 codes are also other states' COW abbreviations (AUS Austria, SLV Slovenia,
    MNG Montenegro in COW; Australia, El Salvador, Mongolia in ISO3). Users of the
    measures type ISO3 (the scenario files do), so ISO3 is read first.
    """
    if isinstance(query, str) and len(query) == 3 and query.isupper():
        ccode = _unique_iso3().get(query)
        if ccode is not None:
            try:
                found = resolve(query, year)
                if found.iso3 == query:
                    return found
            except AllianceLabError:
                pass
            return resolve(ccode, year)
    return resolve(query, year)


def resolve_groups(year: int, **groups: Sequence[str | int]) -> dict[str, list[Country]]:
    """Resolve each named list of states; a state in two lists (or twice) is an InputError."""
    out: dict[str, list[Country]] = {}
    seen: dict[int, str] = {}
    for name, queries in groups.items():
        if isinstance(queries, str | int):
            queries = [queries]
        resolved = []
        for q in queries:
            c = resolve_state(q, year)
            if c.ccode in seen:
                raise InputError(
                    f"{q!r} ({label_of(c)}) is listed twice (in {seen[c.ccode]} and {name})",
                    hint="list each state once",
                )
            seen[c.ccode] = name
            resolved.append(c)
        out[name] = resolved
    return out


def json_safe(obj: object) -> object:
    """``obj`` with NaN/NA as None, numpy scalars as Python, frames as lists of records."""
    if obj is None or isinstance(obj, bool | str):
        return obj
    if isinstance(obj, Provenance | Result):
        return obj.to_dict()
    if isinstance(obj, Country):
        return {"ccode": obj.ccode, "iso3": obj.iso3, "name": obj.name}
    if isinstance(obj, pd.DataFrame):
        if not isinstance(obj.index, pd.RangeIndex):
            obj = obj.rename_axis(obj.index.name or "index").reset_index()
        return [json_safe(r) for r in obj.to_dict(orient="records")]
    if isinstance(obj, pd.Series):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, dict):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset | np.ndarray):
        return [json_safe(v) for v in obj]
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: json_safe(getattr(obj, f.name)) for f in fields(obj)}
    if obj is pd.NA or obj is pd.NaT:
        return None
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, float | np.floating):
        return None if math.isnan(obj) else float(obj)
    if isinstance(obj, int):
        return obj
    return str(obj)


class Result:
    """Base of the measures' result dataclasses: ``summary``, ``to_dict``, ``_repr_html_``.

    Subclasses are dataclasses with ``sources`` (list of :class:`Provenance`) and ``notes``
    fields and implement :meth:`summary`; fields whose names start with ``_`` stay out of
    :meth:`to_dict`.
    """

    title = "result"

    def summary(self) -> pd.DataFrame:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict of the fields (NaN and NA become None)."""
        out = {f.name: json_safe(getattr(self, f.name))
               for f in fields(self) if not f.name.startswith("_")}  # type: ignore[arg-type]
        return out

    def _repr_html_(self) -> str:
        table = self.summary().to_html(na_rep="NA", float_format=lambda v: f"{v:,.4g}")
        sources = "".join(f"<li>{html.escape(p.label())}</li>"
                          for p in getattr(self, "sources", []))
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in getattr(self, "notes", []))
        parts = [f"<h4>{html.escape(self.title)}</h4>", table]
        if sources:
            parts.append(f"<p>Sources:</p><ul>{sources}</ul>")
        if notes:
            parts.append(f"<p>Notes:</p><ul>{notes}</ul>")
        return "\n".join(parts)


def nan_if_none(value: object) -> float:
    """A float, with None/NA as NaN."""
    if value is None or value is pd.NA:
        return float("nan")
    return float(value)  # type: ignore[arg-type]


def figure_caption(sources: Iterable[Provenance]) -> str:
    """One line naming each dataset, version and year used, for a figure's footer."""
    return "Sources: " + "; ".join(p.label() for p in sources)


def light_style(fig: object) -> object:
    """A light, plain look: white background, pale grid, system fonts.

    Set directly rather than through plotly's "plotly_white" template, whose validation
    costs about 50 ms per figure (a third of a report's rendering).
    """
    fig.update_layout(  # type: ignore[attr-defined]
        template="none", paper_bgcolor="white", plot_bgcolor="white",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
              "color": "#2a3f5f"},
    )
    grid = {"gridcolor": "#ebf0f8", "zerolinecolor": "#ebf0f8", "linecolor": "#ebf0f8"}
    fig.update_xaxes(**grid)  # type: ignore[attr-defined]
    fig.update_yaxes(**grid)  # type: ignore[attr-defined]
    return fig


def add_caption(fig: object, sources: Iterable[Provenance]) -> object:
    """Put :func:`figure_caption` under a plotly figure, in the light style (returns it)."""
    light_style(fig)
    fig.add_annotation(  # type: ignore[attr-defined]
        text=figure_caption(sources), showarrow=False, xref="paper", yref="paper",
        x=0, y=-0.18, xanchor="left", yanchor="top", font={"size": 10},
    )
    fig.update_layout(margin={"b": 90})  # type: ignore[attr-defined]
    return fig
