"""The documentation agrees with the code: licences, sources and enrichers are all listed."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from alliancelab.data import ENRICHERS, list_sources

ROOT = Path(__file__).resolve().parents[1]


def test_data_licenses_is_current() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from write_data_licenses import render
    finally:
        sys.path.pop(0)
    assert (ROOT / "DATA-LICENSES.md").read_text(encoding="utf-8") == render(), (
        "run python tools/write_data_licenses.py"
    )


def test_every_dependency_has_a_recorded_licence() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.split(r"[\[<>=!~ ]", d, maxsplit=1)[0].lower() for d in deps}
    listed = (ROOT / "docs" / "dependencies.md").read_text().lower()
    missing = [n for n in names if f"| {n} " not in listed]
    assert not missing, f"add to docs/dependencies.md: {missing}"


def test_every_source_and_enricher_is_documented() -> None:
    text = (ROOT / "docs" / "data.md").read_text()
    assert all(f"`{s.name}`" in text for s in list_sources())
    assert all(f"`{name}`" in text and f"`{f.__name__}" in text for name, f in ENRICHERS.items())
