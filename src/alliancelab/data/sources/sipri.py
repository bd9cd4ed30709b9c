"""SIPRI Military Expenditure Database, 1949-2024 (release of April 2025).

Military expenditure in constant 2023 US$ millions and current US$ millions, as a
*fraction* of GDP (0.0137 = 1.37 %) and of government spending, per state-year, with
SIPRI's flags (estimate, uncertain, missing, not independent). USSR (to 1991) and Russia
share COW code 365; :func:`milex_state_years` keeps one row per (ccode, year), preferring
the USSR before 1992, and drops the EU aggregate. :func:`add_sipri_milex` merges it.

Example
-------
>>> sy = milex_state_years()
>>> round(float(sy.query("ccode == 740 and year == 2024").milex_share_gdp.iloc[0]), 4)
0.014
"""

from __future__ import annotations

import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.panel import merge_state_year, uses

SIPRI_MILEX = Source(
    name="sipri_milex",
    title="SIPRI Military Expenditure Database",
    version="1949-2024 (2025 release)",
    years=(1949, 2024),
    rows=13_224,
    file="sipri_milex_1949_2024.parquet",
    unit="state-year",
    code_system="iso3",
    citation="""@misc{sipri2025milex,
  author = {{Stockholm International Peace Research Institute}},
  title = {{SIPRI} Military Expenditure Database, 1949--2024},
  year = {2025},
  howpublished = {\\url{https://www.sipri.org/databases/milex}}
}""",
    license="(c) SIPRI; free to use with attribution \"Source: SIPRI Military Expenditure "
    "Database\"; commercial reuse needs SIPRI's permission",
    url="https://www.sipri.org/databases/milex",
    notes="Shares are fractions. USSR and Russia both carry ccode 365 in 1987-1990.",
)

SOURCES = [SIPRI_MILEX]

SIPRI_COLUMNS = ("milex_const2023_usd_m", "milex_current_usd_m", "milex_share_gdp",
                 "milex_share_govt")


@derived
def milex_state_years() -> pd.DataFrame:
    """SIPRI milex with one row per (ccode, year): no EU aggregate, USSR preferred before 1992."""
    sipri = load("sipri_milex")
    sipri = sipri[~sipri.is_aggregate & sipri.ccode.notna()].copy()
    is_ussr = sipri.country.str.contains("USSR", case=False, na=False)
    # Before 1992 the USSR row is the state; from 1992 Russia's.
    sipri["_rank"] = ((sipri.year < 1992) != is_ussr).astype(int)
    sipri = sipri.sort_values(["ccode", "year", "_rank"], kind="stable")
    sipri = sipri.drop_duplicates(["ccode", "year"], keep="first", ignore_index=True)
    return sipri.drop(columns="_rank")


@uses("sipri_milex")
def add_sipri_milex(frame: pd.DataFrame) -> pd.DataFrame:
    """Add SIPRI military expenditure (suffix 1/2 on dyad-years).

    ``milex_const2023_usd_m`` (constant 2023 US$ m), ``milex_current_usd_m``,
    ``milex_share_gdp`` and ``milex_share_govt`` (fractions). NA where SIPRI has no
    figure and outside 1949-2024.
    """
    return merge_state_year(frame, milex_state_years(), list(SIPRI_COLUMNS), "sipri_milex")
