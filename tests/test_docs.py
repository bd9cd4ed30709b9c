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


def _commands() -> list[str]:
    import typer

    from alliancelab.cli.main import build_app

    def walk(cmd, prefix):  # type: ignore[no-untyped-def]
        subs = getattr(cmd, "commands", None)
        if not subs:
            yield " ".join(prefix)
            return
        for name, sub in subs.items():
            yield from walk(sub, [*prefix, name])

    return list(walk(typer.main.get_command(build_app()), []))


def test_every_command_and_setting_is_documented() -> None:
    from alliancelab.settings import Settings

    text = (ROOT / "docs" / "cli.md").read_text()
    commands = _commands()
    assert len(commands) >= 15
    missing = [c for c in commands if f"`alliancelab {c}" not in text]
    assert not missing, f"document in docs/cli.md: {missing}"
    for name in Settings.model_fields:
        assert f"ALLIANCELAB_{name.upper()}" in text, name
