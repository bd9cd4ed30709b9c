"""World maps of states that work offline: Natural Earth polygons drawn as plain plotly shapes.

plotly's own geo maps download their base map from a CDN when a page opens, which breaks
an offline report. :func:`map_figure` instead draws each country of the bundled Natural
Earth 1:110m file as a filled polygon in an equal-area-looking projection (Equal Earth), so
a report works with no network at all. Countries are joined on ``ADM0_A3`` (ISO3 is -99
for Norway, Kosovo, N. Cyprus and Somaliland).

Example
-------
>>> fig = map_figure({"JPN": "member", "CHN": "rival"}, title="Asian NATO")
>>> sorted({t.name for t in fig.data if t.showlegend})
['member', 'other', 'rival']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import numpy as np

from alliancelab.data.catalog import derived, get_source

__all__ = ["DEFAULT_COLORS", "country_rings", "equal_earth", "map_figure"]

DEFAULT_COLORS = {
    "member": "#1f5fa8",
    "rival": "#c0392b",
    "candidate": "#5aa0e0",
    "other": "#d9d9d9",
}
# Natural Earth codes that differ from ISO 3166 alpha-3 where users will type ISO.
_ADM0_TO_ISO = {"SDS": "SSD", "KOS": "XKX", "PSX": "PSE", "SAH": "ESH"}


@derived
def country_rings() -> dict[str, list[tuple[np.ndarray, np.ndarray]]]:
    """ISO3 code -> list of (lon, lat) outer rings of that country's polygons."""
    features = json.loads(get_source("natural_earth").path().read_text())["features"]
    rings: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for feature in features:
        code = feature["properties"]["ADM0_A3"]
        code = _ADM0_TO_ISO.get(code, code)
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = np.asarray(polygon[0], dtype=float)
            rings.setdefault(code, []).append((ring[:, 0], ring[:, 1]))
    return rings


def equal_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Equal Earth projection (Šavrič, Patterson & Jenny 2018), unit sphere.

    >>> x, y = equal_earth(np.array([0.0]), np.array([0.0]))
    >>> float(x[0]), float(y[0])
    (0.0, 0.0)
    """
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = np.sqrt(3) / 2
    theta = np.arcsin(m * np.sin(np.radians(lat)))
    t2 = theta**2
    t6 = t2**3
    x = np.radians(lon) * np.cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


def map_figure(
    categories: Mapping[str, str],
    colors: Mapping[str, str] | None = None,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lon_range: tuple[float, float] | None = None,
    lat_range: tuple[float, float] | None = None,
    center_lon: float = 0.0,
) -> Any:
    """A world map colouring each ISO3 code by its category (others are "other").

    ``labels`` adds hover text per country; ``lon_range``/``lat_range`` (degrees east of
    ``center_lon``'s meridian, before centring) zoom the view; ``center_lon=150`` centres
    the map on the Pacific.
    """
    import plotly.graph_objects as go

    palette = {**DEFAULT_COLORS, **(colors or {})}
    fig = go.Figure()
    order = [*dict.fromkeys([*categories.values(), "other"])]
    for category in order:
        codes = [c for c in country_rings() if categories.get(c, "other") == category]
        xs, ys, texts = _outline(codes, category, labels or {}, center_lon)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", name=category, text=texts,
            hoverinfo="text", line={"color": "white", "width": 0.5},
            fillcolor=palette.get(category, "#999999"), showlegend=bool(codes),
        ))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    if lon_range or lat_range:
        lo, hi = lon_range or (-180.0, 180.0)
        s, n = lat_range or (-60.0, 85.0)
        x, y = equal_earth(np.array([lo, hi, lo, hi]) - center_lon, np.array([s, s, n, n]))
        fig.update_xaxes(range=[float(x.min()), float(x.max())])
        fig.update_yaxes(range=[float(y.min()), float(y.max())])
    fig.update_layout(title=title, plot_bgcolor="#eef3f8", margin={"l": 10, "r": 10, "t": 40,
                                                                   "b": 10}, legend_title=None)
    return fig


def _outline(codes: list[str], category: str, labels: Mapping[str, str], center: float
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Projected x, y of every ring of ``codes``, NaN between rings, and hover texts.

    Arrays rather than lists: plotly validates lists element by element, which made the
    map the slowest part of a report.
    """
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    texts: list[np.ndarray] = []
    gap = np.array([np.nan])
    for code in codes:
        hover = f"{code}: {labels.get(code, category)}"
        for lon, lat in country_rings()[code]:
            for part_lon, part_lat in _recentred(lon, lat, center):
                x, y = equal_earth(part_lon, part_lat)
                xs += [x, gap]
                ys += [y, gap]
                texts.append(np.full(len(x) + 1, hover, dtype=object))
    if not xs:
        return np.array([]), np.array([]), np.array([], dtype=object)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(texts)


def _recentred(lon: np.ndarray, lat: np.ndarray, center: float
               ) -> list[tuple[np.ndarray, np.ndarray]]:
    """The ring with longitudes relative to ``center``, cut where it crosses the new edge."""
    if center == 0.0:
        return [(lon, lat)]
    shifted = (lon - center + 180.0) % 360.0 - 180.0
    cuts = np.flatnonzero(np.abs(np.diff(shifted)) > 180.0) + 1
    return [(a, b) for a, b in zip(np.split(shifted, cuts), np.split(lat, cuts), strict=True)
            if len(a) > 2]
