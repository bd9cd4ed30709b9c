"""A plain pandas reference implementation of the dyad-year pipeline, merge by merge.

This is the pipeline written the obvious way, as peacesciencer writes it in R: expand each
raw table to dyad-years or state-years and ``merge`` it onto the panel, one source at a
time. It shares no code with :mod:`alliancelab.data.merge` or the ``add_*`` enrichers, so
the test-suite uses it as an independent check of their values, and
``benchmarks/bench_panel.py`` uses it as the baseline the fast path is timed against.
It is slow and memory-hungry on the full panel; use the ``add_*`` functions for work.

Example
-------
>>> ddy = reference_dyad_years((2018, 2018), ["atop"])
>>> int(ddy.query("ccode1 == 2 and ccode2 == 740").atop_defense.iloc[0])
1
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from alliancelab.data.catalog import get_source

__all__ = ["REFERENCE_STEPS", "reference_dyad_years"]


def _raw(name: str) -> pd.DataFrame:
    return pd.read_parquet(get_source(name).path())


def _expand(frame: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    rows = []
    for record in frame.to_dict("records"):
        for year in range(int(record[start]), int(record[end]) + 1):
            rows.append({**record, "year": year})
    return pd.DataFrame(rows)


def _fill(panel: pd.DataFrame, cols: Sequence[str], first: int, last: int) -> pd.DataFrame:
    inside = panel.year.between(first, last)
    for col in cols:
        panel[col] = panel[col].astype("Float64").mask(panel[col].isna() & inside, 0)
    return panel


def _both_sides(panel: pd.DataFrame, table: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    for side in ("1", "2"):
        renamed = table[["ccode", "year", *cols]].rename(
            columns={"ccode": f"ccode{side}", **{c: c + side for c in cols}}
        )
        panel = panel.merge(renamed, on=[f"ccode{side}", "year"], how="left")
    return panel


def _atop(panel: pd.DataFrame) -> pd.DataFrame:
    atop = _raw("atop_alliance")
    cols = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
    atop["atop_alliance"] = atop[cols].max(axis=1)
    panel = panel.merge(atop, on=["ccode1", "ccode2", "year"], how="left")
    return _fill(panel, [*cols, "atop_alliance"], 1815, 2018)


def _nmc(panel: pd.DataFrame) -> pd.DataFrame:
    cols = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]
    return _both_sides(panel, _raw("cow_nmc"), cols)


def _majors(panel: pd.DataFrame) -> pd.DataFrame:
    majors = _expand(_raw("cow_majors")[["ccode", "styear", "endyear"]], "styear", "endyear")
    majors = majors.drop_duplicates(["ccode", "year"]).assign(cowmaj=1)
    panel = _both_sides(panel, majors, ["cowmaj"])
    return _fill(panel, ["cowmaj1", "cowmaj2"], 1816, 2016)


def _contiguity(panel: pd.DataFrame) -> pd.DataFrame:
    # peacesciencer's rule: expand every spell to months, keep each dyad-year's first month.
    cont = _raw("cow_contdir")
    first = cont.stdate.dt.year * 12 + cont.stdate.dt.month - 1
    last = cont.enddate.dt.year * 12 + cont.enddate.dt.month - 1
    n = (last - first + 1).to_numpy()
    rows = np.repeat(np.arange(len(cont)), n)
    month = np.repeat(first.to_numpy(), n) + (np.arange(n.sum()) - np.repeat(n.cumsum() - n, n))
    frame = pd.DataFrame({"ccode1": cont.ccode1.to_numpy()[rows],
                          "ccode2": cont.ccode2.to_numpy()[rows], "month": month,
                          "conttype": cont.conttype.to_numpy()[rows]})
    frame = frame.sort_values(["ccode1", "ccode2", "month"], kind="stable")
    frame["year"] = frame.month // 12
    first_month = frame.groupby(["ccode1", "ccode2", "year"], as_index=False).first()
    panel = panel.merge(first_month[["ccode1", "ccode2", "year", "conttype"]],
                        on=["ccode1", "ccode2", "year"], how="left")
    return _fill(panel, ["conttype"], 1816, 2016)


def _capdist(panel: pd.DataFrame) -> pd.DataFrame:
    caps = _raw("cow_capitals").sort_values(["ccode", "stdate"])
    caps["styear"], caps["endyear"] = caps.stdate.dt.year, caps.enddate.dt.year
    years = _expand(caps[["ccode", "lat", "lng", "styear", "endyear"]], "styear", "endyear")
    years = years.drop_duplicates(["ccode", "year"], keep="first")
    panel = _both_sides(panel, years, ["lat", "lng"])
    # The haversine form of the great-circle distance, equal to Vincenty's on a sphere.
    p1, p2 = np.radians(panel.lat1), np.radians(panel.lat2)
    dphi, dlam = p2 - p1, np.radians(panel.lng2 - panel.lng1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    panel["capdist"] = 2 * 6378.137 * np.arcsin(np.sqrt(a))
    return panel.drop(columns=["lat1", "lng1", "lat2", "lng2"])


def _democracy(panel: pd.DataFrame) -> pd.DataFrame:
    return _both_sides(panel, _raw("democracy"), ["euds", "aeuds", "polity2", "v2x_polyarchy"])


def _cow_mids(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel.merge(_raw("cow_mid_ddydisps"), on=["ccode1", "ccode2", "year"], how="left")
    return _fill(panel, ["cowmidongoing", "cowmidonset"], 1816, 2014)


REFERENCE_STEPS = {
    "atop": _atop,
    "nmc": _nmc,
    "majors": _majors,
    "contiguity": _contiguity,
    "capdist": _capdist,
    "democracy": _democracy,
    "cow_mids": _cow_mids,
}


def reference_dyad_years(years: tuple[int, int], steps: Sequence[str]) -> pd.DataFrame:
    """Directed COW dyad-years for ``years`` with the named steps merged in, the plain way."""
    ddy = _raw("cow_ddy")
    panel = ddy[ddy.year.between(*years)].reset_index(drop=True)
    for step in steps:
        panel = REFERENCE_STEPS[step](panel)
    return panel
