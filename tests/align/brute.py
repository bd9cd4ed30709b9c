"""Brute-force references for the landscape tests: definitions typed out, no shortcuts.

Energy by the double sum over ordered pairs, stability by trying every single move and
recomputing the energy, and steepest descent by evaluating every move's energy. Inputs are
integer-valued where exact ties matter, so float arithmetic is exact there.
"""

from __future__ import annotations

import itertools

import numpy as np


def energy(sizes, prop, labels) -> float:
    """Sum over ordered pairs i != j in different coalitions of s_i s_j p_ij."""
    s, p, lab = np.asarray(sizes, float), np.asarray(prop, float), np.asarray(labels)
    apart = (lab[:, None] != lab[None, :]) & ~np.eye(len(s), dtype=bool)
    return float((s[:, None] * s[None, :] * p)[apart].sum())


def frustration(sizes, prop, labels) -> list[float]:
    n = len(sizes)
    return [sum(sizes[j] * prop[i][j] for j in range(n) if j != i and labels[j] != labels[i])
            for i in range(n)]


def moves(labels, k):
    for i in range(len(labels)):
        for c in range(k):
            if c != labels[i]:
                new = list(labels)
                new[i] = c
                yield i, c, new


def is_stable(sizes, prop, labels, k=2, tol=0.0) -> bool:
    e = energy(sizes, prop, labels)
    return all(energy(sizes, prop, new) >= e - tol for _, _, new in moves(labels, k))


def descend(sizes, prop, labels) -> list[int]:
    """Two-coalition steepest descent: biggest drop first, ties to the lowest index."""
    labels = list(labels)
    while True:
        e = energy(sizes, prop, labels)
        best, who = 0.0, None
        for i, _, new in moves(labels, 2):
            drop = e - energy(sizes, prop, new)
            if drop > best:
                best, who = drop, i
        if who is None:
            return labels
        labels[who] = 1 - labels[who]


def canonical(labels) -> tuple[int, ...]:
    """Two-coalition labels with actor 0 on side 0."""
    return tuple(labels) if labels[0] == 0 else tuple(1 - x for x in labels)


def all_two_coalition(n):
    """Every configuration with actor 0 on side 0 (2**(n-1) of them)."""
    for rest in itertools.product((0, 1), repeat=n - 1):
        yield (0, *rest)


def random_instance(rng: np.random.Generator, n: int, integer: bool):
    """Symmetric propensities and sizes >= 0; integer-valued (with ties) or continuous."""
    if integer:
        p = rng.integers(-2, 3, size=(n, n)).astype(float)
        s = rng.integers(0, 3, size=n).astype(float)
    else:
        p = rng.normal(size=(n, n))
        s = rng.uniform(0.0, 1.0, size=n)
    p = np.triu(p, 1)
    return s, p + p.T
