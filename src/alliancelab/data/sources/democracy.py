"""Regime and economy: democracy scores and simulated GDP and population (isard 0.2.0).

:func:`add_democracy` adds ``euds``/``aeuds`` (extended Unified Democracy Scores), Polity5
``polity2`` and V-Dem v16 ``v2x_polyarchy`` (suffixes 1 and 2 on dyads);
:func:`add_sim_gdp_pop` Fariss et al.'s simulated GDP, GDP per capita and population.

Example
-------
>>> from alliancelab.data import create_state_years
>>> sy = add_democracy(create_state_years(years=(2020, 2020)))
>>> round(float(sy.query("ccode == 740").v2x_polyarchy.iloc[0]), 3) > 0.8
True
"""

from __future__ import annotations

import pandas as pd

from alliancelab.data.catalog import Source, load
from alliancelab.data.panel import merge_state_year, uses

DEMOCRACY = Source(
    name="democracy",
    title="Democracy scores (UDS, Polity5, V-Dem; isard)",
    version="isard 0.2.0 (V-Dem v16, Polity5, UDS ext.)",
    years=(1816, 2025),
    rows=17_706,
    file="cw_democracy.parquet",
    unit="state-year",
    citation="""@article{pemsteinetal2010uds,
  author = {Pemstein, Daniel and Meserve, Stephen A. and Melton, James},
  title = {Democratic Compromise: A Latent Variable Analysis of Ten Measures of Regime Type},
  journal = {Political Analysis},
  volume = {18}, number = {4}, pages = {426--449}, year = {2010}
}

@techreport{coppedgeetal2026vdem,
  author = {Coppedge, Michael and Gerring, John and Knutsen, Carl Henrik and others},
  title = {V-Dem Dataset v16},
  institution = {Varieties of Democracy (V-Dem) Project},
  year = {2026}
}

@misc{marshalletal2020polity5,
  author = {Marshall, Monty G. and Gurr, Ted Robert},
  title = {Polity5: Political Regime Characteristics and Transitions, 1800--2018},
  howpublished = {Center for Systemic Peace},
  year = {2020}
}""",
    license="V-Dem: CC BY-SA 4.0; UDS and Polity5 free for research with citation; "
    "isard package GPL-2",
    url="https://github.com/svmiller/isard",
    notes="UDS and V-Dem to 2025, polity2 to 2020.",
)
GDPPOP = Source(
    name="gdppop",
    title="Simulated GDP and population (Fariss et al.; isard)",
    version="isard 0.2.0",
    years=(1816, 2019),
    rows=16_536,
    file="cw_gdppop.parquet",
    unit="state-year",
    citation="""@article{farissetal2022gdp,
  author = {Fariss, Christopher J. and Anders, Therese and Markowitz, Jonathan N. and Barnum, Miriam},
  title = {New Estimates of Over 500 Years of Historic {GDP} and Population Data},
  journal = {Journal of Conflict Resolution},
  volume = {66}, number = {3}, pages = {553--591}, year = {2022}
}""",
    license="free for research with citation; isard package GPL-2",
    url="https://github.com/svmiller/isard",
)

SOURCES = [DEMOCRACY, GDPPOP]

DEMOCRACY_COLUMNS = ("euds", "aeuds", "polity2", "v2x_polyarchy")
GDPPOP_COLUMNS = ("mrgdppc", "sd_mrgdppc", "pwtrgdp", "sd_pwtrgdp", "pwtpop", "sd_pwtpop")


@uses("democracy")
def add_democracy(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``euds aeuds polity2 v2x_polyarchy`` (suffix 1/2 on dyad-years).

    Extended UDS and V-Dem v16 run to 2025, Polity5's ``polity2`` to 2020; NA beyond.
    """
    return merge_state_year(frame, load("democracy"), list(DEMOCRACY_COLUMNS), "democracy")


@uses("gdppop")
def add_sim_gdp_pop(frame: pd.DataFrame) -> pd.DataFrame:
    """Add Fariss et al.'s simulated GDP per capita, GDP and population, with their SDs.

    ``mrgdppc`` (GDP per capita, Maddison anchor), ``pwtrgdp`` (GDP, PWT anchor),
    ``pwtpop`` (population, PWT anchor) and ``sd_*``; suffix 1/2 on dyad-years. 1816-2019.
    """
    return merge_state_year(frame, load("gdppop"), list(GDPPOP_COLUMNS), "gdppop")
