"""Heuristic landscape solver for many actors: seeded multi-start annealing plus exact descent.

For landscapes beyond exhaustive reach (every state in the system, ~190 actors) or with
more than two coalitions, :func:`solve_heuristic` runs ``restarts`` independent searches,
each from a random configuration: simulated annealing (Metropolis moves of one actor to
another coalition, geometric cooling over ``sweeps`` sweeps of ``n`` proposals) followed
by steepest descent in exact integer arithmetic, so every result is a stable
configuration by the same test the exact solver uses. With ``strategy="descent"`` the
annealing is skipped: each restart is a plain steepest descent from a uniformly random
start, and (for two coalitions) the share of restarts ending at a configuration is an
unbiased estimate of its exact basin share.

The restarts run in parallel (numba ``prange``); each gets its own 64-bit seed drawn from
the caller's ``seed`` (:mod:`alliancelab.seeds`), so results are reproducible and
independent of the number of threads. Distinct end configurations are returned best
first, with how many restarts ended there (``basin`` = that share).

Steepest descent with ``k`` coalitions: the single move (actor, coalition) that lowers E
most is made, ties to the lowest actor index then the lowest coalition, until no move
lowers E. Moving into an empty coalition counts as a move.

Example
-------
>>> from alliancelab.align.model import LandscapeProblem
>>> prob = LandscapeProblem(list("ABCD"), [1, 1, 1, 1],
...     [[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
>>> land = solve_heuristic(prob, restarts=8, seed=1)
>>> land.best.coalitions, land.best.energy
((('A', 'B'), ('C', 'D')), -8.0)
"""

from __future__ import annotations

import time
from typing import Literal

import numpy as np
from numba import njit, prange

from alliancelab.align.model import LandscapeProblem
from alliancelab.align.result import Landscape, canonical_labels, make_alignments
from alliancelab.errors import InputError
from alliancelab.seeds import Seed, as_generator, restart_seeds

__all__ = ["default_sweeps", "solve_heuristic"]

Strategy = Literal["anneal", "descent"]


def default_sweeps(n: int) -> int:
    """Annealing sweeps used when none are given: ``max(100, 2 n)``."""
    return max(100, 2 * n)


def solve_heuristic(
    problem: LandscapeProblem,
    *,
    k: int = 2,
    restarts: int = 64,
    sweeps: int | None = None,
    strategy: Strategy = "anneal",
    seed: Seed = None,
) -> Landscape:
    """Distinct stable configurations found by ``restarts`` seeded searches, best first.

    Parameters
    ----------
    problem
        The landscape (any ``n >= 2``).
    k
        Maximum number of coalitions (2 to n).
    restarts
        Independent searches; each ends at a stable configuration.
    sweeps
        Annealing sweeps of ``n`` proposals each (default :func:`default_sweeps`).
    strategy
        ``"anneal"`` (default) or ``"descent"`` (random start, steepest descent only).
    seed
        int, numpy Generator or None.

    Returns
    -------
    Landscape
        ``method="heuristic"``; each alignment's ``basin`` is the share of restarts that
        ended there, ``basin_count`` the number.
    """
    n = problem.n
    if not 2 <= k <= n:
        raise InputError(f"k (the number of coalitions) must be between 2 and {n}, got {k}")
    if restarts < 1:
        raise InputError(f"restarts must be >= 1, got {restarts}")
    if strategy not in ("anneal", "descent"):
        raise InputError(f"unknown strategy {strategy!r}", hint="use 'anneal' or 'descent'")
    sweeps = default_sweeps(n) if sweeps is None else int(sweeps)
    if sweeps < 0:
        raise InputError(f"sweeps must be >= 0, got {sweeps}")
    if strategy == "descent":
        sweeps = 0
    rng = as_generator(seed)
    seeds = restart_seeds(rng, restarts)
    wf = np.ascontiguousarray(problem.weights())
    wq, _ = problem.integer_weights()
    t_hot, t_cold = _temperatures(wf)
    started = time.perf_counter()
    ends = _run_restarts(wf, wq, k, seeds, sweeps, t_hot, t_cold)
    ends = canonical_labels(ends)
    distinct, counts = np.unique(ends, axis=0, return_counts=True)
    alignments = make_alignments(problem, distinct, counts=counts, total=restarts)
    return Landscape(
        problem=problem,
        alignments=alignments,
        method="heuristic",
        explored=restarts,
        seconds=time.perf_counter() - started,
        details={
            "strategy": strategy,
            "k": k,
            "restarts": restarts,
            "sweeps": sweeps,
            "temperatures": [t_hot, t_cold],
            "seed": seed if isinstance(seed, int) else None,
            "basin_rule": ("share of restarts ending here (annealing + steepest descent)"
                           if strategy == "anneal" else
                           "share of random starts whose steepest descent ends here"),
        },
    )


def _temperatures(wf: np.ndarray) -> tuple[float, float]:
    """Start and end temperatures from the typical size of a single move's |dE|."""
    reach = 2.0 * np.abs(wf).sum(axis=1)
    positive = reach[reach > 0]
    if positive.size == 0:
        return 1.0, 1e-3
    hot = float(np.median(positive)) * 0.5
    return hot, hot * 1e-3


def _run_restarts(wf, wq, k, seeds, sweeps, t_hot, t_cold) -> np.ndarray:
    return _restarts_kernel(wf, np.ascontiguousarray(wq, dtype=np.int64), int(k), seeds,
                            int(sweeps), float(t_hot), float(t_cold))


@njit(cache=True, inline="always")
def _next(state):  # pragma: no cover - compiled
    """splitmix64: the next 64-bit output of a one-word generator."""
    state[0] += np.uint64(0x9E3779B97F4A7C15)
    z = state[0]
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@njit(cache=True, inline="always")
def _uniform(state):  # pragma: no cover - compiled
    return float(_next(state) >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@njit(cache=True, inline="always")
def _below(state, m):  # pragma: no cover - compiled
    return np.int64(_next(state) % np.uint64(m))


@njit(cache=True)
def _descend(wq, lab, k):  # pragma: no cover - compiled
    """Steepest descent with k coalitions in integers (ties: lowest actor, then coalition)."""
    n = wq.shape[0]
    field = np.zeros((k, n), dtype=np.int64)  # field[c, i] = sum_{j in c} W_ij
    for j in range(n):
        c = lab[j]
        for i in range(n):
            field[c, i] += wq[j, i]
    while True:
        best = np.int64(0)
        bi = -1
        bc = -1
        for i in range(n):
            own = field[lab[i], i]
            for c in range(k):
                gain = field[c, i] - own
                if gain > best:
                    best = gain
                    bi = i
                    bc = c
        if bi < 0:
            return
        a = lab[bi]
        lab[bi] = bc
        for j in range(n):
            field[a, j] -= wq[bi, j]
            field[bc, j] += wq[bi, j]


@njit(cache=True)
def _anneal(wf, lab, k, state, sweeps, t_hot, t_cold):  # pragma: no cover - compiled
    n = wf.shape[0]
    field = np.zeros((k, n))
    for j in range(n):
        c = lab[j]
        for i in range(n):
            field[c, i] += wf[j, i]
    ratio = t_cold / t_hot
    for sweep in range(sweeps):
        temp = t_hot * ratio ** (sweep / max(sweeps - 1, 1))
        for _ in range(n):
            i = _below(state, n)
            a = lab[i]
            b = _below(state, k - 1)
            if b >= a:
                b += 1
            delta = 2.0 * (field[a, i] - field[b, i])
            if delta <= 0.0 or _uniform(state) < np.exp(-delta / temp):
                lab[i] = b
                for j in range(n):
                    field[a, j] -= wf[i, j]
                    field[b, j] += wf[i, j]


@njit(parallel=True, cache=True)
def _restarts_kernel(wf, wq, k, seeds, sweeps, t_hot, t_cold):  # pragma: no cover - compiled
    n = wf.shape[0]
    out = np.empty((seeds.size, n), dtype=np.int64)
    for r in prange(seeds.size):
        state = np.empty(1, dtype=np.uint64)
        state[0] = np.uint64(seeds[r])
        lab = np.empty(n, dtype=np.int64)
        for i in range(n):
            lab[i] = _below(state, k)
        if sweeps > 0:
            _anneal(wf, lab, k, state, sweeps, t_hot, t_cold)
        _descend(wq, lab, k)
        out[r, :] = lab
    return out
