"""Alliance-portfolio similarity: Signorino-Ritter S, Cohen's kappa, Scott's pi, Kendall's tau-b.

Two states' *portfolios* are their ties with every state of a system on ATOP's valued
scale (3 defence or offence pact, 2 neutrality or non-aggression, 1 consultation/entente,
0 none; each state 3 with itself). :func:`valued_portfolios` builds them from ATOP 5.1
dyad-years (non-aggression left out by default: ATOP 5.1 gives every Asia-Pacific pair a
non-aggression tie through treaty 3755); :func:`s_score`, :func:`cohens_kappa`,
:func:`scotts_pi` and :func:`tau_b` compare two vectors; :func:`portfolio_similarity` does
it all for two states in a year.

Distances between scale points are ``"nominal"`` (0 agree / 1 disagree), ``"absolute"``
(``|a - b|``) or ``"squared"`` (``(a - b)**2``), always between the level values.

References
----------
Signorino, C. S. and Ritter, J. M. (1999). Tau-b or not tau-b: measuring the similarity of
foreign policy positions. *International Studies Quarterly* 43(1): 115-144.
Häge, F. M. (2011). Choice or circumstance? Adjusting measures of foreign policy similarity
for chance agreement. *Political Analysis* 19(3): 287-305.

Example
-------
Germany and Russia over 20 European states in 1914 (Signorino and Ritter 1999, Table 6):

>>> gmy = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
>>> rus = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
>>> round(s_score(gmy, rus), 2), round(cohens_kappa(gmy, rus, levels=range(4)), 8)
(0.4, -0.07758621)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    check_year,
    label_of,
    provenance,
    resolve_groups,
    source_note,
)
from alliancelab.data import Country, load
from alliancelab.data.countries import system_members
from alliancelab.errors import InputError

__all__ = [
    "VALUED_LEVELS",
    "Portfolios",
    "Similarity",
    "capability_weights",
    "cohens_kappa",
    "portfolio_similarity",
    "s_score",
    "scotts_pi",
    "tau_b",
    "valued_portfolios",
]

Distance = Literal["nominal", "absolute", "squared"]
VALUED_LEVELS = (0, 1, 2, 3)


def s_score(x: Sequence[float], y: Sequence[float], weights: Sequence[float] | None = None,
            distance: Distance = "absolute", scale: tuple[float, float] = (0, 3)) -> float:
    """Signorino and Ritter's S: ``1 - 2 d / d_max``, from -1 (opposite) to 1 (identical).

    ``d`` is the weighted sum of distances between the two vectors and ``d_max`` the
    weighted sum of the largest possible distance on ``scale`` (the max-distance
    normalisation for valued scales), so weights need not sum to 1. Positions where either
    value (or the weight) is missing are dropped. NaN when no position is left.

    >>> s_score([3, 0, 1], [3, 0, 1]), s_score([3, 0], [0, 3])
    (1.0, -1.0)
    """
    a, b = _pair(x, y)
    w = np.ones_like(a) if weights is None else _vector(weights, "weights", len(a))
    _check_scale(a, b, scale)
    keep = ~(np.isnan(a) | np.isnan(b) | np.isnan(w))
    a, b, w = a[keep], b[keep], w[keep]
    if (w < 0).any():
        raise InputError("S weights must not be negative", hint="use capability shares")
    span = float(scale[1] - scale[0])
    power = _power(distance, allowed=("absolute", "squared"))
    d_max = float(np.sum(w) * span**power)
    if d_max == 0:
        return float("nan")
    d = float(np.sum(w * np.abs(a - b) ** power))
    return 1.0 - 2.0 * d / d_max


def cohens_kappa(x: Sequence[float], y: Sequence[float], levels: Iterable[float] | None = None,
                 distance: Distance = "squared") -> float:
    """Cohen's (weighted) kappa: ``1 - sum(v * observed) / sum(v * expected)``.

    ``v`` are the disagreement weights of ``distance`` between level values; the expected
    table is the product of each state's own marginal distribution (Cohen 1968). ``levels``
    lists every value that could occur (default: the values seen); pass ``range(4)`` for
    the valued alliance scale. NaN when chance disagreement is zero.

    >>> cohens_kappa([0, 1, 2, 3], [0, 1, 2, 3])
    1.0
    """
    observed, lv = _table(x, y, levels)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    return _chance_corrected(observed, expected, lv, distance)


def scotts_pi(x: Sequence[float], y: Sequence[float], levels: Iterable[float] | None = None,
              distance: Distance = "nominal") -> float:
    """Scott's pi: like kappa, but chance agreement uses the pooled marginals of both states.

    >>> round(scotts_pi([1, 1, 0, 0], [1, 0, 0, 1]), 6)
    0.0
    """
    observed, lv = _table(x, y, levels)
    pooled = (observed.sum(axis=1) + observed.sum(axis=0)) / 2
    return _chance_corrected(observed, np.outer(pooled, pooled), lv, distance)


def tau_b(x: Sequence[float], y: Sequence[float]) -> float:
    """Kendall's tau-b (ties corrected), as :func:`scipy.stats.kendalltau`; NaN if undefined.

    >>> tau_b([1, 2, 3], [1, 2, 3])
    1.0
    """
    a, b = _pair(x, y)
    keep = ~(np.isnan(a) | np.isnan(b))
    if keep.sum() < 2 or np.ptp(a[keep]) == 0 or np.ptp(b[keep]) == 0:
        return float("nan")
    return _kendall_tau_b(a[keep], b[keep])


def _kendall_tau_b(a: np.ndarray, b: np.ndarray) -> float:
    """Kendall's tau-b from all pairs: (C - D) / sqrt((n0 - n1)(n0 - n2)).

    O(n^2) over at most a few hundred states, and it spares a second of importing
    scipy.stats at start-up; the tests check it against scipy.stats.kendalltau.
    """
    da = np.sign(a[:, None] - a[None, :])
    db = np.sign(b[:, None] - b[None, :])
    upper = np.triu_indices(len(a), k=1)
    sa, sb = da[upper], db[upper]
    numerator = float(np.sum(sa * sb))
    denominator = float(np.sqrt(np.count_nonzero(sa) * np.count_nonzero(sb)))
    return numerator / denominator


@dataclass
class Portfolios(Result):
    """Valued alliance portfolios: ``matrix.loc[i, j]`` is the tie of state i with state j."""

    matrix: pd.DataFrame
    year: int
    include_nonagg: bool
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Valued alliance portfolios (ATOP)"

    def vector(self, ccode: int) -> pd.Series:
        """One state's portfolio over every state of the system (NaN if not in it)."""
        if ccode not in self.matrix.index:
            return pd.Series(np.nan, index=self.matrix.columns)
        return self.matrix.loc[ccode].astype("float64")

    def summary(self) -> pd.DataFrame:
        counts = pd.Series(self.matrix.to_numpy().ravel()).value_counts().sort_index()
        return counts.rename_axis("tie").rename("dyads").to_frame()

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        out["matrix"] = {"states": [int(c) for c in self.matrix.index],
                         "values": self.matrix.to_numpy().tolist()}
        return out


def valued_portfolios(year: int, include_nonagg: bool = False) -> Portfolios:
    """Every system member's valued portfolio from ATOP 5.1 dyad-years.

    The tie of a pair is the highest obligation in either direction: 3 defence or
    offence, 2 neutrality (or non-aggression when ``include_nonagg``), 1 consultation, 0
    none; 3 on the diagonal. ATOP ends in 2018; a later year uses 2018 and says so. The
    system is COW's members in the year used.
    """
    year = check_year(year)
    prov = provenance("atop_alliance", year)
    notes = source_note(prov)
    if prov.year_used is None:
        raise InputError(f"ATOP starts in 1815; no alliance portfolios for {year}")
    states, values = _portfolio_matrix(prov.year_used, bool(include_nonagg))
    matrix = pd.DataFrame(values, index=pd.Index(states, name="ccode1"),
                          columns=pd.Index(states, name="ccode2"))
    if not include_nonagg:
        notes.append("non-aggression pledges not counted (include_nonagg=False)")
    return Portfolios(matrix, year, bool(include_nonagg), [prov], notes)


def capability_weights(ccodes: Sequence[int], year: int) -> tuple[pd.Series, Provenance,
                                                                    list[str]]:
    """CINC of each state (NMC 7.0, latest year at or before ``year``), for weighting S.

    A state without a CINC score gets weight 0, with a note. Weights are not normalised
    (:func:`s_score` does not need it).
    """
    nmc = load("cow_nmc")
    prov = provenance("cow_nmc", year, nmc.year.unique())
    notes = source_note(prov)
    rows = nmc[nmc.year == prov.year_used].set_index("ccode").cinc.astype("float64")
    weights = rows.reindex(list(ccodes))
    missing = weights.index[weights.isna()].tolist()
    if missing:
        notes.append(f"no CINC in {prov.year_used} for COW {missing}: weight 0 in weighted S")
    return weights.fillna(0.0), prov, notes


@dataclass
class Similarity(Result):
    """Similarity of two states' alliance portfolios in one year."""

    a: Country
    b: Country
    year: int
    include_nonagg: bool
    s_unweighted: float
    s_weighted: float
    kappa: float
    pi: float
    tau_b: float
    n_states: int
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Alliance-portfolio similarity"

    def summary(self) -> pd.DataFrame:
        rows = {
            "S (unweighted, absolute)": self.s_unweighted,
            "S (CINC-weighted, absolute)": self.s_weighted,
            "Cohen's kappa (squared)": self.kappa,
            "Scott's pi (nominal)": self.pi,
            "Kendall's tau-b": self.tau_b,
        }
        name = f"{label_of(self.a)}–{label_of(self.b)} {self.year}"
        return pd.Series(rows, name=name).rename_axis("measure").to_frame()


def portfolio_similarity(a: str | int, b: str | int, year: int,
                         include_nonagg: bool = False) -> Similarity:
    """S (unweighted and CINC-weighted), kappa, pi and tau-b of two states' portfolios.

    Portfolios come from :func:`valued_portfolios` over the whole state system; weights
    from :func:`capability_weights`. A state outside the system in the ATOP year gives NA.
    """
    year = check_year(year)
    states = resolve_groups(year, a=[a], b=[b])
    ca, cb = states["a"][0], states["b"][0]
    ports = valued_portfolios(year, include_nonagg)
    scores, notes, sources = pair_scores(ports, ca, cb, year)
    return Similarity(ca, cb, year, bool(include_nonagg), n_states=len(ports.matrix),
                      sources=sources, notes=ports.notes + notes, **scores)


def pair_scores(ports: Portfolios, a: Country, b: Country,
                year: int) -> tuple[dict[str, float], list[str], list[Provenance]]:
    """The five measures for one pair from built portfolios (used by cohesion too)."""
    weights, nmc_prov, notes = _weights_cached(ports, year)
    missing = [label_of(c) for c in (a, b) if c.ccode not in ports.matrix.index]
    if missing:
        notes = [*notes, f"{', '.join(missing)} not a state system member in "
                 f"{ports.sources[0].year_used}: similarity NA"]
        nan = float("nan")
        return ({"s_unweighted": nan, "s_weighted": nan, "kappa": nan, "pi": nan,
                 "tau_b": nan}, notes, [*ports.sources, nmc_prov])
    x, y = ports.vector(a.ccode).to_numpy(), ports.vector(b.ccode).to_numpy()
    scores = {
        "s_unweighted": s_score(x, y),
        "s_weighted": s_score(x, y, weights=weights.to_numpy()),
        "kappa": cohens_kappa(x, y, levels=VALUED_LEVELS, distance="squared"),
        "pi": scotts_pi(x, y, levels=VALUED_LEVELS, distance="nominal"),
        "tau_b": tau_b(x, y),
    }
    return scores, notes, [*ports.sources, nmc_prov]


# --- helpers -------------------------------------------------------------------------------

def _weights_cached(ports: Portfolios, year: int) -> tuple[pd.Series, Provenance, list[str]]:
    key = (tuple(int(c) for c in ports.matrix.index), year)
    return _weights(*key)


@cache
def _weights(ccodes: tuple[int, ...], year: int) -> tuple[pd.Series, Provenance, list[str]]:
    return capability_weights(list(ccodes), year)


@cache
def _portfolio_matrix(year: int, include_nonagg: bool) -> tuple[list[int], np.ndarray]:
    states = system_members(year)
    pos = {c: i for i, c in enumerate(states)}
    atop = load("atop_alliance")
    atop = atop[(atop.year == year) & atop.ccode1.isin(pos) & atop.ccode2.isin(pos)]
    flags = {k: atop[f"atop_{k}"].fillna(0).to_numpy() > 0
             for k in ("defense", "offense", "neutral", "nonagg", "consul")}
    middle = flags["neutral"] | (flags["nonagg"] & include_nonagg)
    value = np.select([flags["defense"] | flags["offense"], middle, flags["consul"]],
                      [3, 2, 1], 0).astype(np.int8)
    i = atop.ccode1.map(pos).to_numpy()
    j = atop.ccode2.map(pos).to_numpy()
    matrix = np.zeros((len(states), len(states)), dtype=np.int8)
    np.maximum.at(matrix, (i, j), value)
    matrix = np.maximum(matrix, matrix.T)
    np.fill_diagonal(matrix, 3)
    matrix.setflags(write=False)
    return states, matrix


def _vector(values: Sequence[float], name: str, n: int | None = None) -> np.ndarray:
    try:
        arr = np.asarray(pd.to_numeric(pd.Series(list(values)), errors="raise"),
                         dtype="float64")
    except (TypeError, ValueError) as err:
        raise InputError(f"{name} must be numbers ({err})") from None
    if n is not None and len(arr) != n:
        raise InputError(f"{name} has {len(arr)} values but the portfolios have {n}",
                         hint="give one value per state")
    return arr


def _pair(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    a, b = _vector(x, "x"), _vector(y, "y")
    if len(a) != len(b):
        raise InputError(f"the two portfolios differ in length ({len(a)} vs {len(b)})",
                         hint="give both states' ties with the same list of states")
    return a, b


def _check_scale(a: np.ndarray, b: np.ndarray, scale: tuple[float, float]) -> None:
    both = np.concatenate([a, b])
    both = both[~np.isnan(both)]
    if both.size and (both.min() < scale[0] or both.max() > scale[1]):
        raise InputError(f"values outside the scale {scale[0]}-{scale[1]}",
                         hint="pass scale=(min, max) of the measurement scale")


def _power(distance: str, allowed: tuple[str, ...]) -> int:
    powers = {"nominal": 0, "absolute": 1, "squared": 2}
    if distance not in allowed:
        raise InputError(f"unknown distance {distance!r}", hint=f"use one of {allowed}")
    return powers[distance]


def _table(x: Sequence[float], y: Sequence[float],
           levels: Iterable[float] | None) -> tuple[np.ndarray, np.ndarray]:
    """The joint distribution of (x, y) over ``levels`` (complete cases only)."""
    a, b = _pair(x, y)
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    lv = np.unique(np.concatenate([a, b])) if levels is None else np.asarray(
        sorted(set(float(v) for v in levels)))
    ia, ib = np.searchsorted(lv, a), np.searchsorted(lv, b)
    ok = (ia < len(lv)) & (ib < len(lv))
    if not (ok.all() and np.array_equal(lv[ia[ok]], a) and np.array_equal(lv[ib[ok]], b)):
        raise InputError("a value is not one of the levels", hint=f"levels are {lv.tolist()}")
    table = np.zeros((len(lv), len(lv)))
    np.add.at(table, (ia, ib), 1.0)
    return table / max(len(a), 1), lv


def _chance_corrected(observed: np.ndarray, expected: np.ndarray, lv: np.ndarray,
                      distance: str) -> float:
    gap = np.abs(lv[:, None] - lv[None, :])
    power = _power(distance, allowed=("nominal", "absolute", "squared"))
    v = (gap > 0).astype(float) if power == 0 else gap**power
    chance = float(np.sum(v * expected))
    if chance == 0 or observed.sum() == 0:
        return float("nan")
    return 1.0 - float(np.sum(v * observed)) / chance
