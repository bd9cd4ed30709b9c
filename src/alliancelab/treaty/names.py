"""Which state a country name in a treaty or scenario file means: names follow the dates.

"Germany" or "DEU" in a treaty signed in 1955 is West Germany (COW 260); in one signed in
2024 it is Germany (255). A name is read in the year it is about:

- a member: the year it joined (``joined``), else the year the treaty was signed, else the
  year it entered into force, else (in a scenario file) the scenario's year;
- a country in an obligation's ``members`` or ``toward``: the member it names (the one
  member whose own year gives that name that state), else as the next rule;
- any other country in a treaty (``adversaries``, a state in ``scope``): the obligation's
  ``since`` year, else the treaty's year (signed, in force, scenario year);
- a scenario's ``rivals``: the scenario's year;
- without any year (an undated treaty outside a scenario): the latest state of that name.

COW codes always mean themselves; years before 1816 are read as 1816, the first year of
the COW state system. A name that named no state in its year is read without the year,
and a member that was not a state system member in its year is a problem
(:func:`membership_problems`), except in ATOP treaties (with ``atopid``), which keep
ATOP's coding (ATOP lists alliances of 1815 and a few states COW does not count).

Example
-------
>>> resolve_names({"signed": "1955-05-05", "members": [{"state": "DEU"}, {"state": "USA"}]}
...               )["members"]
[{'state': 260}, {'state': 2}]
>>> for loc, msg in membership_problems({"signed": "2024-01-01", "members": [260, "USA"]}):
...     print(loc, msg.split(";")[0])
('members', 0) 260 was not a state system member in 2024 (the year the treaty was signed)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from alliancelab.errors import AllianceLabError, CoverageError
from alliancelab.treaty.fields import to_ccode, to_when
from alliancelab.treaty.schema import FIRST_YEAR as FIRST_SYSTEM_YEAR

__all__ = ["member_year", "membership_problems", "read_name", "resolve_names", "treaty_year"]

Problem = tuple[tuple[Any, ...], str]


def treaty_year(data: Mapping[str, Any], context_year: int | None = None
                ) -> tuple[int | None, str]:
    """The year names in a treaty are read in, and why (signed, in force, scenario year)."""
    for key, why in (("signed", "the year the treaty was signed"),
                     ("in_force", "the year the treaty entered into force")):
        year = _year(data.get(key))
        if year is not None:
            return year, why
    if context_year is not None:
        return context_year, "the scenario's year"
    return None, ""


def member_year(entry: Any, data: Mapping[str, Any], context_year: int | None = None
                ) -> tuple[int | None, str]:
    """The year a member entry is read in: its ``joined`` date, else :func:`treaty_year`."""
    if isinstance(entry, Mapping):
        year = _year(entry.get("joined"))
        if year is not None:
            return year, "the year it joined"
    return treaty_year(data, context_year)


def read_name(value: Any, year: int | None) -> Any:
    """The COW code ``value`` names in ``year``; ``value`` unchanged if it is not a name
    that named a state then (the field's own validation reports what is wrong)."""
    if not isinstance(value, str) or year is None:
        return value
    code = _code(value, year)
    return value if code is None else code


def resolve_names(data: Mapping[str, Any], context_year: int | None = None) -> dict[str, Any]:
    """A copy of raw treaty data with country names replaced by the COW codes they name in
    their years (see the module's rules). Never raises: what cannot be read is left as it
    is for validation to report."""
    out = dict(data)
    base, _ = treaty_year(data, context_year)
    spells: list[tuple[int, Any]] = []  # (code, member entry): its year is found if needed
    members = data.get("members")
    if isinstance(members, list):
        new = []
        for entry in members:
            value = entry.get("state") if isinstance(entry, Mapping) else entry
            if isinstance(value, int) and not isinstance(value, bool):
                spells.append((value, entry))  # a code means itself
                new.append(entry)
                continue
            year, _ = member_year(entry, data, context_year)
            code = _code(value, year) if year is not None else None
            if code is None:
                code = _code(value, None)
            elif isinstance(value, str):
                entry = {**entry, "state": code} if isinstance(entry, Mapping) else code
            if code is not None:
                spells.append((code, entry))
            new.append(entry)
        out["members"] = new
    obligations = data.get("obligations")
    if isinstance(obligations, list):
        def year_of(entry: Any) -> int | None:
            return member_year(entry, data, context_year)[0]

        out["obligations"] = [_obligation(ob, spells, base, year_of) if isinstance(ob, Mapping)
                              else ob for ob in obligations]
    return out


def membership_problems(data: Mapping[str, Any], context_year: int | None = None
                        ) -> list[Problem]:
    """Members that were not state system members in their year (:func:`member_year`).

    ATOP treaties (``atopid`` set) are not checked: they keep ATOP's coding.
    """
    if data.get("atopid") is not None:
        return []
    members = data.get("members")
    problems: list[Problem] = []
    for i, entry in enumerate(members if isinstance(members, list) else []):
        year, why = member_year(entry, data, context_year)
        value = entry.get("state") if isinstance(entry, Mapping) else entry
        if year is None or isinstance(value, bool) or not isinstance(value, int | str):
            continue
        try:
            to_ccode(value, max(year, FIRST_SYSTEM_YEAR))
        except CoverageError as err:
            spans = re.search(r"\((COW: [^)]*)\)", err.message)
            detail = f"; {spans.group(1)}" if spans else ""
            problems.append((("members", i), f"{value!r} was not a state system member in "
                                             f"{year} ({why}){detail}; check the state or "
                                             "the dates"))
        except AllianceLabError:
            continue  # an unknown country: the field's validation reports it
    return problems


# --- helpers ---------------------------------------------------------------------------


def _year(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return to_when(value).year
    except (ValueError, TypeError):
        return None


def _code(value: Any, year: int | None) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return to_ccode(value, None if year is None else max(year, FIRST_SYSTEM_YEAR))
    except AllianceLabError:
        return None


def _obligation(ob: Mapping[str, Any], spells: list[tuple[int, Any]], base: int | None,
                year_of: Callable[[Any], int | None]) -> dict[str, Any]:
    out = dict(ob)
    year = _year(ob.get("since")) or base
    for key in ("members", "toward"):
        listed = ob.get(key)
        if isinstance(listed, list):
            out[key] = [_member_named(v, spells, year, year_of) for v in listed]
    adversaries = ob.get("adversaries")
    if isinstance(adversaries, list):
        out["adversaries"] = [read_name(v, year) for v in adversaries]
    scope = ob.get("scope")
    if isinstance(scope, list) and year is not None:
        out["scope"] = [_scope(v, year) for v in scope]
    return out


def _member_named(value: Any, spells: list[tuple[int, Any]], year: int | None,
                  year_of: Callable[[Any], int | None]) -> Any:
    if not isinstance(value, str):
        return value
    hits = {code for code, entry in spells if (own := year_of(entry)) is not None
            and _code(value, own) == code}
    if len(hits) == 1:
        return hits.pop()
    return read_name(value, year)


def _scope(value: Any, year: int) -> Any:
    from alliancelab.treaty.schema import scope_token

    if not isinstance(value, str):
        return value
    try:
        return scope_token(value, max(year, FIRST_SYSTEM_YEAR))
    except (ValueError, AllianceLabError):
        return value
