"""The data layer: bundled datasets, country identity, and state-year and dyad-year panels.

Start here: :func:`list_sources` and :func:`cite` for what is bundled;
:func:`resolve` for countries; :func:`create_dyad_years` / :func:`create_state_years`
followed by ``add_*`` enrichers for panels with peacesciencer's column names.

Example
-------
>>> from alliancelab.data import create_dyad_years, add_nmc
>>> d = add_nmc(create_dyad_years(years=(2016, 2016)))
>>> len(d) == 195 * 194
True
"""

from alliancelab.data.catalog import (
    Source,
    cite,
    connection,
    get_source,
    list_sources,
    load,
    query,
    sources_table,
)
from alliancelab.data.countries import Country, country_table, iso3_for, resolve, resolve_many

__all__ = [
    "Country",
    "Source",
    "cite",
    "connection",
    "country_table",
    "get_source",
    "iso3_for",
    "list_sources",
    "load",
    "query",
    "resolve",
    "resolve_many",
    "sources_table",
]
