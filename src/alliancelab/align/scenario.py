"""A scenario's treaty as a landscape: the same states solved with and without it.

Used by ``alliancelab align --scenario`` and the web app, so both compare like with like:
the region (or the listed states, or, without either, the scenario's members and rivals)
plus every member and rival, once with the treaty's added propensity and once without.

Example
-------
>>> from alliancelab.treaty import load_scenario
>>> pair = scenario_problems(load_scenario("asian-nato"), year=2023, region="asia-pacific")
>>> pair.with_treaty.actors == pair.without_treaty.actors
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alliancelab.errors import InputError

__all__ = ["ScenarioProblems", "scenario_problems"]


@dataclass(frozen=True)
class ScenarioProblems:
    """The landscape with the scenario's treaty, the same one without it, and its name."""

    with_treaty: Any
    without_treaty: Any
    treaty_name: str


def scenario_problems(
    scenario: Any,
    year: int | None = None,
    region: str | None = None,
    states: Sequence[str | int] | None = None,
    treaty_propensity: float = 1.0,
    weights: Mapping[str, float] | str | None = None,
    sizes: str = "cinc",
) -> ScenarioProblems:
    """Landscapes of ``scenario`` (a loaded Scenario) with and without its treaty."""
    from alliancelab.align.propensity import data_problem

    members = list(scenario.member_ccodes)
    if not members:
        raise InputError(f"scenario {scenario.id!r} has no treaty to add",
                         hint="choose a scenario with a treaty (alliancelab scenarios list)")
    if region is not None and states is not None:
        raise InputError("give a region or a list of states, not both")
    year = scenario.year if year is None else year
    extra = [*members, *scenario.rival_ccodes]
    if region is None and states is None:
        states = extra
    label = scenario.treaty.name if scenario.treaty is not None else "treaty"
    common: dict[str, Any] = {"region": region, "weights": weights, "sizes": sizes,
                              "extra_states": extra}
    chosen = list(states) if states is not None else None
    without = data_problem(chosen, year, **common)
    with_treaty = data_problem(chosen, year, treaty_members=members,
                               treaty_propensity=treaty_propensity, treaty_name=label,
                               **common)
    return ScenarioProblems(with_treaty, without, label)
