"""The supplement of post-2018 facts and the treaty library's lookups."""

from __future__ import annotations

import pytest

from alliancelab.errors import CoverageError, InputError, UnknownCountryError, UnknownNameError
from alliancelab.treaty.fields import When
from alliancelab.treaty.library import (
    all_treaties,
    check_year,
    find_treaties,
    get_treaty,
    last_known_year,
    projection_note,
    supplement_treaties,
    treaties_table,
)
from alliancelab.treaty.schema import normalize_kind


def test_nato_accessions_after_2018():
    """North Macedonia (member 27 Mar 2020), Finland (4 Apr 2023) and Sweden (7 Mar 2024)
    joined NATO after ATOP's coverage; ATOP's convention dates entry at signature."""
    nato = get_treaty(3180)
    for ccode, signed in ((343, When(2019, 2, 6)), (375, When(2022, 7, 5)),
                          (380, When(2022, 7, 5))):
        member = next(m for m in nato.members if m.state == ccode)
        assert member.joined == signed
        assert nato.is_member(ccode, 2024) and not nato.is_member(ccode, 2018)
    assert nato.known_until == When(2024, 12, 31) and not nato.assumed_in(2024)


def test_russia_ukraine_treaty_ended_2019():
    t = get_treaty(4875)
    assert t.ended == When(2019, 4, 1)
    assert t.in_force_in(2019) and not t.in_force_in(2020)


def test_russia_dprk_treaty():
    """Signed 19 June 2024, in force 4 December 2024; Art. 4 mutual assistance."""
    t = get_treaty("rus-prk-2024")
    assert t.signed == When(2024, 6, 19) and t.in_force == When(2024, 12, 4)
    assert t.member_ccodes == [365, 731]
    defence = next(o for o in t.obligations if o.kind == "defense")
    assert defence.article == "Art. 4" and defence.state_of_war
    assert "state of war" in (defence.text or "")
    assert t.source and "KCNA" in t.source
    assert t in supplement_treaties()


def test_find_by_member_year_and_name():
    """Japan's ATOP 5.0 treaties in 2018: US-Japan (3375), ASEAN TAC (3755), Japan-China
    (3815)."""
    assert [t.id for t in find_treaties(member="Japan", year=2018)] == ["3375", "3755", "3815"]
    assert [t.id for t in find_treaties(search="anzus")] == ["3215"]
    assert get_treaty("NATO").atopid == 3180
    with pytest.raises(UnknownNameError, match="did you mean"):
        get_treaty("33755")


def test_table_flags_assumption():
    table = treaties_table(find_treaties(member="JPN", year=2024), 2024)
    assert table.set_index("id").loc["3375", "assumed_in_force"]
    assert len(all_treaties()) == 765 + len(supplement_treaties())


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"member": "Narnia"}, UnknownCountryError),
    ({"member": ""}, UnknownCountryError),
    ({"member": 99999}, UnknownCountryError),
    ({"year": 1700}, CoverageError),
    ({"year": 2101}, CoverageError),
    ({"kind": "defens"}, UnknownNameError),
])
def test_find_treaties_bad_input_raises_project_errors(kwargs, error):
    with pytest.raises(error):
        find_treaties(**kwargs)


def test_kind_spellings():
    """ATOP spells 'defense'; 'defence' (and 'offence') mean the same everywhere."""
    assert find_treaties(member="USA", year=2018, kind="defence") == find_treaties(
        member="USA", year=2018, kind="defense")
    assert normalize_kind("Defence") == "defense" and normalize_kind("offence") == "offense"


def test_get_treaty_empty_and_unknown():
    """An empty key must not match a treaty whose short name is empty (ATOP 1005)."""
    for ref in ("", "  "):
        with pytest.raises(InputError):
            get_treaty(ref)
    with pytest.raises(UnknownNameError) as info:
        get_treaty("zzzz")
    assert "1005" not in str(info.value)


def test_years_after_the_data_carry_a_note():
    assert last_known_year() == 2024
    assert projection_note(2024) is None
    assert "assumed still in force" in (projection_note(2030) or "")
    assert check_year(1816) == 1816


def test_table_shows_a_members_own_obligations():
    """ATOP 5.0 codes US-Japan 3375 asymmetrically: the US owes defence, Japan only
    consultation (and non-aggression)."""
    table = treaties_table(find_treaties(member="JPN", year=2018), 2018, member="JPN")
    row = table.set_index("id").loc["3375"]
    assert row.obligations_of == "JPN"
    assert row.obligations == "nonaggression, consultation"
    assert row.owed_to_member == "defense, nonaggression, consultation"
    us = treaties_table([get_treaty(3375)], 2018, member="USA").iloc[0]
    assert us.obligations == "defense, nonaggression, consultation"
    whole = treaties_table([get_treaty(3375)], 2018).iloc[0]
    assert whole.obligations_of == "any member" and "owed_to_member" not in whole
