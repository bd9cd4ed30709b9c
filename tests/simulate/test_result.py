"""Result objects render themselves: DataFrames, JSON-safe dicts, HTML, an offline figure."""

from __future__ import annotations

import json

import pytest

from alliancelab.simulate import exact, monte_carlo
from alliancelab.simulate.figure import side_figure, write_figure_html
from tests.simulate.brute import graph


@pytest.fixture(scope="module")
def dist():
    return monte_carlo(graph(), 4_000, seed=2)


def test_summary_tables(dist):
    frame = dist.summary()
    assert list(frame.columns) == ["state", "name", "role", "p_attacker_side",
                                   "p_target_side", "p_drawn_in", "se"]
    assert list(frame["state"][:2]) == ["RUS", "DEU"]
    allies = frame[frame["role"] == "ally"]
    assert allies["p_drawn_in"].is_monotonic_decreasing
    assert ((allies["p_attacker_side"] + allies["p_target_side"]) <= 1).all()
    bell = dist.belligerents_table()
    assert bell["runs"].sum() == 4_000 and bell["belligerents"].min() == 2
    coal = dist.coalitions_table(3)
    assert len(coal) == 3 and coal["probability"].is_monotonic_decreasing
    assert "se" not in exact(graph()).summary().columns


def test_to_dict_is_json_safe_and_cites_its_rates(dist):
    d = dist.to_dict()
    text = json.dumps(d)
    assert "NaN" not in text
    assert d["method"] == "monte-carlo" and d["runs"] == 4_000 and d["seed_entropy"] == 2
    assert d["undecided_skipped"] == 1 and d["pledges"] == 9  # 10 less the cannot-decide one
    assert any("Berkemeier" in n for n in d["notes"])
    assert d["coalitions"][0]["runs"] > 0
    assert json.dumps(exact(graph()).to_dict())


def test_html_and_figure(dist, tmp_path):
    page = dist._repr_html_()
    assert "<table" in page and "Most likely coalitions" in page
    fig = side_figure(dist)
    assert [t.type for t in fig.data] == ["bar", "bar"]
    assert "RUS" not in fig.data[0].y and "FRA" in fig.data[0].y
    fra = list(fig.data[1].y).index("FRA")
    assert fig.data[1].x[fra] == pytest.approx(dist.probability("FRA", "target"))
    assert fig.data[1].error_x.array is not None
    write_figure_html(dist, tmp_path / "f.html")
    assert "plotly.js v" in (tmp_path / "f.html").read_text()
