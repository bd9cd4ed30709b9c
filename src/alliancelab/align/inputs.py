"""Researchers' own landscape inputs: a sizes CSV and a propensity-matrix CSV.

``SIZES.csv`` has a header ``actor,size`` and one row per actor. ``PROP.csv`` is a square
matrix: a header row with the actor names and a first column with the same names (the
top-left cell is ignored); the diagonal may be blank. :func:`read_problem` checks both and
raises an :class:`~alliancelab.errors.InputError` whose one-line message names the file and
the problem (missing columns, a non-number and where, a non-square or asymmetric matrix,
negative or missing sizes, names that differ between the files).

Example
-------
>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "s.csv").write_text("actor,size\\nUSA,3\\nJPN,1\\nCHN,3\\n")
>>> _ = (d / "p.csv").write_text(",USA,JPN,CHN\\nUSA,,1,-1\\nJPN,1,,-1\\nCHN,-1,-1,\\n")
>>> read_problem(d / "s.csv", d / "p.csv").actors
('USA', 'JPN', 'CHN')
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from alliancelab.align.model import LandscapeProblem
from alliancelab.errors import DataFileError, InputError

__all__ = ["read_problem", "read_propensity", "read_sizes"]


def read_problem(sizes: str | os.PathLike[str], propensity: str | os.PathLike[str]
                 ) -> LandscapeProblem:
    """A :class:`LandscapeProblem` from the two CSV files (actors in the sizes file's order)."""
    size_path, prop_path = Path(sizes), Path(propensity)
    s = read_sizes(size_path)
    p = read_propensity(prop_path)
    only_s = [a for a in s.index if a not in set(p.index)]
    only_p = [a for a in p.index if a not in set(s.index)]
    if only_s or only_p:
        raise InputError(
            f"actor names differ between {size_path.name} and {prop_path.name}: "
            f"only in {size_path.name}: {_short(only_s) or 'none'}; "
            f"only in {prop_path.name}: {_short(only_p) or 'none'}",
            hint="use exactly the same names (spelling and case) in both files",
        )
    meta = {"inputs": {"sizes": str(size_path), "propensity": str(prop_path)}}
    return LandscapeProblem.from_frames(s, p, meta=meta, source=prop_path.name)


def read_sizes(path: str | os.PathLike[str]) -> pd.Series:
    """The ``actor,size`` file as a float Series indexed by actor (checked)."""
    path = Path(path)
    frame = _read_csv(path, header=0)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if not {"actor", "size"} <= set(frame.columns):
        raise InputError(
            f"{path.name}: needs the columns actor,size (found: {', '.join(frame.columns)})",
            hint="the first line must be the header actor,size",
        )
    actors = frame["actor"].astype("string").str.strip()
    if actors.isna().any() or (actors == "").any():
        line = int(np.flatnonzero((actors.isna() | (actors == "")).to_numpy())[0]) + 2
        raise InputError(f"{path.name}, line {line}: the actor name is empty")
    values = pd.to_numeric(frame["size"].astype("string").str.strip(), errors="coerce")
    for k, (actor, raw, value) in enumerate(zip(actors, frame["size"], values, strict=True)):
        line = k + 2
        if pd.isna(value):
            what = "missing" if pd.isna(raw) or str(raw).strip() == "" else f"{raw!r}"
            raise InputError(f"{path.name}, line {line}: the size of {actor!r} is {what}, "
                             "not a number", hint="every actor needs a size >= 0")
        if not np.isfinite(value):
            raise InputError(f"{path.name}, line {line}: the size of {actor!r} is infinite")
        if value < 0:
            raise InputError(f"{path.name}, line {line}: the size of {actor!r} is negative "
                             f"({value:g})", hint="sizes must be >= 0")
    dupes = actors[actors.duplicated()].tolist()
    if dupes:
        raise InputError(f"{path.name}: actor {dupes[0]!r} is listed more than once")
    if len(actors) < 2:
        raise InputError(f"{path.name}: a landscape needs at least 2 actors, found {len(actors)}")
    return pd.Series(values.to_numpy(dtype="float64"), index=actors.tolist(), name="size")


def read_propensity(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The square propensity matrix, labelled by actor on both axes (checked for shape)."""
    path = Path(path)
    frame = _read_csv(path, header=0, index_col=0)
    cols = [str(c).strip() for c in frame.columns]
    rows = [str(r).strip() for r in frame.index]
    if len(rows) != len(cols):
        raise InputError(
            f"{path.name}: the matrix has {len(rows)} rows but {len(cols)} columns; "
            "it must be square (a header row of names, then one row per actor)",
        )
    if len(set(cols)) != len(cols) or len(set(rows)) != len(rows):
        raise InputError(f"{path.name}: an actor name appears twice in the header or first "
                         "column")
    if set(rows) != set(cols):
        raise InputError(
            f"{path.name}: the header names and the first-column names differ "
            f"(header only: {_short(sorted(set(cols) - set(rows))) or 'none'}; "
            f"first column only: {_short(sorted(set(rows) - set(cols))) or 'none'})",
        )
    frame.columns, frame.index = cols, rows
    frame = frame.loc[:, rows]
    numbers = frame.apply(lambda col: pd.to_numeric(col.astype("string").str.strip(),
                                                    errors="coerce"))
    blank = frame.isna() | frame.astype("string").apply(lambda c: c.str.strip() == "")
    bad = numbers.isna() & ~blank.fillna(True).astype(bool)
    if bad.to_numpy().any():
        i, j = np.argwhere(bad.to_numpy())[0]
        raise InputError(f"{path.name}: p[{rows[i]}, {rows[j]}] is {frame.iat[i, j]!r}, "
                         "not a number")
    off = ~np.eye(len(rows), dtype=bool)
    missing = numbers.isna().to_numpy() & off
    if missing.any():
        i, j = np.argwhere(missing)[0]
        raise InputError(f"{path.name}: p[{rows[i]}, {rows[j]}] is empty",
                         hint="only the diagonal may be left blank")
    return numbers.astype("float64").fillna(0.0)


def _read_csv(path: Path, **kwargs: object) -> pd.DataFrame:
    if not path.is_file():
        raise DataFileError(f"cannot read {str(path)!r}: no such file")
    try:
        return pd.read_csv(path, dtype=str, skipinitialspace=True, **kwargs)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError,
            pd.errors.EmptyDataError) as err:
        raise DataFileError(f"cannot read {path.name} as CSV ({err})".replace("\n", " "),
                            hint="save it as comma-separated UTF-8 text") from None


def _short(items: list[str], limit: int = 6) -> str:
    head = ", ".join(items[:limit])
    return head + (f" and {len(items) - limit} more" if len(items) > limit else "")
