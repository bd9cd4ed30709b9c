"""Country-code crosswalk from the countrycode R package (code and name columns only).

Maps COW, Gleditsch-Ward, ISO 3166 and UN codes and English names; used by
:mod:`alliancelab.data.countries` for ISO3 codes and names. The package's regular
expressions (GPL-3 authored content) are not shipped.
"""

from __future__ import annotations

from alliancelab.data.catalog import Source

COUNTRYCODE = Source(
    name="countrycode",
    year_columns=None,
    title="countrycode code list",
    version="1.8.0",
    years=(1816, 2024),
    rows=292,
    file="countrycode_codes.parquet",
    unit="country",
    code_system=None,
    citation="""@article{arelbundocketal2018countrycode,
  author = {Arel-Bundock, Vincent and Enevoldsen, Nils and Yetman, CJ},
  title = {countrycode: An {R} package to convert country names and country codes},
  journal = {Journal of Open Source Software},
  volume = {3}, number = {28}, pages = {848}, year = {2018}
}""",
    license="GPL-3 package; the code columns shipped are facts",
    url="https://github.com/vincentarelbundock/countrycode",
)

SOURCES = [COUNTRYCODE]
