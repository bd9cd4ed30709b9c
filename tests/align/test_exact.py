"""The exact solver against brute force: every stable configuration, the minimum, the basins."""

from __future__ import annotations

import numpy as np
import pytest

from alliancelab.align.exact import (
    EXACT_LIMIT,
    basin_counts,
    count_configurations,
    enumerate_stable,
    solve_exact,
)
from alliancelab.align.model import LandscapeProblem
from alliancelab.errors import InputError
from tests.align import brute


def _problem(s, p):
    return LandscapeProblem([f"a{i}" for i in range(len(s))], s, p)


@pytest.mark.parametrize("seed", range(16))
def test_stable_configurations_minimum_and_basins_match_brute_force(seed: int) -> None:
    """Random instances n <= 12; even seeds integer-valued (exact ties, zero sizes)."""
    rng = np.random.default_rng(1000 + seed)
    n = int(rng.integers(2, 12)) if seed % 4 else 12
    s, p = brute.random_instance(rng, n, integer=seed % 2 == 0)
    land = solve_exact(_problem(s, p))
    configs = list(brute.all_two_coalition(n))
    stable = {c for c in configs if brute.is_stable(s, p, c)}
    assert {tuple(a.labels) for a in land.alignments} == stable
    energies = [brute.energy(s, p, c) for c in configs]
    assert land.best.energy == pytest.approx(min(energies), abs=1e-9)
    ends: dict[tuple[int, ...], int] = {}
    for c in configs:
        end = brute.canonical(brute.descend(s, p, c))
        ends[end] = ends.get(end, 0) + 1
    assert {tuple(a.labels): a.basin_count for a in land.alignments} == {
        c: ends.get(c, 0) for c in stable}
    assert sum(a.basin for a in land.alignments) == pytest.approx(1.0)
    assert [a.energy for a in land.alignments] == sorted(a.energy for a in land.alignments)


@pytest.mark.parametrize("n", [16, 20])
def test_bitset_search_agrees_with_plain_numpy_enumeration(n: int) -> None:
    """Beyond brute force: every configuration's stability by vectorised numpy."""
    rng = np.random.default_rng(n)
    s, p = brute.random_instance(rng, n, integer=True)
    prob = _problem(s, p)
    wq, _ = prob.integer_weights()
    x = np.arange(count_configurations(n), dtype=np.int64)
    sigma = 1 - 2 * ((x[:, None] >> np.arange(n)) & 1)
    gains = sigma * (sigma @ wq)  # sigma_i h_i for every configuration
    expected = x[(gains >= 0).all(axis=1)]
    np.testing.assert_array_equal(enumerate_stable(wq), expected)
    counts = basin_counts(wq, expected)
    assert counts.sum() == count_configurations(n) and (counts >= 1).all()


def test_basins_match_python_descent_on_a_sample_n20() -> None:
    rng = np.random.default_rng(7)
    s, p = brute.random_instance(rng, 20, integer=False)
    prob = _problem(s, p)
    land = solve_exact(prob)
    share = {tuple(a.labels): a.basin for a in land.alignments}
    starts = rng.integers(0, 2, size=(3000, 20))
    hits: dict[tuple[int, ...], int] = {}
    for start in starts:
        end = brute.canonical(prob.descend(start).tolist())
        hits[end] = hits.get(end, 0) + 1
    assert set(hits) <= set(share)
    for config, count in hits.items():  # 3000 draws: within 5 standard errors
        se = np.sqrt(share[config] * (1 - share[config]) / 3000)
        assert abs(count / 3000 - share[config]) < 5 * se + 1e-3


def test_limits_and_flat_landscapes_are_clear_errors() -> None:
    n = EXACT_LIMIT + 1
    prob = _problem(np.ones(n), np.zeros((n, n)))
    with pytest.raises(InputError, match=f"limit {EXACT_LIMIT}.*heuristic"):
        solve_exact(prob)
    flat = _problem(np.ones(12), np.zeros((12, 12)))  # every configuration is stable
    with pytest.raises(InputError, match="2,048 stable configurations"):
        solve_exact(flat, max_stable=1000)


def test_one_thread_and_two_threads_agree() -> None:
    rng = np.random.default_rng(11)
    s, p = brute.random_instance(rng, 22, integer=False)
    prob = _problem(s, p)
    one, two = solve_exact(prob, threads=1), solve_exact(prob, threads=2)
    assert [tuple(a.labels) for a in one] == [tuple(a.labels) for a in two]
    assert [a.basin_count for a in one] == [a.basin_count for a in two]
