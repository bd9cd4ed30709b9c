"""The map of an alignment: each actor coloured by its coalition, drawn offline.

:func:`alignment_map` turns one alignment of a :class:`~alliancelab.align.result.Landscape`
into a plotly figure through :func:`alliancelab.data.maps.map_figure` (Natural Earth
polygons as plain shapes, so it needs no network: plotly's own geo traces would fetch a
base map from a CDN). Actors are matched to countries by ISO3 code; actors that are not
countries (a researcher's own labels) are listed in the caption instead. The view is
centred and zoomed on the actors; hovering a country shows its coalition, size and
frustration. The caption names the datasets and years the landscape came from. The report
layer embeds the figure; :func:`write_map_html` writes a standalone offline HTML file.

Example
-------
>>> from alliancelab.align import LandscapeProblem, solve
>>> prob = LandscapeProblem(["USA", "JPN", "CHN", "RUS"], [1, 0.5, 1, 0.5],
...     [[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
>>> fig = alignment_map(solve(prob))
>>> sorted(t.name for t in fig.data if t.showlegend)
['bloc of CHN (2)', 'bloc of USA (2)', 'other']
"""

from __future__ import annotations

import os

import numpy as np
import plotly.graph_objects as go

from alliancelab.align.result import Alignment, Landscape
from alliancelab.data.maps import country_rings, map_figure

__all__ = ["BLOC_COLORS", "alignment_map", "write_map_html"]

BLOC_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
"""Okabe-Ito colours for coalitions (colour-blind safe), largest coalition first."""


def alignment_map(
    landscape: Landscape,
    rank: int = 1,
    title: str | None = None,
) -> go.Figure:
    """Map of the alignment ranked ``rank`` (1 = lowest energy) of ``landscape``."""
    alignment = _pick(landscape, rank)
    rings = country_rings()
    problem = landscape.problem
    sizes = dict(zip(problem.actors, problem.sizes, strict=True))
    frustration = alignment.frustration_by_actor()
    categories: dict[str, str] = {}
    colors: dict[str, str] = {}
    labels: dict[str, str] = {}
    for c, members in enumerate(alignment.coalitions):
        lead = max(members, key=lambda a: (sizes[a], -members.index(a)))
        name = f"bloc of {lead} ({len(members)})"
        colors[name] = BLOC_COLORS[c % len(BLOC_COLORS)]
        for actor in members:
            categories[actor] = name
            labels[actor] = (f"{name}; size {sizes[actor]:.4g}; "
                             f"frustration {frustration[actor]:.4g}")
    on_map = [a for a in problem.actors if a in rings]
    center, lon_range, lat_range = _view(on_map, rings)
    fig = map_figure(categories, colors=colors, title=title or _title(landscape, alignment),
                     labels=labels, lon_range=lon_range, lat_range=lat_range,
                     center_lon=center)
    caption = _caption(landscape, [a for a in problem.actors if a not in rings])
    if caption:
        fig.add_annotation(text=caption, xref="paper", yref="paper", x=0, y=-0.02,
                           xanchor="left", yanchor="top", showarrow=False,
                           font={"size": 10, "color": "#555"}, align="left")
        fig.update_layout(margin={"b": 60})
    return fig


def write_map_html(landscape: Landscape, path: str | os.PathLike[str], rank: int = 1) -> None:
    """Write :func:`alignment_map` as a standalone HTML file with plotly.js inlined."""
    from alliancelab.fileio import write_text

    html = alignment_map(landscape, rank).to_html(include_plotlyjs=True, full_html=True)
    write_text(path, html)


def _pick(landscape: Landscape, rank: int) -> Alignment:
    for a in landscape.alignments:
        if a.rank == rank:
            return a
    from alliancelab.errors import InputError

    raise InputError(f"no alignment ranked {rank}",
                     hint=f"ranks run from 1 to {len(landscape.alignments)}")


def _view(actors: list[str], rings) -> tuple[float, tuple[float, float] | None,
                                             tuple[float, float] | None]:
    """Centre longitude (0 or 150, whichever keeps the actors together) and the extent."""
    if not actors:
        return 0.0, None, None
    lons = np.concatenate([lon for a in actors for lon, _ in rings[a]])
    lats = np.concatenate([lat for a in actors for _, lat in rings[a]])
    best = None
    for center in (0.0, 150.0):
        rel = (lons - center + 180.0) % 360.0 - 180.0
        span = float(np.ptp(rel))
        if best is None or span < best[0] - 1e-9:
            best = (span, center, float(rel.min()), float(rel.max()))
    _, center, lo, hi = best
    lon_range = (max(center + lo - 8.0, center - 180.0), min(center + hi + 8.0, center + 180.0))
    lat_range = (max(float(lats.min()) - 6.0, -60.0), min(float(lats.max()) + 6.0, 85.0))
    return center, lon_range, lat_range


def _title(landscape: Landscape, alignment: Alignment) -> str:
    meta = landscape.problem.meta
    where = meta.get("region") or "Landscape"
    year = f" {meta['year']}" if meta.get("year") else ""
    basin = "" if alignment.basin is None else f", basin {100 * alignment.basin:.0f}%"
    added = meta.get("added") or []
    treaty = f" with {added[-1]['label']}" if added else ""
    return (f"{where}{year}{treaty}: alignment {alignment.rank} of {len(landscape)} "
            f"(E = {alignment.energy:.4g}{basin}, {landscape.method})")


def _caption(landscape: Landscape, off_map: list[str]) -> str:
    """Datasets as ``catalog-name version (year used)``, three to a line, then off-map actors."""
    meta = landscape.problem.meta
    used = [f"{v['source']} {v['version']} ({v['year_used'] or 'NA'})"
            for v in (meta.get("sources") or {}).values()]
    size = meta.get("size_source") or {}
    if size:
        used.append(f"sizes: {size['source']} {size['version']} ({size['year_used']})")
    used = list(dict.fromkeys(used))
    lines = ["; ".join(used[k:k + 3]) for k in range(0, len(used), 3)]
    if lines:
        lines[0] = "Data: " + lines[0]
    if off_map:
        lines.append("Not on the map: " + ", ".join(off_map))
    return "<br>".join(lines)
