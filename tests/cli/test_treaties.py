"""``alliancelab treaties``, ``scenarios`` and ``obligations`` as a user runs them."""

from __future__ import annotations

import json

import pytest


def test_obligations_json(cli):
    r = cli("obligations", "--attacker", "CHN", "--target", "PHL", "--where",
            "south-china-sea", "--year", "2018", "--kind", "defense", "--format", "json")
    assert r.code == 0, r.err
    records = json.loads(r.out)
    assert [(x["state"], x["status"], x["kind"], x["toward"], x["treaty"]["id"])
            for x in records] == [("USA", "obliged", "defense", "PHL", "3210")]
    assert records[0]["conditions"][0]["holds"] is True


def test_obligations_with_scenario_table(cli):
    r = cli("obligations", "--attacker", "PRK", "--target", "USA", "--where", "guam",
            "--scenario", "asian-nato", "--kind", "defense", "--status", "obliged")
    assert r.code == 0, r.err
    assert "with scenario asian-nato" in r.out
    assert "JPN" in r.out and "pacific-collective-defence" in r.out
    assert "assumption: treaty 3240 is known only until 2018-12-31" in r.out


def test_obligations_bad_input_exits_2(cli):
    r = cli("obligations", "--attacker", "CHN", "--target", "PHL", "--where", "south china see")
    assert r.code == 2 and "did you mean: south-china-sea" in r.err
    r = cli("obligations", "--attacker", "Chna", "--target", "PHL")
    assert r.code == 2 and "unknown country 'Chna'" in r.err


def test_treaties_list_and_show(cli):
    r = cli("treaties", "list", "--member", "JPN", "--year", "2018", "--json")
    assert r.code == 0
    assert [x["id"] for x in json.loads(r.out)] == ["3375", "3755", "3815"]
    r = cli("treaties", "show", "3180")
    assert r.code == 0 and "North Atlantic Treaty" in r.out and "Arts. 5-6" in r.out
    r = cli("treaties", "show", "3375", "--toml")
    assert r.code == 0 and r.out.startswith("[treaty]")


def test_treaties_validate(cli, tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(cli("treaties", "show", "3210", "--toml").out)
    r = cli("treaties", "validate", str(good))
    assert r.code == 0 and "ok (treaty" in r.out
    bad = tmp_path / "bad.toml"
    bad.write_text('[treaty]\nname = "x"\nmembers = ["JPN", "Japn"]\nsigend = 2020-01-01\n')
    r = cli("treaties", "validate", str(bad))
    assert r.code == 2
    assert f"{bad}:3: treaty.members[1]: unknown country 'Japn'" in r.err
    assert f"{bad}:4: treaty.sigend: unknown field 'sigend'; did you mean 'signed'?" in r.err


def test_scenarios(cli):
    r = cli("scenarios", "list", "--json")
    assert r.code == 0
    assert [x["name"] for x in json.loads(r.out)][:2] == ["asian-nato", "asian-nato-india"]
    r = cli("scenarios", "show", "asian-nato")
    assert r.code == 0 and "integrated_command=True" in r.out
    r = cli("scenarios", "show", "asian-nato", "--toml")
    assert r.out.startswith("[scenario]")
    r = cli("scenarios", "show", "asian-natto")
    assert r.code == 2 and "did you mean: asian-nato" in r.err


@pytest.mark.parametrize(("args", "message"), [
    (("treaties", "list", "--member", "Narnia"), "unknown country 'Narnia'; did you mean"),
    (("treaties", "list", "--member", ""), "unknown country ''"),
    (("treaties", "list", "--member", "99999"), "unknown COW country code 99999"),
    (("treaties", "list", "--member", "²"), "unknown country '²'"),
    (("treaties", "list", "--year", "1700"), "year 1700 is outside the years alliancelab "
                                             "can assess (1816-2100)"),
    (("treaties", "list", "--kind", "defens"), "unknown obligation kind 'defens'; did you "
                                               "mean: defense"),
    (("treaties", "show", ""), "no treaty given"),
    (("treaties", "show", "  "), "no treaty given"),
    (("treaties", "show", "33755"), "unknown treaty '33755'; did you mean"),
    (("treaties", "show", "zzzz"), "treaties list --search"),
    (("scenarios", "show", ""), "unknown scenario ''"),
])
def test_bad_input_is_one_error_line(cli, args, message):
    """Every user mistake: `error: ...` on stderr, exit code 2, nothing on stdout."""
    r = cli(*args)
    assert r.code == 2, (r.out, r.err)
    assert r.err.startswith("error: ") and message in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""
    assert len(r.err.strip().splitlines()) == 1


def test_unknown_treaty_without_close_match_does_not_list_every_id(cli):
    r = cli("treaties", "show", "zzzz")
    assert len(r.err) < 200, r.err


def test_kind_spellings_agree(cli):
    """--kind defence and --kind defense give the same treaties."""
    args = ("treaties", "list", "--member", "USA", "--year", "2018", "--json")
    us = json.loads(cli(*args, "--kind", "defense").out)
    uk = json.loads(cli(*args, "--kind", "defence").out)
    assert us == uk and "3375" in {x["id"] for x in uk}


def test_year_after_the_data_warns(cli):
    r = cli("treaties", "list", "--member", "JPN", "--year", "2030", "--json")
    assert r.code == 0 and r.err.startswith("warning: 2030 is after 2024")
    assert all(x["assumed_in_force"] for x in json.loads(r.out))


def test_member_is_read_in_the_year(cli):
    """`countries resolve DEU --year 1960` is West Germany (260), so `treaties list` must
    agree: NATO (3180, from 1955) and the Brussels Treaty/WEU (3130)."""
    for name in ("DEU", "Germany", "West Germany", "260"):
        r = cli("treaties", "list", "--member", name, "--year", "1960", "--kind", "defense",
                "--json")
        assert r.code == 0, r.err
        assert {x["id"] for x in json.loads(r.out)} >= {"3130", "3180"}, name
    r = cli("treaties", "list", "--member", "DEU", "--year", "1950")
    assert r.code == 2 and "'DEU' is not a state system member in 1950" in r.err


def test_validate_reports_a_member_that_did_not_exist(cli, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[treaty]\nname = "T"\nsigned = 2024-01-01\nmembers = ["USA", 260]\n')
    r = cli("treaties", "validate", str(path))
    assert r.code == 2
    assert (f"{path}:4: treaty.members[1]: 260 was not a state system member in 2024"
            in r.err)


def test_list_with_member_shows_its_own_obligations(cli):
    r = cli("treaties", "list", "--member", "JPN", "--year", "2018", "--json")
    row = next(x for x in json.loads(r.out) if x["id"] == "3375")
    assert (row["obligations_of"], row["obligations"]) == ("JPN", "nonaggression, consultation")
    r = cli("treaties", "list", "--member", "JPN", "--year", "2018")
    assert "JPN owes" in r.out and "owed to JPN" in r.out


def test_scenario_from_a_treaty_file_gets_a_hint(cli, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(cli("treaties", "show", "3375", "--toml").out)
    for args in (("obligations", "--attacker", "CHN", "--target", "JPN", "--scenario",
                  str(path)), ("scenarios", "show", str(path))):
        r = cli(*args)
        assert r.code == 2 and "add a [scenario] table" not in r.out
        assert "a scenario file needs a [scenario] table" in r.err, r.err
