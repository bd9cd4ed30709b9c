"""``alliancelab countries``: resolve names and codes to states, list the system members.

Example
-------
``alliancelab countries resolve "South Korea" --year 2024``
"""

from __future__ import annotations

import typer

from alliancelab.cli._format import print_frame, print_json
from alliancelab.data import countries


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Country identity across COW, G-W, ISO3 and names.",
                        no_args_is_help=True)

    @group.command("resolve")
    def resolve(
        names: list[str] = typer.Argument(..., help="Names, ISO3 or COW codes."),
        year: int = typer.Option(None, "--year", help="Resolve as of this year."),
        json_: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Show the state each name or code stands for."""
        found = [countries.resolve(n, year) for n in names]
        if json_:
            print_json([vars(c) | {"query": q} for q, c in zip(names, found, strict=True)])
        else:
            for q, c in zip(names, found, strict=True):
                typer.echo(f"{q} -> {c}")

    @group.command("list")
    def list_(year: int = typer.Option(None, "--year", help="Members in this year.")) -> None:
        """Every COW state (or the system members in a year) with its codes."""
        print_frame(countries.country_table(year), max_rows=300)

    app.add_typer(group, name="countries")
