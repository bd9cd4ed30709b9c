"""Read and write treaty and scenario files (TOML), reporting every problem at once.

A treaty file has one ``[treaty]`` table; a scenario file has a ``[scenario]`` table and
zero or more treaties as ``[treaty]`` or ``[[treaties]]``. Reading a file validates it
completely: unknown or misspelled fields ("did you mean 'scope'?"), unknown countries
("did you mean: Japan?"), impossible dates, an end before a start, a state listed twice,
an obligation for a non-member. All problems are raised together as one
:class:`~alliancelab.errors.ValidationError`, each as ``file:line: field: message``. A TOML
syntax error is reported with its line (parsing stops there, so it comes alone).

Example
-------
>>> text = '''
... [treaty]
... name = "Pact"
... members = ["JPN", "Japn"]
... [[treaty.obligations]]
... kind = "defense"
... scoep = ["pacific"]
... '''
>>> try:
...     loads_treaty(text, source="pact.toml")
... except ValidationError as err:
...     print(err.problems[0]); print(err.problems[1])
pact.toml:4: treaty.members[1]: unknown country 'Japn'; did you mean: Japan, JPN, Jordan?
pact.toml:7: treaty.obligations[0].scoep: unknown field 'scoep'; did you mean 'scope'?
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import pydantic
import tomli_w

from alliancelab.errors import ValidationError
from alliancelab.fileio import write_text
from alliancelab.treaty.checks import treaty_problems
from alliancelab.treaty.fields import CountryRef, country_label
from alliancelab.treaty.names import resolve_names
from alliancelab.treaty.schema import Scenario, Treaty, _Model, _slug, context_year, rivals_in_year

__all__ = [
    "dump_scenario",
    "dump_treaty",
    "dumps_scenario",
    "dumps_treaty",
    "load_file",
    "load_scenario_file",
    "load_treaty",
    "loads_scenario",
    "loads_treaty",
]


class TreatyFile(_Model):
    """Layout of a treaty file."""

    treaty: Treaty


class ScenarioHeader(_Model):
    """The ``[scenario]`` table."""

    id: str | None = None
    name: str
    year: int | None = None
    rivals: list[CountryRef] = pydantic.Field(default_factory=list)
    description: str | None = None
    notes: str | None = None

    @pydantic.model_validator(mode="before")
    @classmethod
    def _rivals_in_year(cls, data: Any, info: pydantic.ValidationInfo) -> Any:
        return rivals_in_year(data, context_year(info))


class ScenarioFile(_Model):
    """Layout of a scenario file."""

    scenario: ScenarioHeader
    treaty: Treaty | None = None
    treaties: list[Treaty] = pydantic.Field(default_factory=list)


# --- reading ---------------------------------------------------------------------------


def load_treaty(path: str | os.PathLike[str]) -> Treaty:
    """Read a treaty file; raise :class:`ValidationError` listing every problem."""
    text, source = _read(path)
    return loads_treaty(text, source=source)


def loads_treaty(text: str, source: str = "<treaty>") -> Treaty:
    """Parse treaty-file text (see :func:`load_treaty`)."""
    data = _parse(text, source)
    model = _validate(TreatyFile, data, text, source)
    return model.treaty  # type: ignore[attr-defined]


def load_scenario_file(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario file; raise :class:`ValidationError` listing every problem."""
    text, source = _read(path)
    return loads_scenario(text, source=source, default_id=_slug(Path(path).stem))


def loads_scenario(text: str, source: str = "<scenario>", default_id: str | None = None,
                   default_year: int | None = None) -> Scenario:
    """Parse scenario-file text (see :func:`load_scenario_file`)."""
    data = _parse(text, source)
    if default_year is None:
        from alliancelab.treaty.scenario import default_year as _default

        default_year = _default()
    model = _validate(ScenarioFile, data, text, source, _scenario_year(data, default_year))
    head: ScenarioHeader = model.scenario  # type: ignore[attr-defined]
    treaties = ([model.treaty] if model.treaty else []) + list(model.treaties)  # type: ignore[attr-defined]
    label = head.id or default_id or _slug(head.name)
    treaties = [t if t.source else t.model_copy(update={"source": f"proposed in scenario {label}"})
                for t in treaties]
    try:
        return Scenario(
            id=head.id or default_id or _slug(head.name) or "scenario",
            name=head.name,
            year=head.year if head.year is not None else default_year,
            rivals=list(head.rivals),
            description=head.description,
            notes=head.notes,
            treaties=treaties,
        )
    except pydantic.ValidationError as err:  # e.g. a year out of range
        problems = [f"{source}: scenario.{_dotted(_clean_loc(e['loc']))}: {e['msg']}"
                    for e in err.errors()]
        raise ValidationError(source, problems) from None


def load_file(path: str | os.PathLike[str]) -> Treaty | Scenario:
    """Read a treaty or a scenario file, whichever it is (a ``[scenario]`` table decides)."""
    text, source = _read(path)
    data = _parse(text, source)
    if "scenario" in data:
        return loads_scenario(text, source=source, default_id=_slug(Path(path).stem))
    return loads_treaty(text, source=source)


# --- writing ---------------------------------------------------------------------------


def dumps_treaty(treaty: Treaty) -> str:
    """A treaty as the text of a treaty file."""
    return tomli_w.dumps({"treaty": _plain(treaty)})


def dump_treaty(treaty: Treaty, path: str | os.PathLike[str]) -> None:
    """Write a treaty file atomically."""
    write_text(path, dumps_treaty(treaty))


def dumps_scenario(scenario: Scenario) -> str:
    """A scenario as the text of a scenario file."""
    head: dict[str, Any] = {"id": scenario.id, "name": scenario.name, "year": scenario.year}
    if scenario.rivals:
        head["rivals"] = [_country_out(c) for c in scenario.rivals]
    for key in ("description", "notes"):
        if getattr(scenario, key):
            head[key] = getattr(scenario, key)
    data: dict[str, Any] = {"scenario": head}
    if len(scenario.treaties) == 1:
        data["treaty"] = _plain(scenario.treaties[0])
    elif scenario.treaties:
        data["treaties"] = [_plain(t) for t in scenario.treaties]
    return tomli_w.dumps(data)


def dump_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario file atomically."""
    write_text(path, dumps_scenario(scenario))


# --- helpers ---------------------------------------------------------------------------


def _plain(treaty: Treaty) -> dict[str, Any]:
    data = treaty.model_dump(mode="python", exclude_defaults=True)
    obligations = []
    for ob in data.get("obligations", []):
        first = {k: ob.pop(k) for k in ("kind", "members", "toward") if k in ob}
        obligations.append({k: v for k, v in {**first, **ob}.items() if v != "all"})
    if obligations:
        data["obligations"] = obligations
    return data


def _country_out(ccode: int) -> str | int:
    label = country_label(ccode)
    return ccode if label.startswith("COW") else label


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise ValidationError(source, [f"{source}: cannot read: {err.strerror or err}"]) from None
    try:
        return raw.decode("utf-8"), source
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ValidationError(source, [f"{source}:{line}: not UTF-8 text"]) from None


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(err))
        end = re.search(r"\s*\(at end of document\)", str(err))
        if match:
            reason = str(err)[: match.start()]
            where = f"{source}:{match.group(1)}: invalid TOML (column {match.group(2)})"
        elif end:
            reason = str(err)[: end.start()] + " at the end of the file"
            where = f"{source}:{text.count(chr(10)) + 1}: invalid TOML"
        else:
            reason, where = str(err), f"{source}: invalid TOML"
        raise ValidationError(source, [f"{where}: {reason}"]) from None
    except (RecursionError, ValueError, TypeError) as err:  # pathological nesting
        raise ValidationError(source, [f"{source}: invalid TOML: {err}"]) from None


def _scenario_year(data: Mapping[str, Any], default: int) -> int:
    """The year an undated treaty's names are read in: the scenario's (or the default)."""
    from alliancelab.treaty.schema import FIRST_YEAR, LAST_YEAR

    head = data.get("scenario")
    year = head.get("year") if isinstance(head, Mapping) else None
    if isinstance(year, int) and not isinstance(year, bool) and FIRST_YEAR <= year <= LAST_YEAR:
        return year
    return default


def _validate(model: type[pydantic.BaseModel], data: dict[str, Any], text: str,
              source: str, year: int | None = None) -> pydantic.BaseModel:
    problems: list[tuple[tuple[Any, ...], str]] = []
    result = None
    try:
        result = model.model_validate(data, context={"year": year})
    except pydantic.ValidationError as err:
        for e in err.errors(include_url=False):
            if e["type"] == "treaty_consistency":
                continue  # reported by the raw checks below, with locations
            loc = _clean_loc(e["loc"])
            problems.append((loc, _message(model, loc, e)))
    except RecursionError:
        problems.append(((), "too deeply nested"))
    problems += _raw_checks(data, year)
    if not problems:
        return result  # type: ignore[return-value]
    locate = _Locator(text)
    seen: set[str] = set()
    lines: list[tuple[int, str]] = []
    for loc, msg in problems:
        line = locate.line(loc)
        where = f"{source}:{line}" if line else source
        entry = f"{where}: {_dotted(loc)}: {msg}" if loc else f"{where}: {msg}"
        if entry not in seen:
            seen.add(entry)
            lines.append((line or 0, entry))
    raise ValidationError(source, [entry for _, entry in sorted(lines, key=lambda x: x[0])])


def _raw_checks(data: Mapping[str, Any], year: int | None = None
                ) -> list[tuple[tuple[Any, ...], str]]:
    out: list[tuple[tuple[Any, ...], str]] = []
    tables: list[tuple[tuple[Any, ...], Any]] = [(("treaty",), data.get("treaty"))]
    listed = data.get("treaties")
    if isinstance(listed, list):
        tables += [(("treaties", i), t) for i, t in enumerate(listed)]
    member_codes: set[int] = set()
    ids: dict[str, tuple[Any, ...]] = {}
    for prefix, table in tables:
        if not isinstance(table, Mapping):
            continue
        try:
            out += [((*prefix, *loc), msg) for loc, msg in treaty_problems(table, year)]
        except Exception as err:  # a check must never hide the file's real problems
            out.append((prefix, f"could not check this treaty ({type(err).__name__})"))
        member_codes |= _codes(resolve_names(table, year).get("members"))
        ident = table.get("id") or (_slug(table["name"]) if isinstance(table.get("name"), str)
                                    else None)
        if isinstance(ident, str) and ident in ids:
            out.append(((*prefix, "id"), f"id {ident!r} is already used by {_dotted(ids[ident])}"
                                         "; give each treaty its own id"))
        elif isinstance(ident, str):
            ids[ident] = prefix
    head = data.get("scenario")
    if isinstance(head, Mapping) and isinstance(head.get("rivals"), list):
        rivals = rivals_in_year(head, year)["rivals"]
        for i, rival in enumerate(head["rivals"]):
            code = _codes([rivals[i]])
            if code & member_codes:
                out.append((("scenario", "rivals", i), f"{rival!r} is both a rival and a member "
                                                        "of a proposed treaty"))
    return out


def _codes(values: Any) -> set[int]:
    from alliancelab.treaty.schema import parse_country

    out: set[int] = set()
    for v in values if isinstance(values, list) else []:
        v = v.get("state") if isinstance(v, Mapping) else v
        code = parse_country(v)
        if code is not None:
            out.add(code)
    return out


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    out: list[Any] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or "(" in part or part in _TAGS):
            continue  # pydantic union/function tags, not keys of the file
        out.append(part)
    # an error on a plain-string member ("JPN") is reported at the member, not at .state
    if len(out) >= 3 and out[-1] == "state" and isinstance(out[-2], int):
        out.pop()
    return tuple(out)


_TAGS = {"str", "int", "float", "bool", "list", "dict", "none", "date"}


def _message(model: type[pydantic.BaseModel], loc: tuple[Any, ...], e: Mapping[str, Any]) -> str:
    kind = e["type"]
    if kind == "extra_forbidden" and loc:
        fields = _fields_at(model, loc[:-1])
        name = str(loc[-1])
        close = get_close_matches(name, fields, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(fields)}"
        return f"unknown field {name!r}; {hint}"
    if kind == "missing" and model is ScenarioFile and loc == ("scenario",):
        return ("missing required field 'scenario'; a scenario file needs a [scenario] table "
                "(name = \"...\", optional year and rivals) above its [treaty]: add one to "
                "use a treaty file as a scenario (docs/treaty-format.md, 'Scenario file')")
    if kind == "missing":
        return f"missing required field {str(loc[-1])!r}" if loc else "missing field"
    if kind == "literal_error":
        options = [o.strip(" '") for o in str(e.get("ctx", {}).get("expected", "")).replace(
            " or ", ", ").split(",")]
        given = e.get("input")
        close = get_close_matches(str(given), options, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{given!r} is not one of: {', '.join(options)}{hint}"
    msg = str(e["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    given = e.get("input")
    if kind not in ("value_error", "treaty_consistency") and isinstance(
            given, str | int | float | bool):
        msg += f" (got {given!r})"
    return msg


def _fields_at(model: type[pydantic.BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        cls = _model_class(current)
        if cls is None or part not in cls.model_fields:
            return []
        current = cls.model_fields[part].annotation
    cls = _model_class(current)
    return list(cls.model_fields) if cls else []


def _model_class(annotation: Any) -> type[pydantic.BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_class(arg)
            if found is not None:
                return found
    return None


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Locator:
    """Maps a location (keys and indexes) in a parsed TOML document to its line.

    A small scanner of valid TOML: table headers (with array-of-tables counters), keys,
    and the elements of arrays and inline tables. Used only to point at lines; anything
    it cannot follow just yields a less precise line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.where: dict[tuple[Any, ...], int] = {}
        self.pos = 0
        with contextlib.suppress(Exception):  # a partial map is still useful
            self._document()

    def line(self, loc: tuple[Any, ...]) -> int | None:
        for n in range(len(loc), 0, -1):
            if loc[:n] in self.where:
                return self.where[loc[:n]]
        return None

    def _line_at(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def _mark(self, path: tuple[Any, ...], pos: int) -> None:
        self.where.setdefault(path, self._line_at(pos))

    def _skip(self, newlines: bool = True) -> None:
        t = self.text
        while self.pos < len(t):
            ch = t[self.pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.pos += 1
            elif ch == "#":
                end = t.find("\n", self.pos)
                self.pos = len(t) if end < 0 else end
            else:
                return

    def _document(self) -> None:
        prefix: tuple[Any, ...] = ()
        counters: dict[tuple[Any, ...], int] = {}
        t = self.text
        while True:
            self._skip()
            if self.pos >= len(t):
                return
            start = self.pos
            if t[self.pos] == "[":
                double = t.startswith("[[", self.pos)
                self.pos += 2 if double else 1
                keys = self._keys("]")
                self.pos += 2 if double else 1
                base = (*self._resolve(keys[:-1], counters), keys[-1])
                if double:
                    counters[base] = counters.get(base, -1) + 1
                    prefix = (*base, counters[base])
                else:
                    prefix = base
                self._mark(base, start)
                self._mark(prefix, start)
            else:
                keys = self._keys("=")
                self.pos += 1
                self._mark((*prefix, *keys), start)
                self._value((*prefix, *keys))

    def _resolve(self, keys: tuple[str, ...], counters: dict[tuple[Any, ...], int]) -> tuple:
        out: tuple[Any, ...] = ()
        for k in keys:
            out = (*out, k)
            if out in counters:
                out = (*out, counters[out])
        return out

    def _keys(self, stop: str) -> tuple[str, ...]:
        keys: list[str] = []
        t = self.text
        while True:
            self._skip(newlines=False)
            ch = t[self.pos]
            if ch in "\"'":
                keys.append(self._string())
            else:
                begin = self.pos
                while t[self.pos] not in f" \t.{stop}\n":
                    self.pos += 1
                keys.append(t[begin:self.pos])
            self._skip(newlines=False)
            if t[self.pos] == ".":
                self.pos += 1
                continue
            return tuple(keys)

    def _string(self) -> str:
        t = self.text
        quote = t[self.pos]
        if t.startswith(quote * 3, self.pos):
            end = t.find(quote * 3, self.pos + 3)
            while t.startswith(quote, end + 3):  # up to two quotes may close it
                end += 1
            value = t[self.pos + 3:end]
            self.pos = end + 3
            return value
        self.pos += 1
        begin = self.pos
        while t[self.pos] != quote:
            self.pos += 2 if (quote == '"' and t[self.pos] == "\\") else 1
        self.pos += 1
        return t[begin:self.pos - 1]

    def _value(self, path: tuple[Any, ...]) -> None:
        self._skip(newlines=False)
        t = self.text
        ch = t[self.pos]
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self.pos += 1
            i = 0
            while True:
                self._skip()
                if t[self.pos] == "]":
                    self.pos += 1
                    return
                self._mark((*path, i), self.pos)
                self._value((*path, i))
                self._skip()
                if t[self.pos] == ",":
                    self.pos += 1
                i += 1
        elif ch == "{":
            self.pos += 1
            while True:
                self._skip(newlines=False)
                if t[self.pos] == "}":
                    self.pos += 1
                    return
                start = self.pos
                keys = self._keys("=")
                self.pos += 1
                self._mark((*path, *keys), start)
                self._value((*path, *keys))
                self._skip(newlines=False)
                if t[self.pos] == ",":
                    self.pos += 1
        else:
            while self.pos < len(t) and t[self.pos] not in ",]}\n#":
                self.pos += 1
