"""The result of many cascades: how likely each state is to be drawn in, on which side.

A :class:`CascadeDistribution` is what :func:`~alliancelab.simulate.monte_carlo` (sampled
cascades) and :func:`~alliancelab.simulate.exact` (every combination of honour decisions,
weighted by its probability) return. For each state that some pledge could draw in: the
probability of ending on the attackers' side and on the target's side (with the binomial
standard error for Monte Carlo); the distribution of the number of belligerents (original
parties included); and the most common coalitions (who is on each side). It carries the
honour probabilities with their citations, the cannot-decide policy and how many pledges
it skipped, the seed and how the runs were split, so a run can be repeated. It renders
itself as DataFrames (:meth:`~CascadeDistribution.summary`,
:meth:`~CascadeDistribution.belligerents_table`,
:meth:`~CascadeDistribution.coalitions_table`), JSON (:meth:`~CascadeDistribution.to_dict`),
HTML and a plotly bar chart (:meth:`~CascadeDistribution.figure`).

Example
-------
>>> from alliancelab.simulate import crisis, exact
>>> d = exact(crisis("CHN", "PHL", where="south-china-sea", year=2018))
>>> round(d.probability("USA", "target"), 2), d.method
(0.41, 'exact')
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from alliancelab.simulate.graph import ATTACKER, TARGET, ObligationGraph, crisis_dict
from alliancelab.simulate.kernel import CompiledGraph
from alliancelab.simulate.rates import HonourProbabilities
from alliancelab.treaty.fields import country_label, country_name

__all__ = ["CascadeDistribution"]

_SIDE = {"attacker": ATTACKER, "target": TARGET}


@dataclass(frozen=True, eq=False)
class CascadeDistribution:
    """Probabilities over cascades for one crisis (Monte Carlo or exact).

    ``p_side[k, 0]`` / ``p_side[k, 1]``: probability that ``states[k]`` ends on the
    attackers' / the target's side. ``p_belligerents[n]``: probability that ``n`` states
    are at war. ``coalitions``: ``(attacker side, target side, probability, runs)``, most
    likely first (``runs`` None for exact results).
    """

    graph: ObligationGraph
    compiled: CompiledGraph
    method: str
    p_side: np.ndarray
    p_belligerents: np.ndarray
    coalitions: tuple[tuple[tuple[str, ...], tuple[str, ...], float, int | None], ...]
    honour: HonourProbabilities
    policy: tuple[str, float | None]
    runs: int | None = None
    seed_entropy: Any = None
    chunk_size: int | None = None
    backend: str = "numpy"
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def states(self) -> tuple[int, ...]:
        return self.compiled.states

    @property
    def labels(self) -> tuple[str, ...]:
        return self.compiled.labels

    def probability(self, state: str, side: str = "any") -> float:
        """Probability that ``state`` (ISO3 label) ends on ``side`` ('attacker', 'target'
        or 'any'); 0 for a state no pledge can draw in."""
        if state not in self.labels:
            return 0.0
        k = self.labels.index(state)
        if side == "any":
            return float(self.p_side[k].sum())
        return float(self.p_side[k, _SIDE[side] - 1])

    def standard_error(self, p: float) -> float | None:
        """Binomial standard error of a Monte Carlo probability (None for exact ones)."""
        if self.runs is None:
            return None
        return math.sqrt(max(p * (1 - p), 0.0) / self.runs)

    def expected_belligerents(self) -> float:
        n = np.arange(len(self.p_belligerents))
        return float((n * self.p_belligerents).sum())

    def summary(self) -> pd.DataFrame:
        """One row per state: its probability of ending on each side and of being drawn in.

        Attackers, then the target, are listed first (probability 1 on their side), then the others
        by decreasing probability of being drawn in. Monte Carlo results add ``se``, the
        standard error of ``p_drawn_in``.
        """
        parties = {*self.graph.event.attackers, self.graph.event.target}
        rows = []
        for k, s in enumerate(self.states):
            pa, pt = (float(v) for v in self.p_side[k])
            row = {"state": country_label(s), "name": country_name(s),
                   "role": ("attacker" if s in self.graph.event.attackers else
                            "target" if s == self.graph.event.target else "ally"),
                   "p_attacker_side": pa, "p_target_side": pt, "p_drawn_in": pa + pt}
            if self.runs is not None:
                row["se"] = 0.0 if s in parties else self.standard_error(pa + pt)
            rows.append(row)
        frame = pd.DataFrame(rows)
        rank = frame["role"].map({"attacker": 0, "target": 1, "ally": 2}).to_numpy()
        order = np.lexsort((frame["state"], -frame["p_drawn_in"], rank))
        return frame.iloc[order].reset_index(drop=True)

    def belligerents_table(self) -> pd.DataFrame:
        """Distribution of the number of states at war (original parties included)."""
        n = np.flatnonzero(self.p_belligerents > 0)
        frame = pd.DataFrame({"belligerents": n, "probability": self.p_belligerents[n]})
        if self.runs is not None:
            frame["runs"] = np.rint(frame["probability"] * self.runs).astype(int)
        return frame

    def coalitions_table(self, top: int = 10) -> pd.DataFrame:
        """The ``top`` most likely line-ups: who is on each side, and how likely."""
        rows = [{"attacker side": ", ".join(a), "target side": ", ".join(t),
                 "belligerents": len(a) + len(t), "probability": p}
                for a, t, p, _ in self.coalitions[:top]]
        return pd.DataFrame(rows, columns=["attacker side", "target side", "belligerents",
                                           "probability"])

    def to_dict(self, top: int = 10) -> dict[str, Any]:
        """JSON-ready: the crisis, the model and its sources, and every probability."""
        summary = self.summary()
        states = [{k: (None if isinstance(v, float) and math.isnan(v) else v)
                   for k, v in row.items()} for row in summary.to_dict("records")]
        return {
            "crisis": crisis_dict(self.graph),
            "method": self.method,
            "runs": self.runs,
            "seed_entropy": _jsonable(self.seed_entropy),
            "chunk_size": self.chunk_size,
            "backend": self.backend,
            "seconds": self.seconds,
            "honour": self.honour.to_dict(),
            "undecided_policy": _policy(self.policy),
            "refusing": list(self.details.get("refusing", [])),
            "undecided_skipped": len(self.compiled.undecided),
            "pledges": self.compiled.n_pledges,
            "states": states,
            "belligerents": {
                "expected": self.expected_belligerents(),
                "distribution": [{"belligerents": int(n), "probability": float(p)}
                                 for n, p in enumerate(self.p_belligerents) if p > 0],
            },
            "coalitions": [{"attacker_side": list(a), "target_side": list(t),
                            "probability": p, "runs": r}
                           for a, t, p, r in self.coalitions[:top]],
            "notes": self.notes(),
        }

    def notes(self) -> list[str]:
        out = list(self.graph.notes)
        skipped = len(self.compiled.undecided)
        if skipped:
            out.append(f"{skipped} pledge(s) that the cascade can reach could not be decided "
                       "from the data (cannot-decide) and were skipped; undecided='hold' "
                       "treats them as holding")
        for kind in ("defense", "offense"):
            out.append(f"P(honour) of {kind} pledges = {self.honour.of(kind):g}: "
                       f"{self.honour.source.get(kind, '')}")
        return out

    def describe(self) -> str:
        how = (f"exact over {self.compiled.n_pledges} pledges" if self.runs is None else
               f"{self.runs:,} Monte Carlo runs ({self.backend})")
        head = f"{self.graph.describe()}: {how}; honour {self.honour.describe()}"
        top = self.summary()
        lines = [head]
        for row in top.itertuples(index=False):
            if row.role == "ally":
                lines.append(f"  {row.state}: drawn in {100 * row.p_drawn_in:.1f}% "
                             f"(attacker side {100 * row.p_attacker_side:.1f}%, target side "
                             f"{100 * row.p_target_side:.1f}%)")
        lines.append(f"  expected belligerents: {self.expected_belligerents():.2f}")
        return "\n".join(lines)

    def figure(self, **kwargs: Any):
        """Bar chart of each state's probability of joining each side (plotly)."""
        from alliancelab.simulate.figure import side_figure

        return side_figure(self, **kwargs)

    def _repr_html_(self) -> str:
        head = f"<p><b>Crisis cascades</b>: {html.escape(self.describe().splitlines()[0])}</p>"
        notes = "".join(f"<p><i>note:</i> {html.escape(n)}</p>" for n in self.notes())
        return (head + self.summary().to_html(index=False, float_format="{:.4f}".format)
                + "<p><b>Most likely coalitions</b></p>"
                + self.coalitions_table().to_html(index=False, float_format="{:.4f}".format)
                + notes)

    def __repr__(self) -> str:
        how = "exact" if self.runs is None else f"runs={self.runs}"
        return f"CascadeDistribution({self.graph.describe()!r}, {how})"


def _policy(policy: tuple[str, float | None]) -> str:
    kind, q = policy
    return kind if q is None else f"hold with probability {q:g}"


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return int(value) if isinstance(value, np.integer) else str(value)
