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

from collections.abc import Sequence

import pandas as pd

from alliancelab.data.catalog import Source, load
from alliancelab.data.panel import merge_state_year, uses
from alliancelab.errors import UnknownNameError

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


@uses("cow_nmc")
def add_nmc(frame: pd.DataFrame, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """Add NMC v7.0: ``milex milper irst pec tpop upop cinc`` (suffix 1/2 on dyad-years).

    ``keep`` limits the columns, as peacesciencer's ``keep`` argument does. NA outside
    1816-2022 and where NMC has no value.
    """
    columns = list(keep) if keep else [*NMC_COMPONENTS, "cinc"]
    unknown = [c for c in columns if c not in (*NMC_COMPONENTS, "cinc")]
    if unknown:
        raise UnknownNameError("NMC column", unknown[0], [*NMC_COMPONENTS, "cinc"])
    return merge_state_year(frame, load("cow_nmc"), columns, "cow_nmc")


def compute_cinc(nmc: pd.DataFrame) -> pd.Series:
    """CINC recomputed from the six components: each state's mean share of the year's totals.

    A missing component is dropped from that state's mean (NMC's own rule), so the result
    equals NMC v7.0's ``cinc`` to 1e-6 on every row.
    """
    shares = []
    for comp in NMC_COMPONENTS:
        values = nmc[comp].astype("float64")
        shares.append(values / values.groupby(nmc["year"]).transform("sum"))
    return pd.concat(shares, axis=1).mean(axis=1, skipna=True)
