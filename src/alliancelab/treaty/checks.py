"""Cross-field checks of a treaty: the problems no single field can see on its own.

An end before a start, a state listed twice, an obligation for a state that is not a
member, a condition that does not apply to that kind of obligation, a member that was not
a state system member when it joined (names are read in the treaty's years, see
:mod:`alliancelab.treaty.names`). The same function runs on a validated
:class:`~alliancelab.treaty.schema.Treaty` and on the raw contents of a file whose fields
are still partly invalid, so a file's every problem is reported at once. Each problem is
``(location, message)`` with the location as a tuple of keys and indexes.

Example
-------
>>> raw = {"signed": "2000-01-01", "ended": "1999", "members": ["JPN", "Japan"]}
>>> for loc, msg in treaty_problems(raw):
...     print(loc, msg.split(";")[0])
('ended',) ends (1999) before it was signed (2000-01-01)
('members', 1) 'Japan' is the same state as members[0] ('JPN')
>>> [msg.split(";")[0] for _, msg in treaty_problems({"signed": 1960, "members": ["DEU", 260]})]
["260 is the same state as members[0] ('DEU')"]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliancelab.treaty.fields import When, country_label, to_when

__all__ = ["treaty_problems"]

Problem = tuple[tuple[Any, ...], str]


def treaty_problems(data: Mapping[str, Any], context_year: int | None = None
                    ) -> list[Problem]:
    """Every cross-field problem in a treaty (raw file contents or a validated view).

    ``context_year`` is the scenario's year for an undated treaty in a scenario file: the
    year its members must have been state system members
    (:func:`alliancelab.treaty.names.membership_problems`).
    """
    from alliancelab.treaty.names import membership_problems, resolve_names
    from alliancelab.treaty.schema import CONDITIONS_FOR

    read = resolve_names(data, context_year)  # names as the states they meant then
    problems: list[Problem] = []
    signed = _when(data.get("signed"))
    for key, what in (("ended", "ends"), ("in_force", "enters into force")):
        later = _when(data.get(key))
        if signed and later and later.last_day() < signed.first_day():
            problems.append(((key,), f"{what} ({later}) before it was signed ({signed})"))
    members = data.get("members")
    members = members if isinstance(members, list) else []
    codes = [e.get("state") if isinstance(e, Mapping) else e for e in read["members"]
             ] if members else []
    spells: list[tuple[int, int, When | None, When | None, Any]] = []
    for i, entry in enumerate(members):
        entry = entry if isinstance(entry, Mapping) else {"state": entry}
        joined, left = _when(entry.get("joined")), _when(entry.get("left"))
        if joined and left and left.last_day() < joined.first_day():
            problems.append((("members", i, "left"), f"leaves ({left}) before joining ({joined})"))
        code = _country(codes[i])
        if code is not None:
            spells.append((i, code, joined, left, entry.get("state")))
    problems += [(("members", *loc), msg) for loc, msg in _duplicates(spells)]
    problems += membership_problems(data, context_year)
    member_set = {code for _, code, *_ in spells}
    obligations = read.get("obligations")
    for i, ob in enumerate(obligations if isinstance(obligations, list) else []):
        if not isinstance(ob, Mapping):
            continue
        problems += [(("obligations", i, *loc), msg) for loc, msg in _obligation(ob, member_set,
                                                                                 CONDITIONS_FOR)]
    return problems


def _obligation(ob: Mapping[str, Any], members: set[int],
                allowed: dict[str, set[str]]) -> list[Problem]:
    out: list[Problem] = []
    for key in ("members", "toward"):
        listed = ob.get(key)
        if not isinstance(listed, list):
            continue
        for j, value in enumerate(listed):
            code = _country(value)
            if code is not None and members and code not in members:
                out.append(((key, j), f"{_show(value)} is not a member of the treaty; add it "
                                      "to the treaty's members or remove it here"))
    since, until = _when(ob.get("since")), _when(ob.get("until"))
    if since and until and until.last_day() < since.first_day():
        out.append((("until",), f"ends ({until}) before it starts ({since})"))
    kind = ob.get("kind")
    if isinstance(kind, str) and kind in allowed:
        for name in sorted(allowed["defense"] | allowed["neutrality"] | allowed["consultation"]):
            value = ob.get(name)
            if value not in (None, False) and name not in allowed[kind]:
                fits = [k for k, names in allowed.items() if name in names]
                out.append(((name,), f"'{name}' does not apply to a {kind} obligation (ATOP "
                                     f"codes it for: {', '.join(fits)})"))
    return out


def _duplicates(spells: list[tuple[int, int, When | None, When | None, Any]]) -> list[Problem]:
    out: list[Problem] = []
    for n, (i, code, joined, left, shown) in enumerate(spells):
        for j, other, ojoined, oleft, oshown in spells[:n]:
            if other == code and _overlap(joined, left, ojoined, oleft):
                out.append(((i,), f"{_show(shown)} is the same state as members[{j}] "
                                  f"({_show(oshown)}); list each state once (a state that left "
                                  "and rejoined needs dates on both entries)"))
                break
    return out


def _overlap(a0: When | None, a1: When | None, b0: When | None, b1: When | None) -> bool:
    if a0 is None or b0 is None:
        return True
    first_end = a1.last_day() if a1 else None
    second_end = b1.last_day() if b1 else None
    return ((first_end is None or b0.first_day() <= first_end)
            and (second_end is None or a0.first_day() <= second_end))


def _when(value: Any) -> When | None:
    if value is None:
        return None
    try:
        return to_when(value)
    except (ValueError, TypeError):
        return None


def _country(value: Any) -> int | None:
    from alliancelab.treaty.schema import parse_country

    return parse_country(value)


def _show(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        label = country_label(value)
        return str(value) if label.startswith("COW") else f"{value} ({label})"
    return repr(value)
