"""The landscape model: energy, frustration and stability against their definitions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancelab.align.model import LandscapeProblem
from alliancelab.errors import InputError
from tests.align import brute


def _problem(s, p):
    return LandscapeProblem([f"a{i}" for i in range(len(s))], s, p)


@pytest.mark.parametrize("seed", range(12))
def test_energy_frustration_and_stability_match_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    k = int(rng.integers(2, 4))
    s, p = brute.random_instance(rng, n, integer=seed % 2 == 0)
    prob = _problem(s, p)
    for _ in range(20):
        labels = rng.integers(0, k, size=n)
        assert prob.energy(labels) == pytest.approx(brute.energy(s, p, labels), abs=1e-9)
        np.testing.assert_allclose(prob.frustration(labels), brute.frustration(s, p, labels),
                                   atol=1e-9)
        # E = sum_i s_i F_i
        assert prob.energy(labels) == pytest.approx(float(s @ prob.frustration(labels)),
                                                    abs=1e-9)
        assert prob.is_stable(labels, k=k) == brute.is_stable(s, p, labels, k=k)


def test_stability_over_every_configuration_n12() -> None:
    """All 2**11 two-coalition configurations of one n = 12 instance, integer ties included."""
    rng = np.random.default_rng(99)
    s, p = brute.random_instance(rng, 12, integer=True)
    prob = _problem(s, p)
    stable = [c for c in brute.all_two_coalition(12) if brute.is_stable(s, p, c)]
    assert stable  # the global minimum is always stable
    assert [c for c in brute.all_two_coalition(12) if prob.is_stable(c)] == stable


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 10), st.integers(2, 4))
def test_switching_to_lower_own_frustration_lowers_energy(seed: int, n: int, k: int) -> None:
    """Actor i moving where its frustration is lower by delta lowers E by 2 s_i delta."""
    rng = np.random.default_rng(seed)
    s, p = brute.random_instance(rng, n, integer=False)
    s = s + 0.01  # positive sizes: the invariant is strict
    prob = _problem(s, p)
    labels = rng.integers(0, k, size=n)
    before_e, before_f = prob.energy(labels), prob.frustration(labels)
    for i in range(n):
        for c in range(k):
            if c == labels[i]:
                continue
            moved = labels.copy()
            moved[i] = c
            delta = prob.frustration(moved)[i] - before_f[i]
            change = prob.energy(moved) - before_e
            assert change == pytest.approx(2 * s[i] * delta, abs=1e-9)
            if delta < -1e-12:
                assert change < 0


def test_switch_gains_are_energy_differences() -> None:
    rng = np.random.default_rng(3)
    s, p = brute.random_instance(rng, 7, integer=False)
    prob = _problem(s, p)
    labels = rng.integers(0, 3, size=7)
    gains = prob.switch_gains(labels, k=3)
    for i, c, new in brute.moves(list(labels), 3):
        assert gains[i, c] == pytest.approx(brute.energy(s, p, new) - brute.energy(s, p, labels))


def test_descend_follows_the_steepest_rule_with_lowest_index_ties() -> None:
    # Three mutual enemies, all together: every switch lowers E by 4, so actor 0 moves,
    # and then no switch changes E (a tie is not an improvement).
    p = -np.ones((3, 3))
    prob = _problem([1, 1, 1], p)
    assert prob.descend([0, 0, 0]).tolist() == [1, 0, 0]
    assert prob.descend([1, 1, 1]).tolist() == [0, 1, 1]
    rng = np.random.default_rng(5)
    for trial in range(30):
        s, p = brute.random_instance(rng, 7, integer=trial % 2 == 0)
        prob = _problem(s, p)
        start = rng.integers(0, 2, size=7)
        assert prob.descend(start).tolist() == brute.descend(s, p, list(start))


def test_with_propensity_adds_to_member_pairs_only() -> None:
    prob = _problem([1, 1, 1], np.zeros((3, 3)))
    out = prob.with_propensity(["a0", "a2"], 0.5, label="pact")
    assert out.propensity[0, 2] == out.propensity[2, 0] == 0.5
    assert out.propensity[0, 1] == 0 and out.meta["added"][0]["label"] == "pact"
    with pytest.raises(InputError, match="not an actor"):
        prob.with_propensity(["a0", "zz"], 1.0)


@pytest.mark.parametrize(
    ("sizes", "prop", "message"),
    [
        ([1, 1, 1], np.zeros((3, 2)), "3 rows but 2 columns"),
        ([1, 1], [[0, 1], [0.5, 0]], "not symmetric: p\\[a0, a1\\] = 1 but p\\[a1, a0\\] = 0.5"),
        ([1, -2], [[0, 1], [1, 0]], "sizes must be >= 0; negative: a1 \\(-2\\)"),
        ([1, np.nan], [[0, 1], [1, 0]], "size of 'a1' is nan"),
        ([1, 1], [[0, np.nan], [np.nan, 0]], "p\\[a0, a1\\] is nan"),
        ([1], [[0]], "at least 2 actors"),
        ([1, 1, 1], np.zeros((2, 2)), "2x2 propensity matrix for 3 actors"),
    ],
)
def test_bad_input_is_one_clear_input_error(sizes, prop, message) -> None:
    with pytest.raises(InputError, match=message) as err:
        LandscapeProblem([f"a{i}" for i in range(len(sizes))], sizes, prop)
    assert "\n" not in str(err.value)


def test_duplicate_names_and_frame_name_mismatch() -> None:
    with pytest.raises(InputError, match="repeated: a"):
        LandscapeProblem(["a", "a"], [1, 1], [[0, 1], [1, 0]])
    sizes = pd.Series([1.0, 2.0], index=["USA", "JPN"])
    prop = pd.DataFrame([[0, 1], [1, 0]], index=["USA", "KOR"], columns=["USA", "KOR"])
    with pytest.raises(InputError, match="only in sizes: JPN; only in propensities: KOR"):
        LandscapeProblem.from_frames(sizes, prop)


def test_from_frames_reorders_the_matrix_to_the_sizes() -> None:
    sizes = pd.Series([1.0, 2.0, 3.0], index=["A", "B", "C"])
    prop = pd.DataFrame([[0, 5, 6], [5, 0, 7], [6, 7, 0]], index=list("CAB"), columns=list("CAB"))
    prob = LandscapeProblem.from_frames(sizes, prop)
    assert prob.actors == ("A", "B", "C")
    assert prob.propensity[0, 1] == 7 and prob.propensity[2, 0] == 5


def test_integer_weights_are_exact_for_integer_inputs() -> None:
    prob = _problem([1, 2, 3], [[0, 1, -2], [1, 0, 3], [-2, 3, 0]])
    wq, unit = prob.integer_weights()
    np.testing.assert_array_equal(wq * unit, prob.weights())
    assert np.abs(wq).max() <= 2**40
