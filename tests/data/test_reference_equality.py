"""The fast enrichers equal a plain pandas merge of the raw files, value for value.

peacesciencer builds the same table with ``create_dyadyears()`` and one ``add_*`` per
source; :mod:`alliancelab.data.reference` redoes that merge by merge from the raw tables,
sharing no code with the fast path. Sample years span the 19th century to the last years
of each source.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliancelab.data import build_panel
from alliancelab.data.reference import REFERENCE_STEPS, reference_dyad_years

STEPS = list(REFERENCE_STEPS)


@pytest.mark.slow
@pytest.mark.parametrize("years", [(1816, 1816), (1914, 1914), (1962, 1962), (2014, 2016)])
def test_panel_equals_reference(years: tuple[int, int]) -> None:
    fast = build_panel("dyad_year", years, STEPS)
    slow = reference_dyad_years(years, STEPS)
    assert list(fast.columns) == list(slow.columns)
    assert len(fast) == len(slow)
    keys = ["ccode1", "ccode2", "year"]
    fast = fast.sort_values(keys, ignore_index=True)
    slow = slow.sort_values(keys, ignore_index=True)
    for col in fast.columns:
        a = fast[col].astype("float64").to_numpy(na_value=np.nan)
        b = slow[col].astype("float64").to_numpy(na_value=np.nan)
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True, err_msg=col)


def test_capdist_us_japan() -> None:
    """Washington (38.895037, -77.036543) to Tokyo (35.676860, 139.763895), r=6378.137 km."""
    fast = build_panel("dyad_year", 2016, ["capdist"])
    value = fast.query("ccode1 == 2 and ccode2 == 740").capdist.iloc[0]
    lat1, lng1, lat2, lng2 = map(np.radians, (38.895037, -77.036543, 35.676860, 139.763895))
    a = np.sin((lat2 - lat1) / 2) ** 2
    a += np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    # The coordinates above are rounded to 6 decimals, hence rel=1e-8.
    assert value == pytest.approx(2 * 6378.137 * np.arcsin(np.sqrt(a)), rel=1e-8)


def test_reference_rows_are_the_ddy_file() -> None:
    frame = reference_dyad_years((2000, 2000), [])
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(build_panel("dyad_year", 2000))
