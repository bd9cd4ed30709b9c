"""Benchmark: the full COW directed dyad-year panel 1816-2016 with seven enrichers.

Times ``build_panel`` (the ``alliancelab panel dyad-years`` pipeline) cold (first call in
the process, sources read from disk) and warm (median of repeats), then the same pipeline
done the naive way (``alliancelab.data.reference``: one pandas merge per source, as
peacesciencer does it) in the same process as the baseline, and prints the ratio. Peak
memory of each pipeline is measured in a separate pass with ``tracemalloc`` (numpy
buffers included), so it does not slow the timed runs.

Usage: ``python benchmarks/bench_panel.py [--repeat 5] [--years 1816-2016]``
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable

import pandas as pd

from alliancelab.data import build_panel, parse_years
from alliancelab.data.reference import reference_dyad_years

STEPS = ["atop", "nmc", "majors", "contiguity", "capdist", "democracy", "cow_mids"]


def timed(func: Callable[[], pd.DataFrame]) -> tuple[float, pd.DataFrame]:
    start = time.perf_counter()
    out = func()
    return time.perf_counter() - start, out


def peak_mb(func: Callable[[], pd.DataFrame]) -> float:
    tracemalloc.start()
    out = func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del out
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--years", default="1816-2016")
    args = parser.parse_args()
    years = parse_years(args.years)

    def fast() -> pd.DataFrame:
        return build_panel("dyad_year", years, STEPS)

    def naive() -> pd.DataFrame:
        return reference_dyad_years(years, STEPS)

    cold, frame = timed(fast)
    rows, cols = frame.shape
    del frame
    warm = []
    for _ in range(args.repeat):
        seconds, frame = timed(fast)
        warm.append(seconds)
        del frame
    fast_peak = peak_mb(fast)
    naive_seconds, frame = timed(naive)
    assert frame.shape == (rows, cols), frame.shape
    del frame
    naive_peak = peak_mb(naive)

    warm_median = statistics.median(warm)
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, python {platform.python_version()}")
    print(f"panel: directed dyad-years {years[0]}-{years[1]} + {','.join(STEPS)}")
    print(f"rows: {rows:,}  columns: {cols}")
    print(f"alliancelab cold (first call, reads sources): {cold:.3f} s")
    print(f"alliancelab warm (median of {args.repeat}): {warm_median:.3f} s "
          f"(min {min(warm):.3f}, max {max(warm):.3f})")
    print(f"alliancelab peak memory (tracemalloc): {fast_peak:,.0f} MB")
    print(f"baseline, pandas merges (same process): {naive_seconds:.3f} s, "
          f"peak {naive_peak:,.0f} MB")
    print(f"ratio baseline/alliancelab warm: {naive_seconds / warm_median:.1f}x; "
          f"cold: {naive_seconds / cold:.1f}x")


if __name__ == "__main__":
    main()
