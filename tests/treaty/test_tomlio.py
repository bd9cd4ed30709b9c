"""Treaty and scenario files: every problem reported at once with file, line, field and a
suggestion; nothing but alliancelab's ValidationError escapes on malformed input; valid
treaties round-trip TOML -> object -> TOML."""

from __future__ import annotations

import string
from datetime import date

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliancelab.errors import AllianceLabError, ValidationError
from alliancelab.treaty.fields import to_ccode
from alliancelab.treaty.schema import KINDS, Treaty
from alliancelab.treaty.tomlio import (
    dumps_scenario,
    dumps_treaty,
    load_file,
    load_treaty,
    loads_scenario,
    loads_treaty,
)

BAD = """\
[treaty]
name = "Pacific Pact"
signed = 2020-05-01
ended = 2019-01-01
members = ["JPN", "USA", "Austrlia", "Japan"]

[[treaty.obligations]]
kind = "defens"
members = "all"
scoep = ["pacific"]

[[treaty.obligations]]
kind = "defense"
members = ["IND"]
scope = ["territory", "south-china-see"]

[treaty.institutions]
integrated_comand = true
"""


def test_every_problem_at_once(tmp_path):
    path = tmp_path / "pact.toml"
    path.write_text(BAD)
    with pytest.raises(ValidationError) as info:
        load_treaty(path)
    problems = info.value.problems
    src = str(path)
    expected = [
        (f"{src}:4: treaty.ended", "before it was signed"),
        (f"{src}:5: treaty.members[2]", "unknown country 'Austrlia'; did you mean: Australia"),
        (f"{src}:5: treaty.members[3]", "same state as members[0]"),
        (f"{src}:8: treaty.obligations[0].kind", "did you mean 'defense'?"),
        (f"{src}:10: treaty.obligations[0].scoep", "unknown field 'scoep'; did you mean 'scope'?"),
        (f"{src}:14: treaty.obligations[1].members[0]", "not a member of the treaty"),
        (f"{src}:15: treaty.obligations[1].scope[1]", "did you mean: south-china-sea"),
        (f"{src}:18: treaty.institutions.integrated_comand",
         "did you mean 'integrated_command'?"),
    ]
    assert len(problems) == len(expected)
    for (where, what), problem in zip(expected, problems, strict=True):
        assert problem.startswith(where), problem
        assert what in problem, problem
    assert str(info.value).startswith(f"{src}: 8 problems")


def test_kind_in_either_spelling():
    """'defence' (British) is read as ATOP's 'defense' and written back canonically,
    as the CLI's --kind accepts both."""
    t = loads_treaty('[treaty]\nname = "x"\nmembers = ["JPN", "USA"]\n'
                     '[[treaty.obligations]]\nkind = "defence"\n'
                     '[[treaty.obligations]]\nkind = "Offence"\n')
    assert [o.kind for o in t.obligations] == ["defense", "offense"]
    assert 'kind = "defense"' in dumps_treaty(t)


def test_invalid_toml_names_its_line():
    with pytest.raises(ValidationError) as info:
        loads_treaty('[treaty]\nname = "x"\nmembers = ["JPN", "USA"\n', source="t.toml")
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("t.toml:4: invalid TOML")


def test_missing_and_unknown_tables():
    with pytest.raises(ValidationError) as info:
        loads_treaty('[treatie]\nname = "x"\n', source="t.toml")
    text = "\n".join(info.value.problems)
    assert "t.toml:1: treatie: unknown field 'treatie'; did you mean 'treaty'?" in text
    assert "missing required field 'treaty'" in text


def test_scenario_checks_rivals_against_members():
    text = """[scenario]\nname = "S"\nrivals = ["CHN", "JPN"]\n[treaty]\nname = "T"
members = ["JPN", "USA"]\n"""
    with pytest.raises(ValidationError) as info:
        loads_scenario(text, source="s.toml")
    assert info.value.problems == [
        "s.toml:3: scenario.rivals[1]: 'JPN' is both a rival and a member of a proposed treaty"]


def test_load_file_detects_kind_and_unreadable_files(tmp_path):
    scenario = tmp_path / "s.toml"
    scenario.write_text('[scenario]\nname = "S"\nyear = 2020\n')
    assert load_file(scenario).year == 2020
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"[treaty]\nname = \"\xff\"\n")
    with pytest.raises(ValidationError, match="not UTF-8"):
        load_file(binary)
    with pytest.raises(ValidationError, match="cannot read"):
        load_file(tmp_path / "missing.toml")


# --- property tests ------------------------------------------------------------------

VALID = """\
[treaty]
name = "Pacific Pact"
signed = 2020-05-01
members = ["JPN", "USA", { state = "AUS", joined = "2021-03" }]

[[treaty.obligations]]
kind = "defense"
scope = ["territory", "pacific"]
article = "Art. 5"

[[treaty.obligations]]
kind = "consultation"
members = ["JPN"]
toward = ["USA"]
upon_request = true

[treaty.institutions]
integrated_command = true
spending_target_gdp = 0.02
"""

toml_scalars = st.one_of(
    st.integers(-10**6, 10**6), st.booleans(), st.text(max_size=12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1000, 1, 1), date(2999, 12, 31)))
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(string.ascii_lowercase + "_", min_size=1,
                                                    max_size=10), inner, max_size=4)),
    max_leaves=12)
field_names = st.sampled_from(["name", "id", "members", "obligations", "signed", "ended",
                               "kind", "scope", "toward", "institutions", "state", "joined",
                               "scoep", "membres", "atopid", "phases", "known_until"])


def _check_only_validation_errors(text: str) -> None:
    try:
        result = loads_treaty(text, source="fuzz.toml")
    except ValidationError as err:
        assert err.problems and all(p.startswith("fuzz.toml") for p in err.problems)
    else:
        assert isinstance(result, Treaty)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_files_raise_only_validation_errors(data):
    """Cut, insert and replace pieces of a valid file: syntax and schema errors alike."""
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 20)))
        piece = data.draw(st.one_of(st.text(max_size=8), st.sampled_from(
            ['"', "[", "]", "=", "\n", ",", "{", "}", "Japn", "9999", "1999-02-30", "all",
             "[[treaty.obligations]]\n", "kind = \"x\"\n", "members = [\"JPN\", \"JPN\"]\n"])))
        text = text[:i] + piece + text[j:]
    _check_only_validation_errors(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(field_names, toml_values, max_size=6),
       st.lists(st.dictionaries(field_names, toml_values, max_size=5), max_size=3))
def test_random_documents_raise_only_validation_errors(treaty, obligations):
    """Well-formed TOML with arbitrary structure and values under the treaty's keys."""
    doc = {"treaty": {**treaty, **({"obligations": obligations} if obligations else {})}}
    _check_only_validation_errors(tomli_w.dumps(doc))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_random_text_raises_only_validation_errors(text):
    _check_only_validation_errors(text)


# Names whose state depends on the year (DEU: Prussia/Germany, West Germany, Germany;
# Korea: 730 or 732) and historical codes; a treaty draws only those alive when signed.
STATES = ["JPN", "USA", "KOR", "AUS", "PHL", "IND", "GBR", "FRA", 260, 245, 265, 730, "DEU",
          "Germany", "Korea", "YEM"]
AREAS = ["territory", "forces", "metropolitan-territory", "pacific", "territory:pacific",
         "forces:south-china-sea", "involving:far-east", "japan-administered", "TUR"]
days = st.dates(date(1816, 1, 1), date(2100, 12, 31))


def _alive(state, year):
    try:
        return to_ccode(state, max(year, 1816))
    except AllianceLabError:
        return None


@st.composite
def treaties(draw):
    signed = draw(days)
    alive = [s for s in STATES if _alive(s, signed.year) is not None]
    members = draw(st.lists(st.sampled_from(alive), min_size=2, max_size=5,
                            unique_by=lambda s: _alive(s, signed.year)))
    obligations = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(KINDS))
        ob = {"kind": kind}
        if draw(st.booleans()):
            ob["members"] = draw(st.lists(st.sampled_from(members), min_size=1, unique=True))
        if kind != "nonaggression" and draw(st.booleans()):
            ob["scope"] = draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=3,
                                        unique=True))
        if kind == "consultation":
            ob["upon_request"] = draw(st.booleans())
        if draw(st.booleans()):
            ob["article"] = draw(st.text(max_size=10))
        obligations.append(ob)
    data = {"name": draw(st.text(string.ascii_letters + " -", min_size=1, max_size=20))
            .strip() or "T", "members": members, "obligations": obligations,
            "signed": signed}
    if draw(st.booleans()):
        data["ended"] = draw(st.dates(signed, date(2100, 12, 31)))
    if draw(st.booleans()):
        data["institutions"] = {"integrated_command": draw(st.booleans()),
                                "military_contact": draw(st.integers(0, 3)),
                                "spending_target_gdp": draw(st.floats(0.001, 1))}
    return Treaty.model_validate(data)


@settings(max_examples=300, deadline=None)
@given(treaties())
def test_valid_treaties_round_trip(treaty):
    text = dumps_treaty(treaty)
    again = loads_treaty(text)
    assert again == treaty
    assert dumps_treaty(again) == text


def test_builtin_scenarios_round_trip():
    from alliancelab.treaty.scenario import list_scenarios

    for scenario in list_scenarios():
        text = dumps_scenario(scenario)
        assert loads_scenario(text) == scenario


@pytest.mark.parametrize("name_line", ['name = 5\n', ''])
def test_bad_or_missing_name_is_one_problem(name_line):
    """The id is made from the name: a bad name must not also report a missing id."""
    with pytest.raises(ValidationError) as info:
        loads_treaty(f'[treaty]\n{name_line}members = ["JPN", "USA"]\n', source="t.toml")
    assert len(info.value.problems) == 1
    assert "treaty.name" in info.value.problems[0] and "'id'" not in str(info.value)


def test_treaty_file_as_scenario_says_what_to_add():
    text = dumps_treaty(loads_treaty('[treaty]\nname = "T"\nmembers = ["JPN", "USA"]\n'))
    with pytest.raises(ValidationError) as info:
        loads_scenario(text, source="t.toml")
    assert len(info.value.problems) == 1
    assert "add one to use a treaty file as a scenario" in info.value.problems[0]
    assert "[scenario] table" in info.value.problems[0]
