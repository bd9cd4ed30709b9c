"""The registered data sources, one module per dataset family, each with its enrichers.

Each module defines its :class:`~alliancelab.data.catalog.Source` objects and the
``add_*`` functions that merge that source into a panel. ``SOURCES`` gathers them for the
catalog; ``ENRICHERS`` maps the short names the CLI accepts to the functions.
"""

from __future__ import annotations

from alliancelab.data.sources import (
    atop,
    crosswalk,
    democracy,
    geography,
    mids,
    nmc,
    nuclear,
    rivalries,
    sipri,
    states,
    unga,
)

SOURCES = [
    *states.SOURCES,
    *nmc.SOURCES,
    *atop.SOURCES,
    *mids.SOURCES,
    *geography.SOURCES,
    *rivalries.SOURCES,
    *democracy.SOURCES,
    *sipri.SOURCES,
    *unga.SOURCES,
    *nuclear.SOURCES,
    *crosswalk.SOURCES,
]

ENRICHERS = {
    "atop": atop.add_atop_alliance,
    "nmc": nmc.add_nmc,
    "majors": states.add_cow_majors,
    "contiguity": geography.add_contiguity,
    "capdist": geography.add_capital_distance,
    "mindist": geography.add_minimum_distance,
    "democracy": democracy.add_democracy,
    "gdppop": democracy.add_sim_gdp_pop,
    "cow_mids": mids.add_cow_mids,
    "gml_mids": mids.add_gml_mids,
    "rivalries": rivalries.add_strategic_rivalries,
    "sipri": sipri.add_sipri_milex,
    "ideal_points": unga.add_ideal_points,
}
