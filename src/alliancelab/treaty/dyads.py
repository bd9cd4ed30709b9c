"""Back to data: treaties as ATOP-style directed dyad-year obligations, and the check
against ATOP 5.1's own dyad-year file.

:func:`to_dyad_years` turns any treaties (ATOP's, the supplement's, a scenario's) into
directed dyad-years with peacesciencer's column names: ``atop_defense`` is 1 if ``ccode1``
owes ``ccode2`` defence in ``year`` under any of the treaties. Following ATOP's codebook
(section 2.7), two members form a dyad in a year only if they belonged at the same time
(a state that joined on or after the day the other left does not), and states outside the
COW system (ATOP's Annam) are dropped. Years after a treaty's ``known_until`` rely on
"nothing ended it"; the ``assumed`` column says so.

:func:`compare_with_atop` measures agreement with ATOP 5.1's directed dyad-years over all
ATOP 5.0 treaties, and :func:`validation_report` writes the disagreement table in
``docs/validation/atop-dyad-years.md``.

Example
-------
>>> from alliancelab.treaty.library import get_treaty
>>> d = to_dyad_years([get_treaty(3375)], years=(2018, 2018))
>>> d[["ccode1", "ccode2", "atop_defense", "atop_consul"]].values.tolist()
[[2, 740, 1, 1], [740, 2, 0, 1]]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from alliancelab.treaty.schema import ATOP_KIND, KINDS, Treaty

__all__ = ["PLEDGE_COLUMNS", "AtopComparison", "compare_with_atop", "to_dyad_years",
           "validation_report"]

PLEDGE_COLUMNS = [f"atop_{ATOP_KIND[k] if k != 'neutrality' else 'neutral'}" for k in KINDS]
_COLUMN = dict(zip(KINDS, PLEDGE_COLUMNS, strict=True))


def to_dyad_years(treaties: Iterable[Treaty], years: tuple[int, int] | None = None,
                  cow_only: bool = True) -> pd.DataFrame:
    """Directed dyad-years ``ccode1, ccode2, year`` with 0/1 ``atop_defense atop_offense
    atop_neutral atop_nonagg atop_consul``, ``assumed`` and ``obvary`` flags.

    Open-ended treaties run to ``years[1]`` (default: their ``known_until`` year, 2018 for
    ATOP). ``assumed`` is True where a cell relies on a treaty still being in force after
    its source's last date; ``obvary`` where a member's obligations differ by partner
    without ATOP saying toward whom (counted toward every partner, as ATOP's member file
    does).
    """
    spans = _spans(treaties, years)
    cols = ["ccode1", "ccode2", "year", *PLEDGE_COLUMNS, "assumed", "obvary"]
    if not spans:
        return pd.DataFrame(columns=cols)
    a, b, kind, y0, y1, known, obvary = (np.array(x) for x in zip(*spans, strict=True))
    n = y1 - y0 + 1
    rep = np.repeat(np.arange(len(a)), n)
    year = y0[rep] + (np.arange(rep.size) - np.repeat(np.cumsum(n) - n, n))
    long = pd.DataFrame({"ccode1": a[rep], "ccode2": b[rep], "year": year, "kind": kind[rep],
                         "assumed": year > known[rep], "obvary": obvary[rep]})
    if years is not None:
        long = long[(long.year >= years[0]) & (long.year <= years[1])]
    if cow_only:
        from alliancelab.data import load

        cow = set(load("cow_states").ccode.astype(int))
        long = long[long.ccode1.isin(cow) & long.ccode2.isin(cow)]
    keys = ["ccode1", "ccode2", "year"]
    for k in KINDS:
        long[_COLUMN[k]] = (long["kind"] == k).astype("int8")
    out = long.groupby(keys, sort=True).agg(
        **{c: (c, "max") for c in PLEDGE_COLUMNS}, assumed=("assumed", "min"),
        obvary=("obvary", "max")).reset_index()
    return out[cols]


def _spans(treaties: Iterable[Treaty], years: tuple[int, int] | None) -> list[tuple]:
    out: list[tuple] = []
    for t in treaties:
        known = t.known_until.year if t.known_until else 9999
        horizon = years[1] if years is not None else (
            t.known_until.year if t.known_until else date.today().year)
        spells: dict[int, list[tuple[date, date | None]]] = {}
        first = date(years[0], 1, 1) if years is not None else date(horizon, 1, 1)
        for m in t.members:
            start = m.joined or t.signed
            end = m.left or t.ended
            # an undated (proposed) treaty is in force in whatever years are asked about
            spells.setdefault(m.state, []).append(
                (start.first_day() if start else first, end.last_day() if end else None))
        for ob in t.obligations:
            lo = ob.since.first_day() if ob.since else date.min
            hi = ob.until.last_day() if ob.until else None
            vary = ob.toward_note is not None and ob.toward is None
            targets = [c for c in ob.owed_to(t) if c in spells]
            for x in ob.owed_by(t):
                for y in targets:
                    if x == y or x not in spells:
                        continue
                    for s in _together(spells[x], spells[y], lo, hi):
                        y0, y1 = s[0].year, (s[1].year if s[1] else horizon)
                        if years is not None:
                            y0, y1 = max(y0, years[0]), min(y1, years[1])
                        if y1 >= y0:
                            out.append((x, y, ob.kind, y0, y1, known, vary))
    return out


def _together(first: list[tuple[date, date | None]], second: list[tuple[date, date | None]],
              lo: date, hi: date | None) -> list[tuple[date, date | None]]:
    """Periods both belonged (within an obligation's phase), ATOP-style: a state joining on
    or after the day the other left does not overlap with it."""
    out = []
    for s1, e1 in first:
        for s2, e2 in second:
            start = max(s1, s2, lo)
            ends = [e for e in (e1, e2, hi) if e is not None]
            end = min(ends) if ends else None
            if end is None or start < end or (start == end and s1 == s2):
                out.append((start, end))
    return out


@dataclass(frozen=True)
class AtopComparison:
    """Agreement of :func:`to_dyad_years` over all ATOP 5.0 treaties with ATOP 5.1."""

    merged: pd.DataFrame
    cells: int
    disagreements: int

    @property
    def agreement(self) -> float:
        return 1 - self.disagreements / self.cells

    def by_obligation(self) -> pd.DataFrame:
        """Per pledge: cells where only alliancelab or only ATOP 5.1 has a 1."""
        rows = []
        for col in PLEDGE_COLUMNS:
            ours, theirs = self.merged[f"{col}_al"], self.merged[f"{col}_51"]
            rows.append({"pledge": col,
                         "alliancelab_only": int(((ours == 1) & (theirs == 0)).sum()),
                         "atop51_only": int(((ours == 0) & (theirs == 1)).sum())})
        return pd.DataFrame(rows)

    def by_dyad(self) -> pd.DataFrame:
        """Disagreeing cells grouped by directed dyad, with years and the likely reason."""
        m = self.merged
        diff = np.zeros(len(m), dtype=int)
        for col in PLEDGE_COLUMNS:
            diff += (m[f"{col}_al"] != m[f"{col}_51"]).to_numpy()
        bad = m.assign(cells=diff)[diff > 0]
        grouped = bad.groupby(["ccode1", "ccode2"]).agg(
            first=("year", "min"), last=("year", "max"), years=("year", "nunique"),
            cells=("cells", "sum"), where=("_merge", _where), obvary=("obvary", "max"))
        grouped["reason"] = [_reason(w, o) for w, o in zip(grouped["where"], grouped["obvary"],
                                                             strict=True)]
        return grouped.reset_index().sort_values(["cells", "ccode1", "ccode2"],
                                                 ascending=[False, True, True])


def _where(values: pd.Series) -> str:
    kinds = set(values.astype(str))
    if kinds == {"right_only"}:
        return "ATOP 5.1 only"
    if kinds == {"left_only"}:
        return "alliancelab only"
    return "both" if kinds == {"both"} else "mixed"


def _reason(where: str, obvary: Any) -> str:
    if where == "ATOP 5.1 only":
        return ("no ATOP 5.0 alliance binds this dyad in these years "
                "(alliance added or re-dated in 5.1)")
    if where == "alliancelab only":
        return "ATOP 5.1 has no record of this dyad in these years (ended or re-dated in 5.1)"
    if obvary is True:
        return ("member's obligations differ by partner (obvary = 1); "
                "the member file does not say toward whom")
    return "obligation coded differently in 5.0 and 5.1"


def compare_with_atop() -> AtopComparison:
    """Compare alliancelab's dyad-years from all ATOP 5.0 treaties with ATOP 5.1's file."""
    from alliancelab.data import load
    from alliancelab.treaty.atop import atop_treaties

    ours = to_dyad_years(atop_treaties(), years=(1815, 2018))
    theirs = load("atop_alliance")
    merged = ours.merge(theirs, on=["ccode1", "ccode2", "year"], how="outer",
                        suffixes=("_al", "_51"), indicator=True)
    for col in PLEDGE_COLUMNS:
        for side in ("_al", "_51"):
            merged[col + side] = merged[col + side].fillna(0).astype(int)
    merged["obvary"] = merged["obvary"].astype("boolean").fillna(False).astype(bool)
    cells = len(merged) * len(PLEDGE_COLUMNS)
    wrong = sum(int((merged[c + "_al"] != merged[c + "_51"]).sum()) for c in PLEDGE_COLUMNS)
    return AtopComparison(merged, cells, wrong)


def validation_report(comparison: AtopComparison | None = None, top: int = 40) -> str:
    """The Markdown of ``docs/validation/atop-dyad-years.md`` (generated, never hand-edited)."""
    from alliancelab.treaty.fields import country_label

    c = comparison or compare_with_atop()
    m = c.merged
    counts = m["_merge"].astype(str).value_counts()
    lines = [
        "# alliancelab vs ATOP 5.1 directed dyad-years",
        "",
        "Generated by `python tools/make_atop_validation.py` "
        "(`alliancelab.treaty.dyads.validation_report`); do not edit by hand. "
        "A test regenerates it and fails if it is out of date.",
        "",
        "alliancelab builds every ATOP 5.0 alliance as a treaty from the member-level file and "
        "turns the treaties back into directed dyad-years (`to_dyad_years`). This compares "
        "them with ATOP 5.1's own directed dyad-year file (`atop_alliance`, via peacesciencer) "
        "over 1815-2018: one cell per directed dyad-year and pledge (defence, offence, "
        "neutrality, non-aggression, consultation), over every dyad-year in either file.",
        "",
        f"- cells compared: {c.cells:,}",
        f"- cells that agree: {c.cells - c.disagreements:,} (**{100 * c.agreement:.3f}%**)",
        f"- cells that differ: {c.disagreements:,}",
        f"- dyad-years in both files: {counts.get('both', 0):,}; only in ATOP 5.1: "
        f"{counts.get('right_only', 0):,}; only in alliancelab (5.0): "
        f"{counts.get('left_only', 0):,}",
        "",
        "Most differences are revisions between ATOP 5.0 (the component files alliancelab "
        "reads) and 5.1 (the dyad-year file): alliances added or re-dated in 5.1. A few come "
        "from multilateral alliances in which a member's obligations differ by partner "
        "(`obvary = 1`): the member file records the union, not toward whom.",
        "",
        "## Differences by pledge",
        "",
        "| pledge | 1 in alliancelab only | 1 in ATOP 5.1 only |",
        "|---|---:|---:|",
    ]
    for r in c.by_obligation().itertuples():
        lines.append(f"| {r.pledge} | {r.alliancelab_only:,} | {r.atop51_only:,} |")
    table = c.by_dyad()
    lines += [
        "",
        f"## Directed dyads with the most differing cells (top {top} of {len(table)})",
        "",
        "| ccode1 | ccode2 | years | differing cells | dyad-years in | likely reason |",
        "|---|---|---|---:|---|---|",
    ]
    for r in table.head(top).itertuples():
        lines.append(f"| {r.ccode1} {country_label(r.ccode1)} | {r.ccode2} "
                     f"{country_label(r.ccode2)} | {r.first}-{r.last} ({r.years}) | {r.cells} "
                     f"| {r.where} | {r.reason} |")
    return "\n".join(lines) + "\n"
