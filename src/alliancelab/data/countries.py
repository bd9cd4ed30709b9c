"""Year-aware country identity across COW codes, Gleditsch-Ward codes, ISO3 and names.

``resolve("South Korea")``, ``resolve("ROK")``, ``resolve("KOR")`` and ``resolve(732)`` are
the same :class:`Country`. Where one name meant different states over time the year
decides: "Germany" is COW 255 up to 1945 and from 1990 and West Germany (260) in between;
"Russia" and "USSR" are both 365; "Serbia" and "Yugoslavia" both 345. The system list is
COW's v2016; states alive at its end are assumed alive since (as peacesciencer does).
Unknown names raise :class:`~alliancelab.errors.UnknownCountryError` with the closest
matches.

Example
-------
>>> resolve("Republic of Korea", 2024).ccode
732
>>> resolve("Germany", 1970).ccode, resolve("Germany", 2000).ccode
(260, 255)
>>> resolve(365, 1980).iso3
'RUS'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches

import pandas as pd

from alliancelab.data.catalog import derived, load
from alliancelab.errors import CoverageError, InputError, UnknownCountryError

__all__ = [
    "Country",
    "country_table",
    "in_system",
    "iso3_for",
    "resolve",
    "resolve_many",
    "system_members",
]

OPEN_END = 9999

# Common names users type that none of the code lists spell this way.
ALIASES: dict[str, list[int]] = {
    "us": [2], "u.s.": [2], "america": [2], "united states": [2], "united states of america": [2],
    "uk": [200], "u.k.": [200], "britain": [200], "great britain": [200], "england": [200],
    "russia": [365], "russian federation": [365], "ussr": [365], "soviet union": [365],
    "south korea": [732], "republic of korea": [732], "rok": [732], "korea, republic of": [732],
    "korea (south)": [732], "korea": [730, 732],
    "north korea": [731], "dprk": [731], "democratic people's republic of korea": [731],
    "korea (north)": [731], "korea, democratic people's republic of": [731],
    "china": [710], "prc": [710], "people's republic of china": [710],
    "taiwan": [713], "roc": [713], "republic of china": [713],
    "japan": [740], "philippines": [840], "the philippines": [840], "australia": [900],
    "india": [750], "new zealand": [920], "vietnam": [816], "viet nam": [816],
    "north vietnam": [816], "south vietnam": [817], "republic of vietnam": [817],
    "germany": [255, 260], "west germany": [260], "frg": [260],
    "federal republic of germany": [260],
    "east germany": [265], "gdr": [265], "ddr": [265], "german democratic republic": [265],
    "serbia": [345], "yugoslavia": [345], "turkey": [640], "turkiye": [640], "türkiye": [640],
    "iran": [630], "syria": [652], "burma": [775], "myanmar": [775], "laos": [812],
    "czechia": [316], "czech republic": [316], "czechoslovakia": [315],
    "ivory coast": [437], "cote d'ivoire": [437], "côte d'ivoire": [437],
    "north yemen": [678], "south yemen": [680], "yemen": [678, 679],
}

# ISO3 codes that differ by year from the countrycode list (ISO 3166-3 for former states).
ISO3_BY_YEAR: dict[int, list[tuple[int, int, str]]] = {
    260: [(1816, OPEN_END, "DEU")],
    265: [(1816, OPEN_END, "DDR")],
    345: [(1816, 2005, "YUG"), (2006, OPEN_END, "SRB")],
    678: [(1816, OPEN_END, "YEM")],
    680: [(1816, OPEN_END, "YMD")],
    315: [(1816, OPEN_END, "CSK")],
    817: [(1816, OPEN_END, "VDR")],
    730: [(1816, OPEN_END, "KOR")],
}

# Names COW keeps for a whole code's life that users know by another name in some years.
NAME_BY_YEAR: dict[int, list[tuple[int, int, str]]] = {
    365: [(1922, 1991, "Soviet Union")],
    345: [(2006, OPEN_END, "Serbia")],
}


@dataclass(frozen=True)
class Country:
    """A state as COW identifies it, with its other codes for the year asked about."""

    ccode: int
    iso3: str | None
    gwcode: int | None
    name: str
    stateabb: str

    def __str__(self) -> str:
        return f"{self.name} ({self.iso3 or self.stateabb}, COW {self.ccode})"


def _norm(text: str) -> str:
    text = text.casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text)


@derived
def _spells() -> pd.DataFrame:
    """COW membership spells, with the last spell left open after 2016."""
    states = load("cow_states")[["ccode", "stateabb", "statenme", "styear", "endyear"]].copy()
    last = int(states.endyear.max())
    states["endyear"] = states.endyear.where(states.endyear < last, OPEN_END)
    return states


@derived
def _codes() -> pd.DataFrame:
    return load("countrycode")


@derived
def _index() -> dict[str, set[int]]:
    """Normalised name or code -> COW codes it can mean."""
    index: dict[str, set[int]] = {}

    def add(key: object, ccode: int) -> None:
        if isinstance(key, str) and key and key != "<NA>":
            index.setdefault(_norm(key), set()).add(int(ccode))

    for row in _spells().itertuples():
        add(row.statenme, row.ccode)
        add(row.stateabb, row.ccode)
    for row in _codes().dropna(subset=["cown"]).itertuples():
        for key in (row.country_name_en, row.iso_name_en, row.cow_name, row.un_name_en,
                    row.cowc):
            add(key if isinstance(key, str) else None, row.cown)
    for alias, ccodes in ALIASES.items():
        index[_norm(alias)] = set(ccodes)  # aliases override what the code lists say
    for iso, ccodes in _iso3_index().items():
        index.setdefault(_norm(iso), set()).update(ccodes)
    return index


@derived
def _iso3_index() -> dict[str, set[int]]:
    """ISO3 code -> COW codes. ISO3 wins over COW's own abbreviations, which reuse three
    ISO3 codes for other states (AUS is Austria in COW, Australia in ISO; also SLV, MNG)."""
    index: dict[str, set[int]] = {}
    for row in _codes().dropna(subset=["cown", "iso3c"]).itertuples():
        index.setdefault(str(row.iso3c).upper(), set()).add(int(row.cown))
    for ccode, spans in ISO3_BY_YEAR.items():
        for _, _, iso in spans:
            index.setdefault(iso, set()).add(ccode)
    return index


@derived
def _names() -> dict[int, tuple[str, str]]:
    spells = _spells().drop_duplicates("ccode", keep="last")
    return {int(r.ccode): (str(r.statenme), str(r.stateabb)) for r in spells.itertuples()}


@derived
def _spell_list() -> dict[int, list[tuple[int, int, str]]]:
    """ccode -> its membership spells (start, end, name): resolving is a dict lookup."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for r in _spells().itertuples():
        out.setdefault(int(r.ccode), []).append((int(r.styear), int(r.endyear),
                                                 str(r.statenme)))
    return out


@derived
def _code_columns() -> dict[str, dict[int, object]]:
    """ccode -> ISO3 and G-W code from the crosswalk (first listed where several)."""
    out: dict[str, dict[int, object]] = {"iso3c": {}, "gwn": {}}
    for r in _codes().dropna(subset=["cown"]).itertuples():
        for col in out:
            value = getattr(r, col)
            if not pd.isna(value):
                out[col].setdefault(int(r.cown), value)
    return out


def in_system(ccode: int, year: int) -> bool:
    """Whether COW counts ``ccode`` as a state system member in ``year``."""
    return any(s <= year <= e for s, e, _ in _spell_list().get(ccode, []))


def iso3_for(ccode: int, year: int | None = None) -> str | None:
    """ISO 3166 alpha-3 code of COW state ``ccode`` (in ``year`` where that matters)."""
    for start, end, iso in ISO3_BY_YEAR.get(ccode, []):
        if year is None or start <= year <= end:
            return iso
    iso = _code_columns()["iso3c"].get(ccode)
    return None if iso is None else str(iso)


def _gwcode(ccode: int) -> int | None:
    gw = _code_columns()["gwn"].get(ccode)
    return None if gw is None else int(gw)


def _country(ccode: int, year: int | None) -> Country:
    name, abb = _names().get(ccode, (str(ccode), str(ccode)))
    for start, end, other in NAME_BY_YEAR.get(ccode, []):
        if year is not None and start <= year <= end:
            name = other
    return Country(ccode, iso3_for(ccode, year), _gwcode(ccode), name, abb)


def _candidates(query: str | int) -> set[int]:
    if isinstance(query, bool):
        raise InputError(f"{query!r} is not a country", hint="give a name, ISO3 or COW code")
    text = query.strip() if isinstance(query, str) else query
    if isinstance(query, int) or (text.isascii() and text.isdigit()):
        code = int(query)
        return {code} if code in _names() else set()
    if len(text) == 3 and text.upper() in _iso3_index():
        return set(_iso3_index()[text.upper()])
    return set(_index().get(_norm(query), set()))


def resolve(query: str | int, year: int | None = None) -> Country:
    """The state ``query`` names (a name, ISO3, COW abbreviation or COW code).

    With ``year`` the state must be a system member that year; without it, the most
    recent state of that name is chosen.
    """
    candidates = _candidates(query)
    if not candidates:
        choices = sorted(_index())
        close = get_close_matches(_norm(str(query)), choices, n=4, cutoff=0.6)
        raise UnknownCountryError(str(query), [_display(c) for c in close])
    mine = sorted((start, end, name, code) for code in candidates
                  for start, end, name in _spell_list().get(code, []))
    if year is not None:
        alive = [spell for spell in mine if spell[0] <= year <= spell[1]]
        if not alive:
            spans = ", ".join(
                f"{name} {start}–{'' if end == OPEN_END else end}"
                for start, end, name, _ in mine
            )
            raise CoverageError(
                f"{query!r} is not a state system member in {year} (COW: {spans})",
                hint="choose a year inside those spans",
            )
        return _country(alive[-1][3], year)  # the latest-starting state alive that year
    latest = max(mine, key=lambda spell: (spell[1], spell[0]))
    return _country(latest[3], None)


def _display(key: str) -> str:
    return key.upper() if len(key) == 3 and key.isalpha() else key.title()


def resolve_many(queries: Iterable[str | int], year: int | None = None) -> list[Country]:
    """Resolve several names at once; duplicates (two names for one state) are an error."""
    out: list[Country] = []
    for q in queries:
        country = resolve(q, year)
        if any(c.ccode == country.ccode for c in out):
            raise InputError(f"{q!r} is the same state as an earlier entry ({country})",
                             hint="list each state once")
        out.append(country)
    return out


def system_members(year: int) -> list[int]:
    """COW codes of the state system members in ``year`` (sorted)."""
    s = _spells()
    return sorted(s.loc[(s.styear <= year) & (s.endyear >= year), "ccode"].unique().tolist())


def country_table(year: int | None = None) -> pd.DataFrame:
    """Every COW state (or the members in ``year``) with its codes and names."""
    ccodes = system_members(year) if year is not None else sorted(_names())
    return pd.DataFrame([vars(_country(c, year)) for c in ccodes])
