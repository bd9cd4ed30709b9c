"""Import a newer official release of a bundled dataset, safely and traceably.

``alliancelab data import cow_nmc NMC-60-abridged.csv --version 8.0`` reads the file
(Parquet, CSV or Stata), checks that it has every column the bundled release has and that
each converts to the bundled type, and writes it as Parquet into the user's data folder
(:class:`~alliancelab.settings.Settings` ``data_dir``) with its version, years and row
count in ``manifest.json``. From then on the catalog uses it instead of the bundled file,
and every report names the imported version. Nothing is written unless every check
passes, so a malformed or truncated file leaves the existing data untouched.
``alliancelab data reset NAME`` returns to the bundled release.

Example
-------
>>> from alliancelab.data import load
>>> source_years(get_source("cow_nmc"), load("cow_nmc"))
(1816, 2022)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from alliancelab.data import catalog
from alliancelab.data.catalog import Source, get_source
from alliancelab.errors import DataFileError, InputError
from alliancelab.fileio import atomic_path, write_text
from alliancelab.settings import get_settings

__all__ = ["import_source", "reset_source", "source_years"]

READABLE = (".parquet", ".csv", ".dta")


def _read(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise DataFileError(f"{path}: no such file", hint="check the path")
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise DataFileError(f"{path}: cannot read {suffix or 'files without an extension'}",
                            hint=f"give a {', '.join(READABLE)} file")
    try:
        if suffix == ".parquet":
            return pq.read_table(path).to_pandas()
        if suffix == ".csv":
            return pd.read_csv(path, na_values=["NA", ".", ""], keep_default_na=True)
        return pd.read_stata(path, convert_categoricals=False)
    except (OSError, ValueError, pa.ArrowException, pd.errors.ParserError, UnicodeError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise DataFileError(f"{path}: cannot read the file ({first})",
                            hint="it may be truncated or not in the format its name says") from err


def _conform(frame: pd.DataFrame, schema: pa.Schema, path: Path) -> pa.Table:
    missing = [f.name for f in schema if f.name not in frame.columns]
    if missing:
        raise DataFileError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            hint="a new release must keep every column of the bundled one",
        )
    arrays = []
    for field in schema:
        try:
            arrays.append(pa.array(frame[field.name], from_pandas=True).cast(field.type))
        except (pa.ArrowException, TypeError, ValueError) as err:
            raise DataFileError(
                f"{path}: column {field.name!r} does not convert to {field.type} ({err})",
                hint="check that column's values",
            ) from err
    return pa.Table.from_arrays(arrays, schema=schema)


def source_years(source: Source, frame: pd.DataFrame) -> tuple[int, int]:
    """First and last year a table covers, from the source's year columns."""
    if source.year_columns is None:
        raise InputError(f"source {source.name!r} has no year columns to read its coverage from")
    first_col, last_col = source.year_columns

    def years(col: str) -> pd.Series:
        values = frame[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            return values.dt.year
        return pd.to_numeric(values, errors="coerce").where(lambda v: v > 0)

    first, last = years(first_col).min(), years(last_col).max()
    if pd.isna(first) or pd.isna(last):
        raise InputError(f"cannot tell which years {source.name!r} covers: no year values")
    return int(first), int(last)


def _manifest() -> dict[str, dict[str, object]]:
    path = get_settings().data_dir / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else {}


def import_source(name: str, path: str | Path, version: str,
                  allow_partial: bool = False) -> Source:
    """Check ``path`` against the bundled ``name`` and make it the release in use.

    A new release must start no later than the bundled one (a file with only the latest
    years is almost always a mistake); ``allow_partial=True`` accepts it anyway.
    """
    source = get_source(name)
    if not source.is_table:
        raise InputError(f"source {name!r} ({source.file}) cannot be imported")
    if not version.strip():
        raise InputError("give the release's version with --version")
    path = Path(path)
    schema = pq.read_schema(Path(str(catalog.BUNDLED / source.file)))
    table = _conform(_read(path), schema, path)
    if table.num_rows == 0:
        raise DataFileError(f"{path}: the file has no rows")
    years = source_years(source, table.to_pandas())
    bundled_first = source_years(source, pq.read_table(
        Path(str(catalog.BUNDLED / source.file))).to_pandas())[0]
    if years[0] > bundled_first and not allow_partial:
        raise DataFileError(
            f"{path}: covers {years[0]}-{years[1]}, but the bundled {source.title} "
            f"{source.version} starts in {bundled_first}",
            hint="import the whole release, or pass --partial to use these years only",
        )
    folder = get_settings().data_dir
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_path(folder / source.file) as tmp:
        pq.write_table(table, tmp, compression="zstd")
    manifest = _manifest()
    manifest[name] = {"version": version, "years": list(years), "rows": table.num_rows,
                      "imported_from": str(path.resolve())}
    write_text(folder / "manifest.json", json.dumps(manifest, indent=2))
    _forget()
    return get_source(name)


def reset_source(name: str) -> Source:
    """Stop using an imported release of ``name``; the bundled one is used again."""
    source = get_source(name)
    folder = get_settings().data_dir
    (folder / source.file).unlink(missing_ok=True)
    manifest = _manifest()
    if manifest.pop(name, None) is not None:
        write_text(folder / "manifest.json", json.dumps(manifest, indent=2))
    _forget()
    return get_source(name)


def _forget() -> None:
    """Drop cached tables and views so the next use reads the release now in place."""
    catalog.clear_caches()
