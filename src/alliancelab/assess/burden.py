"""Burden sharing: who spends what share of GDP on defence, what a target costs, who free-rides.

Each member's military expenditure as a share of GDP (SIPRI, a fraction: 0.02 = 2 %)
against a target; the annual cost of closing each gap, ``(target - share) x GDP``, with
GDP derived from SIPRI itself as ``current-US$ milex / share`` (so both come from one
source and one year); and the Olson-Zeckhauser test of the "exploitation of the great by
the small": the Spearman correlation of GDP and burden across members. With a handful of
members the exact permutation p-value is used, and the reading says how little a small n
can show.

References
----------
Olson, M. and Zeckhauser, R. (1966). An economic theory of alliances. *Review of
Economics and Statistics* 48(3): 266-279.

Example
-------
>>> bs = burden_sharing(["JPN", "USA", "KOR", "AUS", "PHL"], 2024, target=0.02)
>>> bs.members_meeting_target
['USA', 'KOR']
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    add_caption,
    check_year,
    label_of,
    provenance,
    resolve_groups,
    source_note,
)
from alliancelab.data import Country
from alliancelab.data.sources.sipri import milex_state_years
from alliancelab.errors import InputError

__all__ = ["BurdenSharing", "burden_figure", "burden_sharing", "olson_zeckhauser"]

EXACT_MAX_N = 9  # 9! = 362,880 orderings: exact permutation p-values up to here


@dataclass
class BurdenSharing(Result):
    """Members' defence burdens against a target, the cost of closing the gaps, and O-Z."""

    year: int
    target: float
    members: list[Country]
    table: pd.DataFrame
    total_cost_usd_m: float
    members_meeting_target: list[str]
    rho: float
    p_value: float
    n: int
    p_method: str
    reading: str
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Burden sharing"

    def summary(self) -> pd.DataFrame:
        cols = ["share_gdp", "gap", "cost_usd_m", "gdp_usd_m", "milex_current_usd_m"]
        return self.table.set_index("state")[cols]


def burden_sharing(members: Sequence[str | int], year: int,
                   target: float = 0.02) -> BurdenSharing:
    """Each member's SIPRI milex share of GDP against ``target`` (a fraction), with costs.

    ``cost_usd_m`` is the extra annual spending (current US$ m of the year used) that
    would lift the member to the target: ``max(target - share, 0) x GDP``. Members without
    SIPRI data are NA and named in the notes; the total cost then covers the others only.
    """
    year = check_year(year)
    if not 0 < float(target) < 1:
        raise InputError(f"target {target} is not a share of GDP",
                         hint="write 2 % as 0.02")
    states = resolve_groups(year, members=members)["members"]
    sipri = milex_state_years()
    prov = provenance("sipri_milex", year, sipri.year.unique())
    notes = source_note(prov)
    notes.append("GDP = SIPRI current-US$ milex / SIPRI milex share of GDP (both SIPRI, "
                 f"{prov.year_used}); costs in current US$ m of that year")
    got = sipri[sipri.year == prov.year_used].set_index("ccode")
    table = pd.DataFrame({"state": [label_of(c) for c in states],
                          "ccode": [c.ccode for c in states]})
    table["share_gdp"] = table.ccode.map(got.milex_share_gdp).astype("float64")
    table["milex_current_usd_m"] = table.ccode.map(got.milex_current_usd_m).astype("float64")
    table["gdp_usd_m"] = table.milex_current_usd_m / table.share_gdp
    table["gap"] = (float(target) - table.share_gdp).clip(lower=0)
    table["cost_usd_m"] = table.gap * table.gdp_usd_m
    meets = table.share_gdp >= float(target)
    table["meets_target"] = meets.astype("boolean").mask(table.share_gdp.isna())
    missing = table.loc[table.share_gdp.isna() | table.gdp_usd_m.isna(), "state"].tolist()
    if missing:
        notes.append(f"{', '.join(missing)}: no SIPRI share of GDP for {prov.year_used} (NA; "
                     "not in the total cost or the Olson-Zeckhauser test)")
    oz = olson_zeckhauser(table.gdp_usd_m, table.share_gdp)
    return BurdenSharing(
        year, float(target), states, table,
        total_cost_usd_m=float(table.cost_usd_m.sum(min_count=1)),
        members_meeting_target=table.loc[meets, "state"].tolist(),
        sources=[prov], notes=notes, **oz,
    )


def olson_zeckhauser(gdp: Sequence[float], burden: Sequence[float]) -> dict[str, object]:
    """Spearman's rho of GDP and burden, its two-sided p-value and a plain reading.

    Exact permutation p-value (all n! orderings) for n <= 9, the t approximation above.
    Pairs with a missing value are dropped. Returns ``rho p_value n p_method reading``.

    >>> r = olson_zeckhauser([1, 2, 3, 4, 5], [0.01, 0.012, 0.015, 0.02, 0.03])
    >>> round(r["rho"], 6), round(r["p_value"], 4)
    (1.0, 0.0167)
    """
    x = np.asarray(gdp, dtype="float64")
    y = np.asarray(burden, dtype="float64")
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    n = len(x)
    if n < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return {"rho": float("nan"), "p_value": float("nan"), "n": n, "p_method": "none",
                "reading": f"Too few members with data (n = {n}) to test Olson-Zeckhauser."}
    rx, ry = _centred_ranks(x), _centred_ranks(y)
    rho = float(rx @ ry / math.sqrt(float(rx @ rx) * float(ry @ ry)))
    if n <= EXACT_MAX_N:
        p = _exact_spearman_p(x, y)
        method = f"exact permutation (all {math.factorial(n):,} orderings)"
    else:
        p, method = float(_stats().spearmanr(x, y).pvalue), "t approximation"
    return {"rho": rho, "p_value": p, "n": n, "p_method": method,
            "reading": _reading(rho, p, n)}


def burden_figure(result: BurdenSharing) -> object:
    """Plotly bar chart of members' shares of GDP with the target as a line."""
    import plotly.graph_objects as go

    t = result.table
    fig = go.Figure(go.Bar(x=t.state, y=t.share_gdp * 100, name="milex, % of GDP",
                           text=[("NA" if pd.isna(v) else f"{v * 100:.2f}%")
                                 for v in t.share_gdp]))
    fig.add_hline(y=result.target * 100, line_dash="dash",
                  annotation_text=f"target {result.target * 100:g}%")
    fig.update_layout(title="Defence burden: military expenditure as % of GDP",
                      yaxis_title="% of GDP")
    return add_caption(fig, result.sources)


def _exact_spearman_p(x: np.ndarray, y: np.ndarray) -> float:
    """Share of all n! re-orderings of y whose |rho| reaches the observed |rho| (ties kept)."""
    rx, ry = _centred_ranks(x), _centred_ranks(y)
    scale = math.sqrt(float(rx @ rx) * float(ry @ ry))
    perms = np.array(list(itertools.permutations(range(len(y)))), dtype=np.int8)
    rhos = ry[perms] @ rx / scale
    observed = abs(float(ry @ rx) / scale)
    return float(np.mean(np.abs(rhos) >= observed - 1e-12))


def _centred_ranks(values: np.ndarray) -> np.ndarray:
    """Average ranks (ties share their mean rank), centred on zero: Spearman's ranks."""
    ranks = pd.Series(values).rank(method="average").to_numpy()
    return ranks - (len(values) + 1) / 2


def _reading(rho: float, p: float, n: int) -> str:
    floor = 2 / math.factorial(n) if n <= EXACT_MAX_N else 0.0
    stat = f"Spearman rho = {rho:.2f}, p = {p:.3f}, n = {n}"
    small = ""
    if n <= EXACT_MAX_N:
        small = (f" With only {n} members the smallest p-value any ordering can give is "
                 f"{floor:.3f}, so only a near-perfect ranking can count as evidence.")
        if floor >= 0.05:
            small = (f" With only {n} members no ordering can reach p < 0.05 (the smallest "
                     f"possible p is {floor:.3f}): the test cannot detect anything here.")
    if p < 0.05 and rho > 0:
        head = ("Larger economies carry heavier defence burdens, as Olson and Zeckhauser "
                "predict: the smaller allies spend less of their GDP")
    elif p < 0.05:
        head = ("Smaller economies carry heavier defence burdens, the opposite of the "
                "Olson-Zeckhauser prediction")
    else:
        head = ("No reliable evidence either way on whether larger economies carry heavier "
                "burdens; this is not evidence that burdens are shared equally")
    return f"{head} ({stat}).{small}"


def _stats():  # type: ignore[no-untyped-def]
    """scipy.stats, imported on first use: importing it costs about a second at start-up."""
    from scipy import stats

    return stats
