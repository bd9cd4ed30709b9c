"""Country names in treaty and scenario files are read in the treaty's years.

COW system membership (cow_states, v2016): Germany 255 1816-1945 and from 1990, German
Federal Republic 260 1955-1990, German Democratic Republic 265 1954-1990; Korea 730
1887-1905, Republic of Korea 732 from 1949.
"""

from __future__ import annotations

import pytest

from alliancelab.errors import ValidationError
from alliancelab.treaty.library import Accession, all_treaties
from alliancelab.treaty.names import membership_problems, resolve_names
from alliancelab.treaty.schema import Treaty
from alliancelab.treaty.tomlio import dumps_treaty, loads_scenario, loads_treaty


def _members(text: str) -> list[int]:
    return [m.state for m in loads_treaty(text).members]


@pytest.mark.parametrize(("signed", "name", "ccode"), [
    ("1960-01-01", "DEU", 260), ("1960-01-01", "Germany", 260), ("2024-01-01", "DEU", 255),
    ("1936-11-25", "Germany", 255), ("1900-01-01", "Korea", 730), ("2000-01-01", "Korea", 732),
])
def test_members_follow_the_signing_year(signed, name, ccode):
    text = f'[treaty]\nname = "T"\nsigned = {signed}\nmembers = ["{name}", "USA"]\n'
    assert _members(text)[0] == ccode


def test_member_joined_date_and_obligations_name_members():
    """NATO-like: signed 1949 (no Germany then); DEU joined 1955, so it is West Germany,
    and 'DEU' in an obligation names that member."""
    t = loads_treaty('''[treaty]
name = "T"
signed = 1949-04-04
members = ["USA", "GBR", { state = "DEU", joined = 1955-05-06 }]
[[treaty.obligations]]
kind = "defense"
members = ["DEU", "USA"]
toward = ["Germany"]
adversaries = ["Soviet Union"]
''')
    assert 260 in t.member_ccodes
    ob = t.obligations[0]
    assert ob.members == [260, 2] and ob.toward == [260] and ob.adversaries == [365]


def test_undated_treaty_alone_and_in_a_scenario():
    """Without a date a name means the latest state of that name; in a scenario file the
    scenario's year decides, for members and rivals alike."""
    assert _members('[treaty]\nname = "T"\nmembers = ["DEU", "USA"]\n')[0] == 255
    s = loads_scenario('[scenario]\nname = "S"\nyear = 1960\nrivals = ["Russia", "GDR"]\n'
                       '[treaty]\nname = "T"\nmembers = ["DEU", "USA"]\n')
    assert s.treaties[0].member_ccodes == [2, 260] and s.rivals == [365, 265]
    with pytest.raises(ValidationError, match="'Germany' is both a rival and a member"):
        loads_scenario('[scenario]\nname = "S"\nyear = 1960\nrivals = ["Germany"]\n'
                       '[treaty]\nname = "T"\nmembers = [260, "USA"]\n')


@pytest.mark.parametrize("member", ["260", "West Germany"])
def test_member_that_did_not_exist_is_a_problem(member):
    """COW 260 ended in 1990: a 2024 treaty naming it is reported with line and field."""
    value = member if member.isdigit() else f'"{member}"'
    text = f'[treaty]\nname = "T"\nsigned = 2024-01-01\nmembers = ["USA",\n  {value}]\n'
    with pytest.raises(ValidationError) as info:
        loads_treaty(text, source="t.toml")
    assert len(info.value.problems) == 1
    problem = info.value.problems[0]
    assert problem.startswith("t.toml:5: treaty.members[1]: ")
    assert "was not a state system member in 2024 (the year the treaty was signed)" in problem
    assert "German Federal Republic 1955–1990" in problem


def test_membership_checked_in_scenario_year():
    with pytest.raises(ValidationError, match=r"s.toml:6: treaty.members\[0\]: 'Kosovo' was "
                                              r"not a state system member in 1960 \(the "
                                              r"scenario's year\); COW: Kosovo 2008–"):
        loads_scenario('[scenario]\nname = "S"\nyear = 1960\n[treaty]\nname = "T"\n'
                       'members = ["Kosovo", "USA"]\n', source="s.toml")


def test_atop_treaties_keep_atops_coding_and_round_trip():
    """ATOP codes 1815 alliances and some states COW does not count as members then; they
    are not 'problems', and every known treaty survives TOML -> object unchanged."""
    for t in all_treaties():
        assert loads_treaty(dumps_treaty(t)) == t, t.id
    assert membership_problems({"atopid": 1005, "signed": "1815-01-03",
                                "members": [200, 245]}) == []


def test_python_construction_checks_membership_too():
    with pytest.raises(ValueError, match="not a state system member in 2024"):
        Treaty(name="T", signed="2024-01-01", members=[260, "USA"])


def test_accessions_read_names_in_their_year():
    a = Accession(state="DEU", joined="1955-05-06", like="USA", source="x")
    assert a.state == 260
    assert resolve_names({"members": [{"state": "DEU", "joined": "1991"}]})["members"] == [
        {"state": 255, "joined": "1991"}]


def test_obligation_names_a_member_given_by_code():
    """A member written as a COW code with its own joined date is still what 'DEU' in an
    obligation names (the treaty's signing year alone, 1949, has no German state)."""
    t = loads_treaty('[treaty]\nname = "T"\nsigned = 1949-04-04\n'
                     'members = ["USA", { state = 260, joined = 1955-05-06 }]\n'
                     '[[treaty.obligations]]\nkind = "defense"\nmembers = ["DEU"]\n')
    assert t.obligations[0].members == [260]
