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
from alliancelab.data.panel import (
    build_panel,
    create_dyad_years,
    create_state_years,
    panel_info,
    parse_years,
)
from alliancelab.data.sources import ENRICHERS
from alliancelab.data.sources.atop import add_atop_alliance
from alliancelab.data.sources.democracy import add_democracy, add_sim_gdp_pop
from alliancelab.data.sources.geography import (
    add_capital_distance,
    add_contiguity,
    add_minimum_distance,
)
from alliancelab.data.sources.mids import add_cow_mids, add_gml_mids
from alliancelab.data.sources.nmc import add_nmc, compute_cinc
from alliancelab.data.sources.rivalries import add_strategic_rivalries
from alliancelab.data.sources.sipri import add_sipri_milex
from alliancelab.data.sources.states import add_cow_majors
from alliancelab.data.sources.unga import add_ideal_points

__all__ = [
    "ENRICHERS",
    "Country",
    "Source",
    "add_atop_alliance",
    "add_capital_distance",
    "add_contiguity",
    "add_cow_majors",
    "add_cow_mids",
    "add_democracy",
    "add_gml_mids",
    "add_ideal_points",
    "add_minimum_distance",
    "add_nmc",
    "add_sim_gdp_pop",
    "add_sipri_milex",
    "add_strategic_rivalries",
    "build_panel",
    "cite",
    "compute_cinc",
    "connection",
    "country_table",
    "create_dyad_years",
    "create_state_years",
    "get_source",
    "iso3_for",
    "list_sources",
    "load",
    "panel_info",
    "parse_years",
    "query",
    "resolve",
    "resolve_many",
    "sources_table",
]
