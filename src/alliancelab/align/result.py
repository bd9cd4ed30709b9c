"""Result objects of the landscape solvers: an :class:`Alignment` and a :class:`Landscape` of them.

An :class:`Alignment` is one configuration: its coalitions (largest total size first), its
energy E, each actor's frustration and, when known, its basin share. A :class:`Landscape`
is what a solver returns: every stable alignment it found, best (lowest E) first, with the
problem, the method and provenance. Both render themselves (``summary()`` as a DataFrame,
``to_dict()`` for JSON, ``_repr_html_()`` for notebooks and the report), so every front end
shows the same numbers.

Example
-------
>>> from alliancelab.align.model import LandscapeProblem
>>> prob = LandscapeProblem(["A", "B", "C"], [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> land = Landscape(prob, make_alignments(prob, [[0, 0, 1]]), method="given")
>>> land.best.coalitions            # equal total sizes: the bloc listed first wins
(('A', 'B'), ('C',))
>>> land.summary()[["rank", "energy", "coalitions"]].to_dict("records")
[{'rank': 1, 'energy': -8.0, 'coalitions': 'A, B | C'}]
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from alliancelab.align.model import LandscapeProblem

__all__ = ["Alignment", "Landscape", "canonical_labels", "make_alignments"]


@dataclass(frozen=True, eq=False)
class Alignment:
    """One configuration of a landscape, with its energy and each actor's frustration.

    ``labels`` are canonical: coalitions numbered in order of first appearance (actor 0
    is in coalition 0). ``basin`` is the share of starting configurations that end here
    (exact solver) or the share of restarts that ended here (heuristic); None if unknown.
    """

    actors: tuple[str, ...]
    sizes: np.ndarray
    labels: np.ndarray
    energy: float
    frustration: np.ndarray
    rank: int = 1
    basin: float | None = None
    basin_count: int | None = None
    stable: bool = True

    @property
    def coalitions(self) -> tuple[tuple[str, ...], ...]:
        """Actor names per coalition, the largest total size first (ties: first actor)."""
        groups = [np.flatnonzero(self.labels == c) for c in np.unique(self.labels)]
        groups.sort(key=lambda idx: (-float(self.sizes[idx].sum()), int(idx[0])))
        return tuple(tuple(self.actors[i] for i in idx) for idx in groups)

    def side_of(self, actor: str) -> int:
        """Index (in :attr:`coalitions`) of the coalition ``actor`` belongs to."""
        for c, members in enumerate(self.coalitions):
            if actor in members:
                return c
        raise KeyError(actor)

    def same_side(self, a: str, b: str) -> bool:
        """Whether two actors are in the same coalition."""
        i, j = self.actors.index(a), self.actors.index(b)
        return bool(self.labels[i] == self.labels[j])

    def frustration_by_actor(self) -> dict[str, float]:
        return {a: float(f) for a, f in zip(self.actors, self.frustration, strict=True)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``coalitions``, ``energy``, ``basin``, ``frustration`` and more."""
        return {
            "rank": self.rank,
            "coalitions": [list(c) for c in self.coalitions],
            "energy": float(self.energy),
            "basin": None if self.basin is None else float(self.basin),
            "basin_count": self.basin_count,
            "frustration": self.frustration_by_actor(),
            "stable": self.stable,
        }

    def describe(self) -> str:
        """One line: ``'CHN, PRK | USA, JPN, ... (E = -0.012, basin 61.2%)'``."""
        blocs = " | ".join(", ".join(c) for c in self.coalitions)
        basin = "" if self.basin is None else f", basin {100 * self.basin:.1f}%"
        return f"{blocs} (E = {self.energy:.6g}{basin})"

    def _repr_html_(self) -> str:
        return _alignment_table([self]).to_html(index=False, escape=True)


@dataclass(frozen=True, eq=False)
class Landscape:
    """Stable alignments of a problem, best first, as returned by the solvers."""

    problem: LandscapeProblem
    alignments: tuple[Alignment, ...]
    method: str
    explored: int | None = None
    seconds: float | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, problem: LandscapeProblem, alignments: Sequence[Alignment],
                 method: str, explored: int | None = None, seconds: float | None = None,
                 details: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "problem", problem)
        object.__setattr__(self, "alignments", tuple(alignments))
        object.__setattr__(self, "method", method)
        object.__setattr__(self, "explored", explored)
        object.__setattr__(self, "seconds", seconds)
        object.__setattr__(self, "details", dict(details or {}))

    @property
    def best(self) -> Alignment:
        """The lowest-energy alignment (the global minimum for the exact method)."""
        return self.alignments[0]

    def __len__(self) -> int:
        return len(self.alignments)

    def __iter__(self):
        return iter(self.alignments)

    def __getitem__(self, i: int) -> Alignment:
        return self.alignments[i]

    def summary(self, top: int | None = None) -> pd.DataFrame:
        """One row per alignment: rank, energy, basin share, coalition sizes and members."""
        return _alignment_table(self.alignments[:top])

    def frustration_table(self, top: int | None = None) -> pd.DataFrame:
        """Actors x alignments (columns ``rank 1``, ``rank 2``...): each actor's frustration."""
        cols = {f"rank {a.rank}": a.frustration for a in self.alignments[:top]}
        frame = pd.DataFrame(cols, index=list(self.problem.actors))
        frame.index.name = "actor"
        return frame

    def records(self, top: int | None = None) -> list[dict[str, Any]]:
        """The CLI's JSON: a list of alignments best first (see :meth:`Alignment.to_dict`)."""
        return [a.to_dict() for a in self.alignments[:top]]

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """Everything, JSON-ready: method, actors, sizes, provenance and alignments."""
        return {
            "method": self.method,
            "actors": list(self.problem.actors),
            "sizes": [float(s) for s in self.problem.sizes],
            "explored": self.explored,
            "seconds": self.seconds,
            "details": _jsonable(dict(self.details)),
            "meta": _jsonable(dict(self.problem.meta)),
            "alignments": self.records(top),
        }

    def figure(self, rank: int = 1, **kwargs: Any):
        """Map of one alignment (plotly); see :func:`alliancelab.align.figure.alignment_map`."""
        from alliancelab.align.figure import alignment_map

        return alignment_map(self, rank=rank, **kwargs)

    def _repr_html_(self) -> str:
        head = (f"<p><b>Landscape</b>: {self.problem.n} actors, method {html.escape(self.method)}, "
                f"{len(self.alignments)} stable alignment(s)</p>")
        return head + self.summary(top=20).to_html(index=False, escape=True)

    def __repr__(self) -> str:
        return (f"Landscape(n={self.problem.n}, method={self.method!r}, "
                f"alignments={len(self.alignments)}, best={self.best.describe()!r})")


def canonical_labels(labels: np.ndarray) -> np.ndarray:
    """Renumber coalitions by order of first appearance (row-wise for a 2-D array)."""
    arr = np.atleast_2d(np.asarray(labels, dtype=np.int64))
    out = np.empty_like(arr)
    for r, row in enumerate(arr):
        _, first, inverse = np.unique(row, return_index=True, return_inverse=True)
        rank = np.argsort(np.argsort(first))
        out[r] = rank[inverse]
    return out if np.ndim(labels) == 2 else out[0]


def make_alignments(
    problem: LandscapeProblem,
    labels: Sequence[Sequence[int]] | np.ndarray,
    counts: Sequence[int] | np.ndarray | None = None,
    total: int | None = None,
) -> list[Alignment]:
    """Alignments for configurations ``labels`` (one row each), sorted best first.

    ``counts``/``total`` give each configuration's basin count and the number of starts.
    Sorted by energy, then larger basin, then labels; ranks are 1-based.
    """
    lab = canonical_labels(np.asarray(labels, dtype=np.int64).reshape(-1, problem.n))
    w = problem.weights()
    energies = np.empty(len(lab))
    frus = np.empty((len(lab), problem.n))
    for start in range(0, len(lab), 4096):
        block = lab[start:start + 4096]
        apart = block[:, :, None] != block[:, None, :]
        energies[start:start + 4096] = (apart * w[None]).sum(axis=(1, 2))
        frus[start:start + 4096] = np.einsum("kij,ij,j->ki", apart, problem.propensity,
                                             problem.sizes)
    cnt = None if counts is None else np.asarray(counts, dtype=np.int64)
    basin_key = np.zeros(len(lab)) if cnt is None else -cnt.astype(float)
    order = np.lexsort((*lab.T[::-1], basin_key, energies))
    out = []
    for rank, k in enumerate(order, start=1):
        share = None
        if cnt is not None and total:
            share = float(cnt[k]) / float(total)
        out.append(Alignment(
            actors=problem.actors, sizes=problem.sizes, labels=lab[k], energy=float(energies[k]),
            frustration=frus[k], rank=rank, basin=share,
            basin_count=None if cnt is None else int(cnt[k]),
        ))
    return out


def _alignment_table(alignments: Sequence[Alignment]) -> pd.DataFrame:
    rows = []
    for a in alignments:
        blocs = a.coalitions
        rows.append({
            "rank": a.rank,
            "energy": a.energy,
            "basin": a.basin,
            "sizes": " / ".join(str(len(c)) for c in blocs),
            "coalitions": " | ".join(", ".join(c) for c in blocs),
        })
    return pd.DataFrame(rows, columns=["rank", "energy", "basin", "sizes", "coalitions"])


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.ndarray):
        return _jsonable(value.tolist())
    if isinstance(value, float) and np.isnan(value):
        return None
    return value
