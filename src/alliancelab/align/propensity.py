"""Sizes and propensities from the bundled data, so a region's landscape needs only a year.

For states ``i, j`` and a year the propensity is a weighted sum of five components, each
on ``[-1, 1]`` (positive: drawn together; negative: pushed apart; 0: neutral)::

    p_ij = w_alliance * A_ij + w_ideal_points * U_ij + w_rivalry * R_ij
         + w_disputes * D_ij + w_regime * V_ij   (+ a treaty's added propensity)

* ``A`` alliance-portfolio similarity: Cohen's kappa with squared distances between the two
  states' valued ATOP 5.1 ties with the states of the landscape (3 defence/offence, 2
  neutrality, 1 consultation, 0 none, 3 with itself; non-aggression left out, as in
  :func:`alliancelab.assess.valued_portfolios`). Chance-corrected (Häge 2011), so two states
  with no allies in common score about 0, allies with the same partners near 1, members of
  opposed blocs below 0. The portfolio is restricted to the landscape's states because over
  the whole system a state with few allies looks unlike even its one ally (US-Japan 2015:
  kappa 0.04 over 195 states, 0.9 over East Asia); it is therefore relative to the actors
  chosen, and stays the same when only a treaty changes.
* ``U`` UN ideal-point proximity: ``(m - d_ij) / (m + d_ij)`` with ``d_ij = |ip_i - ip_j|``
  and ``m`` the median distance over all pairs of UN members that year: 1 for identical
  positions, 0 for the typical pair, -1/3 at twice the typical distance, towards -1 beyond.
* ``R`` rivalry: -1 for an ongoing strategic rivalry (Thompson, Sakuwa & Suhas), else 0.
* ``D`` disputes: minus the share of the last ``dispute_window`` years (default 10) with an
  ongoing CoW-MID 5.0 dispute between the two, so 0 to -1.
* ``V`` regime similarity: ``(m - d_ij) / (m + d_ij)`` on V-Dem's ``v2x_polyarchy`` (0-1),
  ``m`` the median gap over all states that year.

All weights default to 1. Sizes are CINC (NMC 7.0, ``sizes="cinc"``) or military
expenditure in constant 2023 US$ m (SIPRI, ``sizes="milex"``).

Years: each dataset is read at the latest year with data at or before the year asked for
(ATOP ends in 2018, TSS in 2020, CoW-MID in 2014, NMC in 2022, UN ideal points in 2023),
and :attr:`Propensities.sources` records which year of which dataset each component used.

Missing values: a component that is NA for a pair (a state absent from the UN, a year
before a dataset starts) contributes 0 to that pair, the neutral value, and is listed in
:attr:`Propensities.notes`. A state without a size is left out of the landscape with a note
(``missing_size="drop"``, the default) or is an error (``"raise"``).

Example
-------
>>> prop = propensities(["USA", "JPN", "CHN"], 2015)
>>> prop.actors
['USA', 'JPN', 'CHN']
>>> p = prop.matrix()
>>> bool(p[0, 1] > 0 > p[0, 2])          # USA-JPN attract, USA-CHN repel
True
>>> prop.sources["alliance"].year_used, prop.sources["disputes"].year_used
(2015, 2014)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from alliancelab.align.model import LandscapeProblem
from alliancelab.assess import Provenance, cohens_kappa, provenance, valued_portfolios
from alliancelab.assess.similarity import VALUED_LEVELS
from alliancelab.data import Country, get_source, load, resolve
from alliancelab.data.sources.rivalries import rivalry_years
from alliancelab.data.sources.sipri import milex_state_years
from alliancelab.data.sources.unga import ideal_point_years
from alliancelab.errors import CoverageError, InputError

__all__ = [
    "COMPONENTS",
    "SIZE_SOURCES",
    "Propensities",
    "Weights",
    "data_problem",
    "propensities",
]

COMPONENTS = ("alliance", "ideal_points", "rivalry", "disputes", "regime")
SIZE_SOURCES = ("cinc", "milex")
FIRST_YEAR = 1816


@dataclass(frozen=True)
class Weights:
    """Weight of each propensity component (all 1 by default; 0 switches one off)."""

    alliance: float = 1.0
    ideal_points: float = 1.0
    rivalry: float = 1.0
    disputes: float = 1.0
    regime: float = 1.0

    @classmethod
    def parse(cls, text: str | Mapping[str, float] | Weights | None) -> Weights:
        """From ``"alliance=0,rivalry=2"``, a mapping, a Weights or None (defaults)."""
        if text is None:
            return cls()
        if isinstance(text, Weights):
            return text
        if isinstance(text, Mapping):
            items = dict(text)
        else:
            items = {}
            for part in str(text).split(","):
                if not part.strip():
                    continue
                name, sep, value = part.partition("=")
                if not sep:
                    raise InputError(f"weight {part.strip()!r} needs a value",
                                     hint="write NAME=NUMBER, e.g. alliance=0,rivalry=2")
                items[name.strip()] = value.strip()
        unknown = [k for k in items if k not in COMPONENTS]
        if unknown:
            raise InputError(f"unknown propensity component {unknown[0]!r}",
                             hint=f"components: {', '.join(COMPONENTS)}")
        out = {}
        for name, value in items.items():
            try:
                out[name] = float(value)
            except (TypeError, ValueError):
                raise InputError(f"weight {name}={value!r} is not a number") from None
            if not np.isfinite(out[name]):
                raise InputError(f"weight {name} must be finite")
        return replace(cls(), **out)

    def to_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


@dataclass
class Propensities:
    """The five components and the sizes for a list of states in one year."""

    states: list[Country]
    year: int
    components: dict[str, np.ndarray]
    sizes: np.ndarray
    size_source: Provenance
    sources: dict[str, Provenance]
    notes: list[str] = field(default_factory=list)
    dispute_window: int = 10

    @property
    def actors(self) -> list[str]:
        """ISO3 codes (COW abbreviations where a state has none)."""
        return [_label(c) for c in self.states]

    def matrix(self, weights: Weights | Mapping[str, float] | str | None = None) -> np.ndarray:
        """The propensity matrix ``sum_c w_c * component_c`` with NA components as 0."""
        w = Weights.parse(weights)
        total = np.zeros((len(self.states), len(self.states)))
        for name in COMPONENTS:
            weight = getattr(w, name)
            if weight != 0.0:
                total += weight * np.nan_to_num(self.components[name], nan=0.0)
        np.fill_diagonal(total, 0.0)
        return total

    def problem(
        self,
        weights: Weights | Mapping[str, float] | str | None = None,
        treaty_members: Iterable[str | int] | None = None,
        treaty_propensity: float = 1.0,
        treaty_name: str = "treaty",
        **meta: Any,
    ) -> LandscapeProblem:
        """The :class:`LandscapeProblem` (optionally with a treaty's added propensity)."""
        w = Weights.parse(weights)
        info = {
            "year": self.year,
            "weights": w.to_dict(),
            "size_source": self.size_source.to_dict(),
            "sources": {k: v.to_dict() for k, v in self.sources.items()},
            "notes": list(self.notes),
            "states": [{"label": _label(c), "ccode": c.ccode, "name": c.name}
                       for c in self.states],
            **meta,
        }
        prob = LandscapeProblem(self.actors, self.sizes, self.matrix(w), meta=info,
                                source=f"data {self.year}")
        if treaty_members is not None:
            labels = [self._label_of(m) for m in treaty_members]
            prob = prob.with_propensity(labels, treaty_propensity, label=treaty_name)
        return prob

    def summary(self) -> pd.DataFrame:
        """One row per pair: each component (NA where missing)."""
        rows = []
        for i, j in itertools.combinations(range(len(self.states)), 2):
            row = {"a": self.actors[i], "b": self.actors[j]}
            row.update({c: self.components[c][i, j] for c in COMPONENTS})
            rows.append(row)
        return pd.DataFrame(rows)

    def sizes_table(self) -> pd.Series:
        return pd.Series(self.sizes, index=self.actors, name="size")

    def _label_of(self, query: str | int) -> str:
        if isinstance(query, str) and query in self.actors:
            return query
        ccode = resolve(query, self.year).ccode
        for c in self.states:
            if c.ccode == ccode:
                return _label(c)
        raise InputError(f"treaty member {query!r} is not among the states of this landscape",
                         hint="add it to the states (the CLI adds scenario members itself)")


def propensities(
    states: Sequence[str | int | Country],
    year: int,
    *,
    sizes: Literal["cinc", "milex"] = "cinc",
    dispute_window: int = 10,
    include_nonagg: bool = False,
    missing_size: Literal["drop", "raise"] = "drop",
) -> Propensities:
    """Components and sizes for ``states`` (names, ISO3 or COW codes) in ``year``."""
    year = _check_year(year)
    if sizes not in SIZE_SOURCES:
        raise InputError(f"unknown size source {sizes!r}", hint="use 'cinc' or 'milex'")
    if dispute_window < 1:
        raise InputError("dispute_window must be at least 1 year")
    countries = _resolve_all(states, year)
    size_values, size_prov = _sizes(countries, year, sizes)
    notes: list[str] = []
    keep = ~np.isnan(size_values)
    if not keep.all():
        missing = [_label(c) for c, k in zip(countries, keep, strict=True) if not k]
        msg = f"no {size_prov.title} value in {size_prov.year_used} for {', '.join(missing)}"
        if missing_size == "raise":
            raise InputError(msg, hint="leave these states out or use the other size source")
        notes.append(msg + ": left out")
        countries = [c for c, k in zip(countries, keep, strict=True) if k]
        size_values = size_values[keep]
    if len(countries) < 2:
        raise InputError(f"fewer than two states with data in {year}",
                         hint="choose more states or another year")
    codes = [c.ccode for c in countries]
    comps: dict[str, np.ndarray] = {}
    sources: dict[str, Provenance] = {}
    comps["alliance"], sources["alliance"] = _alliance(codes, year, include_nonagg)
    comps["ideal_points"], sources["ideal_points"] = _ideal_points(codes, year)
    comps["rivalry"], sources["rivalry"] = _rivalry(codes, year)
    comps["disputes"], sources["disputes"] = _disputes(codes, year, dispute_window)
    comps["regime"], sources["regime"] = _regime(codes, year)
    labels = [_label(c) for c in countries]
    for name in COMPONENTS:
        prov = sources[name]
        if prov.note:
            notes.append(f"{name}: {prov.note}")
        notes += _na_notes(name, comps[name], labels)
    if size_prov.note:
        notes.append(f"sizes: {size_prov.note}")
    return Propensities(countries, year, comps, size_values, size_prov, sources, notes,
                        dispute_window)


def data_problem(
    states: Sequence[str | int | Country] | None = None,
    year: int | None = None,
    *,
    region: str | None = None,
    weights: Weights | Mapping[str, float] | str | None = None,
    sizes: Literal["cinc", "milex"] = "cinc",
    treaty_members: Sequence[str | int] | None = None,
    treaty_propensity: float = 1.0,
    treaty_name: str = "treaty",
    extra_states: Sequence[str | int] = (),
    dispute_window: int = 10,
    missing_size: Literal["drop", "raise"] = "drop",
) -> LandscapeProblem:
    """A landscape from the bundled data: ``states`` or a ``region`` preset, in ``year``.

    ``extra_states`` (and ``treaty_members``) are added to the region's states when
    missing. With ``treaty_members`` the treaty's ``treaty_propensity`` is added to every
    pair of members (a scenario's treaty: pass its member codes).
    """
    from alliancelab.align.regions import region_states

    if year is None:
        raise InputError("a year is needed", hint="e.g. year=2023 (CLI: --year 2023)")
    year = _check_year(year)
    if (states is None) == (region is None):
        raise InputError("give either a list of states or a region",
                         hint="e.g. --region asia-pacific or --states USA,JPN,CHN")
    chosen: list[str | int | Country] = (list(region_states(region, year)) if region
                                         else list(states or []))
    seen = {_resolve(s, year).ccode for s in chosen}
    for extra in [*extra_states, *(treaty_members or [])]:
        country = _resolve(extra, year)
        if country.ccode not in seen:
            chosen.append(country)
            seen.add(country.ccode)
    prop = propensities(chosen, year, sizes=sizes, dispute_window=dispute_window,
                        missing_size=missing_size)
    present = {c.ccode for c in prop.states}
    members = None
    if treaty_members is not None:
        members = [m for m in treaty_members if _resolve(m, year).ccode in present]
    return prop.problem(weights, treaty_members=members, treaty_propensity=treaty_propensity,
                        treaty_name=treaty_name, region=region, size_kind=sizes)


# ---------------------------------------------------------------------- helpers
def _label(country: Country) -> str:
    return country.iso3 or country.stateabb


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise InputError(f"year must be a whole number, not {year!r}", hint="e.g. 2023")
    last = get_source("democracy").years[1]
    if not FIRST_YEAR <= int(year) <= last:
        raise CoverageError(f"year {year} is outside the data ({FIRST_YEAR}-{last})",
                            hint=f"choose a year between {FIRST_YEAR} and {last}")
    return int(year)


def _resolve(query: str | int | Country, year: int) -> Country:
    return query if isinstance(query, Country) else resolve(query, year)


def _resolve_all(states: Sequence[str | int | Country], year: int) -> list[Country]:
    out: list[Country] = []
    for q in states:
        c = _resolve(q, year)
        if any(o.ccode == c.ccode for o in out):
            raise InputError(f"{q!r} ({_label(c)}) is listed twice", hint="list each state once")
        out.append(c)
    return out


def _sizes(countries: list[Country], year: int, kind: str) -> tuple[np.ndarray, Provenance]:
    if kind == "cinc":
        table = _nmc()
        column, source = "cinc", "cow_nmc"
    else:
        table = milex_state_years()[["ccode", "year", "milex_const2023_usd_m"]]
        table = table.dropna()
        column, source = "milex_const2023_usd_m", "sipri_milex"
    prov = provenance(source, year, table.year.unique())
    if prov.year_used is None:
        return np.full(len(countries), np.nan), prov
    rows = table[table.year == prov.year_used].set_index("ccode")[column]
    values = rows.reindex([c.ccode for c in countries]).to_numpy(dtype="float64")
    return values, prov


@cache
def _nmc() -> pd.DataFrame:
    nmc = load("cow_nmc")[["ccode", "year", "cinc"]]
    return nmc.dropna()


def _alliance(codes: list[int], year: int, include_nonagg: bool
              ) -> tuple[np.ndarray, Provenance]:
    src = get_source("atop_alliance")
    prov = provenance("atop_alliance", year, range(src.years[0], src.years[1] + 1))
    n = len(codes)
    out = np.full((n, n), np.nan)
    if prov.year_used is None:
        return out, prov
    ports = valued_portfolios(prov.year_used, include_nonagg).matrix
    inside = [k for k, c in enumerate(codes) if c in ports.index]
    sub = ports.loc[[codes[k] for k in inside], [codes[k] for k in inside]]
    vectors = sub.to_numpy(dtype="float64")
    for a, b in itertools.combinations(range(len(inside)), 2):
        kappa = cohens_kappa(vectors[a], vectors[b], levels=VALUED_LEVELS, distance="squared")
        out[inside[a], inside[b]] = out[inside[b], inside[a]] = kappa
    return out, prov


def _ideal_points(codes: list[int], year: int) -> tuple[np.ndarray, Provenance]:
    ideal = ideal_point_years().dropna(subset=["idealpoint"])
    prov = provenance("unga_ideal_points", year, ideal.year.unique())
    if prov.year_used is None:
        return np.full((len(codes), len(codes)), np.nan), prov
    values = ideal[ideal.year == prov.year_used].set_index("ccode").idealpoint
    return _proximity(values, codes), prov


def _regime(codes: list[int], year: int) -> tuple[np.ndarray, Provenance]:
    dem = load("democracy")[["ccode", "year", "v2x_polyarchy"]].dropna()
    prov = provenance("democracy", year, dem.year.unique())
    if prov.year_used is None:
        return np.full((len(codes), len(codes)), np.nan), prov
    values = dem[dem.year == prov.year_used].set_index("ccode").v2x_polyarchy
    return _proximity(values, codes), prov


def _proximity(values: pd.Series, codes: list[int]) -> np.ndarray:
    """``(m - d) / (m + d)`` for ``d = |x_i - x_j|``, m the median gap over every pair."""
    allv = values.to_numpy(dtype="float64")
    gaps = np.abs(allv[:, None] - allv[None, :])[np.triu_indices(len(allv), 1)]
    m = float(np.median(gaps)) if gaps.size else np.nan
    x = values.reindex(codes).to_numpy(dtype="float64")
    if not np.isfinite(m) or m == 0:
        return np.full((len(codes), len(codes)), np.nan)
    gap = np.abs(x[:, None] - x[None, :])
    out = (m - gap) / (m + gap)
    np.fill_diagonal(out, np.nan)
    return out


def _rivalry(codes: list[int], year: int) -> tuple[np.ndarray, Provenance]:
    src = get_source("tss_rivalries")
    prov = provenance("tss_rivalries", year, range(FIRST_YEAR, src.years[1] + 1))
    n = len(codes)
    if prov.year_used is None:
        return np.full((n, n), np.nan), prov
    riv = rivalry_years()
    riv = riv[(riv.year == prov.year_used) & riv.ccode1.isin(codes) & riv.ccode2.isin(codes)]
    pos = {c: k for k, c in enumerate(codes)}
    out = np.zeros((n, n))
    for a, b in zip(riv.ccode1, riv.ccode2, strict=True):
        out[pos[int(a)], pos[int(b)]] = out[pos[int(b)], pos[int(a)]] = -1.0
    np.fill_diagonal(out, np.nan)
    return out, prov


def _disputes(codes: list[int], year: int, window: int) -> tuple[np.ndarray, Provenance]:
    src = get_source("cow_mid_ddydisps")
    prov = provenance("cow_mid_ddydisps", year, range(src.years[0], src.years[1] + 1))
    n = len(codes)
    if prov.year_used is None:
        return np.full((n, n), np.nan), prov
    end = prov.year_used
    start = max(src.years[0], end - window + 1)
    mids = load("cow_mid_ddydisps")
    mids = mids[(mids.year >= start) & (mids.year <= end) & (mids.cowmidongoing == 1)
                & mids.ccode1.isin(codes) & mids.ccode2.isin(codes)]
    years = mids.assign(lo=mids[["ccode1", "ccode2"]].min(axis=1),
                        hi=mids[["ccode1", "ccode2"]].max(axis=1))
    counts = years.drop_duplicates(["lo", "hi", "year"]).groupby(["lo", "hi"]).size()
    pos = {c: k for k, c in enumerate(codes)}
    out = np.zeros((n, n))
    for (a, b), count in counts.items():
        out[pos[int(a)], pos[int(b)]] = out[pos[int(b)], pos[int(a)]] = -count / (end - start + 1)
    np.fill_diagonal(out, np.nan)
    note = f"dispute years {start}-{end}"
    prov = replace(prov, note=f"{prov.note}; {note}" if prov.note else note)
    return out, prov


def _na_notes(name: str, values: np.ndarray, labels: list[str]) -> list[str]:
    n = len(labels)
    na = np.isnan(values) & ~np.eye(n, dtype=bool)
    if not na.any():
        return []
    if na[np.triu_indices(n, 1)].all():
        return [f"{name}: NA for every pair (counted as 0)"]
    bad = [labels[i] for i in range(n) if na[i].sum() >= n - 1]
    if bad:
        return [f"{name}: NA for {', '.join(bad)} (counted as 0)"]
    pairs = [f"{labels[i]}-{labels[j]}" for i, j in zip(*np.nonzero(np.triu(na, 1)), strict=True)]
    return [f"{name}: NA for {', '.join(pairs[:8])}{' ...' if len(pairs) > 8 else ''} "
            "(counted as 0)"]
