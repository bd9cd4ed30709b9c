"""What the web app computes, memoised: assessments, reports, obligations, alignments.

A browser session asks the same questions again and again (switch tabs, compare, go back);
each answer here is computed once per process and then served from memory, which is what
makes a repeated report instant. Scenarios come only from the built-in list or from TOML
text the user posts, never from a path on the server's disk.

Example
-------
>>> scenario_list()[0]["id"] in {s.id for s in list_scenarios()}
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from alliancelab.errors import InputError, UnknownNameError
from alliancelab.treaty import Scenario, load_scenario
from alliancelab.treaty.scenario import list_scenarios, scenario_names

__all__ = ["alignments", "assessment_json", "obligations_json", "report_html",
           "scenario_list", "user_scenario"]

_USER_SCENARIOS: dict[str, Scenario] = {}


def scenario_list() -> list[dict[str, Any]]:
    """The built-in scenarios (and any the user posted this session) for the menus."""
    rows = [*list_scenarios(), *_USER_SCENARIOS.values()]
    return [{"id": s.id, "name": s.name, "year": s.year, "members": s.member_iso3,
             "rivals": s.rival_iso3, "description": s.description,
             "builtin": s.id not in _USER_SCENARIOS} for s in rows]


def user_scenario(toml_text: str) -> dict[str, Any]:
    """Validate a scenario posted as TOML and keep it for this process; returns its id."""
    from alliancelab.treaty.tomlio import loads_scenario

    if len(toml_text) > 200_000:
        raise InputError("the scenario file is larger than 200 kB",
                         hint="a scenario is a few dozen lines")
    scen = loads_scenario(toml_text, "posted scenario")
    if scen.id in scenario_names():
        raise InputError(f"scenario id {scen.id!r} is a built-in one",
                         hint="give your scenario its own id in [scenario]")
    _USER_SCENARIOS[scen.id] = scen
    _cached_assessments.cache_clear()
    return {"id": scen.id, "name": scen.name}


def _scenario(name: str) -> Scenario:
    if name in _USER_SCENARIOS:
        return _USER_SCENARIOS[name]
    if name not in scenario_names():
        raise UnknownNameError("scenario", name, [*scenario_names(), *_USER_SCENARIOS])
    return load_scenario(name)


@lru_cache(maxsize=64)
def _cached_assessments(names: tuple[str, ...], year: int | None) -> tuple[Any, ...]:
    from alliancelab.assess.assessment import assess_many

    return tuple(assess_many([_scenario(n) for n in names], year))


@lru_cache(maxsize=32)
def report_html(names: tuple[str, ...], year: int | None = None) -> str:
    """The full HTML report for one scenario or several compared."""
    from alliancelab.report.html import render_html

    return render_html(list(_cached_assessments(names, year)))


@lru_cache(maxsize=32)
def assessment_json(names: tuple[str, ...], year: int | None = None) -> str:
    """The assessment JSON (docs/assessment-schema.md)."""
    from alliancelab.report.html import render_json

    return render_json(list(_cached_assessments(names, year)))


@lru_cache(maxsize=256)
def obligations_json(attackers: tuple[str, ...], target: str, where: str | None,
                     on: str | None, year: int, scenario: str | None) -> list[dict[str, Any]]:
    """Who must do what if ``attackers`` attack ``target`` (records as the CLI's JSON)."""
    from alliancelab.treaty.engine import armed_attack, obligations

    treaties = _scenario(scenario).world() if scenario else None
    event = armed_attack(list(attackers), target, where, on, year=year)
    return obligations(event, year, treaties).to_records()


@lru_cache(maxsize=64)
def alignments(region: str, year: int, scenario: str | None, top: int = 5) -> dict[str, Any]:
    """Stable alignments of a region, with and without a scenario's treaty."""
    from alliancelab.align import solve
    from alliancelab.align.propensity import data_problem
    from alliancelab.align.scenario import scenario_problems

    out: dict[str, Any] = {"region": region, "year": year, "scenario": scenario}
    if scenario:
        pair = scenario_problems(_scenario(scenario), year, region)
        out["without_treaty"] = solve(pair.without_treaty).to_dict(top=top)
        out["with_treaty"] = solve(pair.with_treaty).to_dict(top=top)
    else:
        out["without_treaty"] = solve(data_problem(None, year, region=region)).to_dict(top=top)
    return out
