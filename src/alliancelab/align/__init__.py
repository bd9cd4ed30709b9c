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

from alliancelab.align._random import as_generator
from alliancelab.align.exact import EXACT_LIMIT, solve_exact
from alliancelab.align.heuristic import solve_heuristic
from alliancelab.align.model import LandscapeProblem
from alliancelab.align.result import Alignment, Landscape
from alliancelab.align.solve import AUTO_EXACT_MAX, METHODS, solve

__all__ = [
    "AUTO_EXACT_MAX",
    "EXACT_LIMIT",
    "METHODS",
    "Alignment",
    "Landscape",
    "LandscapeProblem",
    "as_generator",
    "solve",
    "solve_exact",
    "solve_heuristic",
]
