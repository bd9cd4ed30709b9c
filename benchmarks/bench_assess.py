"""Benchmark: the full Asian NATO report from a cold process (target under 5 s).

Each run is a fresh ``alliancelab assess asian-nato --out FILE`` process, as a user runs
it. The baseline, timed in the same run, is a fresh Python process that only imports
pandas and plotly, the floor any Python report tool pays before computing anything; the
ratio says how much the assessment itself adds. Also times a repeat of the assessment in a
warm process (what the web app would pay).

Usage: ``python benchmarks/bench_assess.py [--repeat 5] [--scenario asian-nato]``
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scenario", default="asian-nato")
    args = parser.parse_args()
    exe = shutil.which("alliancelab") or str(Path(sys.executable).parent / "alliancelab")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        report = [run([exe, "assess", args.scenario, "--out", str(out)])
                  for _ in range(args.repeat)]
        size = out.stat().st_size
    floor = [run([sys.executable, "-c", "import pandas, plotly.graph_objects"])
             for _ in range(args.repeat)]

    from alliancelab.assess.assessment import assess
    from alliancelab.report.html import render_html

    render_html([assess(args.scenario)])
    warm = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        render_html([assess(args.scenario)])
        warm.append(time.perf_counter() - start)

    med, base = statistics.median(report), statistics.median(floor)
    print(f"machine: {platform.machine()}, python {platform.python_version()}")
    print(f"report: {args.scenario}, {size / 1e6:.1f} MB of self-contained HTML")
    print(f"cold process, full report: median {med:.2f} s (min {min(report):.2f}, "
          f"max {max(report):.2f}) over {args.repeat} runs; target < 5 s")
    print(f"baseline, python + import pandas, plotly: median {base:.2f} s")
    print(f"ratio report/baseline: {med / base:.1f}x")
    print(f"warm process, assess + render again: median {statistics.median(warm):.3f} s")


if __name__ == "__main__":
    main()
