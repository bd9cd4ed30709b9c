"""The web app's routes: answers, the one error shape, and what it refuses."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from alliancelab.web.app import create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_index_and_health(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "alliancelab" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no outside assets
    assert client.get("/api/health").json()["status"] == "ok"


def test_scenarios_and_sources(client: TestClient) -> None:
    ids = {s["id"] for s in client.get("/api/scenarios").json()}
    assert {"asian-nato", "asian-nato-india", "status-quo"} <= ids
    names = {s["name"] for s in client.get("/api/sources").json()}
    assert {"cow_nmc", "atop_alliance", "sipri_milex"} <= names


def test_assessment_json_matches_the_library(client: TestClient) -> None:
    from alliancelab.assess.assessment import assess

    d = client.get("/api/assess", params={"scenario": "asian-nato", "year": 2022}).json()
    assert d["capability"]["cinc_ratio"] == pytest.approx(
        assess("asian-nato", 2022).capability.cinc_ratio)


def test_report_and_comparison(client: TestClient) -> None:
    r = client.get("/report", params={"scenario": ["asian-nato", "status-quo"]})
    assert r.status_code == 200 and "Scenarios side by side" in r.text


def test_obligations_json(client: TestClient) -> None:
    """2018, China attacks the Philippines in the South China Sea: the US is obliged (3210)."""
    rows = client.get("/api/obligations", params={"attacker": "CHN", "target": "PHL",
                                                  "where": "south-china-sea",
                                                  "year": 2018}).json()
    us = [r for r in rows if r["state"] == "USA" and r["kind"] == "defense"]
    assert us and us[0]["status"] == "obliged" and us[0]["toward"] == "PHL"
    assert not [r for r in rows if r["state"] == "JPN" and r["kind"] == "defense"]


@pytest.mark.parametrize(("url", "params", "status", "word"), [
    ("/report", {"scenario": "asian-natoo"}, 404, "asian-nato"),
    ("/report", {"scenario": "../../etc/passwd"}, 404, "unknown scenario"),
    ("/api/assess", {"scenario": "asian-nato", "year": 1700}, 400, "1816"),
    ("/api/obligations", {"attacker": "Narnia", "target": "PHL", "year": 2018}, 404,
     "Narnia"),
])
def test_errors_have_one_shape(client: TestClient, url: str, params: dict, status: int,
                               word: str) -> None:
    r = client.get(url, params=params)
    assert r.status_code == status
    err = r.json()["error"]
    assert set(err) == {"type", "message", "hint"} and word in json.dumps(err)


def test_posted_scenario_is_validated_and_usable(client: TestClient) -> None:
    bad = client.post("/api/scenarios", content='[scenario]\nname = "x"\nyear = 2024\n'
                      '[treaty]\nname = "t"\nmembers = ["JPN", "Narnia"]\n',
                      headers={"Content-Type": "text/plain"})
    assert bad.status_code == 400 and "Narnia" in bad.json()["error"]["message"]
    good = client.post("/api/scenarios", content=(
        '[scenario]\nid = "jpn-phl"\nname = "Japan-Philippines pact"\nyear = 2024\n'
        'rivals = ["CHN"]\n[treaty]\nname = "JP-PH"\nmembers = ["JPN", "PHL"]\n'
        '[[treaty.obligations]]\nkind = "defense"\n'), headers={"Content-Type": "text/plain"})
    assert good.status_code == 200, good.text
    d = client.get("/api/assess", params={"scenario": "jpn-phl"}).json()
    assert d["scenario"]["members"] == ["JPN", "PHL"]
