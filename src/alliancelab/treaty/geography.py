"""The gazetteer: named areas that treaties and crises refer to, nested so questions compose.

A treaty's geographic scope ("an armed attack in the Pacific area", "territories under the
administration of Japan") and a crisis's location ("the South China Sea", "Guam") are both
areas. :func:`within` answers whether one lies inside the other through the nesting in
``gazetteer.toml`` (the South China Sea is in the Pacific area; the Senkaku Islands are
territory under the administration of Japan). Each state's own territory is the area named
by its ISO3 code (historical states: ``COW245``), placed in its regions by the gazetteer's
``[states]`` table (by ISO3), its ``[cow-states]`` table (by COW code, for the states UN
M49 cannot place, such as West Germany or Austria-Hungary) or else its UN M49 sub-region.
Named parts such as Guam or Hawaii have an *owner*, which is not nesting: Guam is US
territory but not in North America.

Example
-------
>>> within("south-china-sea", "pacific")
True
>>> within("guam", "north-america"), owner_of("guam") == 2
(False, True)
>>> area("Japan").id, area("South China Sea").id
('JPN', 'south-china-sea')
>>> place_name("pacific"), place_name("europe"), place_name("TUR"), place_name("PHL")
('the Pacific area', 'Europe', 'Turkey', 'the Philippines')
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from alliancelab.errors import AllianceLabError, UnknownCountryError, UnknownNameError
from alliancelab.treaty.fields import country_label, country_name, to_ccode

__all__ = ["Area", "area", "areas", "is_area", "is_metropolitan", "owner_of", "place_name",
           "state_area", "within"]

# UN M49 sub-regions (countrycode's region23) -> gazetteer regions, for states not listed
# in the gazetteer's [states] table.
M49_REGIONS: dict[str, tuple[str, ...]] = {
    "Northern America": ("north-america",),
    "Central America": ("north-america",),
    "Caribbean": ("north-america",),
    "South America": ("south-america",),
    "Northern Europe": ("europe",),
    "Western Europe": ("europe",),
    "Southern Europe": ("europe",),
    "Eastern Europe": ("europe",),
    "Eastern Asia": ("east-asia",),
    "South-Eastern Asia": ("southeast-asia",),
    "Southern Asia": ("south-asia",),
    "Central Asia": ("asia",),
    "Western Asia": ("asia",),
    "Northern Africa": ("africa",),
    "Western Africa": ("africa",),
    "Middle Africa": ("africa",),
    "Eastern Africa": ("africa",),
    "Southern Africa": ("africa",),
    "Australia and New Zealand": ("oceania", "southwest-pacific"),
    "Melanesia": ("oceania", "southwest-pacific"),
    "Polynesia": ("oceania", "southwest-pacific"),
    "Micronesia": ("oceania", "pacific"),
}


@dataclass(frozen=True)
class Area:
    """A named area: an ocean or region, a state's territory, or a named part of one."""

    id: str
    name: str
    kind: str  # "region", "state" or "part"
    parents: tuple[str, ...] = ()
    owner: int | None = None
    metropolitan: bool = False
    note: str = ""
    source: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


def areas() -> list[Area]:
    """Every named area of the gazetteer (regions, seas and parts; not each state)."""
    return list(_gazetteer()[0].values())


def area(name: str | int, year: int | None = None) -> Area:
    """The area ``name`` means: a gazetteer id or name, or a state's name, ISO3 or COW code
    (with ``year``, the state of that name then: ``area("DEU", 1960)`` is West Germany).

    Raises :class:`~alliancelab.errors.UnknownNameError` with the closest names, or
    :class:`~alliancelab.errors.CoverageError` for a state that did not exist in ``year``.
    """
    named, by_name, _ = _gazetteer()
    key = _key(str(name))
    if key in named:
        return named[key]
    if key in by_name:
        return named[by_name[key]]
    try:
        return state_area(to_ccode(name, year))
    except UnknownCountryError:
        known = list(dict.fromkeys([*sorted(named), *sorted(by_name)]))
        raise UnknownNameError("area", str(name), known) from None


def place_name(place: Area | str) -> str:
    """The area's name as it reads after "in": "the Pacific area", "Europe", "Turkey",
    "the Philippines" (parenthetical glosses dropped)."""
    a = place if isinstance(place, Area) else area(place)
    name = a.name.split(" (")[0]
    words = name.casefold().split()
    if (" of " in f" {name} " or words[-1] in _THE_LAST or words[0] in _THE_FIRST):
        return f"the {name}"
    return name


# Names that take "the": by their last word (seas, areas, republics, plural names) or first.
_THE_LAST = {"area", "sea", "ocean", "strait", "peninsula", "islands", "east", "pacific",
             "atlantic", "territories", "republic", "kingdom", "states", "emirates",
             "federation", "union", "netherlands", "philippines", "bahamas", "comoros",
             "maldives", "seychelles", "sicilies", "gambia", "grenadines"}
_THE_FIRST = {"united", "federal", "federated", "democratic"}


def is_area(name: str) -> bool:
    """Whether ``name`` is a known area (without raising)."""
    try:
        area(name)
    except AllianceLabError:
        return False
    return True


def state_area(ccode: int) -> Area:
    """The territory of state ``ccode`` as an area, with its regions."""
    return _state_area(int(ccode))


def owner_of(place: str) -> int | None:
    """The COW code of the state whose territory ``place`` is (None for seas and regions)."""
    return area(place).owner


def is_metropolitan(place: str) -> bool:
    """Whether ``place`` is part of its owner's home (metropolitan) territory."""
    a = area(place)
    return a.owner is not None and (a.kind == "state" or a.metropolitan)


def within(place: str, region: str) -> bool | None:
    """Whether ``place`` lies inside ``region``; None if the gazetteer cannot tell.

    ``region`` may be a state: a part lies inside the state that owns it. Every COW state
    has a region (``[states]``, ``[cow-states]`` or its UN M49 sub-region), so None is
    left for a state code outside COW's list.
    """
    a, r = area(place), area(region)
    if a.id == r.id or (r.kind == "state" and a.owner == r.owner):
        return True
    ups = _ancestors(a.id)
    if r.id in ups:
        return True
    if a.kind == "state" and not a.parents:
        return None
    return False


# --- helpers ---------------------------------------------------------------------------


def _key(text: str) -> str:
    return "-".join(text.strip().casefold().replace("_", " ").split())


@cache
def _gazetteer() -> tuple[dict[str, Area], dict[str, str], dict[str | int, tuple[str, ...]]]:
    raw = tomllib.loads((files("alliancelab.treaty") / "gazetteer.toml").read_text("utf-8"))
    named: dict[str, Area] = {}
    by_name: dict[str, str] = {}
    for ident, spec in raw["areas"].items():
        owner = to_ccode(spec["owner"]) if "owner" in spec else None
        named[ident] = Area(
            id=ident,
            name=spec["name"],
            kind="part" if owner is not None else "region",
            parents=tuple(spec.get("parents", ())),
            owner=owner,
            metropolitan=bool(spec.get("metropolitan", False)),
            note=spec.get("note", ""),
            source=spec.get("source", ""),
        )
        by_name[_key(spec["name"].split(" (")[0])] = ident
    states: dict[str | int, tuple[str, ...]] = {
        iso: tuple(parents) for iso, parents in raw.get("states", {}).items()}
    states.update({int(code): tuple(parents)
                   for code, parents in raw.get("cow-states", {}).items()})
    for ident, parents in [*((a.id, a.parents) for a in named.values()), *states.items()]:
        for p in parents:
            if p not in named:
                raise RuntimeError(f"gazetteer: {ident} has unknown parent {p}")  # a bug
    return named, by_name, states


@cache
def _m49() -> dict[int, str]:
    from alliancelab.data import load

    codes = load("countrycode").dropna(subset=["cown", "region23"])
    return {int(r.cown): str(r.region23) for r in codes.itertuples()}


@cache
def _state_area(ccode: int) -> Area:
    label = country_label(ccode)
    listed = _gazetteer()[2]
    parents = listed.get(label) or listed.get(ccode) or M49_REGIONS.get(
        _m49().get(ccode, ""), ())
    return Area(id=label, name=country_name(ccode), kind="state", parents=tuple(parents),
                owner=ccode, metropolitan=True)


@cache
def _ancestors(ident: str) -> frozenset[str]:
    named = _gazetteer()[0]
    start = named[ident].parents if ident in named else area(ident).parents
    seen: set[str] = set()
    todo = list(start)
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.add(p)
            todo.extend(named[p].parents)
    return frozenset(seen)
