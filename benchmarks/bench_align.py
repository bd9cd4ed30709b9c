"""Benchmark: landscape theory, exact and heuristic, each beside plain numpy in the same run.

Exact solver (random instances: Gaussian propensities, uniform sizes, fixed seeds):
configurations per second and time to every stable configuration for n = 28 and n = 32,
on one thread (the per-core figure; target >= 1e8 configurations/s) and on all threads
(target: n = 32 under a minute), then the exact basins. Baseline: plain numpy enumeration
(each batch of configurations as a +-1 matrix, local fields by one matrix product, the
stability test vectorised), timed on the first 2**22 configurations and extrapolated; for
the basins, plain numpy steepest descent from 2**16 random starts at once, extrapolated.

Heuristic on n = 190 (about every state in the system): ``solve_heuristic`` with its
defaults (64 restarts of annealing + exact descent) and with ``strategy="descent"``,
against a plain numpy multi-start steepest descent with the same restarts (the same
algorithm as ``"descent"``: the speed ratio) and with as many restarts as fit in the
annealing's time (the quality comparison).

Usage: ``python benchmarks/bench_align.py [--sizes 28,32] [--markdown]``. With
``--markdown`` the results are also printed as an entry for ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import time

import numba
import numpy as np

from alliancelab.align import LandscapeProblem
from alliancelab.align.exact import basin_counts, count_configurations, enumerate_stable
from alliancelab.align.heuristic import solve_heuristic

NUMPY_SAMPLE = 1 << 22


def instance(n: int, seed: int) -> LandscapeProblem:
    rng = np.random.default_rng(seed)
    p = np.triu(rng.normal(size=(n, n)), 1)
    return LandscapeProblem([f"a{i}" for i in range(n)], rng.uniform(0.1, 1.0, n), p + p.T)


def numpy_enumeration(wq: np.ndarray, count: int, batch: int = 1 << 16) -> tuple[float, int]:
    """Seconds to test the first ``count`` configurations with plain numpy; stable found."""
    n = wq.shape[0]
    w = wq.astype(np.float64)
    shifts = np.arange(n, dtype=np.int64)
    found = 0
    start = time.perf_counter()
    for lo in range(0, count, batch):
        x = np.arange(lo, min(lo + batch, count), dtype=np.int64)
        sigma = (1 - 2 * ((x[:, None] >> shifts) & 1)).astype(np.float64)
        gains = sigma * (sigma @ w)
        found += int((gains >= 0).all(axis=1).sum())
    return time.perf_counter() - start, found


def numpy_basin_descents(wq: np.ndarray, starts: int, seed: int) -> float:
    """Seconds for plain numpy to run steepest descent from ``starts`` random configurations.

    All starts of a batch descend together (one matrix product per step), the same rule
    as the exact basins (largest drop first, ties to the lowest index).
    """
    rng = np.random.default_rng(seed)
    n = wq.shape[0]
    w = wq.astype(np.float64)
    sigma = rng.choice([-1.0, 1.0], size=(starts, n))
    start = time.perf_counter()
    rows = np.arange(starts)
    while True:
        g = sigma * (sigma @ w)
        j = np.argmin(g, axis=1)
        moving = g[rows, j] < 0
        if not moving.any():
            break
        sigma[rows[moving], j[moving]] *= -1.0
    return time.perf_counter() - start


def numpy_multistart_descent(problem: LandscapeProblem, restarts: int, seed: int
                             ) -> tuple[float, float]:
    """Plain numpy: random start, steepest descent (one matrix-vector product per step)."""
    rng = np.random.default_rng(seed)
    w = problem.weights()
    start = time.perf_counter()
    best = np.inf
    total = w.sum()
    for _ in range(restarts):
        sigma = rng.choice([-1.0, 1.0], size=problem.n)
        while True:
            g = sigma * (w @ sigma)
            j = int(np.argmin(g))
            if g[j] >= 0:
                break
            sigma[j] = -sigma[j]
        best = min(best, float((total - sigma @ w @ sigma) / 2))
    return time.perf_counter() - start, best


def machine() -> str:
    model = "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"numba {numba.__version__}, numpy {np.__version__}")


def load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def bench_exact(n: int, lines: list[str]) -> None:
    problem = instance(n, seed=n)
    wq, _ = problem.integer_weights()
    total = count_configurations(n)
    enumerate_stable(wq[:12, :12])  # compile / load the cache outside the timings
    threads = numba.get_num_threads()
    timings = {}
    for t in sorted({1, threads}):
        numba.set_num_threads(t)
        start = time.perf_counter()
        stable = enumerate_stable(wq)
        timings[t] = time.perf_counter() - start
    numba.set_num_threads(threads)
    np_seconds, _ = numpy_enumeration(wq, min(NUMPY_SAMPLE, total))
    np_rate = min(NUMPY_SAMPLE, total) / np_seconds
    start = time.perf_counter()
    counts = basin_counts(wq, stable)
    basin_seconds = time.perf_counter() - start
    sample = 1 << 16
    np_basin_rate = sample / numpy_basin_descents(wq, sample, seed=n)
    one = total / timings[1]
    lines.append(f"- exact n = {n} ({total:,} configurations, {len(stable)} stable): "
                 f"1 thread {timings[1]:.2f} s = {one:.3g} configurations/s; "
                 f"{threads} threads {timings[threads]:.2f} s = "
                 f"{total / timings[threads]:.3g}/s. Plain numpy: {np_rate:.3g}/s "
                 f"(measured on {min(NUMPY_SAMPLE, total):,}; full run ~{total / np_rate:.0f} s "
                 f"extrapolated). Ratio (1 thread vs numpy): {one / np_rate:.0f}x.")
    lines.append(f"- exact basins n = {n} ({threads} threads): {basin_seconds:.1f} s "
                 f"({total / basin_seconds:.3g} configurations/s; largest basin "
                 f"{counts.max() / total:.1%}); total with the search "
                 f"{basin_seconds + timings[threads]:.1f} s. Plain numpy (batched steepest "
                 f"descent from each start): {np_basin_rate:.3g} starts/s (measured on "
                 f"{sample:,}; full run ~{total / np_basin_rate:.0f} s extrapolated). Ratio "
                 f"{(total / basin_seconds) / np_basin_rate:.0f}x.")


def bench_heuristic(n: int, lines: list[str]) -> None:
    problem = instance(n, seed=190)
    solve_heuristic(instance(12, 0), restarts=2, seed=0)  # compile outside the timing
    solve_heuristic(instance(12, 0), restarts=2, seed=0, strategy="descent")
    start = time.perf_counter()
    land = solve_heuristic(problem, seed=0)
    ours = time.perf_counter() - start
    restarts = int(land.details["restarts"])
    start = time.perf_counter()
    plain = solve_heuristic(problem, seed=0, strategy="descent")
    ours_descent = time.perf_counter() - start
    np_seconds, np_best = numpy_multistart_descent(problem, restarts, seed=0)
    fit = max(restarts, int(restarts * ours / np_seconds))
    np_fit_seconds, np_fit_best = numpy_multistart_descent(problem, fit, seed=1)
    lines.append(
        f"- heuristic n = {n}, {restarts} restarts, both threads: annealing "
        f"({land.details['sweeps']} sweeps) + exact descent {ours:.2f} s, best E = "
        f"{land.best.energy:.6g}; descent only {ours_descent:.3f} s, best E = "
        f"{plain.best.energy:.6g}. Plain numpy multi-start steepest descent, same "
        f"{restarts} restarts: {np_seconds:.2f} s, best E = {np_best:.6g} (ratio, same "
        f"algorithm: {np_seconds / ours_descent:.0f}x); numpy given the annealing's time "
        f"({fit} restarts, {np_fit_seconds:.2f} s): best E = {np_fit_best:.6g}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="28,32", help="n for the exact solver")
    parser.add_argument("--heuristic-n", type=int, default=190)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    lines: list[str] = []
    before = load()
    for n in (int(s) for s in args.sizes.split(",")):
        bench_exact(n, lines)
        print(lines[-2], lines[-1], sep="\n", flush=True)
    bench_heuristic(args.heuristic_n, lines)
    print(lines[-1])
    after = load()
    if args.markdown:
        print()
        print(f"## bench_align.py: landscape theory ({dt.date.today().isoformat()})")
        print()
        print(f"Machine: {machine()}. Load average before/after: {before} / {after} "
              "(the machine is shared; other jobs were running).")
        print()
        print("Targets (DESIGN.md): >= 1e8 configurations/s per core; all stable "
              "configurations for n = 32 under a minute.")
        print()
        print("\n".join(lines))


if __name__ == "__main__":
    main()
