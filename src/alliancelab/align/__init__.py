"""Landscape theory of aggregation (Axelrod & Bennett 1993): how a set of states would align.

Build a :class:`LandscapeProblem` from your own sizes and propensities
(:func:`read_problem` reads the CLI's two CSV files) or from the bundled data
(:func:`data_problem`, with region presets in :mod:`alliancelab.align.regions`); then
:func:`solve` it exactly (every stable two-coalition configuration and its basin, up to
:data:`EXACT_LIMIT` actors) or heuristically (any size, ``k`` coalitions). The result is a
:class:`Landscape` of :class:`Alignment` objects, best first, which renders itself as a
table, JSON, HTML or a map (:func:`alignment_map`). :mod:`alliancelab.align.backtest`
checks the data-driven model against history.

Example
-------
>>> from alliancelab.align import LandscapeProblem, solve
>>> prob = LandscapeProblem(["USA", "JPN", "CHN"], [1.0, 0.5, 1.0],
...                         [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> print(solve(prob).best.describe())
USA, JPN | CHN (E = -3, basin 100.0%)
"""

from __future__ import annotations

import importlib
from typing import Any

# Imported on first use, so that ``import alliancelab.align`` stays cheap for the CLI and
# the report (numba, pandas, plotly and the measures layer load only when needed).
_WHERE = {
    "AUTO_EXACT_MAX": "solver", "METHODS": "solver", "solve": "solver",
    "EXACT_LIMIT": "exact", "solve_exact": "exact",
    "solve_heuristic": "heuristic",
    "LandscapeProblem": "model",
    "Alignment": "result", "Landscape": "result",
    "COMPONENTS": "propensity", "Propensities": "propensity", "Weights": "propensity",
    "data_problem": "propensity", "propensities": "propensity",
    "REGIONS": "regions", "region_names": "regions", "region_states": "regions",
    "read_problem": "inputs",
    "alignment_map": "figure", "write_map_html": "figure",
    "run_backtest": "backtest", "write_backtest_doc": "backtest",
    "as_generator": "alliancelab.seeds",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'alliancelab.align' has no attribute {name!r}")
    where = _WHERE[name]
    module = where if where.startswith("alliancelab.") else f"alliancelab.align.{where}"
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "AUTO_EXACT_MAX",
    "COMPONENTS",
    "EXACT_LIMIT",
    "METHODS",
    "REGIONS",
    "Alignment",
    "Landscape",
    "LandscapeProblem",
    "Propensities",
    "Weights",
    "alignment_map",
    "as_generator",
    "data_problem",
    "propensities",
    "read_problem",
    "region_names",
    "region_states",
    "run_backtest",
    "solve",
    "solve_exact",
    "solve_heuristic",
    "write_backtest_doc",
    "write_map_html",
]
