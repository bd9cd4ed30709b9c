"""Offline world maps from the bundled Natural Earth file."""

from __future__ import annotations

import numpy as np

from alliancelab.data.maps import country_rings, equal_earth, map_figure


def test_every_natural_earth_country_has_rings() -> None:
    rings = country_rings()
    assert len(rings) == 177  # features in Natural Earth 1:110m v4.1.0
    assert {"NOR", "JPN", "PHL", "KOR", "PRK", "TWN"} <= set(rings)  # NOR has ISO_A3 -99


def test_equal_earth_reference_point() -> None:
    """Šavrič et al. (2018): the projection's x extent at the equator is ±2.7064 (unit sphere)."""
    x, _ = equal_earth(np.array([180.0]), np.array([0.0]))
    assert abs(float(x[0]) - 2.7064) < 1e-3


def test_map_colours_by_category_and_needs_no_network() -> None:
    fig = map_figure({"JPN": "member", "CHN": "rival"}, center_lon=150)
    names = [t.name for t in fig.data if t.showlegend]
    assert names == ["member", "rival", "other"]
    assert "cdn" not in fig.to_json() and "topojson" not in fig.to_json()
