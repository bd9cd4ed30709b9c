"""Region presets resolve to the states that existed in the year (COW system membership)."""

from __future__ import annotations

import pytest

from alliancelab.align.regions import REGIONS, region_names, region_states
from alliancelab.errors import UnknownNameError


def test_states_follow_the_state_system() -> None:
    """COW: Bangladesh from 1971, South Vietnam (817) 1954-1975, Brunei from 1984."""
    y1965 = [c.ccode for c in region_states("asia-pacific", 1965)]
    y1980 = [c.ccode for c in region_states("asia-pacific", 1980)]
    assert 771 not in y1965 and 771 in y1980
    assert 817 in y1965 and 817 not in y1980
    assert 835 not in y1980 and 835 in [c.ccode for c in region_states("asia-pacific", 1990)]
    assert len(region_states("asia-pacific", 2023)) == 26


def test_code_range_regions_partition_the_system() -> None:
    """Americas, Europe, Africa, Middle East and Asia-Oceania (700+) cover every member."""
    year = 2010
    world = {c.ccode for c in region_states("world", year)}
    parts = [{c.ccode for c in region_states(r, year)}
             for r in ("americas", "europe", "africa", "middle-east")]
    asia = {c for c in world if c >= 700}
    assert sum(len(p) for p in parts) + len(asia) == len(world)
    assert set().union(*parts, asia) == world


def test_unknown_region_suggests_the_closest() -> None:
    with pytest.raises(UnknownNameError, match="did you mean: asia-pacific"):
        region_states("asia-pacifc", 2023)
    assert set(region_names()) == set(REGIONS)
