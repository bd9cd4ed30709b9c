"""Many cascades: Monte Carlo runs (in process or on Dask) and exact enumeration.

In a Monte Carlo run every pledge the cascade can reach is honoured or not, independently,
with its kind's probability (:mod:`alliancelab.simulate.rates`); the cascade rules then
decide who ends up at war on which side. Since each pledge is decided once, drawing all
decisions up front and then propagating is the same model as deciding each pledge in the
round it becomes live, and it lets a chunk of runs be one matrix of uniform draws and a few
matrix products per round (:func:`alliancelab.simulate.kernel.propagate`).

Runs are split into chunks of ``chunk_size``; chunk *i* draws from the *i*-th child of the
seed's :class:`numpy.random.SeedSequence`, so the same seed, runs and chunk size give
identical results in process and on any Dask cluster. :func:`exact` weighs every one of
the 2^n combinations of decisions by its probability instead (n <= :data:`EXACT_LIMIT`).

Example
-------
>>> from alliancelab.simulate import crisis
>>> g = crisis("CHN", "PHL", where="south-china-sea", year=2024, scenario="asian-nato")
>>> a = monte_carlo(g, 2_000, seed=1)
>>> b = monte_carlo(g, 2_000, seed=1)
>>> bool((a.p_side == b.p_side).all()), a.probability("CHN", "attacker")
(True, 1.0)
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from alliancelab.errors import InputError
from alliancelab.seeds import Seed, as_seed_sequence
from alliancelab.simulate.graph import ObligationGraph, completed
from alliancelab.simulate.kernel import CompiledGraph, compile_graph, propagate, side_codes
from alliancelab.simulate.rates import (
    HonourProbabilities,
    honour_probabilities,
    undecided_policy,
)
from alliancelab.simulate.result import CascadeDistribution
from alliancelab.treaty.fields import country_label, to_ccode

__all__ = ["CHUNK_SIZE", "EXACT_LIMIT", "exact", "monte_carlo", "run_chunk", "run_chunks"]

CHUNK_SIZE = 4096
EXACT_LIMIT = 22
TOP_COALITIONS = 50


@dataclass
class ChunkStats:
    """What a chunk of runs contributes: counts that add up across chunks."""

    runs: int
    side_counts: np.ndarray          # (S, 2) int64: runs ending on attacker / target side
    belligerent_counts: np.ndarray   # (S + 1,) int64
    coalitions: Counter[bytes]

    def add(self, other: ChunkStats) -> None:
        self.runs += other.runs
        self.side_counts += other.side_counts
        self.belligerent_counts += other.belligerent_counts
        self.coalitions.update(other.coalitions)


def monte_carlo(graph: ObligationGraph, runs: int = 10_000, *, seed: Seed = None,
                honour: str | dict[str, float] | HonourProbabilities | None = None,
                undecided: str | float | None = "skip", refusing: Iterable[str | int] = (),
                scheduler: object = None, workers: int | None = None,
                threads: int | None = None, chunk_size: int = CHUNK_SIZE,
                progress: Callable[[int], None] | None = None) -> CascadeDistribution:
    """``runs`` random cascades of ``graph``; each pledge honoured with its probability.

    ``honour``: honour probabilities (:func:`~alliancelab.simulate.rates.
    honour_probabilities`; default Berkemeier and Fuhrmann 2018). ``undecided``: the
    cannot-decide policy. ``refusing``: states that honour none of their pledges.
    ``seed``: int, numpy Generator or None. ``scheduler``: None (the setting
    ``ALLIANCELAB_DASK_SCHEDULER``, else in process), ``"off"``, ``"local"`` (a local Dask
    cluster of ``workers`` processes), a scheduler address or a
    :class:`distributed.Client`. In process, chunks run on ``threads`` threads (default
    ``ALLIANCELAB_THREADS``). ``progress(n)`` is called as ``n`` more runs finish.
    Results depend only on the seed, ``runs`` and ``chunk_size``: not on threads,
    workers or where the chunks run.
    """
    from alliancelab.simulate._dask import dask_client, map_chunks, scheduler_choice

    _check_count("runs", runs)
    _check_count("chunk_size", chunk_size)
    rates = honour_probabilities(honour)
    policy = undecided_policy(undecided)
    if policy[0] != "skip":
        graph = completed(graph)
    refuse = [to_ccode(r, graph.year) for r in refusing]
    compiled = compile_graph(graph, rates, policy, refuse)
    seq = as_seed_sequence(seed)
    sizes = chunk_sizes(runs, chunk_size)
    children = seq.spawn(len(sizes))
    start = time.perf_counter()
    target = scheduler_choice(scheduler)
    if target is None:
        n = _threads(threads)
        backend = f"numpy, {n} thread{'s' if n > 1 else ''}"
        parts = _in_process(compiled, sizes, children, n, progress)
    else:
        with dask_client(target, workers) as client:
            backend = f"dask:{client.scheduler.address}"
            parts = map_chunks(client, run_chunks, compiled, sizes, children, progress)
    total = _merge(parts, compiled.n_states)
    return _distribution(graph, compiled, total, rates, policy, runs=runs,
                         seed_entropy=seq.entropy, chunk_size=chunk_size, backend=backend,
                         seconds=time.perf_counter() - start,
                         details={"refusing": [country_label(r) for r in refuse]})


def exact(graph: ObligationGraph, *,
          honour: str | dict[str, float] | HonourProbabilities | None = None,
          undecided: str | float | None = "skip", refusing: Iterable[str | int] = ()
          ) -> CascadeDistribution:
    """Exact probabilities: every combination of honour decisions, weighted.

    ``honour``, ``undecided`` and ``refusing`` are those of :func:`monte_carlo`.
    Feasible for up to :data:`EXACT_LIMIT` reachable pledges (2^22 cascades, a few
    seconds); more is an :class:`~alliancelab.errors.InputError` (use
    :func:`monte_carlo`).
    """
    rates = honour_probabilities(honour)
    policy = undecided_policy(undecided)
    if policy[0] != "skip":
        graph = completed(graph)
    refuse = [to_ccode(r, graph.year) for r in refusing]
    c = compile_graph(graph, rates, policy, refuse)
    n = c.n_pledges
    if n > EXACT_LIMIT:
        raise InputError(f"{n} pledges can draw states into this crisis: too many to "
                         f"enumerate all 2^{n} combinations (the limit is {EXACT_LIMIT})",
                         hint="use monte_carlo (the CLI's --runs)")
    start = time.perf_counter()
    p_side = np.zeros((c.n_states, 2))
    p_count = np.zeros(c.n_states + 1)
    coalitions: Counter[bytes] = Counter()
    block = 1 << min(n, 16)
    bits = np.arange(n, dtype=np.int64)
    for lo in range(0, 1 << n, block):
        codes = np.arange(lo, lo + block, dtype=np.int64)
        honoured = ((codes[:, None] >> bits) & 1).astype(bool)
        weight = np.where(honoured, c.prob, 1.0 - c.prob).prod(axis=1)
        side, _ = propagate(c, honoured)
        p_side[:, 0] += weight @ (side == 1)
        p_side[:, 1] += weight @ (side == 2)
        np.add.at(p_count, (side > 0).sum(axis=1), weight)
        coalitions.update(_lineups(side, weight))
    return _distribution(graph, c, None, rates, policy, exact=(p_side, p_count, coalitions),
                         seconds=time.perf_counter() - start,
                         details={"refusing": [country_label(r) for r in refuse]})


def run_chunk(c: CompiledGraph, runs: int, seed: np.random.SeedSequence) -> ChunkStats:
    """``runs`` cascades with decisions drawn from ``seed``: their summed counts."""
    rng = np.random.default_rng(seed)
    honoured = rng.random((runs, c.n_pledges)) < c.prob
    side, _ = propagate(c, honoured)
    counts = np.stack([(side == 1).sum(axis=0), (side == 2).sum(axis=0)], axis=1)
    belligerents = np.bincount((side > 0).sum(axis=1), minlength=c.n_states + 1)
    return ChunkStats(runs, counts.astype(np.int64), belligerents.astype(np.int64),
                      Counter(_lineups(side)))


def run_chunks(c: CompiledGraph, sizes: list[int], seeds: list[np.random.SeedSequence]
               ) -> ChunkStats:
    """Several chunks in a row (one Dask task), their counts added up."""
    return _merge([run_chunk(c, n, s) for n, s in zip(sizes, seeds, strict=True)],
                  c.n_states)


# --- helpers ---------------------------------------------------------------------------


def _threads(threads: int | None) -> int:
    if threads is None:
        from alliancelab.settings import get_settings

        return get_settings().threads
    _check_count("threads", threads)
    return int(threads)


def _in_process(c: CompiledGraph, sizes: list[int], seeds: list[np.random.SeedSequence],
                threads: int, progress: Callable[[int], None] | None) -> list[ChunkStats]:
    """Each chunk in this process; the compiled cascade releases the GIL, so chunks run
    side by side on ``threads`` threads."""
    if threads == 1 or len(sizes) == 1:
        out = []
        for size, seed in zip(sizes, seeds, strict=True):
            out.append(run_chunk(c, size, seed))
            if progress is not None:
                progress(size)
        return out
    from concurrent.futures import ThreadPoolExecutor, as_completed

    parts: list[ChunkStats | None] = [None] * len(sizes)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = {pool.submit(run_chunk, c, size, seed): i
                   for i, (size, seed) in enumerate(zip(sizes, seeds, strict=True))}
        for future in as_completed(futures):
            i = futures[future]
            parts[i] = future.result()
            if progress is not None:
                progress(sizes[i])
    return parts  # type: ignore[return-value]


def _check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise InputError(f"{name} must be a whole number >= 1, got {value!r}")


def _lineups(side: np.ndarray, weight: np.ndarray | None = None) -> dict[bytes, float]:
    """Distinct rows of ``side`` (as bytes) with their count, or summed ``weight``."""
    codes = side_codes(side)
    if codes is None:  # more than 31 states: compare whole rows
        rows = np.ascontiguousarray(side, dtype=np.int8)
        codes = rows.view(np.dtype((np.void, rows.shape[1]))).ravel()
    keys, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=weight, minlength=len(keys))
    cast = int if weight is None else float
    return {side[i].astype(np.int8).tobytes(): cast(v) for i, v in zip(first, sums, strict=True)}


def _merge(parts: list[ChunkStats], n_states: int) -> ChunkStats:
    total = ChunkStats(0, np.zeros((n_states, 2), np.int64), np.zeros(n_states + 1, np.int64),
                       Counter())
    for part in parts:
        total.add(part)
    return total


def _distribution(graph: ObligationGraph, c: CompiledGraph, total: ChunkStats | None,
                  rates: HonourProbabilities, policy: tuple[str, float | None], *,
                  runs: int | None = None, exact: tuple | None = None,
                  **extra: object) -> CascadeDistribution:
    labels = c.labels
    if total is not None:
        p_side = total.side_counts / total.runs
        p_count = total.belligerent_counts / total.runs
        weights = {k: (v / total.runs, v) for k, v in total.coalitions.items()}
        method = "monte-carlo"
    else:
        p_side, p_count, raw = exact  # type: ignore[misc]
        weights = {k: (float(v), None) for k, v in raw.items() if v > 0}
        method = "exact"
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP_COALITIONS]
    coalitions = []
    for key, (p, count) in ranked:
        row = np.frombuffer(key, dtype=np.int8)
        coalitions.append((tuple(labels[k] for k in np.flatnonzero(row == 1)),
                           tuple(labels[k] for k in np.flatnonzero(row == 2)), p, count))
    return CascadeDistribution(graph, c, method, p_side, p_count, tuple(coalitions), rates,
                               policy, runs=runs, **extra)  # type: ignore[arg-type]


def chunk_sizes(runs: int, chunk_size: int) -> list[int]:
    """Sizes of the chunks ``runs`` is split into: full chunks, then the remainder.

    >>> chunk_sizes(10, 4)
    [4, 4, 2]
    """
    full, rest = divmod(runs, chunk_size)
    return [chunk_size] * full + ([rest] if rest else [])
