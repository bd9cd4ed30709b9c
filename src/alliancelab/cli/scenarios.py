"""``alliancelab scenarios``: the built-in scenarios, to read, run or copy.

Example
-------
``alliancelab scenarios list``; ``alliancelab scenarios show asian-nato``;
``alliancelab scenarios show asian-nato --toml > my-scenario.toml``.
"""

from __future__ import annotations

import pandas as pd
import typer

from alliancelab.cli._format import print_frame, print_json
from alliancelab.treaty import scenario as scenarios
from alliancelab.treaty import tomlio
from alliancelab.treaty.fields import country_label


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Built-in scenarios (Asian NATO and alternatives).",
                        no_args_is_help=True)

    @group.command("list")
    def list_(json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
        """Every built-in scenario: members, rivals, year."""
        rows = [{"name": s.id, "title": s.name, "year": s.year,
                 "members": " ".join(s.member_iso3) or "(no new treaty)",
                 "rivals": " ".join(s.rival_iso3)} for s in scenarios.list_scenarios()]
        if json_:
            print_json(rows)
        else:
            print_frame(pd.DataFrame(rows), title="built-in scenarios")

    @group.command("show")
    def show(
        name: str = typer.Argument(..., help="Built-in name or a scenario file."),
        toml: bool = typer.Option(False, "--toml", help="Print the scenario file (to copy)."),
        json_: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """A scenario: its treaties, members, rivals, institutions."""
        s = scenarios.load_scenario(name)
        if toml:
            typer.echo(tomlio.dumps_scenario(s), nl=False)
            return
        if json_:
            print_json(s.model_dump(mode="json", exclude_defaults=True))
            return
        typer.echo(f"{s.id}: {s.name} ({s.year})")
        if s.description:
            typer.echo(f"  {s.description}")
        typer.echo(f"  rivals: {' '.join(s.rival_iso3) or 'none'}")
        if not s.treaties:
            typer.echo("  no new treaty: the real treaties in force only")
        for t in s.treaties:
            typer.echo(f"  treaty {t.id}: {t.name}")
            own = dict.fromkeys(country_label(m.state) for m in t.members)  # this treaty's
            typer.echo(f"    members: {' '.join(own)}")
            for ob in t.obligations:
                scope = f" scope={'/'.join(ob.scope)}" if ob.scope else ""
                typer.echo(f"    {ob.kind} ({ob.article or 'no article'}){scope}")
            codes = t.institutions.model_dump(exclude_none=True)
            typer.echo("    institutions: " + (", ".join(f"{k}={v}" for k, v in codes.items())
                                               or "not specified"))

    app.add_typer(group, name="scenarios")
