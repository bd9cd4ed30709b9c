"""``alliancelab cascade``: who is drawn into a war through everyone's treaties, and how likely.

Builds the crisis's obligation graph, prints the maximal cascade (every obliged ally
honours its pledges, round by round, with the treaty that draws each state in), then
``--runs`` Monte Carlo cascades with published honour rates (``--honour`` to change them),
in process or on Dask (``--dask local`` or ``--dask tcp://host:port``). ``--format json``
prints both as one JSON object; ``--out`` writes JSON (``.json``), the bar chart
(``.html``, opens offline) or the per-state table (``.csv``, ``.parquet``, ``.dta``).

Example
-------
``alliancelab cascade --attacker CHN --target PHL --where south-china-sea --year 2024
--scenario asian-nato --runs 10000 --seed 0``
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from alliancelab.cli._event import (
    Attacker,
    AtWar,
    On,
    Provoked,
    ScenarioName,
    Target,
    Where,
    Year,
)
from alliancelab.errors import InputError

OUT_FORMATS = (".json", ".html", ".csv", ".parquet", ".dta")


def register(app: typer.Typer) -> None:
    @app.command("cascade")
    def cascade_command(
        attacker: Attacker,
        target: Target,
        where: Where = None,
        on: On = None,
        year: Year = None,
        scenario: ScenarioName = None,
        provoked: Provoked = None,
        at_war: AtWar = True,
        homeland: bool = typer.Option(False, "--homeland", help="Also treat each state "
                                      "joining the target's side as attacked on its own "
                                      "territory (default: only where the war is)."),
        runs: int = typer.Option(10_000, "--runs", help="Monte Carlo runs (>= 1)."),
        seed: int = typer.Option(0, "--seed", help="Seed (same seed, same result, in "
                                 "process or on Dask)."),
        honour: str = typer.Option(None, "--honour", help="Honour probabilities, e.g. "
                                   "defense=0.41,offense=0.74, or a preset: "
                                   "berkemeier-fuhrmann-2018 (default), "
                                   "leeds-long-mitchell-2000."),
        undecided: str = typer.Option("skip", "--undecided", help="Cannot-decide pledges: "
                                      "skip, hold, or a probability of honouring them."),
        refuse: list[str] = typer.Option(None, "--refuse", help="A state that honours none "
                                         "of its pledges (repeat for several)."),
        dask: str = typer.Option(None, "--dask", help="Run on Dask: 'local' (a cluster on "
                                 "this machine), tcp://host:port, or 'off'; default: the "
                                 "setting ALLIANCELAB_DASK_SCHEDULER, else in process."),
        workers: int = typer.Option(None, "--workers", help="Workers of --dask local "
                                    "(default: ALLIANCELAB_THREADS)."),
        top: int = typer.Option(5, "--top", help="Most likely coalitions to show."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
        out: Path = typer.Option(None, "--out", help="Write .json, .html (bar chart), or the "
                                 "per-state table as .csv, .parquet or .dta."),
    ) -> None:
        """Crisis cascade: the maximal war and Monte Carlo odds of being drawn in."""
        from alliancelab.simulate.deterministic import cascade
        from alliancelab.simulate.graph import crisis
        from alliancelab.simulate.montecarlo import monte_carlo
        from alliancelab.simulate.rates import honour_probabilities, undecided_policy

        fmt = fmt.lower()
        if fmt not in ("table", "json"):
            raise InputError(f"unknown format {fmt!r}", hint="use table or json")
        if runs < 1:
            raise InputError(f"--runs must be at least 1, got {runs}")
        if seed < 0:
            raise InputError(f"--seed must be >= 0, got {seed}")
        if top < 0:
            raise InputError(f"--top must be >= 0, got {top}")
        if out is not None:
            from alliancelab.fileio import check_writable

            check_writable(out, OUT_FORMATS)
        rates = honour_probabilities(honour)
        policy = undecided_policy(undecided)
        graph = crisis(attacker, target, where, on, year=year, scenario=scenario,
                       provoked=provoked, state_of_war=None if at_war else False,
                       homeland=homeland)
        refusing = list(refuse or [])
        maximal = cascade(graph, undecided=undecided, refusing=refusing)
        with _progress(runs) as advance:
            dist = monte_carlo(graph, runs, seed=seed, honour=rates, undecided=undecided,
                               refusing=refusing, scheduler=dask, workers=workers,
                               progress=advance)
        payload = {"crisis": maximal.to_dict()["crisis"], "cascade": maximal.to_dict(),
                   "monte_carlo": dist.to_dict(top=max(top, 10))}
        payload["cascade"].pop("crisis")
        payload["monte_carlo"].pop("crisis")
        if out is not None:
            _write(out, payload, dist)
        if fmt == "json":
            from alliancelab.cli._format import print_json

            print_json(payload)
            return
        _print(maximal, dist, policy, top, seed, out)


class _progress:
    """A rich bar for the Monte Carlo runs, shown only once they have taken a second."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.bar, self.task = total, 0, None, None

    def __enter__(self):
        from rich.console import Console

        from alliancelab.settings import get_settings

        self.console = Console(stderr=True)
        self.enabled = get_settings().progress and self.console.is_terminal
        self.start = time.perf_counter()
        return self.advance

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self.bar is None and time.perf_counter() - self.start > 1.0:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("[bold]Monte Carlo"), BarColumn(),
                                MofNCompleteColumn(), TimeRemainingColumn(),
                                transient=True, console=self.console)
            self.bar.start()
            self.task = self.bar.add_task("runs", total=self.total)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _write(out: Path, payload: dict, dist) -> None:  # type: ignore[no-untyped-def]
    from alliancelab.fileio import write_table, write_text

    suffix = out.suffix.lower()
    if suffix == ".json":
        write_text(out, json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
    elif suffix == ".html":
        from alliancelab.simulate.figure import write_figure_html

        write_figure_html(dist, out)
    else:
        write_table(dist.summary(), out)


def _print(maximal, dist, policy, top, seed, out) -> None:  # type: ignore[no-untyped-def]
    from alliancelab.cli._format import console, print_frame
    from alliancelab.treaty.fields import country_label

    graph = maximal.graph
    console.print(graph.describe())
    table = maximal.summary()
    table["round"] = table["round"].map(lambda v: "" if v is None or v != v else str(v))
    title = "Maximal cascade: every obliged ally honours its pledges"
    if maximal.refusing:
        title += f" (except {', '.join(country_label(r) for r in maximal.refusing)})"
    print_frame(table.drop(columns=["name"]), title=title)
    how = f"{dist.runs:,} Monte Carlo runs, seed {seed}, {dist.backend}"
    console.print(f"{how}; P(honour) {dist.honour.describe()}")
    frame = dist.summary()
    shown = frame.assign(**{
        "P(attacker side)": frame["p_attacker_side"].map(_pct),
        "P(target side)": frame["p_target_side"].map(_pct),
        "P(drawn in)": [f"{_pct(p)} ± {_pct(1.96 * s)}" for p, s in
                        zip(frame["p_drawn_in"], frame["se"], strict=True)],
    })[["state", "name", "role", "P(attacker side)", "P(target side)", "P(drawn in)"]]
    print_frame(shown, title="Probability of being drawn in (± 95% interval)")
    bell = dist.belligerents_table()
    bell["probability"] = bell["probability"].map(_pct)
    print_frame(bell, title=f"States at war (expected {dist.expected_belligerents():.2f})")
    if top:
        coal = dist.coalitions_table(top)
        coal["probability"] = coal["probability"].map(_pct)
        print_frame(coal, title="Most likely coalitions")
    for note in dist.notes():
        console.print(f"note: {note}")
    for a in maximal.assumptions():
        console.print(f"assumption: {a}")
    if out is not None:
        console.print(f"written to {out}")


def _pct(p: float) -> str:
    return f"{100 * p:.1f}%"
