"""The report's sections for an :class:`~alliancelab.assess.assessment.Assessment`.

Each section says in one paragraph what it measures, then shows the tables, figures, notes
and data labels the measures already computed. Nothing is recomputed here; this module
only chooses what to show and in which order, so the HTML template stays free of logic.

Example
-------
>>> from alliancelab.assess.assessment import assess
>>> [s.anchor for s in build_sections(assess("asian-nato"))][:3]
['capability', 'burden', 'cohesion']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from alliancelab.assess._common import Provenance, figure_caption
from alliancelab.assess.burden import burden_figure
from alliancelab.assess.capability import capability_figure
from alliancelab.assess.cohesion import cohesion_heatmap
from alliancelab.assess.exposure import exposure_figure
from alliancelab.assess.network import network_figure

if TYPE_CHECKING:
    from alliancelab.assess.assessment import Assessment, Section

__all__ = ["build_sections"]


def build_sections(a: Assessment) -> list[Section]:
    """Sections 1-9 of the report, skipping none: absent parts say why they are absent."""
    return [_capability(a), _burden(a), _cohesion(a), _exposure(a), _design(a),
            _durability(a), _network(a), _map(a), _sources(a)]


def _labels(result: Any) -> list[str]:
    return [p.label() for p in getattr(result, "sources", []) if isinstance(p, Provenance)]


def _caption(result: Any) -> str:
    provs = [p for p in getattr(result, "sources", []) if isinstance(p, Provenance)]
    return figure_caption(provs) if provs else ""


def _fig(figure: Any, result: Any) -> Any:
    from alliancelab.assess.assessment import Figure

    return Figure(figure, _caption(result))


def _section(anchor: str, title: str, intro: str, result: Any = None, **parts: Any) -> Section:
    from alliancelab.assess.assessment import Section

    notes = list(getattr(result, "notes", []) or []) + list(parts.pop("notes", []))
    return Section(anchor, title, intro, notes=notes, sources=_labels(result), **parts)


def _table(frame: pd.DataFrame, caption: str = "") -> Any:
    from alliancelab.assess.assessment import Table

    return Table(frame, caption)


def _absent(anchor: str, title: str, why: str) -> Section:
    from alliancelab.assess.assessment import Section

    return Section(anchor, title, why)


def _capability(a: Assessment) -> Section:
    title = "Capability balance"
    cb = a.capability
    if cb is None:
        return _absent("capability", title, "No members or no rivals: nothing to balance.")
    intro = ("What the members add up to against the rivals: COW's Composite Index of "
             "National Capability (CINC) and its six components, SIPRI military expenditure "
             "in constant 2023 US$, personnel and nuclear warheads. Ratios are members over "
             "rivals; a state without data is NA and the total is then a lower bound.")
    key = pd.DataFrame({"members/rivals": {
        "CINC": cb.cinc_ratio, "military expenditure (SIPRI)": cb.milex_ratio,
        "military personnel (NMC)": cb.milper_ratio, "nuclear warheads (FAS)": cb.warheads_ratio,
    }})
    return _section("capability", title, intro, cb,
                    tables=[_table(key, "Ratios"), _table(cb.summary(), "Group totals"),
                            _table(cb.states, "Every state")],
                    figures=[_fig(capability_figure(cb, "cinc"), cb),
                             _fig(capability_figure(cb, "milex_const2023_usd_m"), cb)])


def _burden(a: Assessment) -> Section:
    title = "Burden sharing"
    bs = a.burden
    if bs is None:
        return _absent("burden", title, "No members.")
    intro = (f"Each member's military expenditure as a share of GDP (SIPRI) against the "
             f"target of {a.target:.1%}, the annual cost in US$ of closing each gap, and the "
             "Olson–Zeckhauser test of free-riding: do the larger economies carry a larger "
             "share of the burden (Spearman correlation of GDP and burden)?")
    test = pd.DataFrame({"value": {"Spearman rho (GDP, burden)": bs.rho,
                                   "p-value": bs.p_value, "p-value method": bs.p_method,
                                   "members": bs.n}})
    return _section("burden", title, intro, bs,
                    tables=[_table(bs.summary(), "Members"), _table(test, "Olson–Zeckhauser")],
                    figures=[_fig(burden_figure(bs), bs)], text=[bs.reading])


def _cohesion(a: Assessment) -> Section:
    title = "Cohesion"
    co = a.cohesion
    if co is None:
        return _absent("cohesion", title, "Cohesion needs at least two members.")
    intro = ("How alike the members already are, pair by pair: alliance-portfolio "
             "similarity on ATOP's valued scale (Signorino–Ritter S, unweighted and "
             "capability-weighted; Cohen's kappa; Scott's pi), with non-aggression pledges "
             f"{'included' if co.include_nonagg else 'excluded'}; the distance between "
             "their UN General Assembly ideal points; and the difference of their V-Dem "
             "polyarchy scores.")
    return _section("cohesion", title, intro, co,
                    tables=[_table(co.summary(), "Pairs")],
                    figures=[_fig(cohesion_heatmap(co, m), co) for m in ("kappa", "s_weighted")],
                    text=[f"Least cohesive pair (lowest kappa): {co.least_cohesive_pair}."])


def _exposure(a: Assessment) -> Section:
    title = "Exposure and entrapment"
    ex = a.exposure
    if ex is None:
        return _absent("exposure", title, "No members.")
    intro = ("Each member's ongoing strategic rivalries and recent militarised disputes, "
             "with the rivals and with others, its contiguity to the rivals, and the "
             "adversaries it would import from its new allies (entrapment).")
    return _section("exposure", title, intro, ex,
                    tables=[_table(ex.summary(), "Members")],
                    figures=[_fig(exposure_figure(ex), ex)])


def _design(a: Assessment) -> Section:
    title = "Design and history"
    intro = ("How institutionalised the proposed treaty is (Leeds & Anac 2005), the five "
             "ATOP alliances most like it and what became of them, and how often allies "
             "have honoured such commitments.")
    tables, notes, sources = [], [], []
    for result, caption in ((a.institutions, "Institutionalisation"),
                            (a.analogues, "Nearest historical alliances"),
                            (a.honour, "Historical honour rates (published)")):
        if result is None:
            notes.append(f"{caption}: no proposed treaty.")
            continue
        tables.append(_table(result.summary(), caption))
        notes += list(result.notes)
        sources += _labels(result)
    section = _section("design", title, intro, tables=tables, notes=notes)
    section.sources = sources
    return section


def _durability(a: Assessment) -> Section:
    title = "Durability"
    sv = a.durability
    if sv is None:
        return _absent("durability", title, "No proposed treaty: nothing to forecast.")
    intro = ("How long an alliance like this one has tended to last: a survival model "
             "fitted on every ATOP alliance, with the proposal's covariates. Read the "
             "predictions as comparisons between designs, not forecasts; the concordance "
             f"index ({sv.concordance:.2f}, in-sample) says how well the model ranks "
             "alliances' lifetimes.")
    cov = pd.DataFrame({"value": sv.covariates})
    return _section("durability", title, intro, sv,
                    tables=[_table(sv.table, "Predicted survival"), _table(cov, "Covariates")])


def _network(a: Assessment) -> Section:
    title = "Defence network"
    net = a.network
    intro = ("The defence-pact network of the region's states (ATOP defence pledges) "
             "before and after the proposed treaty: density, degree centralisation and "
             "the hub.")
    return _section("network", title, intro, net, tables=[_table(net.metrics, "Network")],
                    figures=[_fig(network_figure(net), net)])


def _map(a: Assessment) -> Section:
    from alliancelab.assess.assessment import Figure
    from alliancelab.data import get_source

    src = get_source("natural_earth")
    return _section("map", "Map", "Members, rivals and everyone else.",
                    figures=[Figure(a.map(), f"Map: {src.title} {src.version}")])


def _sources(a: Assessment) -> Section:
    table = a.sources_table()
    return _section("data", "Data used", "The datasets behind this scenario's figures; "
                    "full citations are at the end of the report.",
                    tables=[_table(table)], notes=a.notes)
