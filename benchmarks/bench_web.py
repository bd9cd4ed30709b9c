"""Benchmark: the web app's report, first request and repeats (target: repeat < 300 ms).

Times GET /report?scenario=asian-nato through FastAPI's TestClient in one process: the
first request computes the assessment and renders it; repeats are served from the
process's memo. The baseline, in the same run, is GET /api/health (the framework's own
cost per request).

Usage: ``python benchmarks/bench_web.py [--repeat 20]``
"""

from __future__ import annotations

import argparse
import statistics
import time

from fastapi.testclient import TestClient

from alliancelab.web.app import create_app


def timed(client: TestClient, url: str, params: dict | None = None) -> float:
    start = time.perf_counter()
    response = client.get(url, params=params)
    response.raise_for_status()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    client = TestClient(create_app())
    params = {"scenario": "asian-nato"}
    first = timed(client, "/report", params)
    repeats = [timed(client, "/report", params) for _ in range(args.repeat)]
    health = [timed(client, "/api/health") for _ in range(args.repeat)]
    rep, base = statistics.median(repeats), statistics.median(health)
    print(f"first report request (assess + render, warm imports): {first:.2f} s")
    print(f"repeat report request: median {rep * 1000:.1f} ms over {args.repeat} "
          f"(max {max(repeats) * 1000:.1f} ms); target < 300 ms")
    print(f"baseline GET /api/health: median {base * 1000:.2f} ms")
    print(f"ratio repeat/baseline: {rep / base:.1f}x")


if __name__ == "__main__":
    main()
