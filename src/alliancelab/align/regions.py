"""Region presets for landscapes: which states take part, resolved for a given year.

A preset is either a curated list (ISO3 codes, with COW codes for states that no longer
exist, such as the Republic of Vietnam, 817) or a range of COW codes (COW's own regional
numbering: Americas 2-165, Europe 200-395, Africa 402-626, Middle East 630-698). For a year,
:func:`region_states` keeps the states that were COW system members that year, in the
preset's order, so the same preset works for 1950 and 2023.

``asia-pacific`` is the flagship: East, South-East and the larger South Asian states, the
Pacific democracies, and the two outside powers with Pacific coasts (the United States
and Russia); 26 states in 2023, small enough for the exact solver with basins.

Example
-------
>>> [c.iso3 for c in region_states("east-asia", 2023)]
['CHN', 'TWN', 'JPN', 'KOR', 'PRK', 'MNG', 'RUS', 'USA']
>>> len(region_states("asia-pacific", 2023))
26
"""

from __future__ import annotations

from dataclasses import dataclass

from alliancelab.data import Country, resolve
from alliancelab.data.countries import system_members
from alliancelab.errors import AllianceLabError, UnknownNameError

__all__ = ["BACKTEST_REGIONS", "REGIONS", "Region", "region_names", "region_states"]


@dataclass(frozen=True)
class Region:
    """A named set of states: a curated list, or every member in a COW code range."""

    name: str
    description: str
    members: tuple[str | int, ...] = ()
    cow_ranges: tuple[tuple[int, int], ...] = ()


REGIONS: dict[str, Region] = {
    r.name: r
    for r in [
        Region("asia-pacific",
               "East, South-East and larger South Asian states, Oceania, the US and Russia",
               ("USA", "RUS", "CHN", "TWN", "JPN", "KOR", "PRK", "MNG", "IND", "PAK", "BGD",
                "LKA", "MMR", "THA", "LAO", "KHM", "VNM", 817, "MYS", "SGP", "IDN", "BRN",
                "PHL", "TLS", "AUS", "NZL", "PNG")),
        Region("east-asia", "North-East Asia with the US and Russia",
               ("CHN", "TWN", "JPN", "KOR", "PRK", "MNG", "RUS", "USA")),
        Region("southeast-asia", "ASEAN's members and Timor-Leste (and South Vietnam)",
               ("MMR", "THA", "LAO", "KHM", "VNM", 817, "MYS", "SGP", "IDN", "BRN", "PHL",
                "TLS")),
        Region("south-asia", "South Asia with China",
               ("IND", "PAK", "BGD", "LKA", "NPL", "BTN", "MDV", "AFG", "CHN")),
        Region("americas", "COW codes 2-165", cow_ranges=((2, 165),)),
        Region("europe", "COW codes 200-395 (Europe, with Russia)", cow_ranges=((200, 395),)),
        Region("africa", "COW codes 402-626", cow_ranges=((402, 626),)),
        Region("middle-east", "COW codes 630-698", cow_ranges=((630, 698),)),
        Region("world", "every COW system member", cow_ranges=((0, 999),)),
    ]
}

BACKTEST_REGIONS = ("asia-pacific", "europe", "middle-east", "americas", "africa")
"""The regions :mod:`alliancelab.align.backtest` solves (they do not overlap)."""


def region_names() -> list[str]:
    """Names of the presets."""
    return list(REGIONS)


def region_states(name: str, year: int) -> list[Country]:
    """The preset's states that are COW system members in ``year``, in preset order."""
    key = name.strip().casefold()
    if key not in REGIONS:
        raise UnknownNameError("region", name, region_names())
    region = REGIONS[key]
    if region.cow_ranges:
        codes = [c for c in system_members(year)
                 if any(lo <= c <= hi for lo, hi in region.cow_ranges)]
        return [resolve(c, year) for c in codes]
    alive = set(system_members(year))
    out: list[Country] = []
    for member in region.members:
        try:
            country = resolve(member, year)
        except AllianceLabError:  # not a state that year (e.g. Bangladesh before 1971)
            continue
        if country.ccode in alive and all(c.ccode != country.ccode for c in out):
            out.append(country)
    return out
