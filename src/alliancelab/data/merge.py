"""Fast keyed lookups that merge a source's columns into a panel without changing its rows.

A panel row is keyed by (ccode, year) or (ccode1, ccode2, year). Instead of a hash join, a
key becomes a position in a dense array (COW codes are below 1,000 and years within
1800-2030), the source's row numbers are scattered into that array once, and every
panel row reads its source row directly. The result keeps the panel's row order and count
by construction, which is the invariant every enricher promises. Missing matches are NA;
``fill`` writes a source's "no event" value (0) for unmatched rows inside its years only.

Example
-------
>>> import numpy as np, pandas as pd
>>> src = pd.DataFrame({"ccode": [2, 740], "year": [2000, 2000], "x": [1.5, 2.5]})
>>> cols, matched = gather(src, ("ccode", "year"), (np.array([740, 2, 20]),
...                        np.array([2000, 2000, 2000])), ["x"])
>>> cols["x"].tolist(), matched.tolist()
([2.5, 1.5, nan], [True, True, False])
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliancelab.data.catalog import derived, load_arrow

__all__ = ["YEAR0", "YEAR1", "Fill", "gather", "key_arrays", "reusing_keys"]

YEAR0, YEAR1 = 1800, 2030
_NYEARS = YEAR1 - YEAR0 + 1
_MAXCODE = 1000


@dataclass(frozen=True)
class Fill:
    """Write ``value`` into ``columns`` for unmatched rows whose year is in ``span``."""

    span: tuple[int, int]
    value: int = 0
    columns: tuple[str, ...] | None = None  # None: every gathered column


def key_arrays(frame: pd.DataFrame, names: Sequence[str]) -> tuple[np.ndarray, ...]:
    """The key columns of ``frame`` as int32 arrays (NA becomes -1, which never matches).

    The same column object always gives the same array back, so repeated lookups on one
    panel reuse their work (see :func:`_target_dense`).
    """
    return tuple(_key_array(frame[name]) for name in names)


_key_cache: dict[int, tuple[weakref.ref, np.ndarray]] | None = None


@contextlib.contextmanager
def reusing_keys() -> Iterator[None]:
    """Within this block, reuse key conversions of the same (unmodified) panel columns.

    A pipeline of enrichers looks up the same panel keys again and again, and the frames
    they return share their key columns; :func:`~alliancelab.data.panel.build_panel` runs
    inside this block. Outside it nothing is cached, so a user who edits a key column in
    place between two ``add_*`` calls still gets correct results.
    """
    global _key_cache
    outer = _key_cache
    _key_cache = {} if outer is None else outer
    try:
        yield
    finally:
        _key_cache = outer
        if outer is None:
            _dense_cache.clear()


def _key_array(series: pd.Series) -> np.ndarray:
    values = series.array
    if isinstance(values, pd.arrays.NumpyExtensionArray):
        return np.asarray(values, dtype=np.int32)
    if _key_cache is None:
        return values.to_numpy(dtype=np.int32, na_value=-1)
    hit = _key_cache.get(id(values))
    if hit is not None and hit[0]() is values:
        return hit[1]
    out = values.to_numpy(dtype=np.int32, na_value=-1)
    _key_cache[id(values)] = (weakref.ref(values), out)
    return out


def _valid(keys: Sequence[np.ndarray]) -> np.ndarray:
    *codes, years = keys
    ok = (years >= YEAR0) & (years <= YEAR1)
    for code in codes:
        ok &= (code >= 0) & (code < _MAXCODE)
    return ok


def _dense(keys: Sequence[np.ndarray], lut: np.ndarray | None, k: int) -> np.ndarray:
    """Dense int32 position of each key; invalid keys get -1."""
    ok = _valid(keys)
    *codes, years = keys
    if len(codes) == 1:
        dense = codes[0] * _NYEARS + (years - YEAR0)
    else:
        assert lut is not None
        i1 = lut[np.clip(codes[0], 0, _MAXCODE - 1)]
        i2 = lut[np.clip(codes[1], 0, _MAXCODE - 1)]
        ok &= (i1 >= 0) & (i2 >= 0)
        dense = (i1 * k + i2) * _NYEARS + (years - YEAR0)
    return np.where(ok, dense, -1).astype(np.int32, copy=False)


@derived
def _code_lut() -> tuple[np.ndarray, int]:
    """Dense numbering of every COW state code (for dyad keys)."""
    codes = np.unique(load_arrow("cow_states").column("ccode").to_numpy())
    lut = np.full(_MAXCODE, -1, dtype=np.int32)
    lut[codes] = np.arange(len(codes), dtype=np.int32)
    return lut, len(codes)


def _grid(nkeys: int) -> tuple[np.ndarray | None, int, int]:
    """(lut, k, size) of the dense grid for 2 or 3 keys."""
    if nkeys == 2:
        return None, 0, _MAXCODE * _NYEARS
    lut, k = _code_lut()
    return lut, k, k * k * _NYEARS


# Dense positions of panel keys, by identity of the key arrays (only inside reusing_keys).
_dense_cache: dict[tuple[int, ...], tuple[tuple[weakref.ref, ...], np.ndarray]] = {}


def _target_dense(target_keys: Sequence[np.ndarray]) -> np.ndarray:
    ident = tuple(id(k) for k in target_keys)
    hit = _dense_cache.get(ident) if _key_cache is not None else None
    if hit is not None and all(r() is k for r, k in zip(hit[0], target_keys, strict=True)):
        return hit[1]
    lut, k, size = _grid(len(target_keys))
    dense = _dense(target_keys, lut, k)
    dense[dense < 0] = size  # the spare cell at the end, always -1
    if _key_cache is not None:
        _dense_cache[ident] = (tuple(weakref.ref(k) for k in target_keys), dense)
    return dense


def _rows(source_keys: Sequence[np.ndarray], target_keys: Sequence[np.ndarray]) -> np.ndarray:
    """For each target row, the matching source row, or -1."""
    lut, k, size = _grid(len(source_keys))
    src = _dense(source_keys, lut, k)
    valid = src >= 0
    pos = np.full(size + 1, -1, dtype=np.int32)  # int32 halves the grid (54 MB for dyads)
    pos[src[valid]] = np.flatnonzero(valid)
    if np.count_nonzero(pos >= 0) != np.count_nonzero(valid):
        raise ValueError("source keys are not unique")  # a bug in a source's preparation
    return pos[_target_dense(target_keys)].astype(np.intp)


def gather(
    source: pd.DataFrame,
    source_key_names: Sequence[str],
    target_keys: Sequence[np.ndarray],
    columns: Sequence[str],
    rename: Mapping[str, str] | None = None,
    fill: Fill | None = None,
) -> tuple[dict[str, object], np.ndarray]:
    """Look up ``columns`` of ``source`` for every target key.

    Returns the new columns (named through ``rename``) in target order and a boolean array
    saying which target rows found a source row. Source keys must be unique.
    """
    rename = rename or {}
    rows = _rows(key_arrays(source, source_key_names), target_keys)
    matched = rows >= 0
    fill_rows = None
    if fill is not None:
        years = target_keys[-1]
        fill_rows = ~matched & (years >= fill.span[0]) & (years <= fill.span[1])
    out: dict[str, object] = {}
    for col in columns:
        filled = fill_rows if fill and (fill.columns is None or col in fill.columns) else None
        out[rename.get(col, col)] = _take(source[col], rows, ~matched, filled,
                                          fill.value if fill else 0)
    return out, matched


def _take(series: pd.Series, rows: np.ndarray, unmatched: np.ndarray,
          fill_rows: np.ndarray | None, value: int) -> object:
    """``series`` at ``rows`` (-1 gives NA), optionally writing ``value`` at ``fill_rows``."""
    dtype = series.dtype
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind not in "iuf":
        taken = series.array.take(rows, allow_fill=True)
        if fill_rows is not None:
            taken[fill_rows] = value
        return taken
    if dtype.kind == "f":
        data = np.append(series.to_numpy(dtype=np.float64, na_value=np.nan), np.nan)
        taken = data.take(rows)  # row -1 reads the NaN appended at the end
        if fill_rows is not None:
            taken[fill_rows] = value
        return taken
    numpy_dtype = dtype.numpy_dtype if hasattr(dtype, "numpy_dtype") else dtype
    data = np.append(series.to_numpy(dtype=numpy_dtype, na_value=0), numpy_dtype.type(0))
    na = series.isna().to_numpy()
    values = data.take(rows)
    # Where the source has no NA, the result is missing exactly where nothing matched.
    missing = np.append(na, True).take(rows) if na.any() else unmatched.copy()
    if fill_rows is not None:
        values[fill_rows] = value
        missing[fill_rows] = False
    return pd.arrays.IntegerArray(values, missing)
