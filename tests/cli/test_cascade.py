"""``alliancelab cascade`` as a user runs it: tables, JSON, output files, one-line errors."""

from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

BASE = ("cascade", "--attacker", "CHN", "--target", "PHL", "--where", "south-china-sea",
        "--year", "2024", "--scenario", "asian-nato", "--runs", "3000", "--seed", "0")


@pytest.fixture(scope="module")
def scheduler():
    """A Dask scheduler on this machine (one worker process), reached by its address."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def test_table_output(cli):
    r = cli(*BASE)
    assert r.code == 0, r.err
    assert "Maximal cascade" in r.out and "3210 US-Philippines Mutual Defense Treaty" in r.out
    assert "3,000 Monte Carlo runs, seed 0, numpy" in r.out
    assert "Berkemeier, M. and Fuhrmann, M. (2018)" in r.out
    assert "Most likely coalitions" in r.out


def test_json_output_and_files(cli, tmp_path):
    r = cli(*BASE, "--format", "json", "--out", str(tmp_path / "c.json"))
    assert r.code == 0, r.err
    payload = json.loads(r.out)
    assert payload == json.loads((tmp_path / "c.json").read_text())
    assert payload["crisis"]["scenario"] == "asian-nato"
    sides = {s["state"]: s["side"] for s in payload["cascade"]["states"]}
    assert {sides[s] for s in ("USA", "JPN", "KOR", "AUS")} == {"target"}
    mc = payload["monte_carlo"]
    assert mc["runs"] == 3000 and mc["seed_entropy"] == 0
    assert mc["honour"]["defense"]["probability"] == 0.41
    usa = next(s for s in mc["states"] if s["state"] == "USA")
    assert 0.8 < usa["p_target_side"] < 0.93 and usa["se"] > 0
    assert abs(sum(b["probability"] for b in mc["belligerents"]["distribution"]) - 1) < 1e-9
    assert cli(*BASE, "--out", str(tmp_path / "c.html")).code == 0
    page = (tmp_path / "c.html").read_text()
    assert "plotly.js v" in page and '<script src="https://cdn.plot.ly' not in page
    assert cli(*BASE, "--out", str(tmp_path / "c.csv")).code == 0
    table = pd.read_csv(tmp_path / "c.csv")
    assert list(table["state"][:2]) == ["CHN", "PHL"]


def test_honour_and_refuse_options(cli):
    args = (*BASE, "--format", "json")
    never = json.loads(cli(*args, "--honour", "defense=0").out)["monte_carlo"]
    assert [s["state"] for s in never["states"] if s["p_drawn_in"] > 0] == ["CHN", "PHL"]
    llm = json.loads(cli(*args, "--honour", "leeds-long-mitchell-2000").out)["monte_carlo"]
    assert llm["honour"]["defense"]["probability"] == 0.745
    assert "Leeds" in llm["honour"]["offense"]["source"]
    no_us = json.loads(cli(*args, "--refuse", "USA").out)
    sides = {s["state"]: s["side"] for s in no_us["cascade"]["states"]}
    assert sides["USA"] == "out" and sides["JPN"] == "target" and sides["THA"] == "out"


def test_dask_scheduler_gives_the_in_process_result(cli, scheduler):
    args = (*BASE, "--format", "json")
    here = json.loads(cli(*args).out)["monte_carlo"]
    there = json.loads(cli(*args, "--dask", scheduler).out)["monte_carlo"]
    assert there["backend"] == f"dask:{scheduler}"
    for key in ("states", "belligerents", "coalitions"):
        assert here[key] == there[key]


@pytest.mark.parametrize(("args", "message"), [
    (("--attacker", "Narnia", "--target", "PHL"), "unknown country 'Narnia'"),
    (("--attacker", "CHN", "--target", "Narnia"), "unknown country 'Narnia'"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "defense=1.2"),
     "honour rate for defense must be between 0 and 1"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "defense=-0.1"), "between 0 and 1"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "defense=lots"), "is not a number"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "defens=0.4"),
     "unknown obligation kind 'defens'"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "neutrality=0.78"),
     "neutrality pledges do not draw a state into the war"),
    (("--attacker", "CHN", "--target", "PHL", "--honour", "bogus-2001"),
     "unknown honour-rate preset"),
    (("--attacker", "CHN", "--target", "PHL", "--runs", "0"), "--runs must be at least 1"),
    (("--attacker", "CHN", "--target", "PHL", "--undecided", "2"), "between 0 and 1"),
    (("--attacker", "CHN", "--target", "PHL", "--refuse", "Narnia"), "unknown country"),
    (("--attacker", "CHN", "--target", "PHL", "--format", "xml"), "unknown format 'xml'"),
    (("--attacker", "CHN", "--target", "PHL", "--out", "x.pdf"), "unknown output format"),
    (("--attacker", "CHN", "--target", "PHL", "--year", "1700"), "year 1700 is outside"),
])
def test_bad_input_is_one_error_line(cli, args, message):
    r = cli("cascade", *args)
    assert r.code == 2, (r.out, r.err)
    assert r.err.startswith("error: ") and message in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""


def test_unreachable_scheduler_is_one_error_line(cli, monkeypatch):
    monkeypatch.setattr("alliancelab.simulate._dask.CONNECT_TIMEOUT", "0.5s")
    r = cli("cascade", "--attacker", "CHN", "--target", "PHL", "--runs", "10",
            "--dask", "tcp://127.0.0.1:9")
    assert r.code == 2 and r.err.startswith("error: cannot reach the Dask scheduler"), r.err
    assert len(r.err.strip().splitlines()) == 1
