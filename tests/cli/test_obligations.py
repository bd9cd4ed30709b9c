"""``alliancelab obligations`` as a user runs it: bad input is one ``error:`` line and exit
code 2, never a traceback; years outside the data fail or say what they assume."""

from __future__ import annotations

import json

import pytest

BASE = ("obligations", "--attacker", "CHN", "--target", "PHL")


@pytest.mark.parametrize(("args", "message"), [
    (("--year", "1700"), "year 1700 is outside the years alliancelab can assess (1816-2100)"),
    (("--year", "0"), "year 0 is outside"),
    (("--year", "2101"), "year 2101 is outside"),
    (("--kind", "defens"), "unknown obligation kind 'defens'; did you mean: defense"),
    (("--kind", ""), "unknown obligation kind ''"),
    (("--status", "oblged"), "unknown status 'oblged'; did you mean: obliged"),
    (("--where", "Narnia"), "unknown area 'Narnia'"),
    (("--where", ""), "unknown area ''"),
    (("--on", "bogus"), "unknown target kind 'bogus'"),
    (("--scenario", ""), "unknown scenario ''"),
    (("--scenario", "asian-natto"), "did you mean: asian-nato"),
    (("--scenario", "missing/file.toml"), "cannot read"),
    (("--format", "xml"), "unknown format 'xml'"),
])
def test_bad_options_exit_2_with_one_error_line(cli, args, message):
    r = cli(*BASE, *args)
    assert r.code == 2, (r.out, r.err)
    assert r.err.startswith("error: ") and message in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""


@pytest.mark.parametrize("who", ["Narnia", "", "99999", "²"])
def test_bad_countries_exit_2(cli, who):
    for args in (("obligations", "--attacker", who, "--target", "PHL"),
                 ("obligations", "--attacker", "CHN", "--target", who)):
        r = cli(*args)
        assert r.code == 2 and r.err.startswith("error: unknown"), r.err
        assert "Traceback" not in r.err


def test_british_spelling_of_kind(cli):
    """--kind defence is --kind defense (output keeps the canonical spelling)."""
    args = (*BASE, "--where", "south-china-sea", "--year", "2018", "--format", "json")
    us = json.loads(cli(*args, "--kind", "defense").out)
    uk = json.loads(cli(*args, "--kind", "defence").out)
    assert us == uk and [x["state"] for x in uk] == ["USA"]
    assert uk[0]["kind"] == "defense"


def test_year_after_the_data_is_flagged(cli):
    """2100 is answered (treaties continue) but the output says so at the top; JSON stays
    clean on stdout and warns on stderr."""
    r = cli(*BASE, "--year", "2100", "--kind", "defense")
    assert r.code == 0
    second = r.out.splitlines()[1]
    assert second.startswith("warning: 2100 is after 2024, the last year the treaty data "
                             "cover")
    r = cli(*BASE, "--year", "2100", "--kind", "defense", "--format", "json")
    assert r.code == 0 and r.err.startswith("warning: 2100 is after 2024")
    assert json.loads(r.out)[0]["state"] == "USA"
    r = cli(*BASE, "--year", "2018", "--kind", "defense")
    assert "warning" not in r.out + r.err


def test_countries_are_read_in_the_year(cli):
    """RUS attacks DEU in 1960: the target is West Germany (COW 260), whose NATO allies
    owe it defence (ATOP 3180)."""
    r = cli("obligations", "--attacker", "RUS", "--target", "DEU", "--year", "1960",
            "--kind", "defense", "--format", "json")
    assert r.code == 0, r.err
    records = json.loads(r.out)
    nato = [x for x in records if x["treaty"]["id"] == "3180"]
    assert nato and {x["toward_ccode"] for x in nato} == {260}
    assert {"USA", "GBR", "FRA"} <= {x["state"] for x in nato}


@pytest.mark.parametrize(("args", "message"), [
    (("--attacker", "260", "--target", "PHL", "--year", "2024"),
     "260 is not a state system member in 2024"),
    (("--attacker", "RUS", "--target", "DEU", "--year", "1950"),
     "'DEU' is not a state system member in 1950"),
    (("--attacker", "RUS", "--target", "POL", "--where", "DEU", "--year", "1950"),
     "'DEU' is not a state system member in 1950"),
])
def test_state_that_did_not_exist_that_year(cli, args, message):
    r = cli("obligations", *args)
    assert r.code == 2 and message in r.err, r.err


def test_historical_states_are_placed(cli):
    """USSR attacks West Germany in 1960: NATO Arts. 5-6 cover territory in Europe, so every
    NATO member is obliged (the gazetteer used to answer 'cannot place German Federal
    Republic' and give all of them cannot-decide)."""
    r = cli("obligations", "--attacker", "365", "--target", "260", "--year", "1960",
            "--kind", "defense", "--format", "json")
    assert r.code == 0, r.err
    nato = [x for x in json.loads(r.out) if x["treaty"]["id"] == "3180"]
    assert len(nato) == 14 and {x["status"] for x in nato} == {"obliged"}
    assert "cannot place" not in r.out


def test_table_says_when_a_pledge_is_broken(cli):
    r = cli(*BASE, "--where", "south-china-sea", "--year", "2018", "--kind", "nonaggression")
    assert r.code == 0 and "nonaggression (broken)" in r.out
    r = cli(*BASE, "--where", "south-china-sea", "--year", "2018", "--kind", "nonaggression",
            "--format", "json")
    assert {(x["status"], x["kind"], x["breach"]) for x in json.loads(r.out)} == {
        ("obliged", "nonaggression", True)}
