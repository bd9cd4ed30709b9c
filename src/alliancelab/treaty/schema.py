"""Treaty-as-code: the typed models of a treaty, its members' obligations and institutions.

A :class:`Treaty` has members (each with the dates it joined and left), obligations (who
owes what to whom, under which conditions, by which article) and institutions (integrated
command, bases, organisation, military aid, spending target...). Every field maps to an
ATOP variable where ATOP has one (see ``docs/treaty-format.md``), so the 765 ATOP
alliances and a user's proposed treaty are the same kind of object. A :class:`Scenario` is
a named set of proposed treaties with a year and the rivals they face.

Models are strict and frozen: an unknown field, a misspelled country or an impossible date
is an error, never silently dropped. Files are read and written by
:mod:`alliancelab.treaty.tomlio`, which reports every problem with its line.

Example
-------
>>> t = Treaty(name="Pacific Pact", members=["JPN", "USA"],
...            obligations=[{"kind": "defense", "scope": ["territory", "pacific"]}])
>>> t.id, t.member_ccodes, t.obligations[0].kind
('pacific-pact', [2, 740], 'defense')
>>> sorted(t.owed(2018))[:2]
[(2, 740, 'defense'), (740, 2, 'defense')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from alliancelab.treaty.fields import CountryRef, When, WhenField, country_label, to_ccode

__all__ = [
    "ATOP_KIND",
    "FIRST_YEAR",
    "KINDS",
    "KIND_ALIASES",
    "LAST_YEAR",
    "Conditions",
    "Institutions",
    "Kind",
    "Member",
    "Obligation",
    "Phase",
    "Scenario",
    "Treaty",
    "normalize_kind",
    "scope_token",
]

Kind = Literal["defense", "offense", "neutrality", "nonaggression", "consultation"]
KINDS: tuple[str, ...] = ("defense", "offense", "neutrality", "nonaggression", "consultation")
# Other spellings accepted wherever a kind is typed (files, CLI, library); output is canonical.
KIND_ALIASES = {"defence": "defense", "offence": "offense", "non-aggression": "nonaggression"}
# Years alliancelab can assess: from the start of the COW state system to a far horizon
# (after the treaty data's last year every answer says what it assumes).
FIRST_YEAR, LAST_YEAR = 1816, 2100
ATOP_KIND = {"defense": "defense", "offense": "offense", "neutrality": "neutral",
             "nonaggression": "nonagg", "consultation": "consul"}

# Which conditions ATOP codes for which obligation (codebook section 2.33).
CONDITIONS_FOR: dict[str, set[str]] = {
    "defense": {"scope", "adversaries", "adversary_count", "conflict", "demands",
                "non_provocation", "state_of_war", "other"},
    "offense": {"scope", "adversaries", "adversary_count", "conflict", "demands", "other"},
    "neutrality": {"scope", "adversaries", "adversary_count", "conflict", "demands",
                   "non_provocation", "upon_attack", "other"},
    "consultation": {"scope", "adversaries", "conflict", "upon_request", "other"},
    "nonaggression": {"other"},
}
SCOPE_PREFIXES = ("territory:", "forces:", "involving:")
SCOPE_WORDS = ("territory", "metropolitan-territory", "forces")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def normalize_kind(value: str) -> str:
    """The canonical kind for ``value`` (``'defence'`` -> ``'defense'``).

    Raises :class:`~alliancelab.errors.UnknownNameError` with the closest kinds.
    """
    from alliancelab.errors import UnknownNameError

    key = str(value).strip().casefold()
    key = KIND_ALIASES.get(key, key)
    if key not in KINDS:
        raise UnknownNameError("obligation kind", str(value), [*KINDS, *KIND_ALIASES])
    return key


def scope_token(value: Any, year: int | None = None) -> str:
    """Normalise one scope entry: a word, an area, or ``territory:``/``forces:``/``involving:``
    followed by an area. Areas are checked against the gazetteer; a state named by name or
    ISO3 is the state of that name in ``year``."""
    from alliancelab.errors import AllianceLabError
    from alliancelab.treaty.geography import area

    if not isinstance(value, str):
        raise ValueError(f"expected a scope like 'territory' or 'pacific', got {value!r}")
    text = value.strip()
    if text.casefold() in SCOPE_WORDS:
        return text.casefold()
    prefix = next((p for p in SCOPE_PREFIXES if text.casefold().startswith(p)), "")
    try:
        return prefix + area(text[len(prefix):], year).id
    except AllianceLabError as err:
        raise ValueError(f"{err}; or one of: {', '.join(SCOPE_WORDS)}") from None


ScopeToken = Annotated[str, PlainValidator(scope_token)]


class Conditions(_Model):
    """The conditions an obligation is subject to (ATOP's ``*co*`` variables).

    A condition whose content is known is stated (``scope``, ``adversaries``); one that ATOP
    records without its content is a note (``scope_note``, ``adversary_note``, ``conflict``,
    ``demands``, ``other``) and makes the engine answer *cannot-decide*.
    """

    scope: list[ScopeToken] | None = None
    scope_note: str | None = None
    adversaries: list[CountryRef] | None = None
    adversary_note: str | None = None
    adversary_count: Literal["one", "two-or-more", "unrecorded"] | None = None
    conflict: str | None = None
    demands: str | None = None
    non_provocation: bool = False
    upon_attack: bool = False
    upon_request: bool = False
    state_of_war: bool = False
    other: str | None = None

    @property
    def conditions(self) -> Conditions:
        """Just the conditions (an :class:`Obligation` is also a :class:`Conditions`)."""
        return Conditions(**{k: getattr(self, k) for k in Conditions.model_fields})

    def active(self) -> list[str]:
        """Names of the conditions that are set."""
        out = []
        for name, info in Conditions.model_fields.items():
            value = getattr(self, name)
            if value is not None and value is not False and value != info.default:
                out.append(name)
        return out


def _all_or_list(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip().casefold() == "all":
            return None
        raise PydanticCustomError("all_or_list", "expected \"all\" or a list of countries")
    return value


class Obligation(Conditions):
    """What some members owe to others: ``kind`` toward ``toward``, under the conditions."""

    kind: Kind
    members: list[CountryRef] | None = None
    toward: list[CountryRef] | None = None
    toward_note: str | None = None
    since: WhenField | None = None
    until: WhenField | None = None
    article: str | None = None
    text: str | None = None
    source: str | None = None
    note: str | None = None

    @field_validator("members", "toward", mode="before")
    @classmethod
    def _all_or_list(cls, value: Any) -> Any:
        return _all_or_list(value)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_spelling(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = value.strip().casefold()
            key = KIND_ALIASES.get(key, key)
            return key if key in KINDS else value
        return value

    @field_serializer("members", "toward")
    def _all(self, value: list[int] | None) -> Any:
        return "all" if value is None else [_ccode_out(c) for c in value]

    def owed_by(self, treaty: Treaty) -> list[int]:
        """COW codes of the members that owe this."""
        return list(self.members) if self.members is not None else treaty.member_ccodes

    def owed_to(self, treaty: Treaty) -> list[int]:
        """COW codes of the members this is owed to (each owes it to all but itself)."""
        return list(self.toward) if self.toward is not None else treaty.member_ccodes

    def active_in(self, year: int) -> bool:
        """Whether this obligation (its phase) is in effect at some time in ``year``."""
        return _overlaps(self.since, self.until, year)


def _ccode_out(ccode: int) -> str | int:
    label = country_label(ccode)
    return ccode if label.startswith("COW") else label


class Member(_Model):
    """A member state and the dates it belonged (ATOP member file: yrent..., yrexit...)."""

    state: CountryRef
    joined: WhenField | None = None
    left: WhenField | None = None
    in_force: WhenField | None = None
    source: str | None = None
    note: str | None = None

    def active_in(self, year: int, treaty: Treaty) -> bool:
        return _overlaps(self.joined or treaty.signed, self.left or treaty.ended, year)


class Institutions(_Model):
    """How institutionalised the alliance is (ATOP section 2.34 plus two proposal fields).

    None means not coded (ATOP: missing, text not located).
    """

    military_contact: Annotated[int, Field(ge=0, le=3)] | None = None
    military_aid: Annotated[int, Field(ge=0, le=4)] | None = None
    integrated_command: bool | None = None
    subordination: Annotated[int, Field(ge=0, le=2)] | None = None
    organization: Annotated[int, Field(ge=0, le=3)] | None = None
    organization_purpose: Annotated[int, Field(ge=0, le=5)] | None = None
    second_organization: Annotated[int, Field(ge=0, le=3)] | None = None
    second_organization_purpose: Annotated[int, Field(ge=0, le=5)] | None = None
    bases: Annotated[int, Field(ge=0, le=3)] | None = None
    contributions: bool | None = None
    arms: Annotated[int, Field(ge=0, le=2)] | None = None
    nuclear_sharing: bool | None = None
    spending_target_gdp: Annotated[float, Field(gt=0, le=1, strict=False)] | None = None
    note: str | None = None

    def atop_codes(self) -> dict[str, int | None]:
        """The fields under their ATOP names (``milcon``, ``intcom``, ``base``...), as codes."""
        out: dict[str, int | None] = {}
        for field, atop in INSTITUTION_ATOP.items():
            value = getattr(self, field)
            out[atop] = None if value is None else int(value)
        return out


INSTITUTION_ATOP = {
    "military_contact": "milcon", "military_aid": "milaid", "integrated_command": "intcom",
    "subordination": "subord", "organization": "organ1", "organization_purpose": "orgpurp1",
    "second_organization": "organ2", "second_organization_purpose": "orgpurp2",
    "bases": "base", "contributions": "contrib", "arms": "armred",
}


class Phase(_Model):
    """One ATOP alliance phase: its dates and institutions (alliance-phase file)."""

    number: Annotated[int, Field(ge=1)]
    start: WhenField
    end: WhenField | None = None
    institutions: Institutions = Institutions()


class Treaty(_Model):
    """A treaty: members, their obligations, its institutions, and where the facts come from.

    ``known_until`` is the last date the source knows about (ATOP: 2018-12-31); a treaty
    without ``ended`` is assumed still in force after it, and outputs that rely on that
    assumption say so (:meth:`assumed_in`).
    """

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    short_name: str | None = None
    atopid: int | None = None
    cow_id: int | None = None
    signed: WhenField | None = None
    in_force: WhenField | None = None
    ended: WhenField | None = None
    known_until: WhenField | None = None
    members: Annotated[list[Member], Field(min_length=2)]
    obligations: list[Obligation] = []
    institutions: Institutions = Institutions()
    phases: list[Phase] = []
    source: str | None = None
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any, info: ValidationInfo) -> Any:
        from alliancelab.treaty.names import resolve_names

        if isinstance(data, Mapping):
            data = dict(data)
            if "id" not in data:  # made from the name; a bad or missing name is its own error
                name = data.get("name")
                data["id"] = (_slug(name) if isinstance(name, str) else "") or "treaty"
            if isinstance(data.get("members"), list):
                data["members"] = [
                    {"state": m} if isinstance(m, str | int) and not isinstance(m, bool) else m
                    for m in data["members"]
                ]
            data = resolve_names(data, context_year(info))
        return data

    @field_serializer("members")
    def _members_out(self, members: list[Member]) -> list[Any]:
        return [_member_out(m) for m in members]

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Treaty:
        from alliancelab.treaty.checks import treaty_problems

        problems = treaty_problems(self._check_view(), context_year(info))
        if problems:
            text = "; ".join(f"{_loc(loc)}: {msg}" for loc, msg in problems)
            raise PydanticCustomError("treaty_consistency", "{text}", {"text": text})
        return self

    # --- queries -----------------------------------------------------------------------

    @property
    def member_ccodes(self) -> list[int]:
        """COW codes of every state that was ever a member (sorted)."""
        return sorted({m.state for m in self.members})

    @property
    def label(self) -> str:
        """``'3375 US-Japan Security Treaty'`` style label."""
        return f"{self.id} {self.short_name or self.name}"

    @property
    def obligation_kinds(self) -> list[str]:
        """The kinds of obligation anyone owes under this treaty, in canonical order."""
        kinds = {o.kind for o in self.obligations}
        return [k for k in KINDS if k in kinds]

    def in_force_in(self, year: int) -> bool:
        """Whether the treaty is in force at some time in ``year`` (assumptions included)."""
        start = self.signed or min((m.joined for m in self.members if m.joined), default=None)
        return _overlaps(start, self.ended, year)

    def assumed_in(self, year: int) -> bool:
        """Whether saying it is in force in ``year`` relies on 'nothing known ended it'."""
        return (self.ended is None and self.known_until is not None
                and year > self.known_until.year)

    def members_in(self, year: int) -> list[int]:
        """COW codes of the states that are members at some time in ``year``."""
        return sorted({m.state for m in self.members if m.active_in(year, self)})

    def is_member(self, ccode: int, year: int | None = None) -> bool:
        if year is None:
            return ccode in self.member_ccodes
        return any(m.state == ccode and m.active_in(year, self) for m in self.members)

    def owed(self, year: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Every directed obligation ``(from, to, kind)`` in force (in ``year``, if given)."""
        for ob, a, b in self.directed(year):
            yield a, b, ob.kind

    def directed(self, year: int | None = None) -> Iterator[tuple[Obligation, int, int]]:
        """``(obligation, from, to)`` for each pair the obligation binds (in ``year``)."""
        alive = set(self.member_ccodes if year is None else self.members_in(year))
        for ob in self.obligations:
            if year is not None and not ob.active_in(year):
                continue
            targets = [c for c in ob.owed_to(self) if c in alive]
            for a in ob.owed_by(self):
                if a in alive:
                    for b in targets:
                        if b != a:
                            yield ob, a, b

    def countries(self) -> list[Any]:
        """The members as :class:`alliancelab.data.Country` objects."""
        from alliancelab.data import resolve

        return [resolve(c) for c in self.member_ccodes]

    def _check_view(self) -> dict[str, Any]:
        return {
            "atopid": self.atopid,
            "signed": self.signed, "in_force": self.in_force, "ended": self.ended,
            "members": [{"state": m.state, "joined": m.joined, "left": m.left}
                        for m in self.members],
            "obligations": [
                {"kind": o.kind, "members": o.members, "toward": o.toward, "since": o.since,
                 "until": o.until, **{k: getattr(o, k) for k in o.active()}}
                for o in self.obligations
            ],
        }


class Scenario(_Model):
    """A proposal to assess: new treaties, the year, and the rivals they face.

    ``treaties`` holds only the scenario's own (proposed) treaties; :meth:`world` adds every
    real treaty in force, which is what the obligations engine should see.
    """

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
    rivals: list[CountryRef] = []
    description: str | None = None
    notes: str | None = None
    treaties: list[Treaty] = []

    @model_validator(mode="before")
    @classmethod
    def _rivals_in_year(cls, data: Any, info: ValidationInfo) -> Any:
        return rivals_in_year(data, context_year(info))

    @field_serializer("rivals")
    def _rivals_out(self, rivals: list[int]) -> list[Any]:
        return [_ccode_out(c) for c in rivals]

    @property
    def treaty(self) -> Treaty | None:
        """The (first) proposed treaty, or None for a status-quo scenario."""
        return self.treaties[0] if self.treaties else None

    @property
    def member_ccodes(self) -> list[int]:
        """COW codes of the states in any proposed treaty, in the order first listed."""
        seen: dict[int, None] = {}
        for t in self.treaties:
            for m in t.members:
                seen.setdefault(m.state, None)
        return list(seen)

    @property
    def member_iso3(self) -> list[str]:
        return [country_label(c) for c in self.member_ccodes]

    @property
    def rival_ccodes(self) -> list[int]:
        return list(self.rivals)

    @property
    def rival_iso3(self) -> list[str]:
        return [country_label(c) for c in self.rivals]

    @property
    def institutions(self) -> Institutions | None:
        """Institutions of the (first) proposed treaty; None without one."""
        return self.treaty.institutions if self.treaty else None

    @property
    def obligation_kinds(self) -> list[str]:
        kinds = {k for t in self.treaties for k in t.obligation_kinds}
        return [k for k in KINDS if k in kinds]

    def members(self) -> list[Any]:
        """The member states as :class:`alliancelab.data.Country` (ccode, iso3, name...)."""
        from alliancelab.data import resolve

        return [resolve(c) for c in self.member_ccodes]

    def rival_countries(self) -> list[Any]:
        from alliancelab.data import resolve

        return [resolve(c) for c in self.rivals]

    def world(self) -> list[Treaty]:
        """Every known real treaty plus this scenario's proposed ones."""
        from alliancelab.treaty.library import all_treaties

        return [*all_treaties(), *self.treaties]


# --- helpers ---------------------------------------------------------------------------


def context_year(info: ValidationInfo | None) -> int | None:
    """The year names are read in when a treaty has no date of its own: the scenario's,
    passed by the file reader as validation context ``{"year": ...}``."""
    context = info.context if info is not None else None
    year = context.get("year") if isinstance(context, Mapping) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def rivals_in_year(data: Any, default_year: int | None) -> Any:
    """Scenario data with ``rivals`` named by name read in the scenario's year."""
    from alliancelab.treaty.names import read_name

    if not isinstance(data, Mapping) or not isinstance(data.get("rivals"), list):
        return data
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not (
            FIRST_YEAR <= year <= LAST_YEAR):
        year = default_year
    return {**data, "rivals": [read_name(r, year) for r in data["rivals"]]}


def _overlaps(start: When | None, end: When | None, year: int) -> bool:
    if start is not None and start.first_day().year > year:
        return False
    return not (end is not None and end.last_day().year < year)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _member_out(m: Member) -> Any:
    extra = m.model_dump(exclude={"state"}, exclude_none=True)
    state = _ccode_out(m.state)
    return state if not extra else {"state": state, **extra}


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "treaty"


def parse_country(value: Any) -> int | None:
    """A COW code for ``value`` or None (for checks on possibly invalid input)."""
    from alliancelab.errors import AllianceLabError

    try:
        return value if isinstance(value, int) and not isinstance(value, bool) else to_ccode(value)
    except AllianceLabError:
        return None
