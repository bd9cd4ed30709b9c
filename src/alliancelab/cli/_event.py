"""The options that describe an armed attack, shared by ``obligations`` and ``cascade``.

Both commands take the same crisis (who attacks whom, where, when, under which scenario);
declaring the options once keeps their names, defaults and help identical.

Example
-------
``def command(attacker: Attacker, target: Target, where: Where = None) -> None: ...``
"""

from __future__ import annotations

from typing import Annotated

import typer

Attacker = Annotated[list[str], typer.Option(
    "--attacker", help="Attacking state (repeat for several); names are read in --year "
    "(DEU in 1960 is West Germany).")]
Target = Annotated[str, typer.Option("--target", help="The state attacked.")]
Where = Annotated[str | None, typer.Option(
    "--where", help="Place of the attack: an area (`alliancelab treaties areas`) or a "
    "state; default: the target's territory.")]
On = Annotated[str | None, typer.Option(
    "--on", help="'territory' or 'forces' (armed forces, vessels, aircraft); default from "
    "--where.")]
Year = Annotated[int | None, typer.Option(
    "--year", help="Year (default: the scenario's, else the latest year with data).")]
ScenarioName = Annotated[str | None, typer.Option(
    "--scenario", help="Add a scenario's proposed treaties (built-in name or file).")]
Provoked = Annotated[bool | None, typer.Option(
    "--provoked/--unprovoked", help="Whether the target provoked the attack (default: "
    "unknown).")]
AtWar = Annotated[bool, typer.Option(
    "--at-war/--not-at-war", help="Whether the attack puts the target in a state of war.")]
