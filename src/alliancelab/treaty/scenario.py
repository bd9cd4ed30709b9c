"""Scenarios: a proposed set of treaties with a year and rivals, from a TOML file.

Built-in scenarios ship as files in ``treaty/scenarios/`` that users copy and edit:
``asian-nato`` (Japan, the United States, South Korea, Australia and the Philippines),
``asian-nato-india``, ``asian-nato-without-us``, ``quad-pact`` and ``status-quo`` (no new
treaty). :func:`load_scenario` takes a built-in name or a path. What the measures layer
needs is one attribute away: ``scenario.member_ccodes`` / ``member_iso3``,
``rival_ccodes`` / ``rival_iso3``, ``year``, ``institutions`` (ATOP codes via
``institutions.atop_codes()``), ``obligation_kinds``; :meth:`Scenario.world` is what the
obligations engine should read.

Example
-------
>>> s = load_scenario("asian-nato")
>>> s.year, s.member_iso3, s.rival_iso3
(2024, ['JPN', 'USA', 'KOR', 'AUS', 'PHL'], ['CHN', 'PRK', 'RUS'])
>>> s.institutions.integrated_command, s.institutions.spending_target_gdp
(True, 0.02)
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

from alliancelab.errors import UnknownNameError
from alliancelab.treaty.schema import Scenario
from alliancelab.treaty.tomlio import load_scenario_file, loads_scenario

__all__ = ["default_year", "list_scenarios", "load_scenario", "scenario_file", "scenario_names"]


def default_year() -> int:
    """The year a scenario without ``year`` is set in: the last year of SIPRI military
    expenditure, the most recent of the core datasets."""
    from alliancelab.data import get_source

    return get_source("sipri_milex").years[1]


def scenario_names() -> list[str]:
    """Names of the built-in scenarios."""
    return sorted(_builtin())


def list_scenarios() -> list[Scenario]:
    """Every built-in scenario."""
    return [load_scenario(n) for n in scenario_names()]


def scenario_file(name: str) -> Path:
    """Path of a built-in scenario's file (to copy and edit)."""
    key = name.strip().casefold().removesuffix(".toml")
    if key not in _builtin():
        raise UnknownNameError("scenario", name, scenario_names())
    return Path(str(_builtin()[key]))


def load_scenario(name_or_path: str | os.PathLike[str]) -> Scenario:
    """A built-in scenario by name, or a scenario file by path.

    Raises :class:`~alliancelab.errors.UnknownNameError` (with the closest built-in names)
    for an unknown name and :class:`~alliancelab.errors.ValidationError` for a bad file.
    """
    path = Path(name_or_path)
    key = str(name_or_path).strip().casefold().removesuffix(".toml")
    if key in _builtin() and not path.is_file():
        return _load_builtin(key)
    if path.is_file() or path.suffix == ".toml" or os.sep in str(name_or_path):
        return load_scenario_file(path)
    raise UnknownNameError("scenario", str(name_or_path), scenario_names())


@cache
def _load_builtin(key: str) -> Scenario:
    entry = _builtin()[key]
    return loads_scenario(entry.read_text("utf-8"), source=f"scenarios/{key}.toml",
                          default_id=key)


@cache
def _builtin() -> dict[str, object]:
    folder = files("alliancelab.treaty") / "scenarios"
    return {p.name.removesuffix(".toml"): p for p in folder.iterdir()
            if p.name.endswith(".toml")}
