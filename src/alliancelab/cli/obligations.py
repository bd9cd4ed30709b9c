"""``alliancelab obligations``: who must do what if one state attacks another.

Example
-------
``alliancelab obligations --attacker CHN --target PHL --where south-china-sea --year 2024``;
add ``--scenario asian-nato`` for a proposed treaty and ``--format json`` for machines.
"""

from __future__ import annotations

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
from alliancelab.cli._format import print_frame, print_json
from alliancelab.errors import InputError, UnknownNameError
from alliancelab.treaty import engine
from alliancelab.treaty import scenario as scenarios
from alliancelab.treaty.library import all_treaties, check_year, projection_note
from alliancelab.treaty.schema import normalize_kind


def register(app: typer.Typer) -> None:
    @app.command("obligations")
    def obligations(
        attacker: Attacker,
        target: Target,
        where: Where = None,
        on: On = None,
        year: Year = None,
        scenario: ScenarioName = None,
        provoked: Provoked = None,
        at_war: AtWar = True,
        kind: list[str] = typer.Option(None, "--kind", help="Only these obligations "
                                       "(defense or defence, consultation, neutrality, "
                                       "...)."),
        status: list[str] = typer.Option(None, "--status", help="Only these statuses "
                                         "(obliged, conditional-unmet, cannot-decide)."),
        format_: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """Every obligation an armed attack triggers, with treaty, article and conditions."""
        if format_ not in ("table", "json"):
            raise InputError(f"unknown format {format_!r}", hint="use table or json")
        kinds = {normalize_kind(k) for k in kind or []}
        for s in status or []:
            if s not in engine.STATUSES:
                raise UnknownNameError("status", s, engine.STATUSES)
        chosen = scenarios.load_scenario(scenario) if scenario is not None else None
        when = year if year is not None else (chosen.year if chosen else
                                              scenarios.default_year())
        check_year(when)
        event = engine.armed_attack(attacker, target, where, on, provoked=provoked,
                                    state_of_war=None if at_war else False, year=when)
        pool = chosen.world() if chosen else list(all_treaties())
        report = engine.obligations(event, when, pool)
        found = [f for f in report.findings if (not kinds or f.kind in kinds)
                 and (not status or f.status in status)]
        projected = projection_note(when)
        if format_ == "json":
            if projected:
                typer.echo(f"warning: {projected}", err=True)
            print_json([f.to_dict() for f in found])
            return
        typer.echo(f"{event.describe()}, {when}"
                   + (f", with scenario {chosen.id}" if chosen else ""))
        if projected:
            typer.echo(f"warning: {projected}")
        shown = engine.ObligationReport(event, when, tuple(found), report.treaties_read)
        print_frame(shown.to_frame().drop(columns=["assumed"]), max_rows=500)
        assumed = sorted({a for f in found for a in f.assumptions})
        for a in assumed:
            typer.echo(f"assumption: {a}")
        for n in report.notes:
            if n != projected:
                typer.echo(f"note: {n}")
