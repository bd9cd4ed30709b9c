"""State-year and dyad-year panels, peacesciencer style: ``create_*`` the rows, ``add_*`` columns.

:func:`create_state_years` and :func:`create_dyad_years` build the COW universe of
state-years (``ccode``, ``statenme``, ``year``) or directed/non-directed dyad-years
(``ccode1``, ``ccode2``, ``year``) from 1816 to the latest year with data. The frames carry
their unit and the sources used in ``frame.attrs["alliancelab"]``; every ``add_*`` enricher
(in :mod:`alliancelab.data.sources`) returns a new frame with the same rows and more
columns. :func:`build_panel` runs a whole pipeline by enricher names, as the CLI does.

Example
-------
>>> d = create_dyad_years(years=(2016, 2016))
>>> len(d) == 195 * 194, panel_info(d)["unit"]
(True, 'dyad_year')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from alliancelab.data.catalog import derived, get_source, load, load_arrow
from alliancelab.errors import CoverageError, InputError, UnknownNameError

__all__ = [
    "attach",
    "build_panel",
    "create_dyad_years",
    "create_state_years",
    "panel_info",
    "parse_years",
    "require_unit",
    "unit_of",
]

Unit = Literal["state_year", "dyad_year"]
FIRST_YEAR = 1816


@derived
def latest_year() -> int:
    """The last year of the COW dyad-year universe (states alive in 2016 carried forward)."""
    return get_source("cow_ddy").years[1]


def parse_years(spec: str | int | Sequence[int] | None) -> tuple[int, int]:
    """Turn ``"1816-2016"``, ``2018``, ``(1990, 2000)`` or None (everything) into a range.

    Raises InputError for a malformed range and CoverageError outside 1816-latest.
    """
    last = latest_year()
    if spec is None:
        return FIRST_YEAR, last
    if isinstance(spec, str):
        m = re.fullmatch(r"\s*(\d{3,4})\s*(?:[-–:]|\.\.)?\s*(\d{3,4})?\s*", spec)
        if not m:
            raise InputError(
                f"malformed year range {spec!r}", hint="write YEAR or START-END, e.g. 1816-2016"
            )
        start, end = int(m.group(1)), int(m.group(2) or m.group(1))
    elif isinstance(spec, int | np.integer):
        start = end = int(spec)
    else:
        start, end = (int(v) for v in spec)
    if start > end:
        raise InputError(f"year range {start}-{end} runs backwards", hint=f"write {end}-{start}")
    if end < FIRST_YEAR or start > last:
        raise CoverageError(
            f"years {start}-{end} are outside the state system data ({FIRST_YEAR}-{last})",
            hint=f"choose years between {FIRST_YEAR} and {last}",
        )
    return max(start, FIRST_YEAR), min(end, last)


def _mark(frame: pd.DataFrame, unit: Unit, directed: bool | None, sources: list[str]) -> None:
    frame.attrs["alliancelab"] = {
        "unit": unit,
        "system": "cow",
        "directed": directed,
        "sources": sources,
    }


def create_state_years(years: str | int | Sequence[int] | None = None) -> pd.DataFrame:
    """COW state-years (``ccode``, ``statenme``, ``year``) for the years asked.

    States alive at the end of COW's v2016 list are carried to the latest year.
    """
    start, end = parse_years(years)
    states = load("cow_states")
    last_listed = int(states.endyear.max())
    endyear = states.endyear.where(states.endyear < last_listed, latest_year()).to_numpy()
    lo = np.maximum(states.styear.to_numpy(dtype=np.int64), start)
    hi = np.minimum(endyear.astype(np.int64), end)
    n = np.clip(hi - lo + 1, 0, None)
    rows = np.repeat(np.arange(len(states)), n)
    offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    frame = pd.DataFrame(
        {
            "ccode": pd.array(states.ccode.to_numpy()[rows], dtype="Int32"),
            "statenme": states.statenme.to_numpy()[rows],
            "year": pd.array((lo[rows] + offsets).astype(np.int32), dtype="Int32"),
        }
    )
    frame = frame.sort_values(["ccode", "year"], kind="stable", ignore_index=True)
    _mark(frame, "state_year", None, ["cow_states"])
    return frame


def create_dyad_years(
    years: str | int | Sequence[int] | None = None, directed: bool = True
) -> pd.DataFrame:
    """COW dyad-years (``ccode1``, ``ccode2``, ``year``) for the years asked.

    Directed by default (France-Germany and Germany-France are two rows); with
    ``directed=False`` only rows with ``ccode2 > ccode1`` are kept, as in peacesciencer.
    """
    start, end = parse_years(years)
    table = load_arrow("cow_ddy")
    year = table.column("year").to_numpy()
    keep = (year >= start) & (year <= end)
    c1 = table.column("ccode1").to_numpy()[keep]
    c2 = table.column("ccode2").to_numpy()[keep]
    if not directed:
        sel = c2 > c1
        c1, c2, yr = c1[sel], c2[sel], year[keep][sel]
    else:
        yr = year[keep]
    frame = pd.DataFrame(
        {
            "ccode1": pd.array(c1.astype(np.int32), dtype="Int32"),
            "ccode2": pd.array(c2.astype(np.int32), dtype="Int32"),
            "year": pd.array(yr.astype(np.int32), dtype="Int32"),
        }
    )
    _mark(frame, "dyad_year", directed, ["cow_ddy"])
    return frame


def panel_info(frame: pd.DataFrame) -> dict[str, object]:
    """The unit, system and sources a panel carries (inferred from its columns if lost)."""
    info = dict(frame.attrs.get("alliancelab", {}))
    info.setdefault("unit", unit_of(frame))
    info.setdefault("sources", [])
    info.setdefault("system", "cow")
    if info.get("directed") is None and info["unit"] == "dyad_year":
        info["directed"] = bool((_ints(frame["ccode1"]) > _ints(frame["ccode2"])).any())
    return info


def _ints(col: pd.Series) -> np.ndarray:
    return col.to_numpy(dtype=np.int64, na_value=-1)


def unit_of(frame: pd.DataFrame) -> Unit:
    """``'dyad_year'`` or ``'state_year'``, from the attrs or the key columns."""
    unit = frame.attrs.get("alliancelab", {}).get("unit")
    if unit in ("dyad_year", "state_year"):
        return unit
    cols = set(frame.columns)
    if {"ccode1", "ccode2", "year"} <= cols:
        return "dyad_year"
    if {"ccode", "year"} <= cols:
        return "state_year"
    raise InputError(
        "this frame is neither state-years (ccode, year) nor dyad-years (ccode1, ccode2, year)",
        hint="start the pipeline with create_state_years() or create_dyad_years()",
    )


def require_unit(frame: pd.DataFrame, allowed: Iterable[Unit], enricher: str) -> Unit:
    """The frame's unit, or an InputError if ``enricher`` cannot handle it."""
    unit = unit_of(frame)
    allowed = tuple(allowed)
    if unit not in allowed:
        wanted = " or ".join(a.replace("_", "-") + "s" for a in allowed)
        raise InputError(f"{enricher}() works on {wanted} only, not {unit.replace('_', '-')}s")
    return unit


def attach(frame: pd.DataFrame, columns: dict[str, object], source: str) -> pd.DataFrame:
    """A new frame: ``frame``'s rows and columns plus ``columns``, with ``source`` recorded.

    No column is copied: the new frame shares the existing arrays (pandas would copy each
    one on ``frame[name] = values``, which dominated the time of a full panel).
    """
    clash = [c for c in columns if c in frame.columns]
    if clash:
        used = panel_info(frame)["sources"]
        why = (f"the {source} enricher was applied twice" if source in used
               else f"another source already added them ({', '.join(used[1:]) or 'the frame'})")
        raise InputError(
            f"adding {source} would overwrite columns {', '.join(clash[:6])}"
            f"{' ...' if len(clash) > 6 else ''}: {why}",
            hint="drop those columns first, or use one of the two sources per panel",
        )
    info = panel_info(frame)
    data = {name: _column_values(frame[name]) for name in frame.columns}
    data.update(columns)
    out = pd.DataFrame(data, index=frame.index, copy=False)
    out.attrs["alliancelab"] = {**info, "sources": [*info["sources"], source]}
    return out


def _column_values(series: pd.Series) -> object:
    if isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        return series.array
    return series.to_numpy()


def enrichers() -> dict[str, Callable[[pd.DataFrame], pd.DataFrame]]:
    """Short enricher names (as the CLI takes them) and their functions."""
    from alliancelab.data.sources import ENRICHERS

    return ENRICHERS


def build_panel(
    unit: Unit,
    years: str | int | Sequence[int] | None = None,
    add: Sequence[str] = (),
    directed: bool = True,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Create a panel and apply the named enrichers in order (the CLI's ``panel`` command).

    Fails before any work if an enricher name is unknown, or if the years lie outside
    every requested source's coverage.
    """
    known = enrichers()
    for name in add:
        if name not in known:
            raise UnknownNameError("enricher", name, list(known))
    start, end = parse_years(years)
    if add:
        spans = {name: _coverage(known[name]) for name in add}
        if all(e < start or s > end for s, e in spans.values()):
            covered = ", ".join(f"{n} {s}-{e}" for n, (s, e) in spans.items())
            raise CoverageError(
                f"years {start}-{end} are outside every requested source ({covered})",
                hint="choose years the sources cover",
            )
    from alliancelab.data.merge import reusing_keys

    step = progress or (lambda _label: None)
    step("create")
    with reusing_keys():
        if unit == "dyad_year":
            frame = create_dyad_years((start, end), directed=directed)
        else:
            frame = create_state_years((start, end))
        for name in add:
            step(name)
            frame = known[name](frame)
    return frame


def _coverage(func: Callable[..., object]) -> tuple[int, int]:
    names = getattr(func, "sources", ())
    spans = [get_source(n).years for n in names]
    return min(s for s, _ in spans), max(e for _, e in spans)


Enricher = Callable[..., pd.DataFrame]


def uses(*source_names: str) -> Callable[[Enricher], Enricher]:
    """Mark an enricher with the catalog sources it reads (for coverage checks and citing)."""

    def mark(func: Enricher) -> Enricher:
        func.sources = source_names  # type: ignore[attr-defined]
        return func

    return mark


def merge_state_year(
    frame: pd.DataFrame,
    source: pd.DataFrame,
    columns: Sequence[str],
    source_name: str,
    fill: tuple[tuple[int, int], int] | None = None,
) -> pd.DataFrame:
    """Merge state-year ``columns`` (keyed ``ccode``, ``year``) into a state- or dyad-year frame.

    On dyad-years each column appears twice, suffixed 1 and 2 for ``ccode1`` and ``ccode2``.
    ``fill=((first, last), value)`` writes ``value`` for unmatched rows inside those years.
    """
    from alliancelab.data.merge import Fill, gather, key_arrays

    unit = unit_of(frame)
    sides = [("ccode", "")] if unit == "state_year" else [("ccode1", "1"), ("ccode2", "2")]
    new: dict[str, object] = {}
    for code, suffix in sides:
        keys = key_arrays(frame, [code, "year"])
        cols, _ = gather(source, ("ccode", "year"), keys, columns,
                         {c: c + suffix for c in columns}, fill and Fill(*fill))
        new.update(cols)
    if unit == "dyad_year":  # peacesciencer's order: all of state 1, then all of state 2
        new = {c + s: new[c + s] for _, s in sides for c in columns}
    return attach(frame, new, source_name)


def merge_dyad_year(
    frame: pd.DataFrame,
    source: pd.DataFrame,
    columns: Sequence[str],
    source_name: str,
    fill: tuple[tuple[int, int], int] | None = None,
    fill_columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Merge directed dyad-year ``columns`` (keyed ``ccode1``, ``ccode2``, ``year``).

    ``fill`` applies to ``fill_columns`` (default: all of ``columns``).
    """
    from alliancelab.data.merge import Fill, gather, key_arrays

    keys = key_arrays(frame, ["ccode1", "ccode2", "year"])
    rule = None
    if fill is not None:
        rule = Fill(fill[0], fill[1], tuple(fill_columns) if fill_columns else None)
    cols, _ = gather(source, ("ccode1", "ccode2", "year"), keys, columns, fill=rule)
    return attach(frame, cols, source_name)


def spells_to_years(
    spells: pd.DataFrame, start: str, end: str, keep: Sequence[str]
) -> pd.DataFrame:
    """Expand spells (one row per start/end year) into one row per year, as ``year``."""
    first = spells[start].to_numpy(dtype=np.int64)
    last = spells[end].to_numpy(dtype=np.int64)
    n = np.clip(last - first + 1, 0, None)
    rows = np.repeat(np.arange(len(spells)), n)
    offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    out = spells[list(keep)].iloc[rows].reset_index(drop=True)
    out["year"] = first[rows] + offsets
    return out
