"""Durability: how long an alliance like the proposed one can be expected to last.

A Weibull accelerated-failure-time model (lifelines) fitted on every ATOP 5.0 alliance.
Duration runs from ``begyr``/``begmo`` to ``endyr``/``endmo``; alliances in force on
31 Dec 2018 (``endyr = 0``) are censored then, and so are those ATOP codes ``term = 0``
after an end (a member lost independence for reasons unrelated to the alliance). An
alliance ending within its first month counts half a month. Covariates:

- ``defense offense neutral nonagg consul``: ATOP's alliance-level obligations (0/1);
- ``log_members``: natural log of the number of states that were ever members;
- ``bilat``, ``asymm``: ATOP's bilateral and asymmetric-obligation flags;
- ``milinst``: Leeds-Anac military institutionalisation, 0-2
  (:mod:`alliancelab.assess.institutions`);
- ``cold_war`` (began 1945-1989) and ``post_cold_war`` (1990 on), against before 1945;
- ``major_power``: a founding member (``yrent = begyr``) is a COW major power that year;
- ``dem_share``: share of founding members with V-Dem ``v2x_polyarchy`` above 0.5 that
  year (among those V-Dem covers).

Alliances with a covariate missing are left out (the fitted model says how many). The fit
is deterministic. Its parameters ship with the package (``fitted/durability_weibull.json``,
written by ``tools/fit_durability.py``; a test refits and compares), so a report needs no
model fitting and no lifelines import; after ``alliancelab data import`` of a newer ATOP
the model is refitted with lifelines on the data in use. Predicted survival at 10, 25 and 50 years
comes with a 95 % interval from the delta method on ``log(-log S(t))``; the in-sample
concordance index says how well the model ranks durations (0.5 is chance).

Example
-------
>>> s = survival(["JPN", "USA", "KOR", "AUS", "PHL"], 2024, {"defense": 1, "consul": 1})
>>> s.table.survival.is_monotonic_decreasing
True
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import numpy as np
import pandas as pd

from alliancelab.assess._common import (
    Provenance,
    Result,
    check_year,
    provenance,
    resolve_groups,
)
from alliancelab.assess.analogues import OBLIGATIONS, _obligations
from alliancelab.assess.institutions import atop_institutionalisation, military_institutionalisation
from alliancelab.data import Country, get_source, load
from alliancelab.errors import InputError

__all__ = ["COVARIATES", "HORIZONS", "DurabilityModel", "Survival", "durability_data",
           "fit_durability_model", "refit_durability_model", "survival"]

COVARIATES = (*OBLIGATIONS, "log_members", "bilat", "asymm", "milinst", "cold_war",
              "post_cold_war", "major_power", "dem_share")
HORIZONS = (10, 25, 50)
ATOP_END = 2019.0  # 31 Dec 2018 in fractional years
MIN_DURATION = 1 / 24


FITTED = "durability_weibull.json"
MODEL_SOURCES = ("atop_alliances", "atop_members", "cow_majors", "democracy")


@dataclass(frozen=True)
class DurabilityModel:
    """A fitted Weibull AFT model: coefficients, covariance and what it was fitted on.

    ``lambda_names`` are the scale's terms (``Intercept`` and :data:`COVARIATES`), ``beta``
    their coefficients, ``log_rho`` the shape's intercept; ``cov`` is the covariance of
    (``beta``, ``log_rho``) in that order. ``data_versions`` names the source releases.
    """

    lambda_names: tuple[str, ...]
    beta: np.ndarray
    log_rho: float
    cov: np.ndarray
    n: int
    events: int
    dropped: int
    concordance: float
    data_versions: dict[str, str]

    def to_json(self) -> str:
        return json.dumps({
            "lambda_names": list(self.lambda_names), "beta": self.beta.tolist(),
            "log_rho": self.log_rho, "cov": self.cov.tolist(), "n": self.n,
            "events": self.events, "dropped": self.dropped, "concordance": self.concordance,
            "data_versions": self.data_versions,
        }, indent=1)

    @classmethod
    def from_json(cls, text: str) -> DurabilityModel:
        d = json.loads(text)
        return cls(tuple(d["lambda_names"]), np.asarray(d["beta"]), float(d["log_rho"]),
                   np.asarray(d["cov"]), int(d["n"]), int(d["events"]), int(d["dropped"]),
                   float(d["concordance"]), dict(d["data_versions"]))


@dataclass
class Survival(Result):
    """Predicted survival of a proposed alliance at 10, 25 and 50 years."""

    year: int
    members: list[Country]
    covariates: dict[str, float]
    table: pd.DataFrame
    concordance: float
    n_alliances: int
    n_events: int
    sources: list[Provenance]
    notes: list[str] = field(default_factory=list)
    title = "Durability: predicted survival (Weibull AFT on ATOP 5.0)"

    def summary(self) -> pd.DataFrame:
        return self.table.set_index("years")


def survival(members: Sequence[str | int], year: int,
             provisions: Mapping[str, object] | None = None, asymmetric: bool = False,
             horizons: Sequence[float] = HORIZONS) -> Survival:
    """Predicted survival at ``horizons`` years for an alliance of ``members`` formed in ``year``.

    ``provisions`` maps obligations (``defense``, ``offense``, ``neutral``, ``nonagg``,
    ``consul``; default a defence pact) and any ATOP institution codes
    (:mod:`alliancelab.assess.institutions`) to values; ``asymmetric`` says whether
    obligations differ among members (ATOP ``asymm``).
    """
    year = check_year(year)
    states = resolve_groups(year, members=members)["members"]
    if len(states) < 2:
        raise InputError("an alliance needs at least two members", hint="list two or more")
    provisions = dict(provisions or {"defense": 1})
    obligations = _obligations({k: v for k, v in provisions.items()
                                if k not in _institution_keys()})
    model = fit_durability_model()
    x, notes, sources = _proposal_covariates(states, year, obligations, provisions, asymmetric)
    table = _predict(model, x, horizons)
    notes.append(f"Weibull AFT fitted on {model.n} ATOP 5.0 alliances ({model.events} "
                 f"ended, {model.dropped} left out for a missing covariate); concordance "
                 f"{model.concordance:.3f} (in-sample)")
    return Survival(year, states, x, table, model.concordance, model.n, model.events,
                    [provenance("atop_alliances", min(year, 2018)), *sources], notes)


@cache
def fit_durability_model() -> DurabilityModel:
    """The model for the data in use: the shipped fit when the data are the bundled
    releases it was fitted on, otherwise a fresh fit (:func:`refit_durability_model`)."""
    shipped = DurabilityModel.from_json(
        (files("alliancelab.assess") / "fitted" / FITTED).read_text(encoding="utf-8"))
    if shipped.data_versions == _data_versions():
        return shipped
    return refit_durability_model()


def refit_durability_model() -> DurabilityModel:
    """Fit the Weibull AFT model with lifelines on :func:`durability_data`."""
    from lifelines import WeibullAFTFitter

    data = durability_data()
    complete = data.dropna(subset=list(COVARIATES))
    fitter = WeibullAFTFitter(penalizer=0.0)
    fitter.fit(complete[["duration", "event", *COVARIATES]], "duration", "event")
    params = fitter.params_
    lam_names = [c for p, c in params.index if p == "lambda_"]
    order = [("lambda_", c) for c in lam_names] + [("rho_", "Intercept")]
    return DurabilityModel(
        tuple(lam_names), params.loc["lambda_"].loc[lam_names].to_numpy(dtype=float),
        float(params.loc[("rho_", "Intercept")]),
        fitter.variance_matrix_.loc[order, order].to_numpy(dtype=float),
        len(complete), int(complete.event.sum()), len(data) - len(complete),
        float(fitter.concordance_index_), _data_versions())


def _data_versions() -> dict[str, str]:
    return {name: get_source(name).version + (" (imported)" if get_source(name).imported
                                              else "")
            for name in MODEL_SOURCES}


@cache
def durability_data() -> pd.DataFrame:
    """One row per ATOP 5.0 alliance: ``atopid duration event`` and the covariates."""
    a = load("atop_alliances")
    m = load("atop_members")
    out = pd.DataFrame({"atopid": a.atopid.astype(int)})
    begin = a.begyr + (a.begmo.clip(lower=1) - 1) / 12
    ended = a.endyr > 0
    end = np.where(ended, a.endyr + (a.endmo.clip(lower=1) - 1) / 12, ATOP_END)
    out["duration"] = np.maximum(np.asarray(end - begin, dtype=float), MIN_DURATION)
    out["event"] = (ended & (a.term != 0)).astype(int).to_numpy()
    for ob in OBLIGATIONS:
        out[ob] = a[ob].astype("float64").to_numpy()
    n_members = m.groupby("atopid").member.nunique()
    out["log_members"] = np.log(out.atopid.map(n_members).astype(float))
    out["bilat"] = a.bilat.astype("float64").to_numpy()
    out["asymm"] = a.asymm.astype("float64").to_numpy()
    milinst = atop_institutionalisation().set_index("atopid").milinst
    out["milinst"] = out.atopid.map(milinst).astype("float64")
    out["begyr"] = a.begyr.astype(int).to_numpy()
    out["cold_war"] = ((out.begyr >= 1945) & (out.begyr < 1990)).astype(float)
    out["post_cold_war"] = (out.begyr >= 1990).astype(float)
    founders = m[m.yrent == m.atopid.map(a.set_index("atopid").begyr)]
    founders = founders[["atopid", "member", "yrent"]].drop_duplicates()
    founders = founders.rename(columns={"member": "ccode", "yrent": "year"})
    majors = _major_years()
    founders["major"] = founders.set_index(["ccode", "year"]).index.isin(majors.index)
    out["major_power"] = out.atopid.map(founders.groupby("atopid").major.any()).astype(float)
    poly = _polyarchy()
    founders["poly"] = founders.set_index(["ccode", "year"]).index.map(poly.get)
    dem = founders.dropna(subset=["poly"]).assign(dem=lambda f: f.poly.astype(float) > 0.5)
    out["dem_share"] = out.atopid.map(dem.groupby("atopid").dem.mean()).astype(float)
    return out


# --- helpers -------------------------------------------------------------------------------

@cache
def _institution_keys() -> frozenset[str]:
    from alliancelab.assess.institutions import (
        ALIASES,
        FORMALITY_VARIABLES,
        LEEDS_ANAC_VARIABLES,
    )
    return frozenset({*ALIASES, *LEEDS_ANAC_VARIABLES, *FORMALITY_VARIABLES})


@cache
def _major_years() -> pd.DataFrame:
    """(ccode, year) of COW major powers; the list's 2016 end is carried forward."""
    majors = load("cow_majors")
    rows = []
    for r in majors.itertuples():
        end = 9999 if int(r.endyear) >= 2016 else int(r.endyear)
        rows += [(int(r.ccode), y) for y in range(int(r.styear), min(end, 2100) + 1)]
    return pd.DataFrame(rows, columns=["ccode", "year"]).drop_duplicates().set_index(
        ["ccode", "year"])


@cache
def _polyarchy() -> dict[tuple[int, int], float]:
    dem = load("democracy").dropna(subset=["v2x_polyarchy"])
    return {(int(c), int(y)): float(v)
            for c, y, v in zip(dem.ccode, dem.year, dem.v2x_polyarchy, strict=True)}


def _proposal_covariates(states: list[Country], year: int, obligations: dict[str, int],
                         provisions: Mapping[str, object],
                         asymmetric: bool) -> tuple[dict[str, float], list[str],
                                                    list[Provenance]]:
    notes: list[str] = []
    x: dict[str, float] = {ob: float(obligations[ob]) for ob in OBLIGATIONS}
    x["log_members"] = float(np.log(len(states)))
    x["bilat"] = float(len(states) == 2)
    x["asymm"] = float(bool(asymmetric))
    level = military_institutionalisation(provisions)
    if level is None:
        notes.append("military institutionalisation unknown: taken as 0")
    x["milinst"] = float(level or 0)
    x["cold_war"] = float(1945 <= year < 1990)
    x["post_cold_war"] = float(year >= 1990)
    majors = _major_years()
    x["major_power"] = float(any((c.ccode, year) in majors.index for c in states))
    if year > 2016:
        notes.append("COW major-power list ends in 2016; statuses carried forward")
    dem = load("democracy").dropna(subset=["v2x_polyarchy"])
    prov = provenance("democracy", year, dem.year.unique())
    poly = _polyarchy()
    values = [poly.get((c.ccode, prov.year_used)) for c in states]
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        notes.append("V-Dem has no polyarchy score for some members: dem_share over the rest")
    if not known:
        raise InputError("no member has a V-Dem score for the year",
                         hint="choose a year V-Dem covers")
    x["dem_share"] = float(np.mean([v > 0.5 for v in known]))
    return x, notes + ([prov.note] if prov.note else []), [prov]


def _predict(model: DurabilityModel, x: dict[str, float],
             horizons: Sequence[float]) -> pd.DataFrame:
    """S(t), with a 95 % delta-method interval on log(-log S(t))."""
    xv = np.array([1.0 if c == "Intercept" else x[c] for c in model.lambda_names])
    rho = np.exp(model.log_rho)
    z = statistics.NormalDist().inv_cdf(0.975)
    rows = []
    for t in horizons:
        if t <= 0:
            raise InputError(f"horizon {t} must be a positive number of years")
        eta = rho * (np.log(t) - xv @ model.beta)
        grad = np.concatenate([-rho * xv, [eta]])
        se = float(np.sqrt(grad @ model.cov @ grad))
        rows.append({"years": t, "survival": float(np.exp(-np.exp(eta))),
                     "lower": float(np.exp(-np.exp(eta + z * se))),
                     "upper": float(np.exp(-np.exp(eta - z * se)))})
    return pd.DataFrame(rows)
