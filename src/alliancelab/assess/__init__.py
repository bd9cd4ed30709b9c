"""The measures layer: pure functions that assess a proposed alliance on the bundled data.

Each function takes states as names, ISO3 or COW codes and a year, and returns a small
result object with ``summary()`` (a DataFrame), ``to_dict()`` (JSON-safe) and
``_repr_html_()``, whose ``sources`` say which dataset, version and year each figure came
from (the latest year with data at or before the one asked for) and whose ``notes`` say
where a value is NA and why. Figure builders return plotly figures. See
``docs/measures.md`` for every formula and year rule.

Example
-------
>>> from alliancelab.assess import capability_balance
>>> cb = capability_balance(["JPN", "USA", "KOR", "AUS", "PHL"], ["CHN", "PRK", "RUS"], 2022)
>>> round(cb.cinc_ratio, 2)
0.63
"""

from alliancelab.assess._common import Provenance, provenance
from alliancelab.assess.analogues import Analogues, alliance_features, nearest_alliances
from alliancelab.assess.burden import BurdenSharing, burden_figure, burden_sharing, olson_zeckhauser
from alliancelab.assess.capability import (
    CapabilityBalance,
    capability_balance,
    capability_figure,
    capability_series,
)
from alliancelab.assess.cohesion import Cohesion, cohesion, cohesion_heatmap
from alliancelab.assess.durability import (
    Survival,
    durability_data,
    fit_durability_model,
    survival,
)
from alliancelab.assess.exposure import Exposure, exposure, exposure_figure
from alliancelab.assess.history import HonourRates, honour_rates
from alliancelab.assess.institutions import (
    Institutionalisation,
    atop_institutionalisation,
    formality,
    institutionalisation,
    military_institutionalisation,
)
from alliancelab.assess.network import (
    DefenceNetwork,
    defence_network,
    degree_centralisation,
    network_figure,
)
from alliancelab.assess.similarity import (
    Portfolios,
    Similarity,
    capability_weights,
    cohens_kappa,
    portfolio_similarity,
    s_score,
    scotts_pi,
    tau_b,
    valued_portfolios,
)

__all__ = [
    "Analogues",
    "BurdenSharing",
    "CapabilityBalance",
    "Cohesion",
    "DefenceNetwork",
    "Exposure",
    "HonourRates",
    "Institutionalisation",
    "Portfolios",
    "Provenance",
    "Similarity",
    "Survival",
    "alliance_features",
    "atop_institutionalisation",
    "burden_figure",
    "burden_sharing",
    "capability_balance",
    "capability_figure",
    "capability_series",
    "capability_weights",
    "cohens_kappa",
    "cohesion",
    "cohesion_heatmap",
    "defence_network",
    "degree_centralisation",
    "durability_data",
    "exposure",
    "exposure_figure",
    "fit_durability_model",
    "formality",
    "honour_rates",
    "institutionalisation",
    "military_institutionalisation",
    "nearest_alliances",
    "network_figure",
    "olson_zeckhauser",
    "portfolio_similarity",
    "provenance",
    "s_score",
    "scotts_pi",
    "survival",
    "tau_b",
    "valued_portfolios",
]
