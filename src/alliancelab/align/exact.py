"""Exact two-coalition landscape: every stable configuration and its basin, compiled with numba.

:func:`solve_exact` looks at all ``2**(n-1)`` ways of splitting ``n`` actors into two
coalitions (a split and its mirror image are the same configuration, so the last actor is
held on side 0) and returns the global minimum of E, every stable configuration and the
exact size of each one's basin of attraction.

How the enumeration works. The actors are split into a *low* block (the first
``b = min(10, n-1)`` actors) and a *high* block (the rest). The high actors are walked in
Gray-code order, one actor switching per step, so their contribution to every actor's
local field ``h_i = sum_j W_ij sigma_i`` is updated incrementally in O(n). For each of the
``2**b`` low configurations the low contribution comes from a precomputed table, so the
field of every actor in every configuration is available without recomputation. Each high
actor's stability condition, for the current high configuration, selects a threshold on
its low-table column; the sets of low configurations passing it are precomputed as
bitsets per bucket of sorted values, and ANDing them (16 machine words per actor) rejects
almost every configuration in a handful of word operations. The few survivors are checked
exactly. Every configuration is examined; none is sampled or skipped on a guess. The high
Gray sequence is cut into contiguous chunks processed in parallel (``prange``).

Descent rule and basins. From any configuration, *steepest descent* lets the actor whose
switch lowers E the most switch sides; if several lower it by exactly the same amount, the
one listed first (lowest index) moves; it stops when no switch lowers E. Every
configuration therefore ends at one stable configuration, its attractor; a stable
configuration's basin is the set of configurations that end there, and its ``basin``
share is that count over ``2**(n-1)``. The counts are computed exactly by walking the
descent tree backwards from each stable configuration (a configuration ``x`` is a child of
``y`` when ``y`` is ``x`` with its steepest actor switched), in integer arithmetic, so
ties are exact and the counts always sum to ``2**(n-1)`` (checked).

All stability decisions use :meth:`~alliancelab.align.model.LandscapeProblem.integer_weights`.

Example
-------
>>> from alliancelab.align.model import LandscapeProblem
>>> prob = LandscapeProblem(["A", "B", "C", "D"], [1, 1, 1, 1],
...     [[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
>>> land = solve_exact(prob)
>>> best = land.best
>>> best.coalitions, best.energy, best.basin
((('A', 'B'), ('C', 'D')), -8.0, 1.0)
"""

from __future__ import annotations

import time

import numba
import numpy as np
from numba import njit, prange

from alliancelab.align.model import LandscapeProblem
from alliancelab.align.result import Landscape, make_alignments
from alliancelab.errors import InputError

__all__ = ["EXACT_LIMIT", "count_configurations", "solve_exact"]

EXACT_LIMIT = 34
"""Largest ``n`` :func:`solve_exact` accepts (2**33 configurations; about a minute here)."""

LOW_BITS = 10  # low block: 2**10 table rows (16 words per bitset)
BUCKETS = 32  # buckets per high actor's sorted low-table column
MAX_STABLE = 200_000


def count_configurations(n: int) -> int:
    """Number of distinct two-coalition configurations of ``n`` actors: ``2**(n-1)``."""
    return 1 << (n - 1)


def solve_exact(
    problem: LandscapeProblem,
    *,
    basins: bool = True,
    max_stable: int = MAX_STABLE,
    threads: int | None = None,
) -> Landscape:
    """Every stable two-coalition configuration of ``problem``, best first.

    Parameters
    ----------
    problem
        The landscape (``2 <= n <= EXACT_LIMIT``).
    basins
        Also count each stable configuration's basin of attraction under steepest
        descent (see the module docstring). Costs about as much again as the search.
    max_stable
        Refuse (InputError) landscapes with more stable configurations than this; it
        happens when many actors are indifferent (zero sizes or zero propensities).
    threads
        numba threads to use (default: all).

    Returns
    -------
    Landscape
        ``alignments`` sorted by energy (then basin), ``method="exact"``.
    """
    n = problem.n
    if n > EXACT_LIMIT:
        raise InputError(
            f"{n} actors is too many for the exact method (limit {EXACT_LIMIT}: "
            f"2**{n - 1} = {count_configurations(n):,} configurations)",
            hint="use the heuristic method (method='heuristic', CLI --method heuristic)",
        )
    wq, _ = problem.integer_weights()
    started = time.perf_counter()
    old_threads = numba.get_num_threads()
    if threads is not None:
        numba.set_num_threads(max(1, min(int(threads), numba.config.NUMBA_NUM_THREADS)))
    try:
        stable = enumerate_stable(wq, max_stable=max_stable)
        search_seconds = time.perf_counter() - started
        counts = basin_counts(wq, stable) if basins else None
    finally:
        numba.set_num_threads(old_threads)
    labels = _labels_from_bits(stable, n)
    elapsed = time.perf_counter() - started
    alignments = make_alignments(
        problem, labels, counts=counts, total=count_configurations(n) if basins else None
    )
    return Landscape(
        problem=problem,
        alignments=alignments,
        method="exact",
        explored=count_configurations(n),
        seconds=elapsed,
        details={
            "search_seconds": search_seconds,
            "basin_seconds": elapsed - search_seconds if basins else None,
            "configurations": count_configurations(n),
            "basin_rule": "steepest descent, ties to the lowest index",
            "threads": threads or old_threads,
        },
    )


# ---------------------------------------------------------------------- orchestration
def enumerate_stable(wq: np.ndarray, max_stable: int = MAX_STABLE) -> np.ndarray:
    """Sorted bitmasks (bit i set: actor i on side 1; bit n-1 always 0) of stable configs."""
    wq = np.ascontiguousarray(wq, dtype=np.int64)
    n = wq.shape[0]
    b = min(LOW_BITS, n - 1)
    table = _low_table(wq, b)
    nb = min(BUCKETS, 1 << b)
    bmin, bmax, ge, le = _bucket_tables(table, b, nb)
    highs = 1 << (n - 1 - b)
    nchunks = int(min(highs, 64 * max(1, numba.get_num_threads())))
    cap = 256
    counts, out = _scan_parallel(wq, table, b, nb, bmin, bmax, ge, le, nchunks, cap)
    total = int(counts.sum())
    if total > max_stable:
        raise InputError(
            f"this landscape has {total:,} stable configurations (more than {max_stable:,}): "
            "many actors are indifferent between the sides",
            hint="check for zero sizes or zero propensities, or raise max_stable",
        )
    found = []
    for ch in range(nchunks):
        c = int(counts[ch])
        if c <= cap:
            found.append(out[ch, :c].copy())
        else:  # rare: rescan this chunk with room for all of them
            t0, t1 = _chunk_bounds(highs, nchunks, ch)
            buf = np.empty(c, dtype=np.int64)
            _scan_range(wq, table, b, nb, bmin, bmax, ge, le, t0, t1, buf)
            found.append(buf)
    stable = np.concatenate(found) if found else np.empty(0, np.int64)
    return np.sort(stable)


def basin_counts(wq: np.ndarray, stable: np.ndarray) -> np.ndarray:
    """Exact basin size of each stable configuration (same order), summing to 2**(n-1)."""
    wq = np.ascontiguousarray(wq, dtype=np.int64)
    n = wq.shape[0]
    w2 = 2.0 * wq.astype(np.float64)  # exact: |values| < 2**53
    if stable.size == 0:
        raise RuntimeError("no stable configuration found; this is a bug")
    # Many small subtrees, handed out dynamically, keep both cores busy even when one
    # basin holds most of the space.
    task_cfg, task_root, counts = _expand_tasks(w2, stable, 32_768)
    if task_cfg.size:
        with numba.parallel_chunksize(16):
            sizes = _count_subtrees(w2, task_cfg)
        np.add.at(counts, task_root, sizes)
    expected = count_configurations(n)
    if int(counts.sum()) != expected:
        raise RuntimeError(
            f"basin counts sum to {int(counts.sum())}, not {expected}; this is a bug"
        )
    return counts


def _labels_from_bits(bits: np.ndarray, n: int) -> np.ndarray:
    """0/1 labels per configuration, oriented so that actor 0 is in coalition 0."""
    shifts = np.arange(n, dtype=np.int64)
    labels = ((bits[:, None] >> shifts[None, :]) & 1).astype(np.int64)
    flip = labels[:, 0] == 1
    labels[flip] = 1 - labels[flip]
    return labels


def _chunk_bounds(total: int, nchunks: int, ch: int) -> tuple[int, int]:
    return total * ch // nchunks, total * (ch + 1) // nchunks


# ---------------------------------------------------------------------- kernels: search
@njit(cache=True)
def _low_table(wq, b):  # pragma: no cover - compiled
    """T[l, i] = sum over low actors j < b of W_ij * sigma_j(l) (bit j of l set: sigma -1)."""
    n = wq.shape[0]
    rows = 1 << b
    table = np.empty((rows, n), dtype=np.int64)
    for i in range(n):
        acc = 0
        for j in range(b):
            acc += wq[i, j]
        table[0, i] = acc
    for low in range(1, rows):
        j = 0
        while not (low >> j) & 1:
            j += 1
        prev = low & (low - 1)
        for i in range(n):
            table[low, i] = table[prev, i] - 2 * wq[i, j]
    return table


@njit(cache=True)
def _bucket_tables(table, b, nb):  # pragma: no cover - compiled
    """Per high actor: bucket bounds of its sorted low-table column and prefix bitsets.

    ``ge[p, k]`` holds the low configurations whose value ranks in bucket k or above,
    ``le[p, k]`` those in bucket k or below.
    """
    rows, n = table.shape
    nh = n - b
    words = max(rows // 64, 1)
    size = rows // nb
    bmin = np.empty((nh, nb), dtype=np.int64)
    bmax = np.empty((nh, nb), dtype=np.int64)
    ge = np.zeros((nh, nb, words), dtype=np.int64)
    le = np.zeros((nh, nb, words), dtype=np.int64)
    one = np.int64(1)
    for p in range(nh):
        col = table[:, b + p].copy()
        order = np.argsort(col, kind="mergesort")
        for k in range(nb):
            bmin[p, k] = col[order[k * size]]
            bmax[p, k] = col[order[(k + 1) * size - 1]]
        cur = np.zeros(words, dtype=np.int64)
        for k in range(nb - 1, -1, -1):
            for r in range(k * size, (k + 1) * size):
                low = order[r]
                cur[low >> 6] |= one << (low & 63)
            ge[p, k, :] = cur
        cur[:] = 0
        for k in range(nb):
            for r in range(k * size, (k + 1) * size):
                low = order[r]
                cur[low >> 6] |= one << (low & 63)
            le[p, k, :] = cur
    return bmin, bmax, ge, le


@njit(cache=True)
def _scan_range(wq, table, b, nb, bmin, bmax, ge, le, t0, t1, out):  # pragma: no cover
    """Stable configurations with high Gray index in [t0, t1): the count (<= len(out) written)."""
    n = wq.shape[0]
    rows = table.shape[0]
    nh = n - b
    words = max(rows // 64, 1)
    one = np.int64(1)
    full = np.int64(-1) if rows >= 64 else (one << rows) - 1
    sigma = np.ones(n, dtype=np.int64)
    gray0 = t0 ^ (t0 >> 1)
    for k in range(n - 1 - b):
        if (gray0 >> k) & 1:
            sigma[b + k] = -1
    hh = np.zeros(n, dtype=np.int64)
    for i in range(n):
        acc = 0
        for j in range(b, n):
            acc += wq[i, j] * sigma[j]
        hh[i] = acc
    acc_bits = np.empty(words, dtype=np.int64)
    cap = out.shape[0]
    count = 0
    for t in range(t0, t1):
        if t > t0:
            k = 0
            while not (t >> k) & 1:
                k += 1
            j = b + k
            sigma[j] = -sigma[j]
            step = 2 * sigma[j]
            for i in range(n):
                hh[i] += step * wq[i, j]
        for w in range(words):
            acc_bits[w] = full
        empty = False
        for p in range(nh):
            j = b + p
            theta = -hh[j]
            if sigma[j] > 0:  # need table[l, j] >= theta
                if bmax[p, nb - 1] < theta:
                    empty = True
                    break
                lo, hi = 0, nb - 1
                while lo < hi:
                    mid = (lo + hi) >> 1
                    if bmax[p, mid] >= theta:
                        hi = mid
                    else:
                        lo = mid + 1
                nz = np.int64(0)
                for w in range(words):
                    acc_bits[w] &= ge[p, lo, w]
                    nz |= acc_bits[w]
            else:  # need table[l, j] <= theta
                if bmin[p, 0] > theta:
                    empty = True
                    break
                lo, hi = 0, nb - 1
                while lo < hi:
                    mid = (lo + hi + 1) >> 1
                    if bmin[p, mid] <= theta:
                        lo = mid
                    else:
                        hi = mid - 1
                nz = np.int64(0)
                for w in range(words):
                    acc_bits[w] &= le[p, lo, w]
                    nz |= acc_bits[w]
            if nz == 0:
                empty = True
                break
        if empty:
            continue
        high_bits = (t ^ (t >> 1)) << b
        for w in range(words):
            word = acc_bits[w]
            if word == 0:
                continue
            for bit in range(64):
                if not (word >> bit) & 1:
                    continue
                low = w * 64 + bit
                ok = True
                for i in range(n):
                    s = sigma[i]
                    if i < b:
                        s = -1 if (low >> i) & 1 else 1
                    if s * (hh[i] + table[low, i]) < 0:
                        ok = False
                        break
                if ok:
                    if count < cap:
                        out[count] = high_bits | low
                    count += 1
    return count


@njit(parallel=True, cache=True)
def _scan_parallel(wq, table, b, nb, bmin, bmax, ge, le, nchunks, cap):  # pragma: no cover
    n = wq.shape[0]
    total = np.int64(1) << (n - 1 - b)
    counts = np.zeros(nchunks, dtype=np.int64)
    out = np.empty((nchunks, cap), dtype=np.int64)
    for ch in prange(nchunks):
        t0 = total * ch // nchunks
        t1 = total * (ch + 1) // nchunks
        counts[ch] = _scan_range(wq, table, b, nb, bmin, bmax, ge, le, t0, t1, out[ch])
    return counts, out


# ---------------------------------------------------------------------- kernels: basins
# The descent-tree walk works in float64 holding exact integers: every value is below
# 2**53 (weights <= 2**41, fields <= 64 * 2**41), so sums are exact and vectorise.


@njit(cache=True)
def _gains(w2, cfg):  # pragma: no cover - compiled
    """sigma and the switch gains g_i = sigma_i * (W sigma)_i of a bitmask configuration."""
    n = w2.shape[0]
    sigma = np.empty(n)
    for i in range(n):
        sigma[i] = -1.0 if (cfg >> i) & 1 else 1.0
    g = np.empty(n)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += w2[i, j] * sigma[j]
        g[i] = sigma[i] * acc * 0.5
    return sigma, g


@njit(cache=True, inline="always", fastmath=True)
def _is_child(w2, sig, g, i, n):  # pragma: no cover - compiled
    """Whether node y with actor i switched descends straight back to y.

    In the switched configuration actor i's gain is -g_i and actor j's is
    g_j - sigma_i sigma_j w2_ij; i must be strictly lowest against j < i and no higher
    than j > i (ties go to the lowest index). Values are integers, so "strictly below
    for j < i" is "below target + 1". For j = i the term is 2 g_i > 0, never a failure.
    """
    target = -g[i]
    si = sig[i]
    row = w2[i]
    worst = np.inf
    for j in range(i):
        worst = min(worst, g[j] - si * sig[j] * row[j] - target - 1.0)
    for j in range(i, n):
        worst = min(worst, g[j] - si * sig[j] * row[j] - target)
    return worst >= 0.0


_DEBRUIJN = 0x03F79D71B4CB0A89
_DEBRUIJN_INDEX = np.zeros(64, dtype=np.int64)
for _bit in range(64):
    _DEBRUIJN_INDEX[(((1 << _bit) * _DEBRUIJN) % (1 << 64)) >> 58] = _bit


@njit(cache=True, inline="always")
def _lowest_bit(bits):  # pragma: no cover - compiled
    """Index of the lowest set bit of a non-zero int64 (de Bruijn multiplication)."""
    isolated = bits & -bits
    return _DEBRUIJN_INDEX[((isolated * _DEBRUIJN) >> 58) & 63]


@njit(cache=True, inline="always", fastmath=True)
def _find_children(w2, sig, g, low, kids, n):  # pragma: no cover - compiled
    """Write the actors whose switch leads to a child of this node into kids; return count.

    ``low`` is min(g). A cheap necessary test first, branch-free over all actors and
    packed into a bitmask: i must gain from staying (g_i > 0) and actor j1, the most eager
    to switch now, must not beat i afterwards. Survivors (about two per node) get the
    exact test.
    """
    first = np.int64(0)
    for j in range(n):
        first |= np.int64(g[j] == low) << j
    j1 = _lowest_bit(first)
    sj1 = sig[j1]
    row = w2[j1]
    bits = np.int64(0)
    for i in range(n):
        gi = g[i]
        keep = (gi > 0.0) & ((gi + low - sj1 * sig[i] * row[i] >= 0.0) | (i == j1))
        bits |= np.int64(keep) << i
    count = 0
    while bits != 0:
        i = _lowest_bit(bits)
        bits &= bits - 1
        if _is_child(w2, sig, g, i, n):
            kids[count] = i
            count += 1
    return count


@njit(cache=True)
def _children(w2, cfg):  # pragma: no cover - compiled
    n = w2.shape[0]
    sigma, g = _gains(w2, cfg)
    kids = np.empty(n, dtype=np.int64)
    count = _find_children(w2, sigma, g, g.min(), kids, n)
    out = np.empty(count, dtype=np.int64)
    for c in range(count):
        out[c] = cfg ^ (np.int64(1) << kids[c])
    return out


@njit(cache=True, fastmath=True)
def _subtree_size(w2, cfg, depth):  # pragma: no cover - compiled
    """Number of configurations whose descent passes through ``cfg`` (itself included).

    Depth-first over the descent tree: ``gs[d]`` holds the gains of the node at depth
    d, ``sig`` the signs of the current node (switched on the way down, back on the
    way up). Returns -1 if a descent path is longer than ``depth`` (caller retries).
    """
    n = w2.shape[0]
    gs = np.empty((depth, n))
    kids = np.empty((depth, n), dtype=np.int64)
    nk = np.zeros(depth, dtype=np.int64)
    pos = np.zeros(depth, dtype=np.int64)
    moved = np.zeros(depth, dtype=np.int64)
    sig, g0 = _gains(w2, cfg)
    gs[0, :] = g0
    nk[0] = _find_children(w2, sig, gs[0], g0.min(), kids[0], n)
    count = 1
    d = 0
    while d >= 0:
        if pos[d] == nk[d]:
            sig[moved[d]] = -sig[moved[d]] if d > 0 else sig[moved[d]]
            d -= 1
            continue
        f = kids[d, pos[d]]
        pos[d] += 1
        if d + 1 == depth:
            return -1
        gd = gs[d]
        gc = gs[d + 1]
        sf = sig[f]
        row = w2[f]
        low = np.inf
        for j in range(n):
            v = gd[j] - sf * sig[j] * row[j]
            gc[j] = v
            low = min(low, v)
        gc[f] = -gd[f]
        low = min(low, gc[f])
        sig[f] = -sf
        d += 1
        moved[d] = f
        nk[d] = _find_children(w2, sig, gc, low, kids[d], n)
        pos[d] = 0
        count += 1
    return count


@njit(parallel=True, cache=True)
def _count_subtrees(w2, cfgs):  # pragma: no cover - compiled
    out = np.zeros(cfgs.size, dtype=np.int64)
    for t in prange(cfgs.size):
        depth = 2 * w2.shape[0] + 32
        size = _subtree_size(w2, cfgs[t], depth)
        while size < 0:
            depth *= 4
            size = _subtree_size(w2, cfgs[t], depth)
        out[t] = size
    return out


@njit(cache=True)
def _expand_tasks(w2, roots, target):  # pragma: no cover - compiled
    """Split the descent trees into >= target subtrees (counting the nodes expanded)."""
    counts = np.zeros(roots.size, dtype=np.int64)
    cfg = roots.copy()
    root = np.arange(roots.size)
    for _ in range(64):
        if cfg.size >= target or cfg.size == 0:
            break
        new_cfg = np.empty(cfg.size * w2.shape[0], dtype=np.int64)
        new_root = np.empty(cfg.size * w2.shape[0], dtype=np.int64)
        m = 0
        for t in range(cfg.size):
            kids = _children(w2, cfg[t])
            counts[root[t]] += 1
            for c in range(kids.size):
                new_cfg[m] = kids[c]
                new_root[m] = root[t]
                m += 1
        cfg, root = new_cfg[:m].copy(), new_root[:m].copy()
    return cfg, root, counts
