"""``alliancelab treaties``: list, show and validate treaties; list the gazetteer's areas.

Example
-------
``alliancelab treaties list --member JPN --year 2018``; ``alliancelab treaties show 3180``;
``alliancelab treaties show 3375 --toml > us-japan.toml``;
``alliancelab treaties validate my-treaty.toml``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer

from alliancelab.cli._format import print_frame, print_json
from alliancelab.errors import ValidationError
from alliancelab.treaty import geography, library, tomlio
from alliancelab.treaty.fields import country_label
from alliancelab.treaty.schema import Scenario, Treaty


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Treaties: every ATOP alliance, the post-2018 supplement, your "
                             "own files.", no_args_is_help=True)

    @group.command("list")
    def list_(
        member: str = typer.Option(None, "--member", help="Only treaties with this member "
                                                          "(name, ISO3 or COW code; read in "
                                                          "--year: DEU in 1960 is West "
                                                          "Germany)."),
        year: int = typer.Option(None, "--year", help="Only treaties in force (and the "
                                                      "member a member) in this year."),
        search: str = typer.Option(None, "--search", help="Text in the treaty's or a "
                                                          "member's name."),
        kind: str = typer.Option(None, "--kind", help="Only treaties under which someone "
                                                      "owes this (defense or defence, "
                                                      "consultation, ...); with --member the "
                                                      "table shows what it owes and is owed."),
        json_: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Treaties by member, year and name."""
        found = library.find_treaties(member=member, year=year, search=search, kind=kind)
        table = library.treaties_table(found, year, member=member)
        projected = library.projection_note(year) if year is not None else None
        if projected:
            typer.echo(f"warning: {projected}", err=True)
        if json_:
            print_json(table.to_dict("records"))
            return
        whose = table.obligations_of.iloc[0] if len(table) else None
        shown = table.drop(columns=["obligations_of"])
        if member is not None and whose:
            # each member's own pledges: in 3375 Japan owes consultation, not defence
            shown = shown.rename(columns={"obligations": f"{whose} owes",
                                          "owed_to_member": f"owed to {whose}"})
        print_frame(shown, title=f"{len(table)} treaties", max_rows=1000)
        if table.assumed_in_force.any():
            typer.echo(f"assumed_in_force: the source knows the treaty only until 2018 (ATOP "
                       f"5.0) or its last check; it is assumed in force in {year} because "
                       "nothing recorded ends it.")

    @group.command("show")
    def show(
        ref: str = typer.Argument(..., help="Treaty id, ATOP id or name (see `list`)."),
        toml: bool = typer.Option(False, "--toml", help="Print as a treaty file (TOML)."),
        json_: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """One treaty: members, obligations with conditions, institutions, sources."""
        treaty = library.get_treaty(ref)
        if toml:
            typer.echo(tomlio.dumps_treaty(treaty), nl=False)
        elif json_:
            print_json(treaty.model_dump(mode="json", exclude_defaults=True))
        else:
            _describe(treaty)

    @group.command("validate")
    def validate(
        files: list[Path] = typer.Argument(..., help="Treaty or scenario files (TOML)."),
    ) -> None:
        """Check treaty or scenario files; report every problem with file, line and field."""
        problems: list[str] = []
        for path in files:
            try:
                loaded = tomlio.load_file(path)
            except ValidationError as err:
                problems += err.problems
                continue
            typer.echo(f"{path}: ok ({_what(loaded)})")
        if problems:
            raise ValidationError(", ".join(str(f) for f in files), problems)

    @group.command("areas")
    def areas() -> None:
        """The gazetteer: named areas usable in scopes and as --where."""
        rows = [{"id": a.id, "name": a.name, "inside": ", ".join(a.parents),
                 "owner": country_label(a.owner) if a.owner else ""}
                for a in geography.areas()]
        print_frame(pd.DataFrame(rows), title="areas (and every state by ISO3)", max_rows=500)

    app.add_typer(group, name="treaties")


def _what(loaded: Treaty | Scenario) -> str:
    if isinstance(loaded, Scenario):
        return f"scenario {loaded.name!r}, {len(loaded.treaties)} treaties"
    return f"treaty {loaded.name!r}, {len(loaded.member_ccodes)} members"


def _describe(t: Treaty) -> None:
    typer.echo(f"{t.id}: {t.name}")
    dates = [f"signed {t.signed}" if t.signed else "", f"in force {t.in_force}" if t.in_force
             else "", f"ended {t.ended}" if t.ended else "in force at last check"]
    typer.echo("  " + "; ".join(d for d in dates if d))
    if t.known_until and not t.ended:
        typer.echo(f"  known until {t.known_until}; later years assume nothing ended it")
    typer.echo(f"  source: {t.source}")
    if t.notes:
        typer.echo(f"  notes: {t.notes}")
    members = pd.DataFrame([{"state": country_label(m.state), "joined": m.joined, "left":
                             m.left, "in_force": m.in_force} for m in t.members])
    print_frame(members, title="members", max_rows=200)
    rows = []
    for ob in t.obligations:
        rows.append({
            "kind": ob.kind,
            "owed by": "all" if ob.members is None else " ".join(map(country_label, ob.members)),
            "to": " ".join(map(country_label, ob.toward)) if ob.toward is not None
            else ("unrecorded" if ob.toward_note else "all"),
            "period": f"{ob.since or ''}..{ob.until or ''}" if ob.since or ob.until else "",
            "article": ob.article or "",
            "conditions": ", ".join(
                f"scope={'/'.join(ob.scope)}" if c == "scope" and ob.scope else c
                for c in ob.active()),
        })
    print_frame(pd.DataFrame(rows), title="obligations", max_rows=200)
    codes = {k: v for k, v in t.institutions.model_dump(exclude_none=True).items()}
    typer.echo("institutions: " + (", ".join(f"{k}={v}" for k, v in codes.items()) or "not coded"))
