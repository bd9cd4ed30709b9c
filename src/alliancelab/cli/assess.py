"""``alliancelab assess``: the main job, a scenario's assessment as an HTML report or JSON.

Example
-------
``alliancelab assess asian-nato --out asian-nato.html``;
``alliancelab assess asian-nato --compare asian-nato-india --compare status-quo --out cmp.html``;
``alliancelab assess my-treaty.toml --year 2020 --format json``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from alliancelab.cli._progress import steps
from alliancelab.errors import InputError
from alliancelab.fileio import check_writable


def register(app: typer.Typer) -> None:
    @app.command("assess")
    def assess_command(
        scenario: str = typer.Argument(..., help="A built-in scenario name (see `scenarios "
                                       "list`) or a scenario TOML file."),
        year: int = typer.Option(None, "--year", help="Assess as of this year (default: "
                                 "the scenario's)."),
        compare: list[str] = typer.Option(None, "--compare", help="Another scenario to put "
                                          "side by side; repeat for more."),
        out: Path = typer.Option(None, "--out", help="Write the report here (.html or "
                                 ".json); without it, JSON or a summary goes to stdout."),
        fmt: str = typer.Option(None, "--format", help="html or json (default: from --out's "
                                "extension; json on stdout)."),
        include_nonagg: bool = typer.Option(False, "--include-nonagg", help="Count "
                                            "non-aggression pledges in cohesion."),
    ) -> None:
        """Assess a proposed alliance and write the report."""
        from alliancelab.assess.assessment import assess_many
        from alliancelab.report.html import render_json, write_report

        fmt = (fmt or "").lower() or None
        if fmt not in (None, "html", "json"):
            raise InputError(f"unknown format {fmt!r}", hint="use html or json")
        if out is not None:
            check_writable(out)
        elif fmt == "html":
            raise InputError("an HTML report needs --out FILE.html")
        names = [scenario, *(compare or [])]
        with steps(["assess", "render"]) as step:
            step("assess")
            assessments = assess_many(names, year, include_nonagg=include_nonagg)
            step("render")
            if out is not None:
                write_report(assessments, out, fmt)
        if out is None:
            typer.echo(render_json(assessments))
        else:
            typer.echo(f"wrote {out} ({', '.join(a.name for a in assessments)}, "
                       f"{assessments[0].year})")
