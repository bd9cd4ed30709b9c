"""Country identity: names, codes and year-aware cases (Germany, USSR, Yugoslavia)."""

from __future__ import annotations

import pytest

from alliancelab.data import countries
from alliancelab.errors import CoverageError, InputError, UnknownCountryError


@pytest.mark.parametrize("name", ["South Korea", "Republic of Korea", "ROK", "KOR", "732", 732,
                                  "korea, republic of", "  south   korea "])
def test_south_korea_spellings(name: str | int) -> None:
    assert countries.resolve(name, 2024).ccode == 732


@pytest.mark.parametrize(("name", "year", "ccode"), [
    ("Germany", 1900, 255), ("Germany", 1970, 260), ("Germany", 2000, 255),
    ("West Germany", 1970, 260), ("GDR", 1970, 265), ("DEU", 1980, 260),
    ("USSR", 1980, 365), ("Russia", 2024, 365), ("Soviet Union", 1950, 365),
    ("Serbia", 2010, 345), ("Yugoslavia", 1980, 345),
    ("DPRK", 2024, 731), ("Philippines", 2024, 840), ("Taiwan", 2000, 713),
])
def test_year_aware_cases(name: str, year: int, ccode: int) -> None:
    assert countries.resolve(name, year).ccode == ccode


def test_iso3_follows_the_year() -> None:
    assert countries.iso3_for(345, 1990) == "YUG"
    assert countries.iso3_for(345, 2010) == "SRB"
    assert countries.resolve("Japan").iso3 == "JPN"


def test_unknown_name_lists_closest_matches() -> None:
    with pytest.raises(UnknownCountryError) as err:
        countries.resolve("Sout Korea")
    assert "South Korea" in err.value.suggestions


def test_not_a_member_that_year() -> None:
    """COW: Germany is not a system member 1946-1954 (255 ends 1945, 260 starts 1955)."""
    with pytest.raises(CoverageError, match="1950"):
        countries.resolve("Germany", 1950)


def test_duplicates_in_a_list_are_refused() -> None:
    with pytest.raises(InputError, match="same state"):
        countries.resolve_many(["KOR", "South Korea"], 2024)


def test_system_members_2016_is_195() -> None:
    """COW State System Membership v2016 lists 195 members at the end of 2016."""
    assert len(countries.system_members(2016)) == 195


@pytest.mark.parametrize(("code", "ccode"), [("AUS", 900), ("aus", 900), ("SLV", 92), ("MNG", 712),
                                            ("AUT", 305), ("Austria", 305)])
def test_iso3_wins_over_cow_abbreviations(code: str, ccode: int) -> None:
    """COW abbreviates Austria AUS, Slovenia SLV, Montenegro MNG; ISO3 gives those codes to
    Australia, El Salvador and Mongolia. A three-letter code is read as ISO3 first."""
    assert countries.resolve(code, 2020).ccode == ccode


def test_names_follow_the_year() -> None:
    assert countries.resolve(365, 1950).name == "Soviet Union"
    assert countries.resolve(365, 2000).name == "Russia"
    assert countries.resolve(345, 2010).name == "Serbia"
    assert countries.resolve(345, 1980).name == "Yugoslavia"


@pytest.mark.parametrize("query", ["²", "", "   ", "٣٤٥"])
def test_odd_input_is_a_clear_error(query: str) -> None:
    with pytest.raises(UnknownCountryError):
        countries.resolve(query)
