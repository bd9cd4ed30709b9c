"""ATOP (Alliance Treaty Obligations and Provisions): dyad-year pledges and treaty files.

Two releases are bundled. ATOP 5.1 as directed dyad-years (peacesciencer's
``atop_alliance``: 0/1 defence, offence, neutrality, non-aggression and consultation
pledges from ``ccode1`` to ``ccode2``), which :func:`add_atop_alliance` merges into panels;
and the ATOP 5.0 alliance, phase and member files, from which :mod:`alliancelab.treaty`
builds every alliance as a treaty object. Both end on 31 Dec 2018; later years are NA.

Example
-------
>>> from alliancelab.data import create_dyad_years
>>> d = add_atop_alliance(create_dyad_years(years=(2018, 2018)))
>>> int(d.query("ccode1 == 2 and ccode2 == 740").atop_defense.iloc[0])
1
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.panel import merge_dyad_year, panel_info, require_unit, uses

ATOP_CITATION = """@article{leedsetal2002atop,
  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions},
  volume = {28}, pages = {237--260}, year = {2002}
}"""
ATOP_TERMS = "ATOP: free to use with citation (atopdata.org)"
ATOP_URL = "http://www.atopdata.org/"

ATOP_DYAD_YEARS = Source(
    name="atop_alliance",
    title="ATOP directed dyad-years",
    version="5.1",
    years=(1815, 2018),
    rows=273_296,
    file="atop_alliance.parquet",
    unit="directed dyad-year",
    citation=ATOP_CITATION,
    license=ATOP_TERMS,
    url=ATOP_URL,
    notes="0/1 obligation flags only; no atopid. Via peacesciencer 1.2.9.",
)
ATOP_ALLIANCES = Source(
    name="atop_alliances",
    year_columns=("begyr", "endyr"),
    title="ATOP alliance-level file",
    version="5.0",
    years=(1815, 2018),
    rows=765,
    file="atop5_0a.parquet",
    unit="alliance",
    citation=ATOP_CITATION,
    license=ATOP_TERMS,
    url=ATOP_URL,
    notes="endyr = 0 means in effect on 31 Dec 2018.",
)
ATOP_PHASES = Source(
    name="atop_phases",
    year_columns=("begyr", "endyr"),
    title="ATOP alliance-phase file",
    version="5.0",
    years=(1815, 2018),
    rows=820,
    file="atop5_0aph.parquet",
    unit="alliance phase",
    citation=ATOP_CITATION,
    license=ATOP_TERMS,
    url=ATOP_URL,
)
ATOP_MEMBERS = Source(
    name="atop_members",
    year_columns=("yrent", "yrexit"),
    title="ATOP member-level file",
    version="5.0",
    years=(1815, 2018),
    rows=2_446,
    file="atop5_0m.parquet",
    unit="alliance member phase",
    citation=ATOP_CITATION,
    license=ATOP_TERMS,
    url=ATOP_URL,
    notes="Obligations vary by member (asymmetric treaties). yrexit = 0: still a member.",
)

SOURCES = [ATOP_DYAD_YEARS, ATOP_ALLIANCES, ATOP_PHASES, ATOP_MEMBERS]

ATOP_PLEDGES = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")


@derived
def _atop_directed() -> pd.DataFrame:
    atop = load("atop_alliance")
    flags = np.column_stack([atop[c].to_numpy(dtype=np.int32, na_value=0) for c in ATOP_PLEDGES])
    atop["atop_alliance"] = pd.array(flags.max(axis=1), dtype="Int32")
    return atop


@derived
def _atop_either_direction() -> pd.DataFrame:
    """The highest pledge in either direction, stored for both orderings of each dyad."""
    atop = _atop_directed()
    low = atop[["ccode1", "ccode2"]].min(axis=1)
    high = atop[["ccode1", "ccode2"]].max(axis=1)
    cols = [*ATOP_PLEDGES, "atop_alliance"]
    both = atop[cols].groupby([low.rename("ccode1"), high.rename("ccode2"), atop.year]).max()
    both = both.reset_index()
    flipped = both.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    return pd.concat([both, flipped[both.columns]], ignore_index=True)


@uses("atop_alliance")
def add_atop_alliance(frame: pd.DataFrame, ndir: bool = True) -> pd.DataFrame:
    """Add ATOP 5.1 pledges: ``atop_defense atop_offense atop_neutral atop_nonagg atop_consul``.

    Plus ``atop_alliance``, 1 if any of the five. On directed dyad-years the pledge is from
    ``ccode1`` to ``ccode2`` (US to Japan defense 1, Japan to US 0 in 2018). On
    non-directed dyad-years (no row with ``ccode1 > ccode2``) and ``ndir=True`` (the
    default, as in peacesciencer) each flag is the highest in either direction. 0 where
    no pledge is recorded in 1815-2018, NA after 2018.
    """
    require_unit(frame, ["dyad_year"], "add_atop_alliance")
    directed = panel_info(frame)["directed"]
    source = _atop_directed() if directed or not ndir else _atop_either_direction()
    cols = [*ATOP_PLEDGES, "atop_alliance"]
    return merge_dyad_year(frame, source, cols, "atop_alliance", fill=(ATOP_DYAD_YEARS.years, 0))
