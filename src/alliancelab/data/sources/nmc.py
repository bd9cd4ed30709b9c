"""COW National Material Capabilities (NMC) v7.0 and the Composite Index (CINC).

The six components (military expenditure, personnel, iron and steel, primary energy, total
and urban population) per state-year, and CINC, each state's mean share of the system
totals. :func:`compute_cinc` recomputes CINC from the components (a missing component is
dropped from the mean), which reproduces NMC's own ``cinc`` column.

Units: ``milex`` is thousands of pounds sterling before 1914 and thousands of current US$
from 1914; ``milper`` thousands; ``irst`` thousands of tons; ``pec`` thousands of coal-ton
equivalents; ``tpop``/``upop`` thousands.

Example
-------
>>> from alliancelab.data import load
>>> nmc = load("cow_nmc")
>>> round(float(nmc.query("ccode == 710 and year == 2016").cinc.iloc[0]), 6)
0.230825
"""

from __future__ import annotations

from alliancelab.data.catalog import Source

NMC_COMPONENTS = ("milex", "milper", "irst", "pec", "tpop", "upop")

COW_NMC = Source(
    name="cow_nmc",
    title="COW National Material Capabilities",
    version="7.0",
    years=(1816, 2022),
    rows=17_121,
    file="cow_nmc.parquet",
    unit="state-year",
    citation="""@incollection{singeretal1972,
  author = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers},
  editor = {Russett, Bruce},
  publisher = {Sage}, address = {Beverly Hills}, pages = {19--48}, year = {1972}
}""",
    license="COW: free for research and teaching with citation (correlatesofwar.org)",
    url="https://correlatesofwar.org/data-sets/national-material-capabilities",
    notes="milex: thousands of GBP before 1914, thousands of current USD from 1914. "
    "Original -9 codes are null.",
)

SOURCES = [COW_NMC]
