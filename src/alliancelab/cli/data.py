"""``alliancelab data``: list, cite, query and import the bundled datasets.

Example
-------
``alliancelab data list``; ``alliancelab data cite cow_nmc``;
``alliancelab data sql "SELECT * FROM cow_nmc WHERE year = 2022" --out nmc.csv``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from alliancelab.cli._format import print_frame
from alliancelab.data import catalog, importer
from alliancelab.errors import InputError
from alliancelab.fileio import TABLE_FORMATS, check_writable, write_table


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The bundled datasets: list, cite, query with SQL, import.",
                        no_args_is_help=True)

    @group.command("list")
    def list_() -> None:
        """Table of the sources: name, version, years, rows, licence."""
        print_frame(catalog.sources_table(), title="alliancelab data sources")

    @group.command("cite")
    def cite(
        names: list[str] = typer.Argument(None, help="Source names (see `data list`)."),
        all_: bool = typer.Option(False, "--all", help="Cite every source."),
    ) -> None:
        """BibTeX for one or more sources."""
        if not names and not all_:
            raise InputError("name a source or pass --all", hint="`alliancelab data list`")
        typer.echo(catalog.cite(*(names or [])), nl=False)

    @group.command("sql")
    def sql(
        statement: str = typer.Argument(..., help="A SQL query over the source views."),
        out: Path = typer.Option(
            None, "--out", help=f"Write to a file ({', '.join(TABLE_FORMATS)})."
        ),
    ) -> None:
        """Run SQL over the sources (each is a view named as in `data list`)."""
        if out is not None:
            check_writable(out, TABLE_FORMATS)
        result = catalog.query(statement)
        if out is None:
            print_frame(result)
        else:
            write_table(result, out)
            typer.echo(f"wrote {len(result)} rows to {out}")

    @group.command("import")
    def import_(
        name: str = typer.Argument(..., help="Source to replace (see `data list`)."),
        file: Path = typer.Argument(..., help="The new release (.parquet, .csv or .dta)."),
        version: str = typer.Option(..., "--version", help="The release's version, e.g. 8.0."),
        partial: bool = typer.Option(False, "--partial", help="Accept a file that starts "
                                     "later than the bundled release."),
    ) -> None:
        """Use a newer official release of a source instead of the bundled one."""
        source = importer.import_source(name, file, version, allow_partial=partial)
        typer.echo(f"{source.name}: now using {source.title} {source.version} "
                   f"({source.years[0]}-{source.years[1]}, {source.rows:,} rows) from "
                   f"{source.path()}")

    @group.command("reset")
    def reset(name: str = typer.Argument(..., help="Source to return to the bundled release.")
              ) -> None:
        """Go back to the bundled release of a source."""
        source = importer.reset_source(name)
        typer.echo(f"{source.name}: using the bundled {source.title} {source.version}")

    app.add_typer(group, name="data")
