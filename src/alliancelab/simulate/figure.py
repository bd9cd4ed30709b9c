"""Bar chart of a crisis: each state's probability of being drawn in, on each side.

:func:`side_figure` draws a :class:`~alliancelab.simulate.result.CascadeDistribution` as
horizontal stacked bars, one per state that some pledge could draw in (the original
parties are left out: they are at war for certain), the attackers' side in vermilion and
the target's side in blue (Okabe-Ito colours), most likely first, with 95 % binomial
intervals for Monte Carlo results. It uses only bar traces, so it renders offline (no
geo traces, which fetch a base map). The caption names the crisis, the method and the
honour rates with their sources. :func:`write_figure_html` writes a standalone HTML file
with plotly.js inlined.

Example
-------
>>> from alliancelab.simulate import crisis, exact
>>> fig = side_figure(exact(crisis("CHN", "PHL", where="south-china-sea", year=2018)))
>>> [t.name for t in fig.data], list(fig.data[1].y)[-1]
(['attacker side', 'target side'], 'USA')
"""

from __future__ import annotations

import os

import numpy as np
import plotly.graph_objects as go

from alliancelab.simulate.result import CascadeDistribution

__all__ = ["SIDE_COLORS", "side_figure", "write_figure_html"]

SIDE_COLORS = {"attacker side": "#D55E00", "target side": "#0072B2"}


def side_figure(dist: CascadeDistribution, top: int | None = 30,
                title: str | None = None) -> go.Figure:
    """Stacked bars of P(attacker side) and P(target side) for the ``top`` likeliest states."""
    from alliancelab.assess._common import light_style

    frame = dist.summary()
    frame = frame[frame["role"] == "ally"].head(top)[::-1]  # plotly draws bottom-up
    fig = go.Figure()
    for column, name in (("p_attacker_side", "attacker side"), ("p_target_side", "target side")):
        values = frame[column].to_numpy(dtype=float)
        error = None
        if dist.runs is not None:
            se = np.sqrt(values * (1 - values) / dist.runs)
            error = {"type": "data", "array": 1.96 * se, "visible": True, "thickness": 1}
        fig.add_bar(x=values, y=list(frame["state"]), orientation="h", name=name,
                    marker_color=SIDE_COLORS[name], error_x=error,
                    hovertext=[f"{n}: {100 * v:.1f}% on the {name}"
                               for n, v in zip(frame["name"], values, strict=True)],
                    hoverinfo="text")
    how = ("exact" if dist.runs is None else f"{dist.runs:,} Monte Carlo runs")
    fig.update_layout(
        barmode="stack", title=title or f"Who is drawn in: {dist.graph.describe()}",
        xaxis={"title": "probability", "range": [0, 1]},
        height=max(260, 60 + 24 * len(frame)), legend={"orientation": "h", "y": -0.12},
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
    )
    light_style(fig)
    caption = (f"{how}; P(honour): {dist.honour.describe()} "
               f"({_short(dist.honour.source.get('defense', ''))}); cannot-decide pledges: "
               f"{dist.policy[0]}")
    fig.add_annotation(text=caption, xref="paper", yref="paper", x=0, y=-0.3,
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 10, "color": "#555"})
    return fig


def write_figure_html(dist: CascadeDistribution, path: str | os.PathLike[str],
                      top: int | None = 30) -> None:
    """Write :func:`side_figure` as a standalone HTML file that opens offline."""
    from alliancelab.fileio import write_text

    write_text(path, side_figure(dist, top).to_html(include_plotlyjs=True, full_html=True))


def _short(citation: str) -> str:
    """'Berkemeier, M. and Fuhrmann, M. (2018). Reassessing...' -> 'Berkemeier and
    Fuhrmann 2018'; text without a year is returned as is."""
    head, sep, _ = citation.partition(").")
    if not sep or "(" not in head:
        return citation
    names, _, year = head.rpartition("(")
    authors = [a.split(",")[0].strip() for a in names.replace(" and ", ", ").split(".,")]
    authors = [a for a in authors if a and len(a) > 2]
    return f"{' and '.join(authors) if len(authors) < 3 else authors[0] + ' et al.'} {year}"
