"""The heuristic solver: finds the exhaustive optimum, is reproducible, returns stable ends."""

from __future__ import annotations

import numba
import numpy as np
import pytest

from alliancelab.align.exact import solve_exact
from alliancelab.align.heuristic import solve_heuristic
from alliancelab.align.model import LandscapeProblem
from alliancelab.errors import InputError
from tests.align import brute


def _problem(s, p):
    return LandscapeProblem([f"a{i}" for i in range(len(s))], s, p)


def test_finds_the_exhaustive_global_minimum_for_99_percent_of_seeds_n24() -> None:
    """20 random n = 24 instances x 10 seeds each, default settings."""
    rng = np.random.default_rng(2024)
    found = runs = 0
    for instance in range(20):
        s, p = brute.random_instance(rng, 24, integer=instance % 2 == 0)
        prob = _problem(s, p)
        best = solve_exact(prob, basins=False).best
        for seed in range(10):
            runs += 1
            found += bool(solve_heuristic(prob, seed=seed).best.energy <= best.energy + 1e-12)
    assert found / runs >= 0.99, f"{found}/{runs}"


@pytest.mark.parametrize("k", [2, 3, 4])
def test_every_result_is_stable_and_counts_add_up(k: int) -> None:
    rng = np.random.default_rng(k)
    s, p = brute.random_instance(rng, 30, integer=False)
    prob = _problem(s, p)
    land = solve_heuristic(prob, k=k, restarts=40, seed=1)
    assert sum(a.basin_count for a in land.alignments) == 40
    for a in land.alignments:
        assert a.labels.max() < k and prob.is_stable(a.labels, k=k)
        assert a.energy == pytest.approx(brute.energy(s, p, a.labels), abs=1e-9)


def test_reproducible_for_a_seed_a_generator_and_any_thread_count() -> None:
    rng = np.random.default_rng(0)
    s, p = brute.random_instance(rng, 60, integer=False)
    prob = _problem(s, p)

    def key(land):
        return [(tuple(a.labels), a.basin_count) for a in land.alignments]

    first = key(solve_heuristic(prob, seed=42, restarts=16))
    assert key(solve_heuristic(prob, seed=42, restarts=16)) == first
    gen = key(solve_heuristic(prob, seed=np.random.default_rng(42), restarts=16))
    assert gen == first
    old = numba.get_num_threads()
    numba.set_num_threads(1)
    try:
        assert key(solve_heuristic(prob, seed=42, restarts=16)) == first
    finally:
        numba.set_num_threads(old)


def test_descent_strategy_estimates_the_exact_basins() -> None:
    """Random starts + steepest descent is the exact basins' sampling distribution."""
    rng = np.random.default_rng(8)
    s, p = brute.random_instance(rng, 14, integer=False)
    prob = _problem(s, p)
    exact = {tuple(a.labels): a.basin for a in solve_exact(prob)}
    draws = 20_000
    land = solve_heuristic(prob, strategy="descent", restarts=draws, seed=5)
    for a in land.alignments:
        share = exact[tuple(a.labels)]
        assert abs(a.basin - share) < 5 * np.sqrt(share * (1 - share) / draws) + 1e-3


def test_recovers_three_planted_blocs() -> None:
    blocs = np.repeat([0, 1, 2], 5)
    p = np.where(blocs[:, None] == blocs[None, :], 1.0, -1.0)
    np.fill_diagonal(p, 0)
    land = solve_heuristic(_problem(np.ones(15), p), k=3, restarts=16, seed=3)
    assert land.best.labels.tolist() == blocs.tolist()


def test_bad_settings_are_input_errors() -> None:
    prob = _problem([1, 1, 1], np.zeros((3, 3)))
    with pytest.raises(InputError, match="between 2 and 3"):
        solve_heuristic(prob, k=4)
    with pytest.raises(InputError, match="restarts must be >= 1"):
        solve_heuristic(prob, restarts=0)
    with pytest.raises(InputError, match="seed must be"):
        solve_heuristic(prob, seed="x")  # type: ignore[arg-type]
