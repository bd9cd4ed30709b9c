"""The one place where alliancelab.simulate turns a user's ``seed`` into random streams.

Every stochastic function in :mod:`alliancelab.simulate` takes ``seed``: an int
(reproducible), a :class:`numpy.random.Generator` (four 64-bit words are drawn from it, so
a caller can thread one generator through several calls and get different, reproducible
runs) or None (fresh entropy from the operating system, recorded in the result so the run
can be repeated). A Monte Carlo run is split into chunks of a fixed size; chunk *i* always
draws from the *i*-th child of :meth:`numpy.random.SeedSequence.spawn`, so the result does
not depend on where, in which order or by how many workers the chunks run.

Example
-------
>>> a = [np.random.default_rng(s) for s in as_seed_sequence(7).spawn(2)]
>>> b = [np.random.default_rng(s) for s in as_seed_sequence(7).spawn(2)]
>>> bool((a[1].random(3) == b[1].random(3)).all()), chunk_sizes(10, 4)
(True, [4, 4, 2])
"""

from __future__ import annotations

import numpy as np

from alliancelab.errors import InputError

__all__ = ["Seed", "as_seed_sequence", "chunk_sizes"]

Seed = int | np.random.Generator | None


def as_seed_sequence(seed: Seed) -> np.random.SeedSequence:
    """A :class:`numpy.random.SeedSequence` from an int, a Generator or None."""
    if isinstance(seed, np.random.Generator):
        words = seed.integers(0, 2**63 - 1, size=4, dtype=np.int64)
        return np.random.SeedSequence([int(w) for w in words])
    if seed is None:
        return np.random.SeedSequence()
    if isinstance(seed, int | np.integer) and not isinstance(seed, bool):
        if int(seed) < 0:
            raise InputError(f"seed must be >= 0, got {seed}")
        return np.random.SeedSequence(int(seed))
    raise InputError(f"seed must be an int, a numpy Generator or None, not {type(seed).__name__}")


def chunk_sizes(runs: int, chunk_size: int) -> list[int]:
    """Sizes of the chunks ``runs`` is split into: full chunks, then the remainder."""
    full, rest = divmod(runs, chunk_size)
    return [chunk_size] * full + ([rest] if rest else [])

