"""The catalog of bundled datasets: what each is, where it came from, and SQL over all of them.

Every table alliancelab uses is a registered :class:`Source` with its name, version, years
covered, row count, BibTeX citation and licence. The files ship inside the package as
Parquet; a newer official release imported with ``alliancelab data import`` (see
:mod:`alliancelab.data.importer`) lives in the user's data folder and takes precedence.
:func:`connection` is an embedded DuckDB database with one view per source, so a user can
query everything with SQL; :func:`load` returns one source as a pandas DataFrame.

Example
-------
>>> src = get_source("cow_nmc")
>>> src.version, src.years
('7.0', (1816, 2022))
>>> int(query("SELECT count(*) AS n FROM cow_nmc").n[0])
17121
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from alliancelab.errors import DataFileError, InputError, UnknownNameError
from alliancelab.settings import get_settings

__all__ = [
    "Source",
    "cite",
    "clear_caches",
    "connection",
    "derived",
    "get_source",
    "list_sources",
    "load",
    "load_arrow",
    "query",
    "sources_table",
]

BUNDLED = files("alliancelab.data") / "files"


@dataclass(frozen=True)
class Source:
    """One dataset in the catalog, with everything needed to cite and trust it."""

    name: str
    title: str
    version: str
    years: tuple[int, int]
    rows: int
    file: str
    citation: str
    license: str
    url: str
    unit: str
    code_system: str | None = "cow"
    notes: str = ""
    year_columns: tuple[str, str] | None = ("year", "year")
    imported: bool = field(default=False, compare=False)

    @property
    def key(self) -> str:
        """The BibTeX key of :attr:`citation`."""
        return self.citation.split("{", 1)[1].split(",", 1)[0].strip()

    @property
    def is_table(self) -> bool:
        return self.file.endswith(".parquet")

    def path(self) -> Path:
        """The file in use: an imported release if there is one, else the bundled file."""
        user = get_settings().data_dir / self.file
        if user.exists():
            return user
        return Path(str(BUNDLED / self.file))

    def label(self) -> str:
        """Short provenance label, e.g. ``'COW NMC 7.0'``, for figure captions."""
        return f"{self.title} {self.version}"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "version": self.version,
            "years": list(self.years),
            "rows": self.rows,
            "license": self.license,
            "url": self.url,
            "citation_key": self.key,
            "imported": self.imported,
        }


_DERIVED: list = []


def derived(func):  # type: ignore[no-untyped-def]
    """Cache a table derived from catalog data; :func:`clear_caches` forgets it.

    Use it instead of ``functools.cache`` for anything computed from a source, so that an
    imported release is picked up at once.
    """
    wrapped = cache(func)
    _DERIVED.append(wrapped)
    return wrapped


def clear_caches() -> None:
    """Forget every cached table, derived table and DuckDB view (after an import)."""
    _registry.cache_clear()
    load_arrow.cache_clear()
    for func in _DERIVED:
        func.cache_clear()
    _local.__dict__.clear()


@cache
def _registry() -> dict[str, Source]:
    from alliancelab.data.sources import SOURCES

    registry = {s.name: s for s in SOURCES}
    manifest = get_settings().data_dir / "manifest.json"
    if manifest.exists():
        try:
            overrides = json.loads(manifest.read_text())
        except (OSError, ValueError) as err:
            raise DataFileError(
                f"{manifest}: cannot read the import manifest ({err})",
                hint="re-run `alliancelab data import` or delete the file to use bundled data",
            ) from err
        for name, meta in overrides.items():
            if name in registry and (get_settings().data_dir / registry[name].file).exists():
                registry[name] = replace(
                    registry[name],
                    version=str(meta["version"]),
                    years=(int(meta["years"][0]), int(meta["years"][1])),
                    rows=int(meta["rows"]),
                    imported=True,
                )
    return registry


def list_sources() -> list[Source]:
    """All registered sources, in catalog order."""
    return list(_registry().values())


def get_source(name: str) -> Source:
    """The source called ``name``; an unknown name lists the closest ones."""
    try:
        return _registry()[name]
    except KeyError:
        raise UnknownNameError("data source", name, list(_registry())) from None


def sources_table() -> pd.DataFrame:
    """The catalog as a table: name, title, version, years, rows, licence."""
    return pd.DataFrame(
        [
            {
                "name": s.name,
                "title": s.title,
                "version": s.version,
                "years": f"{s.years[0]}–{s.years[1]}",
                "rows": s.rows,
                "license": s.license,
            }
            for s in list_sources()
        ]
    )


def cite(*names: str) -> str:
    """BibTeX for the named sources (all sources when no name is given)."""
    chosen = [get_source(n) for n in names] if names else list_sources()
    seen: dict[str, str] = {}
    for s in chosen:
        seen.setdefault(s.key, s.citation.strip())
    return "\n\n".join(seen.values()) + "\n"


@cache
def load_arrow(name: str) -> pa.Table:
    """One source as an Arrow table (cached; Arrow tables are immutable)."""
    src = get_source(name)
    if not src.is_table:
        raise InputError(f"source {name!r} is not a table (it is {src.file})")
    path = src.path()
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException) as err:
        raise DataFileError(
            f"{path}: cannot read data source {name!r} ({err})",
            hint="the file is damaged; re-import it or reinstall alliancelab",
        ) from err


def load(name: str) -> pd.DataFrame:
    """One source as a fresh pandas DataFrame (nullable integer columns keep NA)."""
    return load_arrow(name).to_pandas()


_local = threading.local()


def connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection (one per thread) with a view per table source."""
    con = getattr(_local, "con", None)
    if con is None:
        con = duckdb.connect(config={"threads": get_settings().threads})
        con.execute("SET enable_progress_bar = false")  # it would print into our output
        for s in list_sources():
            if s.is_table:
                path = str(s.path()).replace("'", "''")
                con.execute(f"CREATE VIEW {s.name} AS SELECT * FROM read_parquet('{path}')")
        _local.con = con
    return con


def query(sql: str) -> pd.DataFrame:
    """Run SQL over the catalog views; a SQL mistake raises a one-line InputError."""
    if not sql.strip():
        raise InputError("the SQL statement is empty", hint='e.g. "SELECT * FROM cow_nmc LIMIT 5"')
    try:
        return connection().sql(sql).df()
    except duckdb.Error as err:
        first = str(err).strip().splitlines()[0]
        raise InputError(
            f"SQL error: {first}", hint="`alliancelab data list` shows the tables"
        ) from err
    except AttributeError as err:  # a statement that returns no relation (e.g. SET)
        raise InputError("SQL error: the statement returned no table") from err
