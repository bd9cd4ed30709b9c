"""Militarised interstate disputes: CoW-MID 5.0 and GML 2.2.1 as dyad-years.

Both are "naive" directed dispute dyad-years, whittled by peacesciencer to one dispute per
dyad-year (unique onsets first, then highest fatality, hostility, duration, reciprocation,
earliest start month). :func:`add_cow_mids` and :func:`add_gml_mids` merge them with
peacesciencer's names; ``cowmidonset``/``cowmidongoing`` (``gmlmidonset``/``gmlmidongoing``)
are 0 where no dispute is recorded inside the data's years and NA outside them.

Example
-------
>>> from alliancelab.data import create_dyad_years
>>> d = add_cow_mids(create_dyad_years(years=(2015, 2015)))
>>> bool(d.cowmidonset.isna().all())  # 2015 is after CoW-MID 5.0 ends (2014)
True
>>> d = add_cow_mids(create_dyad_years(years=(2014, 2014)))
>>> int(d.cowmidonset.sum())
82
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from alliancelab.data.catalog import Source, load
from alliancelab.data.panel import merge_dyad_year, require_unit, uses
from alliancelab.errors import UnknownNameError

COW_MIDS = Source(
    name="cow_mid_ddydisps",
    title="CoW-MID dyad-years",
    version="5.0",
    years=(1816, 2014),
    rows=10_234,
    file="cow_mid_ddydisps.parquet",
    unit="directed dyad-year",
    citation="""@article{palmeretal2022mid5,
  author = {Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and Kenwick, Michael R. and Karstens, Mikaela and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, Kellan and Soules, Michael J.},
  title = {The {MID5} Dataset, 2011--2014: Procedures, Coding Rules, and Description},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {4}, pages = {470--482}, year = {2022}
}""",
    license="COW: free for research and teaching with citation (correlatesofwar.org)",
    url="https://correlatesofwar.org/data-sets/mids",
    notes="Whittled to dyad-years by peacesciencer 1.2.9. fatality -9 = unknown.",
)
GML_MIDS = Source(
    name="gml_mid_ddydisps",
    title="GML MID dyad-years",
    version="2.2.1",
    years=(1816, 2010),
    rows=9_284,
    file="gml_mid_ddydisps.parquet",
    unit="directed dyad-year",
    citation="""@article{gibleretal2016gml,
  author = {Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.},
  title = {An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001},
  journal = {International Studies Quarterly},
  volume = {60}, number = {4}, pages = {719--730}, year = {2016}
}""",
    license="free for research with citation",
    url="https://dmgibler.people.ua.edu/mid-data.html",
    notes="Whittled to dyad-years by peacesciencer 1.2.9. fatality -9 = unknown.",
)

SOURCES = [COW_MIDS, GML_MIDS]


def _merge_mids(frame: pd.DataFrame, source: Source, prefix: str,
                keep: Sequence[str] | None) -> pd.DataFrame:
    require_unit(frame, ["dyad_year"], f"add_{prefix}_mids")
    data = load(source.name)
    always = [f"{prefix}midongoing", f"{prefix}midonset"]
    others = [c for c in data.columns if c not in ("ccode1", "ccode2", "year", *always)]
    if keep is not None:
        unknown = [k for k in keep if k not in others]
        if unknown:
            raise UnknownNameError(f"{source.title} column", unknown[0], others)
        others = [c for c in others if c in keep]
    order = [c for c in data.columns if c in (*always, *others)]
    return merge_dyad_year(frame, data, order, source.name, fill=(source.years, 0),
                           fill_columns=always)


@uses("cow_mid_ddydisps")
def add_cow_mids(frame: pd.DataFrame, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """Add CoW-MID 5.0 dispute dyad-years, with peacesciencer's columns.

    ``dispnum cowmidongoing cowmidonset sidea1 sidea2 fatality1 ... hostlev mindur maxdur
    recip stmon``. ``cowmidonset``/``cowmidongoing`` are 0 where no dispute is recorded in
    1816-2014 and NA after; the other columns are NA where there is no dispute. ``keep``
    limits the extra columns. -9 in the fatality columns means unknown, as in the source.
    """
    return _merge_mids(frame, COW_MIDS, "cow", keep)


@uses("gml_mid_ddydisps")
def add_gml_mids(frame: pd.DataFrame, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """Add GML MID 2.2.1 dispute dyad-years (``gmlmidongoing``, ``gmlmidonset``, ...).

    0 where no dispute is recorded in 1816-2010, NA after.
    """
    return _merge_mids(frame, GML_MIDS, "gml", keep)
