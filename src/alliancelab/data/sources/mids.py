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
>>> int(d.cowmidonset.isna().sum())  # 2015 is after CoW-MID 5.0 ends (2014)
36672
"""

from __future__ import annotations

from alliancelab.data.catalog import Source

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
