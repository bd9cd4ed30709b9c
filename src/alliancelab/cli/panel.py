"""``alliancelab panel``: build state-year or dyad-year panels and write them to a file.

Example
-------
``alliancelab panel dyad-years --years 1816-2016 --add atop,nmc,majors --out ddy.parquet``
"""

from __future__ import annotations

from pathlib import Path

import typer

from alliancelab.cli._format import print_frame
from alliancelab.cli._progress import steps
from alliancelab.data.panel import build_panel, enrichers
from alliancelab.errors import UnknownNameError
from alliancelab.fileio import TABLE_FORMATS, check_writable, write_table


def _names(add: str | None) -> list[str]:
    names = [n.strip() for n in (add or "").split(",") if n.strip()]
    known = enrichers()
    for n in names:
        if n not in known:
            raise UnknownNameError("enricher", n, list(known))
    return names


def _run(unit: str, years: str | None, add: str | None, out: Path | None,
         directed: bool = True) -> None:
    names = _names(add)
    if out is not None:
        check_writable(out, TABLE_FORMATS)
    with steps(["create", *names, "write"]) as step:
        frame = build_panel(unit, years, names, directed=directed, progress=step)  # type: ignore[arg-type]
        step("write")
        if out is not None:
            write_table(frame, out)
    if out is None:
        print_frame(frame, max_rows=20)
    else:
        typer.echo(f"wrote {len(frame):,} rows x {frame.shape[1]} columns to {out} "
                   f"(sources: {', '.join(frame.attrs['alliancelab']['sources'])})")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="State-year and dyad-year panels with peacesciencer's columns.",
                        no_args_is_help=True)
    add_help = f"Comma-separated enrichers: {', '.join(enrichers())}."
    out_help = f"Output file ({', '.join(TABLE_FORMATS)}); without it a preview is printed."

    @group.command("dyad-years")
    def dyad_years(
        years: str = typer.Option(None, "--years", help="YEAR or START-END (default: all)."),
        add: str = typer.Option(None, "--add", help=add_help),
        out: Path = typer.Option(None, "--out", help=out_help),
        directed: bool = typer.Option(True, "--directed/--non-directed",
                                      help="Directed (default) or non-directed dyads."),
    ) -> None:
        """COW dyad-years, enriched."""
        _run("dyad_year", years, add, out, directed)

    @group.command("state-years")
    def state_years(
        years: str = typer.Option(None, "--years", help="YEAR or START-END (default: all)."),
        add: str = typer.Option(None, "--add", help=add_help),
        out: Path = typer.Option(None, "--out", help=out_help),
    ) -> None:
        """COW state-years, enriched."""
        _run("state_year", years, add, out)

    app.add_typer(group, name="panel")
