"""Run the real ``alliancelab`` entry point in-process and capture what a user would see."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from alliancelab.cli.main import run


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[..., Result]:
    monkeypatch.setenv("ALLIANCELAB_PROGRESS", "0")
    from alliancelab.settings import get_settings

    get_settings.cache_clear()

    def invoke(*args: str) -> Result:
        monkeypatch.setattr(sys, "argv", ["alliancelab", *args])
        code = 0
        try:
            run()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    yield invoke
    get_settings.cache_clear()
