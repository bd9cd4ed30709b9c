"""Nuclear warheads: FAS estimates via Our World in Data, stockpiles 1945-2023.

Stockpiles (excluding retired warheads) for the nine nuclear states, and the 2022-2023
inventories split into deployed strategic, deployed non-strategic, reserve and retired.
States absent from the table have no nuclear weapons in those years (0, inside
1945-2023); outside the years the value is NA.

Example
-------
>>> stock = warheads(2023)
>>> int(stock["RUS"])
4489
"""

from __future__ import annotations

import pandas as pd

from alliancelab.data.catalog import Source, load
from alliancelab.errors import CoverageError

FAS_CITATION = """@misc{fas2023nuclear,
  author = {Kristensen, Hans M. and Korda, Matt and Reynolds, Eliana and Norris, Robert S.},
  title = {Status of World Nuclear Forces 2023},
  howpublished = {Federation of American Scientists; processed by Our World in Data},
  year = {2023}
}"""

FAS_STOCKPILES = Source(
    name="fas_nuclear_stockpiles",
    title="FAS nuclear warhead stockpiles",
    version="2023 (OWID)",
    years=(1945, 2023),
    rows=869,
    file="fas_nuclear_stockpiles_1945_2023.parquet",
    unit="state-year",
    code_system="iso3",
    citation=FAS_CITATION,
    license="FAS estimates; OWID processing CC BY 4.0",
    url="https://fas.org/initiative/status-world-nuclear-forces/",
)
FAS_INVENTORIES = Source(
    name="fas_nuclear_inventories",
    title="FAS nuclear warhead inventories",
    version="2023 (OWID)",
    years=(2022, 2023),
    rows=18,
    file="fas_nuclear_inventories_2022_2023.parquet",
    unit="state-year",
    code_system="iso3",
    citation=FAS_CITATION,
    license="FAS estimates; OWID processing CC BY 4.0",
    url="https://fas.org/initiative/status-world-nuclear-forces/",
)

SOURCES = [FAS_STOCKPILES, FAS_INVENTORIES]


def warheads(year: int) -> pd.Series:
    """Warhead stockpile per ISO3 code in ``year`` (states with none are 0).

    Raises CoverageError outside 1945-2023.
    """
    first, last = FAS_STOCKPILES.years
    if not first <= year <= last:
        raise CoverageError(
            f"no nuclear stockpile data for {year} (FAS covers {first}-{last})",
            hint=f"use a year up to {last}",
        )
    stock = load("fas_nuclear_stockpiles")
    stock = stock[(stock.year == year) & stock.iso3c.notna()]
    return stock.set_index("iso3c").nuclear_weapons_stockpile.astype("int64")


def warheads_for(iso3: str, year: int) -> float:
    """One state's stockpile in ``year``: 0 if it has none, NaN outside 1945-2023."""
    first, last = FAS_STOCKPILES.years
    if not first <= year <= last:
        return float("nan")
    return float(warheads(year).get(iso3, 0))
