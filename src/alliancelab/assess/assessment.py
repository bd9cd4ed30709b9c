"""The whole assessment of a scenario: every measure, once, in one result object.

:func:`assess` takes a scenario (a built-in name such as ``"asian-nato"``, a TOML file,
or a :class:`~alliancelab.treaty.schema.Scenario`) and runs each measure of this layer
on its members, rivals and year: capability balance, burden sharing, cohesion, exposure,
design and history (institutionalisation, nearest historical alliances, honour rates),
durability, the regional defence network and the map. The :class:`Assessment` it returns
holds those results; the HTML report, the JSON output and a notebook's rich display all
read the same object, so every number a user sees comes from here.

A scenario without a proposed treaty (``status-quo``) has no members of its own; in a
comparison it takes the members of the first scenario that has them ("the same states
under the treaties in force"), and the sections about the new treaty say there is none.

Example
-------
>>> a = assess("asian-nato")
>>> a.members_iso3, round(a.capability.cinc_ratio, 3)
(['JPN', 'USA', 'KOR', 'AUS', 'PHL'], 0.632)
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from alliancelab import __version__
from alliancelab.assess._common import Provenance, check_year, json_safe
from alliancelab.assess.analogues import Analogues, nearest_alliances
from alliancelab.assess.burden import BurdenSharing, burden_sharing
from alliancelab.assess.capability import (
    CapabilityBalance,
    capability_balance,
)
from alliancelab.assess.cohesion import Cohesion, cohesion
from alliancelab.assess.durability import Survival, survival
from alliancelab.assess.exposure import Exposure, exposure
from alliancelab.assess.history import HonourRates, honour_rates
from alliancelab.assess.institutions import Institutionalisation, institutionalisation
from alliancelab.assess.network import DefenceNetwork, defence_network
from alliancelab.data import get_source
from alliancelab.data.maps import map_figure
from alliancelab.errors import InputError
from alliancelab.treaty import Scenario, load_scenario

__all__ = ["Assessment", "Figure", "Section", "Table", "assess", "assess_many"]

DEFAULT_TARGET = 0.02
MAP_SOURCE = "natural_earth"


@dataclass
class Table:
    """A table of a section, with an optional heading."""

    frame: pd.DataFrame
    caption: str = ""


@dataclass
class Figure:
    """A plotly figure of a section, with its data caption."""

    figure: Any
    caption: str = ""


@dataclass
class Section:
    """One numbered part of the report: what it measures, its tables, figures and notes."""

    anchor: str
    title: str
    intro: str
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    """Everything :func:`assess` computed for one scenario in one year."""

    scenario: Scenario
    year: int
    members_iso3: list[str]
    rivals_iso3: list[str]
    borrowed_members: bool
    capability: CapabilityBalance | None
    burden: BurdenSharing | None
    cohesion: Cohesion | None
    exposure: Exposure | None
    institutions: Institutionalisation | None
    analogues: Analogues | None
    honour: HonourRates
    durability: Survival | None
    network: DefenceNetwork
    target: float
    notes: list[str] = field(default_factory=list)
    _sections: list[Section] | None = field(default=None, repr=False, compare=False)

    # -- identity -----------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.scenario.name

    @property
    def description(self) -> str | None:
        return self.scenario.description

    def member_labels(self) -> list[str]:
        return self.members_iso3

    def rival_labels(self) -> list[str]:
        return self.rivals_iso3

    def results(self) -> dict[str, Any]:
        """The measures' result objects by section name (absent ones left out)."""
        parts = {
            "capability": self.capability, "burden": self.burden, "cohesion": self.cohesion,
            "exposure": self.exposure, "institutions": self.institutions,
            "analogues": self.analogues, "honour": self.honour,
            "durability": self.durability, "network": self.network,
        }
        return {k: v for k, v in parts.items() if v is not None}

    # -- provenance ---------------------------------------------------------------------

    def provenance(self) -> list[Provenance]:
        """Every (dataset, year used) behind a figure of this assessment, de-duplicated."""
        seen: dict[tuple[str, int | None], Provenance] = {}
        for result in self.results().values():
            for p in getattr(result, "sources", []):
                if isinstance(p, Provenance):
                    seen.setdefault((p.source, p.year_used), p)
        return list(seen.values())

    def source_names(self) -> list[str]:
        names = dict.fromkeys(p.source for p in self.provenance())
        names[MAP_SOURCE] = None
        return list(names)

    def sources_table(self, assessments: Sequence[Assessment] | None = None) -> pd.DataFrame:
        """Datasets used (by this and any compared assessments) with versions and citations."""
        names = dict.fromkeys(n for a in (assessments or [self]) for n in a.source_names())
        rows = []
        for name in names:
            src = get_source(name)
            rows.append({"dataset": src.title, "version": src.version,
                         "years covered": f"{src.years[0]}–{src.years[1]}",
                         "citation": src.key, "licence": src.license,
                         "imported release": "yes" if src.imported else "no"})
        return pd.DataFrame(rows).set_index("dataset")

    def bibtex(self, assessments: Sequence[Assessment] | None = None) -> str:
        from alliancelab.data import cite

        names = dict.fromkeys(n for a in (assessments or [self]) for n in a.source_names())
        return cite(*names)

    # -- views --------------------------------------------------------------------------

    def key_figures(self) -> pd.DataFrame:
        """One column of headline numbers, named after the scenario (for comparisons)."""
        cap, bur, coh = self.capability, self.burden, self.cohesion
        net = self.network.metrics
        surv = self.durability.table if self.durability is not None else None
        least = coh.least_cohesive_pair if coh is not None else None
        nmc, sipri = self._year_used("cow_nmc"), self._year_used("sipri_milex")
        rows = {
            "members": len(self.members_iso3),
            f"CINC, members (NMC {nmc})": _total(cap, "members", "cinc"),
            f"CINC, rivals (NMC {nmc})": _total(cap, "rivals", "cinc"),
            f"CINC ratio, members/rivals (NMC {nmc})": cap.cinc_ratio if cap else None,
            f"military expenditure ratio (SIPRI {sipri})": cap.milex_ratio if cap else None,
            "members at the spending target": (
                f"{int(bur.table.meets_target.fillna(False).sum())} of {len(bur.table)}"
                if bur is not None else None),
            "annual cost of closing gaps (US$ m)": bur.total_cost_usd_m if bur else None,
            "least cohesive pair (kappa)": least,
            "military institutionalisation (0-2)": (
                self.institutions.level if self.institutions is not None else None),
            "predicted survival at 25 years": _survival_at(surv, 25),
            "defence-network density, after": float(net.loc["after", "density"]),
            "network hub, after": net.loc["after", "hub"],
        }
        return pd.DataFrame({self.name: pd.Series(rows, dtype=object)})

    def _year_used(self, source: str) -> str:
        years = sorted({p.year_used for p in self.provenance()
                        if p.source == source and p.year_used is not None})
        return "–".join(str(y) for y in years) if years else "n/a"

    def sections(self) -> list[Section]:
        """The report's sections, in order; each says what it measures and from what.

        Built once (their figures are the slow part of a report) and kept.
        """
        if self._sections is None:
            from alliancelab.assess.assessment_sections import build_sections

            self._sections = build_sections(self)
        return self._sections

    def summary(self) -> pd.DataFrame:
        return self.key_figures()

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict following docs/assessment-schema.md."""
        out: dict[str, Any] = {
            "schema": "alliancelab.assessment/1",
            "alliancelab_version": __version__,
            "scenario": {
                "id": self.scenario.id, "name": self.name, "year": self.year,
                "members": self.members_iso3, "rivals": self.rivals_iso3,
                "members_borrowed_from_other_scenario": self.borrowed_members,
                "treaty": (self.scenario.treaty.name if self.scenario.treaty else None),
                "spending_target_gdp": self.target,
                "description": self.description,
            },
            "capability": _capability_dict(self.capability),
            "notes": self.notes,
            "sources": [
                {**get_source(n).to_dict(),
                 "years_used": sorted({p.year_used for p in self.provenance()
                                       if p.source == n and p.year_used is not None})}
                for n in self.source_names()
            ],
        }
        for name, result in self.results().items():
            if name != "capability":
                out[name] = result.to_dict()
        return json_safe(out)  # type: ignore[return-value]

    def _repr_html_(self) -> str:
        table = self.key_figures().to_html(na_rep="NA")
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        return f"<h3>{html.escape(self.name)} ({self.year})</h3>{table}<ul>{notes}</ul>"

    def map(self) -> Any:
        """Members, rivals and others on the Natural Earth map, centred on the members."""
        categories = {**dict.fromkeys(self.rivals_iso3, "rival"),
                      **dict.fromkeys(self.members_iso3, "member")}
        return map_figure(categories, title=f"{self.name}: members and rivals",
                          center_lon=150.0, lon_range=(40.0, 260.0), lat_range=(-50.0, 80.0))


def assess(
    scenario: Scenario | str | os.PathLike[str],
    year: int | None = None,
    others: Sequence[str | int] = (),
    include_nonagg: bool = False,
    region: str = "asia_pacific",
    members_if_none: Sequence[str] = (),
) -> Assessment:
    """Assess ``scenario`` (a built-in name, a TOML path or a Scenario) in ``year``.

    ``year`` defaults to the scenario's. ``others`` are states shown beside members and
    rivals in the capability table. ``members_if_none`` supplies members for a scenario
    without a proposed treaty (used by comparisons).
    """
    scen = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    year = check_year(scen.year if year is None else year)
    members = list(scen.member_iso3)
    borrowed = False
    notes: list[str] = []
    if not members and members_if_none:
        members, borrowed = list(members_if_none), True
        notes.append("No proposed treaty: the figures are for the same states as the first "
                     "scenario, under the treaties already in force.")
    rivals = list(scen.rival_iso3)
    target = DEFAULT_TARGET
    if scen.institutions is not None and scen.institutions.spending_target_gdp is not None:
        target = float(scen.institutions.spending_target_gdp)
    elif members:
        notes.append(f"The scenario sets no spending target; burden sharing uses "
                     f"{DEFAULT_TARGET:.0%} of GDP as a benchmark.")
    has_treaty = scen.treaty is not None and not borrowed
    provisions = _provisions(scen) if has_treaty else {}
    return Assessment(
        scenario=scen, year=year, members_iso3=members, rivals_iso3=rivals,
        borrowed_members=borrowed,
        capability=capability_balance(members, rivals, year, others=others)
        if members and rivals else None,
        burden=burden_sharing(members, year, target=target) if members else None,
        cohesion=cohesion(members, year, include_nonagg=include_nonagg)
        if len(members) > 1 else None,
        exposure=exposure(members, rivals, year) if members else None,
        institutions=institutionalisation(scen.treaty) if has_treaty else None,
        analogues=nearest_alliances(members, year, _obligation_flags(scen))
        if has_treaty else None,
        honour=honour_rates(scen.obligation_kinds or None),
        durability=survival(members, year, provisions, asymmetric=_asymmetric(scen))
        if has_treaty and len(members) > 1 else None,
        network=defence_network(region, year, tuple(members) if has_treaty else ()),
        target=target,
        notes=notes + _assumption_notes(scen, year),
    )


def assess_many(names: Sequence[Scenario | str | os.PathLike[str]], year: int | None = None,
                **options: Any) -> list[Assessment]:
    """Assess several scenarios for a comparison; treaty-less ones borrow the first members."""
    if not names:
        raise InputError("give at least one scenario")
    scenarios = [n if isinstance(n, Scenario) else load_scenario(n) for n in names]
    first_members = next((s.member_iso3 for s in scenarios if s.member_iso3), [])
    common_year = year if year is not None else scenarios[0].year
    return [assess(s, common_year, members_if_none=first_members, **options) for s in scenarios]


# -- helpers ------------------------------------------------------------------------------

_KIND_TO_ATOP = {"defense": "defense", "offense": "offense", "neutrality": "neutral",
                 "nonaggression": "nonagg", "consultation": "consul"}


def _obligation_flags(scen: Scenario) -> dict[str, int]:
    kinds = set(scen.obligation_kinds)
    return {atop: int(kind in kinds) for kind, atop in _KIND_TO_ATOP.items()}


def _provisions(scen: Scenario) -> dict[str, object]:
    codes = scen.institutions.atop_codes() if scen.institutions is not None else {}
    return {**_obligation_flags(scen), **{k: v for k, v in codes.items() if v is not None}}


def _asymmetric(scen: Scenario) -> bool:
    treaty = scen.treaty
    if treaty is None:
        return False
    owed = {(ob.kind, tuple(sorted(ob.members)) if isinstance(ob.members, list) else "all")
            for ob in treaty.obligations}
    return any(m != "all" for _, m in owed)


def _assumption_notes(scen: Scenario, year: int) -> list[str]:
    if year > get_source("atop_alliances").years[1]:
        return ["ATOP ends in 2018: real treaties in force then are assumed in force in "
                f"{year} unless the curated supplement records their end."]
    return []


def _survival_at(table: pd.DataFrame | None, years: int) -> float | None:
    if table is None:
        return None
    rows = table[table["years"] == years]
    return float(rows["survival"].iloc[0]) if len(rows) else None


def _total(result: CapabilityBalance | None, group: str, col: str) -> float | None:
    if result is None or group not in result.totals.index:
        return None
    return float(result.totals.loc[group, col])


def _capability_dict(result: CapabilityBalance | None) -> dict[str, Any] | None:
    if result is None:
        return None
    full = result.to_dict()
    cols = [c for c in result.totals.columns]
    groups = {g: {c: result.totals.loc[g, c] for c in cols} for g in result.totals.index}
    return json_safe({**full, **groups,
                      "cinc_ratio": result.cinc_ratio, "milex_ratio": result.milex_ratio})
