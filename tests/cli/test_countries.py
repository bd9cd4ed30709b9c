"""``alliancelab countries``."""

from __future__ import annotations

import json


def test_resolve_many_spellings(cli) -> None:
    res = cli("countries", "resolve", "South Korea", "ROK", "732", "--year", "2024", "--json")
    assert res.code == 0
    assert {r["ccode"] for r in json.loads(res.out)} == {732}


def test_unknown_country(cli) -> None:
    res = cli("countries", "resolve", "Sout Korea")
    assert res.code == 2 and "did you mean: South Korea" in res.err
