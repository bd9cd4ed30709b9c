"""Safe output: write tables and text atomically, by the extension the user chose.

A user's output file either appears complete or not at all: everything is written to a
temporary file beside the target and moved into place at the end, so a crash, a bad value
or a full disk never leaves a partial file, and an existing file is untouched until the new
one is ready. Unwritable paths raise :class:`~alliancelab.errors.OutputError` before any
work is wasted (see :func:`check_writable`).

Example
-------
>>> import pandas as pd, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_table(pd.DataFrame({"ccode": [2, 740]}), out)
>>> out.read_text().splitlines()[0]
'ccode'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from alliancelab.errors import OutputError

__all__ = ["TABLE_FORMATS", "atomic_path", "check_writable", "write_table", "write_text"]

TABLE_FORMATS = (".parquet", ".csv", ".dta", ".json")


def check_writable(path: str | os.PathLike[str], formats: tuple[str, ...] = ()) -> Path:
    """Fail early, with a clear message, if ``path`` cannot be written.

    Checks the extension (when ``formats`` is given), that the folder exists and is a
    folder, that we may write there, and that the target is not itself a folder.
    """
    target = Path(path)
    if formats and target.suffix.lower() not in formats:
        raise OutputError(
            f"cannot write {str(target)!r}: unknown output format {target.suffix or '(none)'!r}",
            hint=f"use one of {', '.join(formats)}",
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError(
            f"cannot write {str(target)!r}: folder {str(folder)!r} does not exist",
            hint="create it first or choose another path",
        )
    if not folder.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: {str(folder)!r} is not a folder")
    if target.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: it is a folder", hint="give a file name")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputError(
            f"cannot write {str(target)!r}: permission denied",
            hint="choose a path you can write to",
        )
    return target


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; move it into place only on success.

    The new file gets the old file's permissions, or the usual ones (0666 less the umask)
    for a new file; writing through a symbolic link replaces the file it points to.
    """
    target = check_writable(path)
    if target.is_symlink():
        target = target.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, _mode_for(target))
        os.replace(tmp_path, target)
    except OSError as err:
        raise OutputError(f"cannot write {str(target)!r}: {err.strerror or err}") from err
    finally:
        tmp_path.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _writer(suffix: str) -> Callable[[pd.DataFrame, Path], None]:
    def parquet(frame: pd.DataFrame, tmp: Path) -> None:
        frame.to_parquet(tmp, index=False, compression="zstd")

    def csv(frame: pd.DataFrame, tmp: Path) -> None:
        # DuckDB's CSV writer is about 20x faster than pandas' on a full dyad-year panel.
        import duckdb

        con = duckdb.connect()
        try:
            con.execute("SET enable_progress_bar = false")
            con.register("frame", frame)
            path = str(tmp).replace("'", "''")
            con.execute(f"COPY frame TO '{path}' (HEADER, DELIMITER ',', NULLSTR 'NA')")
        finally:
            con.close()

    def stata(frame: pd.DataFrame, tmp: Path) -> None:
        with warnings.catch_warnings():
            # pandas warns about renamed columns; the names here are already valid.
            warnings.simplefilter("ignore")
            frame.to_stata(tmp, write_index=False, version=118)

    def json(frame: pd.DataFrame, tmp: Path) -> None:
        frame.to_json(tmp, orient="records", indent=1)

    return {".parquet": parquet, ".csv": csv, ".dta": stata, ".json": json}[suffix]


def write_table(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``frame`` to ``path`` in the format its extension names, atomically.

    ``.parquet``, ``.csv`` (missing values as ``NA``), ``.dta`` (Stata 14+) or ``.json``
    (a list of records).
    """
    target = check_writable(path, TABLE_FORMATS)
    with atomic_path(target) as tmp:
        try:
            _writer(target.suffix.lower())(frame, tmp)
        except (ValueError, TypeError, OSError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise OutputError(f"cannot write {str(target)!r}: {first}") from err
