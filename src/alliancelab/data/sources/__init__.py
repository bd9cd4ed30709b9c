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
