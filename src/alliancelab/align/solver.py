"""One entry point for solving a landscape: exact when it is small enough, heuristic otherwise.

:func:`solve` dispatches on ``method``: ``"exact"`` (:func:`~alliancelab.align.exact.solve_exact`,
two coalitions, up to :data:`~alliancelab.align.exact.EXACT_LIMIT` actors), ``"heuristic"``
(:func:`~alliancelab.align.heuristic.solve_heuristic`, any size, ``k`` coalitions) or
``"auto"`` (exact with basins for two coalitions and at most :data:`AUTO_EXACT_MAX`
actors, else heuristic). The CLI, the report and notebooks all call this.

Example
-------
>>> from alliancelab.align.model import LandscapeProblem
>>> prob = LandscapeProblem(list("ABC"), [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> solve(prob).method, solve(prob, method="heuristic", seed=0).best.coalitions
('exact', (('A', 'B'), ('C',)))
"""

from __future__ import annotations

from typing import Literal

from alliancelab.align.exact import EXACT_LIMIT, solve_exact
from alliancelab.align.heuristic import Strategy, solve_heuristic
from alliancelab.align.model import LandscapeProblem
from alliancelab.align.result import Landscape
from alliancelab.errors import InputError
from alliancelab.seeds import Seed

__all__ = ["AUTO_EXACT_MAX", "METHODS", "solve"]

AUTO_EXACT_MAX = 26
"""``method="auto"`` solves exactly (with basins, a few seconds) up to this many actors."""

METHODS = ("auto", "exact", "heuristic")
Method = Literal["auto", "exact", "heuristic"]


def solve(
    problem: LandscapeProblem,
    method: Method = "auto",
    *,
    k: int = 2,
    basins: bool = True,
    restarts: int = 64,
    sweeps: int | None = None,
    strategy: Strategy = "anneal",
    seed: Seed = None,
    threads: int | None = None,
) -> Landscape:
    """Stable alignments of ``problem``, best first (see the module docstring for ``method``).

    ``basins``/``threads`` apply to the exact method; ``restarts``, ``sweeps``,
    ``strategy`` and ``seed`` to the heuristic; ``k`` > 2 needs the heuristic.
    """
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}", hint=f"use one of {', '.join(METHODS)}")
    if method == "auto":
        method = "exact" if k == 2 and problem.n <= AUTO_EXACT_MAX else "heuristic"
    if method == "exact":
        if k != 2:
            raise InputError(f"the exact method finds two-coalition alignments only (k = {k})",
                             hint="use the heuristic method for k > 2")
        if problem.n > EXACT_LIMIT:
            raise InputError(
                f"{problem.n} actors is too many for the exact method (limit {EXACT_LIMIT} "
                f"actors, 2**{EXACT_LIMIT - 1} configurations)",
                hint="use --method heuristic (method='heuristic')",
            )
        return solve_exact(problem, basins=basins, threads=threads)
    return solve_heuristic(problem, k=k, restarts=restarts, sweeps=sweeps, strategy=strategy,
                           seed=seed)
