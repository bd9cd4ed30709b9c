"""The one place where alliancelab.align turns a user's ``seed`` into a random generator.

Every stochastic function in :mod:`alliancelab.align` takes ``seed``: an int (reproducible),
a :class:`numpy.random.Generator` (used as is, so a caller can thread one generator through
several calls) or None (fresh entropy). Compiled kernels get per-restart 64-bit seeds drawn
here, so results do not depend on how many threads run them.

Example
-------
>>> a = restart_seeds(as_generator(7), 3)
>>> b = restart_seeds(as_generator(7), 3)
>>> bool((a == b).all()), a.dtype.name
(True, 'int64')
"""

from __future__ import annotations

import numpy as np

from alliancelab.errors import InputError

__all__ = ["Seed", "as_generator", "restart_seeds"]

Seed = int | np.random.Generator | None


def as_generator(seed: Seed) -> np.random.Generator:
    """A numpy Generator from an int, a Generator (returned unchanged) or None."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or isinstance(seed, int | np.integer):
        if seed is not None and int(seed) < 0:
            raise InputError(f"seed must be >= 0, got {seed}")
        return np.random.default_rng(None if seed is None else int(seed))
    raise InputError(f"seed must be an int, a numpy Generator or None, not {type(seed).__name__}")


def restart_seeds(rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` independent 63-bit seeds for compiled per-restart generators."""
    return rng.integers(1, 2**63 - 1, size=count, dtype=np.int64)
