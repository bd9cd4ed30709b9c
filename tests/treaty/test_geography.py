"""The gazetteer's nesting, ownership and look-ups."""

from __future__ import annotations

import pytest

from alliancelab.errors import UnknownNameError
from alliancelab.treaty.geography import area, is_metropolitan, owner_of, within


@pytest.mark.parametrize(("place", "region", "inside"), [
    ("south-china-sea", "pacific", True),
    ("senkaku-islands", "japan-administered", True),
    ("senkaku-islands", "pacific", True),
    ("northern-territories", "japan-administered", False),
    ("guam", "pacific", True),
    ("guam", "north-america", False),     # US territory, not in North America
    ("hawaii", "north-america", False),   # hence outside NATO Art. 6
    ("KOR", "korean-peninsula", True),
    ("PRK", "far-east", True),
    ("USA", "pacific", False),
    ("DEU", "europe", True),
    ("TUR", "europe", False),             # NATO Art. 6 names Turkey's territory separately
    ("PHL", "manila-pact-treaty-area", True),
    ("PAK", "manila-pact-treaty-area", True),
    ("IND", "pacific", False),
    ("guam", "USA", True),
])
def test_within(place, region, inside):
    assert within(place, region) is inside


def test_unknown_region_of_historical_state():
    """Bavaria (COW 245) has no ISO3 and no M49 region: the gazetteer cannot tell."""
    assert within("COW245", "europe") is None


def test_ownership_and_metropolitan_territory():
    assert owner_of("guam") == 2 and not is_metropolitan("guam")
    assert is_metropolitan("hawaii") and is_metropolitan("JPN")
    assert owner_of("south-china-sea") is None


def test_lookup_by_name_and_suggestions():
    assert area("South China Sea").id == "south-china-sea"
    assert area("Japan").id == "JPN" and area(740).id == "JPN"
    with pytest.raises(UnknownNameError, match="did you mean: pacific"):
        area("pacfic")


def test_unknown_area_suggests_each_name_once():
    with pytest.raises(UnknownNameError) as info:
        area("south china se")
    hint = str(info.value).split("did you mean: ")[1]
    names = [n.strip(" ?") for n in hint.split(",")]
    assert names[0] == "south-china-sea" and len(names) == len(set(names))


@pytest.mark.parametrize("bad", ["Narnia", "", "99999"])
def test_unknown_place_is_unknown_name_error(bad):
    with pytest.raises(UnknownNameError):
        area(bad)
