"""The gazetteer's nesting, ownership and look-ups."""

from __future__ import annotations

import pytest

from alliancelab.errors import UnknownNameError
from alliancelab.treaty.geography import (
    area,
    is_metropolitan,
    owner_of,
    place_name,
    state_area,
    within,
)


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


def test_every_cow_state_is_placeable():
    """Every state in COW's system list (cow_states) lies in some region, so no scope
    check answers 'cannot place' for a real state (the gazetteer used to fall back on UN
    M49 alone, which has no West Germany, Austria-Hungary, Yugoslavia...)."""
    from alliancelab.data import load

    codes = sorted({int(c) for c in load("cow_states").ccode})
    assert len(codes) > 200
    unplaced = [c for c in codes if not state_area(c).parents]
    assert unplaced == []
    for c in codes:
        assert within(state_area(c).id, "europe") is not None, c


@pytest.mark.parametrize(("ccode", "region"), [
    (245, "europe"), (260, "europe"), (265, "europe"), (300, "europe"), (315, "europe"),
    (337, "europe"), (345, "europe"), (347, "europe"), (511, "africa"), (678, "asia"),
    (680, "asia"), (730, "pacific"), (730, "korean-peninsula"), (8152, "southeast-asia"),
])
def test_historical_states_have_regions(ccode, region):
    assert within(state_area(ccode).id, region) is True


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


@pytest.mark.parametrize(("place", "text"), [
    ("pacific", "the Pacific area"), ("europe", "Europe"), ("TUR", "Turkey"),
    ("PHL", "the Philippines"), ("USA", "the United States of America"),
    ("far-east", "the Far East"), ("COW260", "the German Federal Republic"),
    ("guam", "Guam"), ("senkaku-islands", "the Senkaku Islands"),
])
def test_place_names_take_the_right_article(place, text):
    assert place_name(place) == text
