"""Built-in scenarios and what the measures layer reads from them."""

from __future__ import annotations

import pytest

from alliancelab.errors import UnknownNameError, ValidationError
from alliancelab.treaty.scenario import load_scenario, scenario_file, scenario_names


def test_builtin_names():
    assert scenario_names() == ["asian-nato", "asian-nato-india", "asian-nato-without-us",
                                "quad-pact", "status-quo"]


@pytest.mark.parametrize(("name", "members"), [
    ("asian-nato", ["JPN", "USA", "KOR", "AUS", "PHL"]),
    ("asian-nato-india", ["JPN", "USA", "KOR", "AUS", "PHL", "IND"]),
    ("asian-nato-without-us", ["JPN", "KOR", "AUS", "PHL"]),
    ("quad-pact", ["USA", "JPN", "AUS", "IND"]),
    ("status-quo", []),
])
def test_members_rivals_year(name, members):
    s = load_scenario(name)
    assert s.member_iso3 == members
    assert s.rival_iso3 == ["CHN", "PRK", "RUS"] and s.rival_ccodes == [710, 731, 365]
    assert s.year == 2024


def test_asian_nato_institutions_and_obligations():
    s = load_scenario("asian-nato")
    inst = s.institutions
    assert inst.integrated_command and inst.nuclear_sharing
    assert inst.spending_target_gdp == 0.02
    assert inst.atop_codes()["intcom"] == 1
    assert s.obligation_kinds == ["defense", "consultation"]
    assert s.treaty.obligations[0].scope == ["territory", "pacific"]
    assert [c.iso3 for c in s.members()] == s.member_iso3
    assert load_scenario("status-quo").institutions is None


def test_user_file_and_errors(tmp_path):
    copy = tmp_path / "mine.toml"
    copy.write_text(scenario_file("asian-nato").read_text().replace('"PHL"]', '"PHL", "NZL"]'))
    mine = load_scenario(copy)
    assert mine.id == "mine" and "NZL" in mine.member_iso3
    with pytest.raises(UnknownNameError, match="did you mean: asian-nato"):
        load_scenario("asian-nat")
    bad = tmp_path / "bad.toml"
    bad.write_text('[scenario]\nname = "x"\nrivals = ["Chna"]\n')
    with pytest.raises(ValidationError, match=r"bad\.toml:3: scenario\.rivals"):
        load_scenario(bad)
