"""Panels: the row universe, year handling, and the invariants every enricher keeps."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from alliancelab.data import (
    ENRICHERS,
    add_atop_alliance,
    add_nmc,
    build_panel,
    create_dyad_years,
    create_state_years,
    load,
    parse_years,
)
from alliancelab.errors import CoverageError, InputError, UnknownNameError


def _coexisting_pairs_missing(year: int) -> int:
    """Ordered pairs of that year's members whose memberships never overlap in time.

    peacesciencer drops these "false dyads" (e.g. the GDR, gone on 2 Oct 1990, and united
    Germany, from 3 Oct 1990), so a year has N(N-1) minus these.
    """
    states = load("cow_states")
    start = pd.to_datetime(dict(year=states.styear, month=states.stmonth, day=states.stday))
    end = pd.to_datetime(dict(year=states.endyear, month=states.endmonth, day=states.endday))
    alive = states.assign(start=start, end=end)
    alive = alive[(alive.styear <= year) & ((alive.endyear >= year) | (alive.endyear == 2016))]
    missing = 0
    for a, b in itertools.permutations(alive.itertuples(), 2):
        if a.ccode != b.ccode and (a.end < b.start or b.end < a.start):
            missing += 1
    return missing


@pytest.mark.parametrize("year", [1816, 1860, 1914, 1945, 1990, 2016, 2024])
def test_dyads_per_year_are_n_times_n_minus_one(year: int) -> None:
    n = len(create_state_years(year))
    assert len(create_dyad_years(year)) == n * (n - 1) - _coexisting_pairs_missing(year)


def test_full_directed_panel_size() -> None:
    """DESIGN.md: 1816-2016 has 1.91 M directed dyad-years."""
    assert len(create_dyad_years((1816, 2016))) == 1_912_290


def test_non_directed_keeps_lower_code_first() -> None:
    directed = create_dyad_years(2000)
    nd = create_dyad_years(2000, directed=False)
    assert (nd.ccode1 < nd.ccode2).all() and len(nd) * 2 == len(directed)


@pytest.mark.parametrize(("spec", "expected"), [
    ("1816-2016", (1816, 2016)), ("2018", (2018, 2018)), (1990, (1990, 1990)),
    ((1950, 1960), (1950, 1960)), ("1800-1820", (1816, 1820)), (None, (1816, 2024)),
])
def test_parse_years(spec: object, expected: tuple[int, int]) -> None:
    assert parse_years(spec) == expected


@pytest.mark.parametrize("spec", ["20x", "2016-1816", "1816 to 2016", ""])
def test_malformed_years(spec: str) -> None:
    with pytest.raises(InputError):
        parse_years(spec)


@pytest.mark.parametrize("spec", ["3000", "1700-1800"])
def test_years_outside_the_system(spec: str) -> None:
    with pytest.raises(CoverageError):
        parse_years(spec)


@pytest.mark.parametrize("name", sorted(ENRICHERS))
@pytest.mark.parametrize("unit", ["dyad", "state"])
def test_enrichers_never_change_rows(name: str, unit: str) -> None:
    base = create_dyad_years((2013, 2019)) if unit == "dyad" else create_state_years((1990, 2024))
    if unit == "state" and name in {"atop", "cow_mids", "gml_mids"}:
        with pytest.raises(InputError, match="dyad-years"):
            ENRICHERS[name](base)
        return
    out = ENRICHERS[name](base)
    assert len(out) == len(base)
    pd.testing.assert_frame_equal(out[base.columns], base)
    assert out.attrs["alliancelab"]["sources"][-1] in {
        s for s in ENRICHERS[name].sources
    }


def test_atop_2018_us_japan_is_asymmetric() -> None:
    """ATOP 5.1 dyad-years 2018 (DESIGN.md): USA->JPN defence 1, JPN->USA defence 0."""
    d = add_atop_alliance(create_dyad_years(2018))
    row = d.set_index(["ccode1", "ccode2"]).atop_defense
    assert row.loc[(2, 740)] == 1 and row.loc[(740, 2)] == 0
    nd = add_atop_alliance(create_dyad_years(2018, directed=False))
    assert nd.set_index(["ccode1", "ccode2"]).atop_defense.loc[(2, 740)] == 1


def test_na_outside_each_source_years() -> None:
    d = build_panel("dyad_year", (2013, 2024), ["atop", "majors", "contiguity", "cow_mids",
                                                "rivalries", "nmc", "mindist"])
    inside_out = {
        "atop_defense": 2018, "cowmaj1": 2016, "conttype": 2016, "cowmidonset": 2014,
        "ongoingrivalry": 2020, "cinc1": 2022, "mindist": 2019,
    }
    for col, last in inside_out.items():
        assert d.loc[d.year > last, col].isna().all(), col
        assert d.loc[d.year == last, col].notna().any(), col
    assert (d.loc[d.year <= 2018, "atop_defense"].notna()).all()


def test_enricher_applied_twice_is_refused() -> None:
    once = add_nmc(create_state_years(2000))
    with pytest.raises(InputError, match="twice"):
        add_nmc(once)


def test_wrong_frame_is_refused() -> None:
    with pytest.raises(InputError, match="create_dyad_years"):
        add_nmc(pd.DataFrame({"x": [1]}))


def test_build_panel_checks_names_and_coverage_first() -> None:
    with pytest.raises(UnknownNameError, match="atop"):
        build_panel("dyad_year", 2000, ["atopp"])
    with pytest.raises(CoverageError, match="outside every requested source"):
        build_panel("dyad_year", (2023, 2024), ["atop", "cow_mids"])


def test_user_key_edits_between_calls_are_respected() -> None:
    """Outside build_panel nothing is cached, so editing keys in place is safe."""
    d = create_dyad_years(2000)
    first = add_nmc(d)
    d.loc[:, "year"] = pd.array(np.full(len(d), 2001, dtype=np.int32), dtype="Int32")
    second = add_nmc(d)
    assert not np.allclose(first.cinc1.to_numpy(), second.cinc1.to_numpy(), equal_nan=True)


def test_contiguity_takes_the_first_month_of_the_year() -> None:
    """COW Direct Contiguity 3.2: France-Germany land contiguity (1) until June 1940, then
    none; peacesciencer's add_contiguity(slice = "first") records 1 for 1940."""
    from alliancelab.data import add_contiguity

    first = add_contiguity(create_dyad_years(1940))
    last = add_contiguity(create_dyad_years(1940), slice="last")
    pick = "ccode1 == 220 and ccode2 == 255"
    assert int(first.query(pick).conttype.iloc[0]) == 1
    assert int(last.query(pick).conttype.iloc[0]) == 0
    with pytest.raises(UnknownNameError):
        add_contiguity(create_dyad_years(1940), slice="middle")
