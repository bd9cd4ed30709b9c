"""UN General Assembly ideal points (Bailey, Strezhnev & Voeten), sessions 1-78 (1946-2023).

One ideal point per state and session, estimated from all roll-call votes, with posterior
quantiles and agreement rates with six reference states. ``year = session + 1945``: session
n opens in September of year 1945+n. Session 19 (1964) has no recorded votes, so 1964 is
NA. :func:`add_ideal_points` adds ``idealpoint`` (``idealpoint1``/``idealpoint2`` and
their absolute difference ``idealpointdist`` on dyads).

Example
-------
>>> from alliancelab.data import create_state_years
>>> sy = add_ideal_points(create_state_years(years=(2023, 2023)))
>>> bool(sy.query("ccode == 2").idealpoint.iloc[0] > 2)
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.panel import merge_state_year, unit_of, uses

UNGA_IDEAL_POINTS = Source(
    name="unga_ideal_points",
    title="UNGA ideal point estimates",
    version="June 2024",
    years=(1946, 2023),
    rows=11_238,
    file="IdealpointestimatesAll_Jun2024.parquet",
    unit="state-year",
    citation="""@article{baileyetal2017idealpoints,
  author = {Bailey, Michael A. and Strezhnev, Anton and Voeten, Erik},
  title = {Estimating Dynamic State Preferences from United Nations Voting Data},
  journal = {Journal of Conflict Resolution},
  volume = {61}, number = {2}, pages = {430--456}, year = {2017}
}""",
    license="Harvard Dataverse terms (hdl:1902.1/12379); free for research with citation",
    url="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
    notes="year = session + 1945; Taiwan absent after 1971.",
)

SOURCES = [UNGA_IDEAL_POINTS]


@derived
def ideal_point_years() -> pd.DataFrame:
    """(ccode, year, idealpoint) from the June 2024 estimates."""
    ip = load("unga_ideal_points")[["ccode", "year", "IdealPointAll"]]
    ip = ip.rename(columns={"IdealPointAll": "idealpoint"})
    return ip.drop_duplicates(["ccode", "year"], ignore_index=True)


@uses("unga_ideal_points")
def add_ideal_points(frame: pd.DataFrame) -> pd.DataFrame:
    """Add UN General Assembly ideal points.

    State-years: ``idealpoint``. Dyad-years: ``idealpoint1``, ``idealpoint2`` and
    ``idealpointdist = |idealpoint1 - idealpoint2|``. NA outside 1946-2023, in 1964 (no
    votes) and for states absent from the UN (Taiwan after 1971).
    """
    out = merge_state_year(frame, ideal_point_years(), ["idealpoint"], "unga_ideal_points")
    if unit_of(out) == "dyad_year":
        dist = np.abs(out["idealpoint1"].to_numpy() - out["idealpoint2"].to_numpy())
        out["idealpointdist"] = dist
    return out
