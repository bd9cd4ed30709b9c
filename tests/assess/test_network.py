"""Defence-pact network: Freeman centralisation by hand and brute force; edges from raw ATOP."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from alliancelab.assess.network import defence_network, degree_centralisation, network_figure
from alliancelab.data import get_source

REGION = ["USA", "JPN", "KOR", "AUS", "PHL", "CHN", "PRK", "RUS", "IND", "TWN"]
CCODES = {"USA": 2, "JPN": 740, "KOR": 732, "AUS": 900, "PHL": 840, "CHN": 710, "PRK": 731,
          "RUS": 365, "IND": 750, "TWN": 713}
CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]


def test_freeman_by_hand() -> None:
    """Star: 1; complete graph: 0; path of four nodes (degrees 1 2 2 1): (1+0+0+1)/(3*2)."""
    assert degree_centralisation(nx.star_graph(5)) == 1.0
    assert degree_centralisation(nx.complete_graph(5)) == 0.0
    assert degree_centralisation(nx.path_graph(4)) == pytest.approx(1 / 3)
    assert np.isnan(degree_centralisation(nx.path_graph(2)))


@pytest.mark.parametrize("seed", range(10))
def test_freeman_matches_normalised_degree_centrality(seed: int) -> None:
    """Freeman's index from networkx's normalised degree centralities: sum(max - c)/(n-2)."""
    g = nx.gnp_random_graph(8, 0.35, seed=seed)
    c = nx.degree_centrality(g)
    expected = sum(max(c.values()) - v for v in c.values()) / (len(g) - 2)
    assert degree_centralisation(g) == pytest.approx(expected)


@pytest.fixture(scope="module")
def net():
    return defence_network(REGION, 2024, added_members=CORE)


def test_edges_density_and_hub_from_raw_atop(net) -> None:
    """ATOP 5.1, 2018: US defence pledges to Japan, Korea, Australia, the Philippines;
    China-North Korea (treaty 3445). The treaty adds the six missing links among the five."""
    raw = pd.read_parquet(get_source("atop_alliance").path())
    raw = raw[(raw.year == 2018) & (raw.atop_defense == 1)]
    codes = set(CCODES.values())
    raw = raw[raw.ccode1.isin(codes) & raw.ccode2.isin(codes)]
    back = {v: k for k, v in CCODES.items()}
    expected = {tuple(sorted((back[a], back[b]))) for a, b in zip(raw.ccode1, raw.ccode2,
                                                                   strict=True)}
    assert set(net.edges_before) == expected
    assert ("CHN", "PRK") in expected and ("JPN", "USA") in expected
    n = len(REGION)
    before, after = net.metrics.loc["before"], net.metrics.loc["after"]
    assert before.density == pytest.approx(2 * len(expected) / (n * (n - 1)))
    assert after.edges == len(expected | {tuple(sorted(p)) for p in
                                          [(a, b) for a in CORE for b in CORE if a < b]})
    assert before.hub == "USA" and before.hub_degree == 4
    assert after.hub == "AUS, JPN, KOR, PHL, USA"  # all five now tied on degree 4
    assert after.degree_centralisation < before.degree_centralisation
    assert any("2018 used for 2024" in note for note in net.notes)


def test_region_by_name_and_outside_members() -> None:
    net = defence_network("east_asia", 2018, added_members=["JPN", "KOR", "USA"])
    labels = {c.iso3 for c in net.states}
    assert {"CHN", "JPN", "KOR", "PRK", "TWN", "MNG"} <= labels and "USA" in labels
    assert any("added to the region: USA" in n for n in net.notes)


def test_figure_and_json(net) -> None:
    fig = network_figure(net)
    assert [t.name for t in fig.data] == ["existing defence pact", "added by the treaty",
                                         "states"]
    assert fig.data[1].line.color == "#d62728"
    assert "ATOP directed dyad-years 5.1 [atop_alliance], 2018" in fig.layout.annotations[0].text
    d = json.loads(json.dumps(net.to_dict()))
    assert d["metrics"][1]["index"] == "after" and d["metrics"][1]["edges"] == 11
