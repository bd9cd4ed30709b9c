"""The defence-pact network of a region, before and after a proposed treaty.

Nodes are the region's states; an edge joins two states when either has an ATOP 5.1
defence pledge to the other (ATOP ends in 2018: later years use 2018 and say so). The
proposed treaty adds an edge between every pair of its members. For each network:
density (edges over possible edges), Freeman's degree centralisation
``sum(max_degree - degree_i) / ((n - 1)(n - 2))`` (1 for a star, 0 when all degrees are
equal), and the hub: the state(s) with the highest degree, ties broken by betweenness.

References
----------
Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
*Social Networks* 1(3): 215-239.

Example
-------
>>> net = defence_network(["USA", "JPN", "KOR", "AUS", "PHL", "CHN", "PRK"], 2018,
...                       added_members=["JPN", "KOR", "AUS", "PHL", "USA"])
>>> net.metrics.loc["before", "hub"], int(net.metrics.loc["after", "edges"])
('USA', 11)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    add_caption,
    check_year,
    label_of,
    provenance,
    resolve_groups,
    source_note,
)
from alliancelab.assess.analogues import REGIONS
from alliancelab.data import Country, load, resolve
from alliancelab.data.countries import system_members
from alliancelab.errors import InputError

__all__ = ["REGION_SETS", "DefenceNetwork", "defence_network", "degree_centralisation",
           "network_figure"]

# Region names a user may give instead of a list (COW code blocks, see analogues.REGIONS).
REGION_SETS = {**{name: [span] for name, span in REGIONS.items()},
               "asia": [(700, 899)], "asia_pacific": [(700, 999)]}


@dataclass
class DefenceNetwork(Result):
    """Defence-pact network metrics before and after adding a treaty."""

    year: int
    states: list[Country]
    added_members: list[Country]
    metrics: pd.DataFrame
    edges_before: list[tuple[str, str]]
    new_edges: list[tuple[str, str]]
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Defence-pact network"

    def summary(self) -> pd.DataFrame:
        return self.metrics

    def graph(self, after: bool = True) -> nx.Graph:
        """The network as a networkx graph (labels as node names)."""
        g = nx.Graph()
        g.add_nodes_from(label_of(c) for c in self.states)
        g.add_edges_from(self.edges_before)
        if after:
            g.add_edges_from(self.new_edges)
        return g


def degree_centralisation(graph: nx.Graph) -> float:
    """Freeman's degree centralisation of an undirected graph; NaN below three nodes.

    >>> degree_centralisation(nx.star_graph(4)), degree_centralisation(nx.complete_graph(4))
    (1.0, 0.0)
    """
    n = graph.number_of_nodes()
    if n < 3:
        return float("nan")
    degrees = [d for _, d in graph.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def defence_network(region_states: Sequence[str | int] | str, year: int,
                    added_members: Sequence[str | int] = ()) -> DefenceNetwork:
    """The defence-pact network of ``region_states`` in ``year``, with and without a treaty.

    ``region_states`` is a list of states or a region name (``asia_pacific``, ``east_asia``,
    ``europe`` ...: COW code blocks, members of the state system that year). Treaty members
    outside the region are added to it, with a note.
    """
    year = check_year(year)
    prov = provenance("atop_alliance", year)
    notes = source_note(prov)
    if prov.year_used is None:
        raise InputError(f"ATOP starts in 1815; no defence network for {year}")
    states = _region(region_states, year, prov.year_used)
    added = resolve_groups(year, added=added_members)["added"] if added_members else []
    outside = [c for c in added if c.ccode not in {s.ccode for s in states}]
    if outside:
        notes.append(f"treaty members added to the region: "
                     f"{', '.join(label_of(c) for c in outside)}")
        states = states + outside
    labels = {c.ccode: label_of(c) for c in states}
    atop = load("atop_alliance")
    atop = atop[(atop.year == prov.year_used) & (atop.atop_defense == 1)
                & atop.ccode1.isin(labels) & atop.ccode2.isin(labels)]
    before = sorted({tuple(sorted((labels[a], labels[b])))
                     for a, b in zip(atop.ccode1, atop.ccode2, strict=True)})
    treaty = {tuple(sorted((labels[a.ccode], labels[b.ccode])))
              for a, b in itertools.combinations(added, 2)}
    new = sorted(treaty - set(before))
    net = DefenceNetwork(year, states, added, pd.DataFrame(), before, new, [prov], notes)
    net.metrics = pd.DataFrame([_metrics(net.graph(after=False)), _metrics(net.graph())],
                               index=["before", "after"])
    return net


def network_figure(result: DefenceNetwork) -> object:
    """Plotly drawing: existing defence pacts grey, the treaty's new links red."""
    import plotly.graph_objects as go

    g = result.graph(after=True)
    pos = nx.kamada_kawai_layout(g) if g.number_of_edges() else nx.circular_layout(g)
    fig = go.Figure()
    for edges, colour, name in ((result.edges_before, "#999999", "existing defence pact"),
                                (result.new_edges, "#d62728", "added by the treaty")):
        xs, ys = [], []
        for a, b in edges:
            xs += [pos[a][0], pos[b][0], None]
            ys += [pos[a][1], pos[b][1], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=name,
                                 line={"color": colour, "width": 2}, hoverinfo="skip"))
    nodes = list(g.nodes)
    members = {label_of(c) for c in result.added_members}
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        text=nodes, textposition="top center", name="states",
        marker={"size": [10 + 4 * g.degree(n) for n in nodes],
                "color": ["#1f77b4" if n in members else "#7f7f7f" for n in nodes]},
        hovertext=[f"{n}: degree {g.degree(n)}" for n in nodes], hoverinfo="text"))
    fig.update_layout(title="Defence-pact network",
                      xaxis={"visible": False}, yaxis={"visible": False})
    return add_caption(fig, result.sources)


# --- helpers -------------------------------------------------------------------------------

def _region(region: Sequence[str | int] | str, year: int, atop_year: int) -> list[Country]:
    if isinstance(region, str) and region.lower() in REGION_SETS:
        spans = REGION_SETS[region.lower()]
        codes = [c for c in system_members(atop_year)
                 if any(lo <= c <= hi for lo, hi in spans)]
        return [resolve(c, atop_year) for c in codes]
    if isinstance(region, str):
        region = [region]
    return resolve_groups(year, region=region)["region"]


def _metrics(g: nx.Graph) -> dict[str, object]:
    degree = dict(g.degree())
    between = nx.betweenness_centrality(g) if g.number_of_nodes() else {}
    top = max(degree.values(), default=0)
    tied = [n for n, d in degree.items() if d == top] if top > 0 else []
    best_b = max((between[n] for n in tied), default=0)
    hubs = sorted(n for n in tied if between[n] == best_b)
    return {"states": g.number_of_nodes(), "edges": g.number_of_edges(),
            "density": nx.density(g) if g.number_of_nodes() > 1 else float("nan"),
            "degree_centralisation": degree_centralisation(g),
            "hub": ", ".join(hubs) if hubs else "none", "hub_degree": top,
            "top_betweenness": _top(between)}


def _top(between: dict[str, float]) -> str:
    best = max(between.values(), default=0.0)
    if best <= 0:
        return "none"
    return ", ".join(sorted(n for n, b in between.items() if b == best))
