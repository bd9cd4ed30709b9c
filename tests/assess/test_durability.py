"""Durability model: training data from raw ATOP, predictions against lifelines and simulation."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from lifelines.utils import concordance_index

from alliancelab.assess.durability import (
    COVARIATES,
    durability_data,
    fit_durability_model,
    refit_durability_model,
    survival,
)
from alliancelab.data import get_source

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]


def _raw_alliances() -> pd.DataFrame:
    return pd.read_parquet(get_source("atop_alliances").path()).set_index("atopid")


def test_training_data_from_raw_atop() -> None:
    """ATOP 5.0 codebook: endyr = 0 means in force on 31 Dec 2018 (censored); term = 0
    after an end means censored too (loss of independence unrelated to the alliance)."""
    raw = _raw_alliances()
    data = durability_data().set_index("atopid")
    assert len(data) == len(raw) == 765
    assert data.event.sum() == int(((raw.endyr > 0) & (raw.term != 0)).sum())
    nato = raw.loc[3180]
    assert data.loc[3180, "duration"] == pytest.approx(2019 - (nato.begyr + (nato.begmo - 1) / 12))
    assert data.loc[3180, "event"] == 0
    old = raw.loc[3220]  # the 1951 US-Japan treaty, replaced in 1960
    assert data.loc[3220, "duration"] == pytest.approx(
        (old.endyr + (old.endmo - 1) / 12) - (old.begyr + (old.begmo - 1) / 12))
    assert data.loc[3220, "event"] == 1
    assert data.loc[3180, "major_power"] == 1 and data.loc[3180, "milinst"] == 2
    assert data.loc[3180, "log_members"] == pytest.approx(np.log(30))


def test_model_is_cached_and_counts_add_up() -> None:
    model = fit_durability_model()
    assert fit_durability_model() is model
    complete = durability_data().dropna(subset=list(COVARIATES))
    assert model.n == len(complete) and model.events == complete.event.sum()
    assert model.n + model.dropped == 765


@pytest.fixture(scope="module")
def lifelines_fit():
    """A WeibullAFTFitter fitted here, independently of the package's own fitting code."""
    from lifelines import WeibullAFTFitter

    complete = durability_data().dropna(subset=list(COVARIATES))
    return WeibullAFTFitter().fit(complete[["duration", "event", *COVARIATES]],
                                  "duration", "event")


def test_shipped_parameters_equal_a_fresh_fit(lifelines_fit) -> None:
    """The coefficients shipped in fitted/durability_weibull.json are today's fit."""
    model = fit_durability_model()
    fresh = refit_durability_model()
    assert model.lambda_names == fresh.lambda_names
    np.testing.assert_allclose(model.beta, fresh.beta, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(model.cov, fresh.cov, rtol=1e-5, atol=1e-9)
    assert model.log_rho == pytest.approx(fresh.log_rho, rel=1e-6)
    assert model.concordance == pytest.approx(lifelines_fit.concordance_index_, abs=1e-9)


def test_concordance_matches_lifelines_utility() -> None:
    """Harrell's C recomputed with lifelines.utils.concordance_index on predicted medians
    (Weibull AFT median: exp(x'beta) * ln(2) ** (1 / rho))."""
    model = fit_durability_model()
    complete = durability_data().dropna(subset=list(COVARIATES))
    x = complete[[c for c in model.lambda_names if c != "Intercept"]].assign(Intercept=1.0)
    scale = np.exp(x[list(model.lambda_names)].to_numpy() @ model.beta)
    medians = scale * np.log(2) ** (1 / np.exp(model.log_rho))
    c = concordance_index(complete.duration, medians, complete.event)
    assert model.concordance == pytest.approx(c, abs=1e-9)
    assert 0.5 < model.concordance < 1


@pytest.fixture(scope="module")
def core():
    return survival(CORE, 2024, {"defense": 1, "consul": 1})


def test_point_predictions_equal_lifelines(core, lifelines_fit) -> None:
    x = pd.DataFrame([core.covariates])[list(COVARIATES)]
    sf = lifelines_fit.predict_survival_function(x, times=[10, 25, 50]).iloc[:, 0]
    assert core.table.survival.to_numpy() == pytest.approx(sf.to_numpy(), rel=1e-9)
    assert (core.table.lower < core.table.survival).all()
    assert (core.table.survival < core.table.upper).all()
    assert core.table.survival.is_monotonic_decreasing


def test_interval_matches_simulation_from_the_parameter_distribution(core,
                                                                      lifelines_fit) -> None:
    """Brute force: draw parameters from N(estimate, covariance) and take the 2.5 and 97.5
    percentiles of S(t); the delta-method interval should agree to about 0.02."""
    fitter = lifelines_fit
    names = [c for p, c in fitter.params_.index if p == "lambda_"]
    order = [("lambda_", c) for c in names] + [("rho_", "Intercept")]
    mean = fitter.params_.loc[order].to_numpy()
    cov = fitter.variance_matrix_.loc[order, order].to_numpy()
    draws = np.random.default_rng(20240101).multivariate_normal(mean, cov, size=40_000)
    x = np.array([1.0 if c == "Intercept" else core.covariates[c] for c in names])
    lam = np.exp(draws[:, :-1] @ x)
    rho = np.exp(draws[:, -1])
    for row in core.table.itertuples():
        s = np.exp(-((row.years / lam) ** rho))
        lo, hi = np.percentile(s, [2.5, 97.5])
        assert row.lower == pytest.approx(lo, abs=0.02)
        assert row.upper == pytest.approx(hi, abs=0.02)


def test_proposal_covariates_from_raw_data(core) -> None:
    """V-Dem v16 2024 polyarchy above 0.5 for each of the five; the US a COW major power."""
    vdem = pd.read_parquet(get_source("democracy").path())
    vdem = vdem[vdem.year == 2024].set_index("ccode").v2x_polyarchy
    share = np.mean([vdem[c] > 0.5 for c in (740, 2, 732, 900, 840)])
    assert core.covariates["dem_share"] == pytest.approx(share)
    assert core.covariates["log_members"] == pytest.approx(np.log(5))
    assert core.covariates["major_power"] == 1 and core.covariates["post_cold_war"] == 1
    assert core.covariates["bilat"] == 0 and core.covariates["consul"] == 1


def test_institutions_and_determinism(core) -> None:
    again = survival(CORE, 2024, {"defense": 1, "consul": 1})
    pd.testing.assert_frame_equal(core.table, again.table)
    deep = survival(CORE, 2024, {"defense": 1, "consul": 1, "integrated_command": True})
    assert deep.covariates["milinst"] == 2
    assert not np.allclose(deep.table.survival, core.table.survival)
    d = json.loads(json.dumps(core.to_dict()))
    assert d["concordance"] == pytest.approx(fit_durability_model().concordance)
    assert "concordance" in core.notes[-1]
