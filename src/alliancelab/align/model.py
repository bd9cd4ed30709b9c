"""The landscape problem of Axelrod & Bennett (1993): sizes, propensities, energy and stability.

A :class:`LandscapeProblem` holds ``n`` actors, their sizes ``s_i >= 0`` and a symmetric
propensity matrix ``p`` (positive: the two want to be together; negative: apart; the
diagonal is ignored). A configuration gives each actor a coalition label. Its energy is

    E = sum over ordered pairs i != j of  s_i * s_j * p_ij * d_ij,

with ``d_ij = 1`` when ``i`` and ``j`` are in different coalitions and 0 otherwise, so E is
twice the sum over unordered pairs (Axelrod & Bennett's definition). Actor ``i``'s
*frustration* is ``F_i = sum_{j != i} s_j * p_ij * d_ij``; ``E = sum_i s_i * F_i``, and an
actor that switches to a coalition where its frustration is lower by ``delta`` lowers E by
``2 * s_i * delta``. A configuration is *stable* (a predicted alignment) when no single actor
can lower E by switching to another coalition.

Stability is decided in exact integer arithmetic: the weights ``s_i s_j p_ij`` are scaled by
a power of two so that the largest is 2**40 and rounded (:meth:`LandscapeProblem.integer_weights`).
Ties are therefore exact (a switch that leaves E unchanged does not make a configuration
unstable) and every solver in :mod:`alliancelab.align` agrees on what is stable. Energies
are reported in floating point from the unrounded weights.

Example
-------
>>> import numpy as np
>>> prob = LandscapeProblem(["A", "B", "C"], [1.0, 1.0, 2.0],
...                         [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> prob.energy([0, 0, 0])          # all together: nobody is apart
0.0
>>> prob.energy([0, 0, 1])          # C apart from A and B: 2 * (1*2*-1 + 1*2*-1)
-8.0
>>> prob.is_stable([0, 0, 0]), prob.is_stable([0, 0, 1])
(False, True)
>>> prob.frustration([0, 1, 1]).tolist()   # A apart from its friend B and its foe C
[-1.0, 1.0, -1.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from alliancelab.errors import InputError

__all__ = ["WEIGHT_BITS", "LandscapeProblem"]

WEIGHT_BITS = 40  # the largest |s_i s_j p_ij| becomes 2**40 in the integer weights


@dataclass(frozen=True, eq=False)
class LandscapeProblem:
    """Actors, sizes and a symmetric propensity matrix, validated on construction.

    Parameters
    ----------
    actors
        Distinct actor names (ISO3 codes for states, or any labels).
    sizes
        One size per actor, finite and >= 0 (CINC, military spending, ...).
    propensity
        ``n x n`` symmetric matrix, finite off the diagonal; the diagonal is ignored.
    meta
        Free-form provenance (data sources, years, weights) carried into results.
    source
        How to name the inputs in error messages (e.g. the file names).

    Raises
    ------
    InputError
        With one line naming the first problem: non-square or asymmetric matrix, NaN or
        infinite values, negative sizes, duplicate names, fewer than two actors.
    """

    actors: tuple[str, ...]
    sizes: np.ndarray
    propensity: np.ndarray
    meta: Mapping[str, Any] = field(default_factory=dict)
    source: str = "input"

    def __init__(
        self,
        actors: Iterable[object],
        sizes: Iterable[float] | np.ndarray,
        propensity: Sequence[Sequence[float]] | np.ndarray,
        meta: Mapping[str, Any] | None = None,
        source: str = "input",
    ) -> None:
        names = tuple(str(a) for a in actors)
        s = _as_float_array(sizes, f"{source}: sizes", 1)
        p = _as_float_array(propensity, f"{source}: propensity", 2)
        _validate(names, s, p, source)
        p = p.copy()
        np.fill_diagonal(p, 0.0)
        s = s.copy()
        s.flags.writeable = False
        p.flags.writeable = False
        object.__setattr__(self, "actors", names)
        object.__setattr__(self, "sizes", s)
        object.__setattr__(self, "propensity", p)
        object.__setattr__(self, "meta", dict(meta or {}))
        object.__setattr__(self, "source", source)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_frames(
        cls,
        sizes: pd.Series | Mapping[str, float],
        propensity: pd.DataFrame,
        meta: Mapping[str, Any] | None = None,
        source: str = "input",
    ) -> LandscapeProblem:
        """Build from a Series of sizes (index = actors) and a labelled square DataFrame.

        The actors are taken in the order of ``sizes``; the matrix is reordered to match.
        Names that appear in only one of the two raise an InputError listing them.
        """
        sizes = pd.Series(sizes, dtype="float64")
        rows = [str(r) for r in propensity.index]
        cols = [str(c) for c in propensity.columns]
        if len(rows) != len(cols):
            raise InputError(
                f"{source}: the propensity matrix has {len(rows)} rows but {len(cols)} "
                "columns; it must be square, one row and one column per actor"
            )
        if set(rows) != set(cols):
            only_r = sorted(set(rows) - set(cols))
            only_c = sorted(set(cols) - set(rows))
            raise InputError(
                f"{source}: the propensity matrix's row names and column names differ "
                f"(rows only: {_short(only_r)}; columns only: {_short(only_c)})",
                hint="the header row and the first column must list the same actors",
            )
        names = [str(a) for a in sizes.index]
        missing_p = [a for a in names if a not in set(rows)]
        missing_s = [a for a in rows if a not in set(names)]
        if missing_p or missing_s:
            raise InputError(
                f"{source}: actor names differ between sizes and propensities "
                f"(only in sizes: {_short(missing_p) or 'none'}; "
                f"only in propensities: {_short(missing_s) or 'none'})",
                hint="use exactly the same actor names in both",
            )
        frame = propensity.copy()
        frame.index, frame.columns = rows, cols
        matrix = frame.loc[names, names].to_numpy(dtype="float64")
        return cls(names, sizes.to_numpy(), matrix, meta=meta, source=source)

    # ------------------------------------------------------------------ basics
    @property
    def n(self) -> int:
        """Number of actors."""
        return len(self.actors)

    def weights(self) -> np.ndarray:
        """``W_ij = s_i * s_j * p_ij`` with a zero diagonal (so ``E = sum W_ij d_ij``)."""
        w = np.outer(self.sizes, self.sizes) * self.propensity
        np.fill_diagonal(w, 0.0)
        return w

    def integer_weights(self) -> tuple[np.ndarray, float]:
        """``(Wq, unit)``: the weights as int64 with ``W ~= Wq * unit``.

        ``unit`` is a power of two chosen so the largest ``|W_ij|`` lies in
        ``(2**(WEIGHT_BITS-1), 2**WEIGHT_BITS]``; integer-valued or dyadic inputs are
        represented exactly, others to a relative 2**-40. All stability decisions use
        these integers, so ties are exact and solvers agree.
        """
        w = self.weights()
        top = float(np.abs(w).max())
        if top == 0.0:
            return np.zeros_like(w, dtype=np.int64), 1.0
        exponent = int(np.ceil(np.log2(top))) - WEIGHT_BITS
        unit = float(2.0**exponent)
        wq = np.rint(w / unit).astype(np.int64)
        return wq, unit

    def index(self, actor: str) -> int:
        """Position of ``actor`` (an InputError names the known actors if absent)."""
        try:
            return self.actors.index(str(actor))
        except ValueError:
            raise InputError(
                f"{actor!r} is not an actor of this landscape",
                hint=f"actors: {_short(list(self.actors), 12)}",
            ) from None

    def labels(self, config: Sequence[int] | np.ndarray | Sequence[Sequence[str]]) -> np.ndarray:
        """Coalition labels (int array, length n) from labels or from lists of actor names."""
        if len(config) and not isinstance(config[0], int | np.integer | bool | np.bool_):
            out = np.full(self.n, -1, dtype=np.int64)
            for c, members in enumerate(config):  # type: ignore[arg-type]
                for name in members:
                    out[self.index(name)] = c
            if (out < 0).any():
                left = [self.actors[i] for i in np.flatnonzero(out < 0)]
                raise InputError(f"coalitions leave out {_short(left)}",
                                 hint="list every actor in exactly one coalition")
            return out
        arr = np.asarray(config, dtype=np.int64)
        if arr.shape != (self.n,):
            raise InputError(f"a configuration needs {self.n} labels, got {arr.size}")
        if (arr < 0).any():
            raise InputError("coalition labels must be >= 0")
        return arr

    # ------------------------------------------------------------------ energy etc.
    def energy(self, config: Sequence[int] | np.ndarray) -> float:
        """E of a configuration: sum over ordered pairs of ``s_i s_j p_ij d_ij``."""
        lab = self.labels(config)
        apart = lab[:, None] != lab[None, :]
        return float((self.weights() * apart).sum())

    def frustration(self, config: Sequence[int] | np.ndarray) -> np.ndarray:
        """Each actor's frustration ``F_i = sum_{j != i} s_j p_ij d_ij`` (so E = s . F)."""
        lab = self.labels(config)
        apart = lab[:, None] != lab[None, :]
        return (self.propensity * apart) @ self.sizes

    def switch_gains(self, config: Sequence[int] | np.ndarray, k: int | None = None) -> np.ndarray:
        """``n x k`` matrix: the change in E if actor i moved to coalition c (0 where it is).

        ``k`` defaults to ``max(label) + 1`` and at least 2. Negative entries are moves
        that lower E. Computed from the float weights (see :meth:`is_stable` for the
        exact test).
        """
        lab = self.labels(config)
        k = max(int(lab.max()) + 1, 2) if k is None else k
        onehot = np.zeros((self.n, k))
        onehot[np.arange(self.n), lab] = 1.0
        field_ = self.weights() @ onehot  # field_[i, c] = sum_{j in c} W_ij
        own = field_[np.arange(self.n), lab]
        return 2.0 * (own[:, None] - field_)

    def is_stable(self, config: Sequence[int] | np.ndarray, k: int | None = None) -> bool:
        """True when no actor can lower E by moving to any of ``k`` coalitions.

        ``k`` defaults to ``max(label) + 1`` (at least 2): moving into an empty
        coalition (going alone) counts as a move when fewer than ``k`` are in use.
        Decided exactly on :meth:`integer_weights`.
        """
        lab = self.labels(config)
        k = max(int(lab.max()) + 1, 2) if k is None else k
        if lab.max() >= k:
            raise InputError(f"labels go up to {lab.max()} but k = {k}")
        wq, _ = self.integer_weights()
        onehot = np.zeros((self.n, k), dtype=np.int64)
        onehot[np.arange(self.n), lab] = 1
        field_ = wq @ onehot
        own = field_[np.arange(self.n), lab]
        return bool((own[:, None] >= field_).all())

    def descend(self, config: Sequence[int] | np.ndarray) -> np.ndarray:
        """Two-coalition steepest descent from ``config`` to a stable configuration.

        The rule the exact solver's basins use: while some single switch lowers E, the
        actor whose switch lowers it most switches sides (ties: the lowest index, i.e.
        first in :attr:`actors`). Exact integer arithmetic; returns the final labels
        (0/1, in the same orientation as the start).
        """
        lab = self.labels(config)
        if lab.max() > 1:
            raise InputError("descend() is defined for two coalitions (labels 0 and 1)")
        wq, _ = self.integer_weights()
        sigma = np.where(lab == 0, 1, -1).astype(np.int64)
        h = wq @ sigma
        while True:
            g = sigma * h
            j = int(np.argmin(g))  # first index among equal minima
            if g[j] >= 0:
                break
            sigma[j] = -sigma[j]
            h += 2 * sigma[j] * wq[:, j]
        return np.where(sigma == 1, 0, 1)

    # ------------------------------------------------------------------ derived problems
    def with_propensity(
        self, members: Iterable[str], amount: float, label: str = "treaty"
    ) -> LandscapeProblem:
        """A new problem with ``amount`` added to ``p_ij`` for every pair of ``members``.

        This is how a scenario treaty enters the landscape: its members are drawn
        together by ``amount`` on the propensity scale. Unknown members raise an
        InputError. The change is recorded in ``meta["added"]``.
        """
        idx = [self.index(m) for m in members]
        p = self.propensity.copy()
        for a in idx:
            for b in idx:
                if a != b:
                    p[a, b] += amount
        meta = dict(self.meta)
        added = [*meta.get("added", []),
                 {"label": label, "members": [self.actors[i] for i in idx],
                  "propensity": float(amount)}]
        meta["added"] = added
        return LandscapeProblem(self.actors, self.sizes, p, meta=meta, source=self.source)

    def subset(self, actors: Iterable[str]) -> LandscapeProblem:
        """The landscape restricted to ``actors`` (in the order given)."""
        idx = [self.index(a) for a in actors]
        return LandscapeProblem(
            [self.actors[i] for i in idx], self.sizes[idx], self.propensity[np.ix_(idx, idx)],
            meta=self.meta, source=self.source,
        )

    def to_frames(self) -> tuple[pd.Series, pd.DataFrame]:
        """``(sizes, propensity)`` as a labelled Series and DataFrame."""
        sizes = pd.Series(self.sizes, index=list(self.actors), name="size")
        sizes.index.name = "actor"
        prop = pd.DataFrame(self.propensity, index=list(self.actors), columns=list(self.actors))
        return sizes, prop

    def __repr__(self) -> str:
        return f"LandscapeProblem(n={self.n}, actors={_short(list(self.actors), 8)})"


def _as_float_array(values: object, what: str, ndim: int) -> np.ndarray:
    try:
        arr = np.array(values, dtype="float64")
    except (TypeError, ValueError) as err:
        raise InputError(f"{what} must be numbers ({err})") from None
    if arr.ndim != ndim:
        shape = "a list of numbers" if ndim == 1 else "a square matrix"
        raise InputError(f"{what} must be {shape}, got an array of shape {arr.shape}")
    return arr


def _validate(names: tuple[str, ...], s: np.ndarray, p: np.ndarray, source: str) -> None:
    n = len(names)
    if n < 2:
        raise InputError(f"{source}: a landscape needs at least 2 actors, got {n}")
    dupes = sorted({a for a in names if names.count(a) > 1})
    if dupes:
        raise InputError(f"{source}: actor names must be unique; repeated: {_short(dupes)}")
    if s.shape != (n,):
        raise InputError(f"{source}: {s.size} sizes for {n} actors")
    if p.shape[0] != p.shape[1]:
        raise InputError(
            f"{source}: the propensity matrix has {p.shape[0]} rows but {p.shape[1]} columns; "
            "it must be square, one row and one column per actor"
        )
    if p.shape[0] != n:
        raise InputError(f"{source}: a {p.shape[0]}x{p.shape[0]} propensity matrix for {n} actors")
    bad = np.flatnonzero(~np.isfinite(s))
    if bad.size:
        raise InputError(
            f"{source}: the size of {names[bad[0]]!r} is {s[bad[0]]} (missing or infinite)",
            hint="give every actor a finite size >= 0, or leave the actor out",
        )
    neg = np.flatnonzero(s < 0)
    if neg.size:
        listed = ", ".join(f"{names[i]} ({s[i]:g})" for i in neg[:5])
        raise InputError(f"{source}: sizes must be >= 0; negative: {listed}")
    off = ~np.eye(n, dtype=bool)
    nonfinite = np.argwhere(~np.isfinite(p) & off)
    if nonfinite.size:
        i, j = nonfinite[0]
        raise InputError(
            f"{source}: propensity p[{names[i]}, {names[j]}] is {p[i, j]} (missing or infinite)",
            hint="every pair of different actors needs a finite propensity",
        )
    diff = np.abs(p - p.T) * off
    if diff.max() > 1e-9 * max(1.0, float(np.abs(p[off]).max())):
        i, j = np.unravel_index(int(np.argmax(diff)), diff.shape)
        raise InputError(
            f"{source}: the propensity matrix is not symmetric: p[{names[i]}, {names[j]}] = "
            f"{p[i, j]:g} but p[{names[j]}, {names[i]}] = {p[j, i]:g}",
            hint="landscape theory needs p_ij = p_ji; average the two if that is what you mean",
        )


def _short(items: Sequence[str], limit: int = 6) -> str:
    items = list(items)
    head = ", ".join(items[:limit])
    return head + (f" and {len(items) - limit} more" if len(items) > limit else "")
