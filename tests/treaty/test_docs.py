"""docs/treaty-format.md documents every field of every model a file can contain."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliancelab.treaty.library import Accession, Amendment, Departure
from alliancelab.treaty.schema import Institutions, Member, Obligation, Phase, Treaty
from alliancelab.treaty.tomlio import ScenarioHeader

DOC = (Path(__file__).resolve().parents[2] / "docs" / "treaty-format.md").read_text()


@pytest.mark.parametrize("model", [Treaty, Member, Obligation, Institutions, Phase,
                                   ScenarioHeader, Amendment, Accession, Departure])
def test_every_field_documented(model):
    missing = [f for f in model.model_fields if f"`{f}`" not in DOC]
    assert not missing, f"{model.__name__} fields not in docs/treaty-format.md: {missing}"


def test_institution_atop_names_documented():
    for atop in Institutions().atop_codes():
        assert atop.upper() in DOC
