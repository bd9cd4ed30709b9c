"""The treaties alliancelab knows: ATOP 5.0 plus a curated supplement of later facts.

:func:`all_treaties` is every ATOP alliance with the supplement's amendments applied
(accessions such as Finland and Sweden to NATO, ends such as the Russia-Ukraine treaty of
1997) plus the supplement's new treaties (the Russia-DPRK treaty of 2024). Each fact in
``treaty/supplement/*.toml`` names its source. :func:`find_treaties` filters by member,
year and name; :func:`get_treaty` finds one by id, ATOP id or name.

Example
-------
>>> nato = get_treaty(3180)
>>> nato.is_member(375, 2024), nato.is_member(375, 2018)   # Finland
(True, False)
>>> [t.id for t in find_treaties(member="PRK", year=2024, kind="defense")]
['3445', '3975', 'rus-prk-2024']
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd
from pydantic import Field, model_validator

from alliancelab.errors import AllianceLabError, CoverageError, InputError, UnknownNameError
from alliancelab.treaty.atop import atop_treaties
from alliancelab.treaty.fields import CountryRef, WhenField, country_label, country_name, to_ccode
from alliancelab.treaty.schema import (
    FIRST_YEAR,
    KINDS,
    LAST_YEAR,
    Member,
    Treaty,
    _Model,
    normalize_kind,
)
from alliancelab.treaty.tomlio import loads_treaty

__all__ = [
    "Amendment",
    "all_treaties",
    "amendments",
    "check_year",
    "find_treaties",
    "get_treaty",
    "last_known_year",
    "projection_note",
    "supplement_treaties",
    "treaties_table",
]


class Accession(_Model):
    """A state joining an existing treaty, with the obligations of member ``like``.

    Names are read in the year it joined (see :mod:`alliancelab.treaty.names`).
    """

    state: CountryRef
    joined: WhenField
    in_force: WhenField | None = None
    like: CountryRef
    source: str

    @model_validator(mode="before")
    @classmethod
    def _names_in_year(cls, data: Any) -> Any:
        return _names_in(data, "joined", ("state", "like"))


class Departure(_Model):
    """A member leaving an existing treaty (its name read in the year it left)."""

    state: CountryRef
    left: WhenField
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _names_in_year(cls, data: Any) -> Any:
        return _names_in(data, "left", ("state",))


class Amendment(_Model):
    """A change after ATOP's coverage to a treaty alliancelab already has."""

    treaty: str
    source: str
    checked: WhenField | None = None
    ended: WhenField | None = None
    join: list[Accession] = Field(default_factory=list)
    leave: list[Departure] = Field(default_factory=list)


class _AmendmentFile(_Model):
    amendment: list[Amendment]


def all_treaties() -> tuple[Treaty, ...]:
    """Every known treaty: ATOP 5.0 (amended by the supplement) and the supplement's own."""
    return _all()


def supplement_treaties() -> tuple[Treaty, ...]:
    """The curated treaties signed after ATOP's coverage."""
    return _supplement()[0]


def amendments() -> tuple[Amendment, ...]:
    """The curated changes to ATOP treaties after 2018."""
    return _supplement()[1]


def last_known_year() -> int:
    """The last year the treaty data know about (the latest ``known_until``): after it,
    every treaty is assumed to continue and no later treaty, accession or exit is known."""
    return _last_known()


def check_year(year: int) -> int:
    """``year`` if alliancelab can assess it, else a :class:`CoverageError` naming the
    possible years."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CoverageError(
            f"year {year} is outside the years alliancelab can assess ({FIRST_YEAR}-"
            f"{LAST_YEAR})",
            hint=f"the COW state system begins in {FIRST_YEAR}; the treaty data are known "
                 f"until {last_known_year()}, later years assume nothing has changed")
    return year


def projection_note(year: int) -> str | None:
    """The warning every answer about a year after :func:`last_known_year` must carry."""
    last = last_known_year()
    if year <= last:
        return None
    return (f"{year} is after {last}, the last year the treaty data cover: every treaty in "
            f"force then is assumed still in force, and no later treaty, accession or "
            "withdrawal is known")


def get_treaty(ref: str | int, treaties: tuple[Treaty, ...] | None = None) -> Treaty:
    """A treaty by id (``'3180'``, ``'rus-prk-2024'``), ATOP id, or exact (short) name."""
    pool = treaties if treaties is not None else all_treaties()
    key = str(ref).strip().casefold()
    if not key:
        raise InputError("no treaty given", hint="give a treaty id (3180), ATOP id or name; "
                                                 "`alliancelab treaties list --search TEXT`")
    for t in pool:
        names = {t.id.casefold(), str(t.atopid or ""), t.name.casefold(),
                 (t.short_name or "").casefold()}
        if key in names - {""}:
            return t
    raise _unknown_treaty(str(ref), pool)


def find_treaties(member: str | int | None = None, year: int | None = None,
                  search: str | None = None, kind: str | None = None,
                  treaties: tuple[Treaty, ...] | None = None) -> list[Treaty]:
    """Treaties with ``member`` (in force and a member in ``year``), ``search`` in a name or
    a member's name, and an obligation of ``kind`` (either spelling: defense or defence).

    ``member`` is resolved in ``year`` ("DEU" in 1960 is West Germany). Raises
    :class:`~alliancelab.errors.AllianceLabError` subclasses for an unknown country or
    kind, a year outside :func:`check_year`, or a state that did not exist in ``year``.
    """
    pool = treaties if treaties is not None else all_treaties()
    if year is not None:
        check_year(year)
    ccode = to_ccode(member, year) if member is not None else None
    kind = normalize_kind(kind) if kind is not None else None
    needle = search.casefold() if search else None
    out = []
    for t in pool:
        if year is not None and not t.in_force_in(year):
            continue
        if ccode is not None and not t.is_member(ccode, year):
            continue
        if kind is not None and kind not in t.obligation_kinds:
            continue
        if needle and needle not in _haystack(t):
            continue
        out.append(t)
    return out


def treaties_table(treaties: list[Treaty], year: int | None = None,
                   member: str | int | None = None) -> pd.DataFrame:
    """One row per treaty: id, name, signed, ended, members, obligations, and whether being
    in force in ``year`` is assumed (ATOP ends in 2018).

    ``obligations`` lists the kinds anyone owes under the treaty; with ``member`` (read in
    ``year``) it lists only what that member owes (in US-Japan 3375, Japan owes
    consultation, not defence) and ``owed_to_member`` what the others owe it.
    ``obligations_of`` says whose obligations they are.
    """
    code = to_ccode(member, year) if member is not None else None
    whose = country_label(code) if code is not None else "any member"
    rows = []
    for t in treaties:
        members = t.members_in(year) if year is not None else t.member_ccodes
        row: dict[str, Any] = {
            "id": t.id,
            "name": t.short_name or t.name,
            "signed": str(t.signed) if t.signed else None,
            "ended": str(t.ended) if t.ended else None,
            "members": " ".join(country_label(c) for c in members),
            "obligations": ", ".join(t.obligation_kinds),
            "obligations_of": whose,
        }
        if code is not None:
            owes = {ob.kind for ob, a, _ in t.directed(year) if a == code}
            owed = {ob.kind for ob, _, b in t.directed(year) if b == code}
            row["obligations"] = ", ".join(k for k in KINDS if k in owes) or "none"
            row["owed_to_member"] = ", ".join(k for k in KINDS if k in owed) or "none"
        row["assumed_in_force"] = bool(year is not None and t.assumed_in(year))
        rows.append(row)
    columns = ["id", "name", "signed", "ended", "members", "obligations", "obligations_of",
               *(["owed_to_member"] if code is not None else []), "assumed_in_force"]
    return pd.DataFrame(rows, columns=columns)


# --- helpers ---------------------------------------------------------------------------


def _names_in(data: Any, date_key: str, keys: tuple[str, ...]) -> Any:
    from alliancelab.treaty.names import member_year, read_name

    if not isinstance(data, dict):
        return data
    year, _ = member_year({"joined": data.get(date_key)}, {})
    return {**data, **{k: read_name(data[k], year) for k in keys if k in data}}


def _unknown_treaty(ref: str, pool: tuple[Treaty, ...]) -> UnknownNameError:
    err = UnknownNameError("treaty", ref, [t.id for t in pool])
    if err.hint and not err.hint.startswith("did you mean"):  # not a list of 770 ids
        AllianceLabError.__init__(err, err.message, hint="`alliancelab treaties list --search "
                                                        "TEXT` finds treaties by name or member")
    return err


@cache
def _last_known() -> int:
    return max(t.known_until.year for t in all_treaties() if t.known_until is not None)


def _haystack(t: Treaty) -> str:
    parts = [t.id, t.name, t.short_name or ""]
    for c in t.member_ccodes:
        parts += [country_name(c), country_label(c)]
    return " ".join(parts).casefold()


@cache
def _supplement() -> tuple[tuple[Treaty, ...], tuple[Amendment, ...]]:
    folder = files("alliancelab.treaty") / "supplement"
    new: list[Treaty] = []
    changes: list[Amendment] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        text = entry.read_text("utf-8")
        if "[[amendment]]" in text:
            changes += _AmendmentFile.model_validate(tomllib.loads(text)).amendment
        else:
            new.append(loads_treaty(text, source=f"supplement/{entry.name}"))
    return tuple(new), tuple(changes)


@cache
def _all() -> tuple[Treaty, ...]:
    treaties = {t.id: t for t in atop_treaties()}
    for change in amendments():
        treaties[change.treaty] = _apply(treaties[change.treaty], change)
    return (*treaties.values(), *supplement_treaties())


def _apply(treaty: Treaty, change: Amendment) -> Treaty:
    data: dict[str, Any] = {k: getattr(treaty, k) for k in Treaty.model_fields}
    members = list(treaty.members)
    obligations = list(treaty.obligations)
    for new in change.join:
        members.append(Member(state=new.state, joined=new.joined, in_force=new.in_force,
                              source=new.source))
        obligations = [_extend(ob, new.like, new.state) for ob in obligations]
    for gone in change.leave:
        members = [m.model_copy(update={"left": gone.left, "source": gone.source or
                                        change.source})
                   if m.state == gone.state and m.left is None else m for m in members]
    data["members"] = members
    data["obligations"] = obligations
    if change.ended is not None:
        data["ended"] = change.ended
    if change.checked is not None or change.ended is not None:
        data["known_until"] = change.checked or change.ended
    data["source"] = f"{treaty.source}; after 2018: {change.source}"
    return Treaty.model_validate(
        {k: (v.model_dump() if hasattr(v, "model_dump") else
             [x.model_dump() if hasattr(x, "model_dump") else x for x in v]
             if isinstance(v, list) else v)
         for k, v in data.items()})


def _extend(ob: Any, like: int, new: int) -> Any:
    update = {}
    if ob.members is not None and like in ob.members:
        update["members"] = [*ob.members, new]
    if ob.toward is not None and like in ob.toward:
        update["toward"] = [*ob.toward, new]
    return ob.model_copy(update=update) if update else ob
