"""The one place alliancelab turns a user's ``seed`` into randomness.

Every stochastic function takes ``seed``: an int (reproducible), a
:class:`numpy.random.Generator` (so a caller can thread one generator through several
calls and get different, reproducible results) or None (fresh entropy). Compiled kernels
get per-restart 64-bit seeds (:func:`restart_seeds`); chunked Monte Carlo runs get
independent child streams of one :class:`numpy.random.SeedSequence`
(:func:`as_seed_sequence`), so results never depend on threads, workers or order.

Example
-------
>>> a = restart_seeds(as_generator(7), 3)
>>> b = restart_seeds(as_generator(7), 3)
>>> bool((a == b).all()), a.dtype.name
(True, 'int64')
>>> x = [np.random.default_rng(s) for s in as_seed_sequence(7).spawn(2)]
>>> y = [np.random.default_rng(s) for s in as_seed_sequence(7).spawn(2)]
>>> bool((x[1].random(3) == y[1].random(3)).all())
True
"""

from __future__ import annotations

import numpy as np

from alliancelab.errors import InputError

__all__ = ["Seed", "as_generator", "as_seed_sequence", "restart_seeds"]

Seed = int | np.random.Generator | None


def _checked(seed: object) -> int | None:
    if seed is None:
        return None
    if isinstance(seed, int | np.integer) and not isinstance(seed, bool):
        if int(seed) < 0:
            raise InputError(f"seed must be >= 0, got {seed}")
        return int(seed)
    raise InputError(f"seed must be an int, a numpy Generator or None, not {type(seed).__name__}")


def as_generator(seed: Seed) -> np.random.Generator:
    """A numpy Generator from an int, a Generator (returned unchanged) or None."""
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(_checked(seed))


def as_seed_sequence(seed: Seed) -> np.random.SeedSequence:
    """A SeedSequence from an int, a Generator (four words drawn from it) or None."""
    if isinstance(seed, np.random.Generator):
        words = seed.integers(0, 2**63 - 1, size=4, dtype=np.int64)
        return np.random.SeedSequence([int(w) for w in words])
    value = _checked(seed)
    return np.random.SeedSequence() if value is None else np.random.SeedSequence(value)


def restart_seeds(rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` independent 63-bit seeds for compiled per-restart generators."""
    return rng.integers(1, 2**63 - 1, size=count, dtype=np.int64)
