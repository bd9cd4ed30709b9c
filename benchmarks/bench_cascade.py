"""Benchmark: Monte Carlo crisis cascades per second (China attacks the Philippines, 2024).

The crisis: China attacks Philippine forces in the South China Sea in 2024, with the
asian-nato scenario's treaty added to every real one. Timed in the same run:

- building the obligation graph (the engine asked once per possible belligerent);
- Monte Carlo in process (chunks of 4,096 runs; 1 thread, then one per core), median of
  ``--repeat`` runs;
- baseline 1, the engine inside each run: every run asks the casus-foederis engine about
  each new belligerent as the cascade reaches it (what a cascade without the precomputed
  graph would do), a few runs only;
- baseline 2, a pure-Python loop over the precomputed graph (one cascade at a time, one
  ``random.random()`` per pledge);
- a local Dask cluster of 2 worker processes, same seed, checked identical to in process
  (cluster start-up timed separately);
- exact enumeration of every combination of decisions (2^n cascades).

Usage: ``python benchmarks/bench_cascade.py [--runs 1000000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import random
import statistics
import time


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def engine_in_the_loop(graph, runs: int, seed: int) -> float:
    """Baseline 1: cascades that call the engine for each new belligerent, every run."""
    from alliancelab.simulate.graph import ATTACKER, TARGET
    from alliancelab.simulate.rates import honour_probabilities
    from alliancelab.treaty.engine import Event, obligations
    from alliancelab.treaty.geography import area

    rates = honour_probabilities()
    origin = graph.event
    pool = graph._pool
    rng = random.Random(seed)
    parties = {*origin.attackers, origin.target}
    start = time.perf_counter()
    for _ in range(runs):
        side = {a: ATTACKER for a in origin.attackers} | {origin.target: TARGET}
        decided: set[tuple] = set()
        fresh = [origin]
        while fresh:
            joins: dict[int, set[int]] = {}
            for event in fresh:
                for f in obligations(event, graph.year, pool).findings:
                    if (f.kind not in ("defense", "offense") or f.status != "obliged"
                            or f.ccode in parties or f.ccode in side):
                        continue
                    key = (f.ccode, f.kind, f.toward_ccode, f.treaty_id)
                    if key in decided:
                        continue
                    decided.add(key)
                    if rng.random() < rates.of(f.kind):
                        joins.setdefault(f.ccode, set()).add(
                            TARGET if f.kind == "defense" else ATTACKER)
            fresh = []
            for state, sides in joins.items():
                side[state] = TARGET if TARGET in sides else ATTACKER
                if side[state] == TARGET:
                    on = "territory" if area(origin.where).owner == state else "forces"
                    fresh.append(Event(origin.attackers, state, origin.where, on))
                else:
                    fresh.append(Event((*origin.attackers, state), origin.target,
                                       origin.where, origin.on))
    return runs / (time.perf_counter() - start)


def python_loop(compiled, graph, runs: int, seed: int) -> float:
    """Baseline 2: the precomputed graph, one cascade at a time in plain Python."""
    rng = random.Random(seed)
    pledges = [graph.pledges[i] for i in compiled.pledges]
    probs = list(compiled.prob)
    triggers = graph.triggers
    start = time.perf_counter()
    for _ in range(runs):
        honoured = [rng.random() < p for p in probs]
        side = {a: 1 for a in graph.event.attackers} | {graph.event.target: 2}
        while True:
            wants: dict[int, set[int]] = {}
            for p, h in zip(pledges, honoured, strict=True):
                if not h or p.obligor in side:
                    continue
                for t, status in p.triggers:
                    trig = triggers[t]
                    if status == "obliged" and (trig.state is None
                                                or side.get(trig.state) == trig.side):
                        wants.setdefault(p.obligor, set()).add(p.side)
                        break
            if not wants:
                break
            for state, sides in wants.items():
                side[state] = 2 if 2 in sides else 1
    return runs / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--naive-runs", type=int, default=5)
    parser.add_argument("--loop-runs", type=int, default=20_000)
    args = parser.parse_args()

    from distributed import LocalCluster

    from alliancelab.simulate import crisis, exact, monte_carlo
    from alliancelab.simulate.kernel import compile_graph

    load0 = os.getloadavg()
    start = time.perf_counter()
    graph = crisis("CHN", "PHL", where="south-china-sea", year=2024, scenario="asian-nato")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    graph = crisis("CHN", "PHL", where="south-china-sea", year=2024, scenario="asian-nato")
    memo = time.perf_counter() - start
    compiled = compile_graph(graph)
    print(f"date: {datetime.date.today()}; machine: {cpu_model()}, {os.cpu_count()} cores, "
          f"python {platform.python_version()}; load before: {load0}")
    print(f"crisis: {graph.describe()}; {compiled.n_pledges} reachable pledges, "
          f"{compiled.n_states} states, {graph.queries} engine questions")
    print(f"graph: {cold:.2f} s cold (loading every treaty included), {memo * 1e3:.2f} ms "
          f"memoised")

    monte_carlo(graph, 10_000, seed=0)  # warm-up (numba's cached machine code)
    rates = {}
    for threads in (1, os.cpu_count() or 1):
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            local = monte_carlo(graph, args.runs, seed=0, threads=threads)
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        rates[threads] = args.runs / med
        print(f"in process, {threads} thread(s): {args.runs:,} runs, median {med:.2f} s = "
              f"{rates[threads]:,.0f} runs/s")
    rate = rates[1]

    naive = engine_in_the_loop(graph, args.naive_runs, 0)
    print(f"baseline 1, engine inside each run: {naive:.2f} runs/s "
          f"({args.naive_runs} runs); ratio (1 thread) {rate / naive:,.0f}x")
    loop = python_loop(compiled, graph, args.loop_runs, 0)
    print(f"baseline 2, pure-Python loop over the graph: {loop:,.0f} runs/s "
          f"({args.loop_runs:,} runs); ratio (1 thread) {rate / loop:,.1f}x")

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    startup = time.perf_counter() - t
    try:
        monte_carlo(graph, 10_000, seed=0, scheduler=cluster.scheduler_address)  # imports
        dtimes = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            remote = monte_carlo(graph, args.runs, seed=0, scheduler=cluster.scheduler_address)
            dtimes.append(time.perf_counter() - t)
    finally:
        cluster.close()
    dmed = statistics.median(dtimes)
    same = bool((remote.p_side == local.p_side).all()
                and (remote.p_belligerents == local.p_belligerents).all()
                and remote.coalitions == local.coalitions)
    print(f"local Dask cluster, 2 worker processes: {args.runs:,} runs, median {dmed:.2f} s = "
          f"{args.runs / dmed:,.0f} runs/s (cluster start-up {startup:.1f} s, not included); "
          f"identical to in process: {same}")

    t = time.perf_counter()
    ex = exact(graph)
    print(f"exact: 2^{compiled.n_pledges} = {2 ** compiled.n_pledges:,} cascades in "
          f"{time.perf_counter() - t:.2f} s; P(USA drawn in) exact {ex.probability('USA'):.4f}"
          f", Monte Carlo {local.probability('USA'):.4f}")
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
