"""Monte Carlo and exact probabilities: against brute force, reproducible, same on Dask."""

from __future__ import annotations

import math

import numpy as np
import pytest

from alliancelab.errors import InputError
from alliancelab.simulate import crisis, exact, monte_carlo
from alliancelab.simulate._dask import SchedulerError
from alliancelab.simulate.graph import ATTACKER, TARGET, completed
from alliancelab.simulate.montecarlo import EXACT_LIMIT
from tests.simulate.brute import brute_force, graph

RATES = {"defense": 0.41, "offense": 0.74}


def _assert_exact_matches(dist, truth):
    for k, state in enumerate(dist.states):
        for s in (ATTACKER, TARGET):
            assert dist.p_side[k, s - 1] == pytest.approx(truth.get((state, s), 0.0),
                                                          abs=1e-12), (state, s)


def _assert_within_binomial_error(mc, ex, z=4.5):
    for k in range(len(mc.states)):
        for s in range(2):
            p = ex.p_side[k, s]
            tol = z * math.sqrt(max(p * (1 - p), 0.0) / mc.runs) + 1e-9
            assert abs(mc.p_side[k, s] - p) <= tol, (mc.labels[k], s, mc.p_side[k, s], p)


@pytest.mark.parametrize(("homeland", "undecided"), [(False, "skip"), (True, "skip"),
                                                     (False, 0.3)])
def test_exact_and_monte_carlo_match_brute_force(homeland, undecided):
    """The library's exact enumeration equals a plain brute force over all 2^n honour
    decisions (n <= 12 pledges), and 20,000 Monte Carlo runs are within 4.5 standard
    errors of it for every state and side."""
    g = graph(homeland=homeland)
    usable = frozenset({"obliged"} if undecided == "skip" else {"obliged", "cannot-decide"})
    truth, lineups = brute_force(completed(g) if undecided != "skip" else g, RATES, usable,
                                 None if undecided == "skip" else undecided)
    ex = exact(g, undecided=undecided)
    _assert_exact_matches(ex, truth)
    assert ex.p_belligerents.sum() == pytest.approx(1.0)
    for attackers, targets, p, _ in ex.coalitions:
        assert p == pytest.approx(lineups[(frozenset(attackers), frozenset(targets))],
                                  abs=1e-12)
    ranked = sorted(lineups.values(), reverse=True)[:len(ex.coalitions)]
    assert [p for *_, p, _ in ex.coalitions] == pytest.approx(ranked, abs=1e-12)
    mc = monte_carlo(g, 20_000, seed=11, undecided=undecided)
    _assert_within_binomial_error(mc, ex)


def test_hand_computed_probabilities():
    """France is drawn in iff it honours its one pledge (0.41); Britain iff France is in
    and Britain honours (0.41^2); Armenia iff Belarus (0.74) and then Armenia (0.74)."""
    ex = exact(graph())
    assert ex.probability("FRA", "target") == pytest.approx(0.41)
    assert ex.probability("GBR", "target") == pytest.approx(0.41 ** 2)
    assert ex.probability("ARM", "attacker") == pytest.approx(0.74 ** 2)
    # Hungary: defence first; offence only if it refuses the defence pledge.
    assert ex.probability("HUN", "target") == pytest.approx(0.41)
    assert ex.probability("HUN", "attacker") == pytest.approx(0.59 * 0.74)
    assert ex.probability("KAZ") == 0.0


def test_real_data_probabilities_2018():
    """China attacks the Philippines in the South China Sea, 2018, real treaties only. The
    US is drawn in iff it honours 3210 (Berkemeier and Fuhrmann's defence rate, 0.41);
    Australia (ANZUS Art. IV: an attack on US forces in the Pacific) and Thailand (Manila
    Pact Art. IV(1), the treaty area) only after the US, each with its own 0.41. Exact
    enumeration gives these; 20,000 runs are within binomial error."""
    g = crisis("CHN", "PHL", where="south-china-sea", year=2018)
    ex = exact(g)
    assert ex.probability("USA", "target") == pytest.approx(0.41)
    assert ex.probability("AUS", "target") == pytest.approx(0.41 ** 2)
    assert ex.probability("THA", "target") == pytest.approx(0.41 ** 2)
    assert ex.expected_belligerents() == pytest.approx(2 + 0.41 + 2 * 0.41 ** 2)
    _assert_within_binomial_error(monte_carlo(g, 20_000, seed=3), ex)


def test_seeds_are_reproducible():
    g = graph()
    a = monte_carlo(g, 5_000, seed=5, chunk_size=1_000)
    b = monte_carlo(g, 5_000, seed=5, chunk_size=1_000)
    c = monte_carlo(g, 5_000, seed=6, chunk_size=1_000)
    assert (a.p_side == b.p_side).all() and a.coalitions == b.coalitions
    assert not (a.p_side == c.p_side).all()
    g1, g2 = np.random.default_rng(9), np.random.default_rng(9)
    x, y = monte_carlo(g, 2_000, seed=g1), monte_carlo(g, 2_000, seed=g2)
    assert (x.p_side == y.p_side).all()
    z = monte_carlo(g, 2_000, seed=g1)  # the generator moved on: a different stream
    assert not (x.p_side == z.p_side).all()
    fresh = monte_carlo(g, 2_000, seed=None)
    again = monte_carlo(g, 2_000, seed=int(fresh.seed_entropy))
    assert (fresh.p_side == again.p_side).all()


def test_threads_do_not_change_the_result():
    g = graph()
    one = monte_carlo(g, 6_000, seed=4, chunk_size=500, threads=1)
    two = monte_carlo(g, 6_000, seed=4, chunk_size=500, threads=2)
    assert one.backend == "numpy, 1 thread" and two.backend == "numpy, 2 threads"
    assert (one.p_side == two.p_side).all() and one.coalitions == two.coalitions


def test_runs_not_divisible_by_chunk_size():
    d = monte_carlo(graph(), 2_501, seed=1, chunk_size=1_000)
    assert d.runs == 2_501 and sum(r for *_, r in d.coalitions) <= 2_501
    assert d.p_belligerents.sum() == pytest.approx(1.0)


def test_local_and_dask_give_identical_results():
    """The same seed on a local Dask cluster of 2 worker processes gives exactly the
    in-process result: chunk i always draws from SeedSequence(seed).spawn(n)[i]."""
    g = crisis("CHN", "PHL", where="south-china-sea", year=2024, scenario="asian-nato")
    here = monte_carlo(g, 6_000, seed=0, chunk_size=1_000, scheduler="off")
    seen = []
    there = monte_carlo(g, 6_000, seed=0, chunk_size=1_000, scheduler="local", workers=2,
                        progress=seen.append)
    assert there.backend.startswith("dask:tcp://") and here.backend.startswith("numpy")
    assert (here.p_side == there.p_side).all()
    assert (here.p_belligerents == there.p_belligerents).all()
    assert here.coalitions == there.coalitions
    assert sorted(seen) == [1_000] * 6


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("alliancelab.simulate._dask.CONNECT_TIMEOUT", "0.5s")
    with pytest.raises(SchedulerError, match="cannot reach the Dask scheduler"):
        monte_carlo(graph(), 10, scheduler="tcp://127.0.0.1:9")
    with pytest.raises(SchedulerError):
        monte_carlo(graph(), 10, scheduler="no-port-here")


def test_setting_chooses_the_scheduler(monkeypatch):
    """ALLIANCELAB_DASK_SCHEDULER is used when no scheduler is given; 'off' overrides it."""
    from alliancelab.settings import get_settings

    monkeypatch.setattr("alliancelab.simulate._dask.CONNECT_TIMEOUT", "0.5s")
    monkeypatch.setenv("ALLIANCELAB_DASK_SCHEDULER", "tcp://127.0.0.1:9")
    get_settings.cache_clear()
    try:
        with pytest.raises(SchedulerError, match=r"127\.0\.0\.1:9"):
            monte_carlo(graph(), 10)
        assert monte_carlo(graph(), 10, scheduler="off").backend.startswith("numpy")
    finally:
        monkeypatch.delenv("ALLIANCELAB_DASK_SCHEDULER")
        get_settings.cache_clear()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"runs": 0}, "runs must be a whole number >= 1"),
    ({"runs": -5}, "runs must be"),
    ({"runs": 10, "chunk_size": 0}, "chunk_size must be"),
    ({"runs": 10, "seed": -1}, "seed must be >= 0"),
    ({"runs": 10, "seed": "abc"}, "seed must be an int"),
    ({"runs": 10, "honour": "defense=1.5"}, "between 0 and 1"),
    ({"runs": 10, "undecided": "maybe"}, "unknown policy"),
    ({"runs": 10, "scheduler": 42}, "scheduler must be"),
])
def test_bad_arguments(kwargs, message):
    with pytest.raises(InputError, match=message):
        monte_carlo(graph(), **kwargs)


def test_exact_refuses_too_many_pledges(monkeypatch):
    monkeypatch.setattr("alliancelab.simulate.montecarlo.EXACT_LIMIT", 3)
    with pytest.raises(InputError, match="too many to enumerate"):
        exact(graph())
    assert EXACT_LIMIT >= 20
