"""``alliancelab align``: how a set of states would align (landscape theory), best first.

Two ways in: a researcher's own inputs (``--sizes SIZES.csv --propensity PROP.csv``) or
the bundled data (``--region asia-pacific`` or ``--states USA,JPN,...`` with ``--year``),
optionally with a scenario's treaty (``--scenario asian-nato``), which adds a propensity
among its members. Output: each stable alignment (coalitions, energy E, basin share,
frustration), best first, as a table or ``--format json`` (a list of alignments); ``--map
FILE.html`` writes the best alignment on an offline map.

Example
-------
``alliancelab align --region asia-pacific --year 2023 --scenario asian-nato --format json``
"""

from __future__ import annotations

from pathlib import Path

import typer

from alliancelab.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("align")
    def align_command(
        sizes: Path = typer.Option(None, "--sizes", help="CSV with columns actor,size."),
        propensity: Path = typer.Option(None, "--propensity", help="CSV square matrix: "
                                        "header row and first column hold the actor names."),
        region: str = typer.Option(None, "--region", help="Region preset (asia-pacific, "
                                   "east-asia, europe, ...), with --year."),
        states: str = typer.Option(None, "--states", help="Comma-separated states (names, "
                                   "ISO3 or COW codes), with --year."),
        year: int = typer.Option(None, "--year", help="Year of the data (default with "
                                 "--scenario: the scenario's year)."),
        scenario: str = typer.Option(None, "--scenario", help="Built-in scenario or TOML "
                                     "file: its treaty adds --treaty-propensity among its "
                                     "members."),
        treaty_propensity: float = typer.Option(1.0, "--treaty-propensity", help="Propensity "
                                                "added between members of the scenario's "
                                                "treaty."),
        weights: str = typer.Option(None, "--weights", help="Component weights, e.g. "
                                    "alliance=0,rivalry=2 (components: alliance, "
                                    "ideal_points, rivalry, disputes, regime; default 1)."),
        size_source: str = typer.Option("cinc", "--size-source", help="cinc (NMC) or milex "
                                        "(SIPRI, constant 2023 US$)."),
        method: str = typer.Option("auto", "--method", help="auto, exact or heuristic."),
        k: int = typer.Option(2, "--k", help="Coalitions (k > 2 needs the heuristic)."),
        restarts: int = typer.Option(64, "--restarts", help="Heuristic restarts."),
        seed: int = typer.Option(0, "--seed", help="Heuristic seed (same seed, same result)."),
        no_basins: bool = typer.Option(False, "--no-basins", help="Exact method: skip basins."),
        top: int = typer.Option(None, "--top", help="Show only the best N alignments."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
        map_out: Path = typer.Option(None, "--map", help="Write the best alignment's map to "
                                     "this .html file (works offline)."),
    ) -> None:
        """Predict how actors split into coalitions (Axelrod-Bennett landscape theory)."""
        from alliancelab.align.solver import METHODS

        fmt = fmt.lower()
        if fmt not in ("table", "json"):
            raise InputError(f"unknown format {fmt!r}", hint="use table or json")
        if method not in METHODS:
            raise InputError(f"unknown method {method!r}", hint=f"use {', '.join(METHODS)}")
        if map_out is not None:
            from alliancelab.fileio import check_writable

            check_writable(map_out, (".html",))
        problem, baseline_problem, treaty = _problem(
            sizes, propensity, region, states, year, scenario, treaty_propensity, weights,
            size_source)
        _check_exact_size(problem.n, method)
        options = {"k": k, "basins": not no_basins, "restarts": restarts, "seed": seed}
        from alliancelab.align.solver import AUTO_EXACT_MAX, solve

        if method == "exact" and not no_basins and problem.n > AUTO_EXACT_MAX + 2:
            minutes = 2 ** (problem.n - 1) / 5e6 / 60  # ~5e6 configurations/s on 2 cores
            typer.echo(f"note: exact basins for {problem.n} actors take about "
                       f"{minutes:.0f} minute(s) on 2 cores; --no-basins skips them", err=True)

        landscape = solve(problem, method, **options)  # type: ignore[arg-type]
        baseline = (solve(baseline_problem, method, **options)  # type: ignore[arg-type]
                    if baseline_problem is not None else None)
        if map_out is not None:
            from alliancelab.align.figure import write_map_html

            write_map_html(landscape, map_out)
        if fmt == "json":
            from alliancelab.cli._format import print_json

            print_json(landscape.records(top))
            return
        _print(landscape, baseline, treaty, top, map_out)


def _problem(sizes, propensity, region, states, year, scenario, amount, weights, size_source):
    """(problem, problem without the treaty or None, treaty label or None)."""
    own = sizes is not None or propensity is not None
    data = region is not None or states is not None
    if own and (data or scenario):
        raise InputError("--sizes/--propensity cannot be combined with --region, --states "
                         "or --scenario", hint="use either your own files or the data")
    if own:
        if sizes is None or propensity is None:
            raise InputError("--sizes and --propensity go together",
                             hint="give both CSV files")
        from alliancelab.align.inputs import read_problem

        return read_problem(sizes, propensity), None, None
    from alliancelab.align.propensity import SIZE_SOURCES, data_problem

    if size_source not in SIZE_SOURCES:
        raise InputError(f"unknown size source {size_source!r}",
                         hint=f"use {' or '.join(SIZE_SOURCES)}")
    if region is not None and states is not None:
        raise InputError("give --region or --states, not both")
    state_list = None
    if states is not None:
        state_list = [s.strip() for s in states.split(",") if s.strip()]
        state_list = [int(s) if s.isdigit() else s for s in state_list]
    if scenario is not None:
        from alliancelab.align.scenario import scenario_problems
        from alliancelab.treaty.scenario import load_scenario

        pair = scenario_problems(load_scenario(scenario), year, region, state_list,
                                 treaty_propensity=amount, weights=weights, sizes=size_source)
        return pair.with_treaty, pair.without_treaty, pair.treaty_name
    if region is None and states is None:
        raise InputError("say which actors: --sizes/--propensity, --region or --states",
                         hint="e.g. alliancelab align --region asia-pacific --year 2023")
    if year is None:
        raise InputError("--year is needed with --region or --states", hint="e.g. --year 2023")
    return data_problem(state_list, year, region=region, weights=weights,  # type: ignore[arg-type]
                        sizes=size_source), None, None


def _check_exact_size(n: int, method: str) -> None:
    from alliancelab.align.exact import EXACT_LIMIT

    if method == "exact" and n > EXACT_LIMIT:
        raise InputError(
            f"{n} actors is too many for --method exact (the limit is {EXACT_LIMIT} actors, "
            f"2^{EXACT_LIMIT - 1} configurations)",
            hint="use --method heuristic",
        )


def _print(landscape, baseline, treaty, top, map_out) -> None:
    from alliancelab.cli._format import console, print_frame

    problem = landscape.problem
    meta = problem.meta
    where = meta.get("region") or ", ".join(problem.actors[:6]) + (
        " ..." if problem.n > 6 else "")
    year = f" {meta['year']}" if meta.get("year") else ""
    how = (f"{landscape.method}: {landscape.explored:,} configurations"
           if landscape.method == "exact" else
           f"{landscape.method}: {landscape.explored} restarts, seed "
           f"{landscape.details.get('seed')}")
    if baseline is not None:
        console.print(f"Without {treaty}: best alignment {baseline.best.describe()}")
    title = f"{where}{year}" + (f" with {treaty}" if treaty else "") + f" ({how})"
    frame = landscape.summary(top)
    frame["energy"] = frame["energy"].map(lambda v: f"{v:.6g}")
    frame["basin"] = frame["basin"].map(lambda v: "NA" if v is None else f"{100 * v:.1f}%")
    print_frame(frame, title=title)
    frus = landscape.frustration_table(top=1).rename(columns={"rank 1": "frustration"})
    frus["side"] = [landscape.best.side_of(a) + 1 for a in frus.index]
    frus["frustration"] = frus["frustration"].map(lambda v: f"{v:.4g}")
    print_frame(frus.reset_index(), title="Best alignment: each actor's side and frustration")
    for note in meta.get("notes", []):
        console.print(f"note: {note}")
    if map_out is not None:
        console.print(f"map written to {map_out}")
