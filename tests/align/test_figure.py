"""The alignment map: one colour per coalition, offline shapes only, provenance caption."""

from __future__ import annotations

from alliancelab.align import LandscapeProblem, solve
from alliancelab.align.figure import BLOC_COLORS, alignment_map, write_map_html


def _landscape():
    prob = LandscapeProblem(["USA", "JPN", "CHN", "RUS", "Atlantis"], [1, 0.5, 1, 0.5, 0.1],
                            [[0, 1, -1, -1, 0], [1, 0, -1, -1, 0], [-1, -1, 0, 1, 0],
                             [-1, -1, 1, 0, 1], [0, 0, 0, 1, 0]])
    return solve(prob, method="exact")


def test_map_colours_each_coalition_and_lists_actors_off_the_map() -> None:
    land = _landscape()
    fig = alignment_map(land)
    legend = {t.name: t.fillcolor for t in fig.data if t.showlegend}
    # CHN + RUS + Atlantis (1.6) outweigh USA + JPN (1.5): the larger bloc gets colour 0
    assert legend["bloc of CHN (3)"] == BLOC_COLORS[0]
    assert legend["bloc of USA (2)"] == BLOC_COLORS[1]
    # offline: plain cartesian shapes, no plotly geo traces that fetch a CDN base map
    assert {t.type for t in fig.data} == {"scatter"}
    assert "Not on the map: Atlantis" in fig.layout.annotations[0].text
    hover = next(t for t in fig.data if t.name == "bloc of USA (2)").text
    assert any("JPN: bloc of USA (2); size 0.5" in h for h in hover if h)


def test_standalone_html_inlines_plotly(tmp_path) -> None:
    out = tmp_path / "map.html"
    write_map_html(_landscape(), out)
    text = out.read_text()
    assert "plotly.js v" in text and '<script src="https://cdn.plot.ly' not in text
