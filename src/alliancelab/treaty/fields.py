"""Field types shared by every treaty model: partial dates and country references.

Treaty files name countries the way people do ("Japan", "JPN", ``740``); inside the models
a country is its COW code, and files are written back with ISO3 codes wherever ISO3 names
the same state unambiguously (historical states keep their COW code). Dates may be full
(``1951-08-30``, a native TOML date) or partial (``"1914-08"``, ``"1914"``) because ATOP does
not always know the day; :class:`When` keeps what is known and gives the earliest and latest
day it can mean.

Example
-------
>>> to_ccode("South Korea"), to_ccode("JPN"), to_ccode(2)
(732, 740, 2)
>>> country_label(740)
'JPN'
>>> w = to_when("1914-08")
>>> str(w), w.first_day().isoformat(), w.last_day().isoformat()
('1914-08', '1914-08-01', '1914-08-31')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from alliancelab.errors import AllianceLabError, InputError, UnknownCountryError

__all__ = [
    "CountryRef",
    "When",
    "WhenField",
    "country_field",
    "country_label",
    "country_name",
    "known_ccodes",
    "to_ccode",
    "to_when",
]

# States ATOP lists that COW does not (its codebook drops them from dyadic files).
NON_COW_STATES: dict[int, str] = {8152: "Annam"}


@dataclass(frozen=True, order=True)
class When:
    """A calendar date of which the month or day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """The earliest day this can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def is_full(self) -> bool:
        return self.month is not None and self.day is not None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> When:
        """Build from possibly missing parts (ATOP's 0 or NA months and days)."""
        month = int(month) if month else None
        day = int(day) if day and month else None
        return to_when(cls(int(year), month, day))


_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


def to_when(value: Any) -> When:
    """A :class:`When` from a date, ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"`` or a year."""
    if isinstance(value, When):
        parts = (value.year, value.month, value.day)
    elif isinstance(value, datetime):
        raise ValueError(f"expected a date, not a date-time ({value}); write e.g. 1951-08-30")
    elif isinstance(value, date):
        return When(value.year, value.month, value.day)
    elif isinstance(value, int) and not isinstance(value, bool):
        parts = (value, None, None)
    elif isinstance(value, str):
        match = _PARTIAL.match(value)
        if not match:
            raise ValueError(f"expected a date like 1951-08-30, '1951-08' or '1951', got {value!r}")
        parts = tuple(int(p) if p else None for p in match.groups())  # type: ignore[assignment]
    else:
        raise ValueError(f"expected a date like 1951-08-30, got {type(value).__name__}")
    year, month, day = parts
    if not 1000 <= year <= 2999:
        raise ValueError(f"year {year} is out of range (1000-2999)")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month} is out of range (1-12)")
    if day is not None:
        if month is None:
            raise ValueError("a day needs a month")
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{year:04d}-{month:02d} has no day {day}")
    return When(year, month, day)


def _when_out(value: When) -> date | str:
    return date(value.year, value.month, value.day) if value.is_full else str(value)  # type: ignore[arg-type]


WhenField = Annotated[
    When,
    PlainValidator(to_when),
    PlainSerializer(_when_out),
    WithJsonSchema({"type": "string", "description": "YYYY-MM-DD, YYYY-MM or YYYY"}),
]


@cache
def _tables() -> tuple[dict[int, str], dict[str, int], dict[int, str]]:
    """COW code -> ISO3 used when writing, ISO3 -> COW code, COW code -> name."""
    from alliancelab.data import load
    from alliancelab.data.countries import ISO3_BY_YEAR, _index, resolve

    states = load("cow_states").sort_values(["ccode", "styear"])
    names = {int(r.ccode): str(r.statenme) for r in states.itertuples()}
    names.update(NON_COW_STATES)
    codes = load("countrycode").dropna(subset=["cown", "iso3c"])
    iso_of: dict[int, str] = {}
    for row in codes.itertuples():
        iso_of.setdefault(int(row.cown), str(row.iso3c))
    for ccode, spans in ISO3_BY_YEAR.items():
        iso_of[ccode] = spans[-1][2]
    ccode_of: dict[str, int] = {}
    index = _index()
    for iso in set(iso_of.values()):
        candidates = index.get(iso.casefold(), set())
        if len(candidates) == 1:
            ccode_of[iso] = next(iter(candidates))
            continue
        try:  # one code, several states over time: the resolver picks the latest
            ccode_of[iso] = resolve(iso).ccode
        except AllianceLabError:
            continue
    label = {c: iso for c, iso in iso_of.items() if ccode_of.get(iso) == c and c in names}
    return label, ccode_of, names


def known_ccodes() -> frozenset[int]:
    """Every COW code (and ATOP's few non-COW codes) a treaty may name."""
    return _known()


@cache
def _known() -> frozenset[int]:
    return frozenset(_tables()[2])


def country_label(ccode: int) -> str:
    """ISO3 when it names this state unambiguously, else ``COW<ccode>`` (e.g. ``COW245``)."""
    return _tables()[0].get(ccode, f"COW{ccode}")


def country_name(ccode: int) -> str:
    """The COW state name (``'United States of America'``)."""
    return _tables()[2].get(ccode, str(ccode))


def to_ccode(value: Any, year: int | None = None) -> int:
    """The COW code of a country given by name, ISO3, COW abbreviation or COW code.

    With ``year`` a name means the state it named that year ("DEU" in 1960 is West
    Germany, 260) and the state must be a system member then. Raises
    :class:`~alliancelab.errors.UnknownCountryError` (with the closest names) for anything
    unknown and :class:`~alliancelab.errors.CoverageError` for a state that was not a
    system member in ``year``.
    """
    from alliancelab.data import resolve

    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError(f"expected a country name, ISO3 or COW code, got {type(value).__name__}")
    text = value.strip() if isinstance(value, str) else str(value)
    if text.upper().startswith("COW") and text[3:].isdigit():
        text = text[3:]
    if text.isdigit():
        if not text.isascii():  # "²" is a digit to Python but no code
            raise UnknownCountryError(text)
        code = int(text)
        if code in NON_COW_STATES:  # ATOP's few non-COW states have no system years
            return code
        if code not in known_ccodes():
            raise _unknown_code(code)
        return code if year is None else resolve(code, year).ccode
    if year is None:
        fast = _tables()[1].get(text.upper()) if len(text) == 3 else None
        if fast is not None:
            return fast
    return resolve(text, year).ccode


def country_field(value: Any) -> int:
    """:func:`to_ccode` for pydantic validators, which report a ``ValueError`` (never the
    project's own errors) with the field's location; the file readers turn those into one
    :class:`~alliancelab.errors.ValidationError`."""
    try:
        return to_ccode(value)
    except AllianceLabError as err:
        raise ValueError(str(err)) from None


def _unknown_code(code: int) -> UnknownCountryError:
    err = UnknownCountryError(str(code))
    AllianceLabError.__init__(err, f"unknown COW country code {code}",
                              hint="`alliancelab countries list` shows every code")
    return err


def _ccode_out(ccode: int) -> str | int:
    label = country_label(ccode)
    return ccode if label.startswith("COW") else label


CountryRef = Annotated[
    int,
    PlainValidator(country_field),
    PlainSerializer(_ccode_out),
    WithJsonSchema({"type": ["string", "integer"], "description": "name, ISO3 or COW code"}),
]
