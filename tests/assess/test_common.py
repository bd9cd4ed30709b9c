"""Shared rules of the measures: year fallback, provenance, country input, JSON safety."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from alliancelab.assess._common import (
    check_year,
    json_safe,
    provenance,
    resolve_groups,
    resolve_state,
)
from alliancelab.data import get_source
from alliancelab.errors import CoverageError, InputError


def test_latest_year_at_or_before() -> None:
    """NMC 7.0 ends in 2022; UNGA session 19 (1964) has no votes, so 1964 uses 1963."""
    assert provenance("cow_nmc", 2020).year_used == 2020
    late = provenance("cow_nmc", 2024)
    assert late.year_used == 2022 and "2022 used for 2024" in late.note
    gap = provenance("unga_ideal_points", 1964, [1962, 1963, 1965])
    assert gap.year_used == 1963 and gap.fell_back
    early = provenance("sipri_milex", 1930)
    assert early.year_used is None and "starts in 1949" in early.note
    assert early.label().endswith("no data for 1930")
    assert late.version == get_source("cow_nmc").version == "7.0"


def test_year_checks() -> None:
    with pytest.raises(CoverageError, match="1816"):
        check_year(1815)
    with pytest.raises(CoverageError):
        check_year(2100)
    with pytest.raises(InputError):
        check_year("2024")  # type: ignore[arg-type]
    assert check_year(np.int64(2000)) == 2000


def test_iso3_wins_over_cow_abbreviations() -> None:
    """COW abbreviations AUS (Austria, 305), SLV (Slovenia, 349) and MNG (Montenegro, 341)
    are the ISO3 codes of Australia (900), El Salvador (92) and Mongolia (712)."""
    assert resolve_state("AUS", 2022).ccode == 900
    assert resolve_state("AUS", 1940).ccode == 900  # Austria was not a state in 1940
    assert resolve_state("SLV", 2022).ccode == 92
    assert resolve_state("MNG", 2022).ccode == 712
    assert resolve_state("Austria", 2022).ccode == 305
    assert resolve_state("GMY", 2022).ccode == 255  # COW abbreviations still work
    assert resolve_state("DEU", 1970).ccode == 260
    assert resolve_state(732, 2022).iso3 == "KOR"


def test_a_state_in_two_lists_is_an_input_error() -> None:
    with pytest.raises(InputError, match="listed twice"):
        resolve_groups(2022, members=["USA", "JPN"], rivals=["United States"])


def test_json_safe() -> None:
    frame = pd.DataFrame({"x": [1.0, np.nan]}, index=pd.Index(["a", "b"], name="k"))
    out = json_safe({"f": frame, "n": np.int32(3), "na": pd.NA, "nan": math.nan,
                     "t": (np.float64(0.5),)})
    assert out == {"f": [{"k": "a", "x": 1.0}, {"k": "b", "x": None}], "n": 3, "na": None,
                   "nan": None, "t": [0.5]}
    json.dumps(out)
