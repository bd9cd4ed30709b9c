"""docs/simulate.md agrees with the code: its example table, its defaults, its options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from alliancelab.simulate import cascade, crisis, exact
from alliancelab.simulate.montecarlo import CHUNK_SIZE, EXACT_LIMIT
from alliancelab.simulate.rates import PRESETS, honour_probabilities

DOC = (Path(__file__).resolve().parents[2] / "docs" / "simulate.md").read_text()


def _row(label: str) -> list[str]:
    line = next(x for x in DOC.splitlines() if x.startswith(f"| {label} |"))
    return [c.strip() for c in line.strip("|").split("|")][1:]


def test_example_table_is_current():
    real = crisis("CHN", "PHL", where="south-china-sea", year=2024)
    nato = crisis("CHN", "PHL", where="south-china-sea", year=2024, scenario="asian-nato")
    a, b = exact(real), exact(nato)
    assert _row("P(US drawn in)") == [f"{a.probability('USA'):.2f}",
                                      f"{b.probability('USA'):.2f}"]
    assert _row("P(Japan drawn in)") == ["0", f"{b.probability('JPN'):.2f}"]
    assert _row("expected states at war") == [f"{a.expected_belligerents():.2f}",
                                              f"{b.expected_belligerents():.2f}"]
    assert cascade(real).rounds() == [["CHN", "PHL"], ["USA"], ["AUS", "THA"]]
    assert cascade(nato).rounds() == [["CHN", "PHL"], ["AUS", "JPN", "KOR", "USA"], ["THA"]]


def test_defaults_and_limits_are_as_documented():
    rates = honour_probabilities()
    assert _row("defence")[0] == f"{rates.defense:g}" and _row("offence")[0] == f"{rates.offense:g}"
    assert f"chunks of {CHUNK_SIZE:,}" in DOC and f"n ≤ {EXACT_LIMIT}" in DOC
    assert all(f"`{p}`" in DOC for p in PRESETS if p != "berkemeier-fuhrmann-2018")


def test_every_cli_option_is_documented():
    from alliancelab.cli.main import build_app

    command = typer.main.get_command(build_app()).commands["cascade"]  # type: ignore[attr-defined]
    options = [o for p in command.params for o in p.opts if o.startswith("--")]
    cli_doc = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    row = next(x for x in cli_doc.splitlines() if "`alliancelab cascade" in x)
    missing = [o for o in options if o not in DOC and o not in row]
    assert not missing, f"document in docs/simulate.md: {missing}"


@pytest.mark.parametrize("name", ["crisis", "obligation_graph", "cascade", "monte_carlo",
                                  "exact", "ObligationGraph", "Cascade",
                                  "CascadeDistribution", "HonourProbabilities"])
def test_public_api_is_documented(name):
    assert re.search(rf"`{name}[`(]", DOC), name
