"""Leeds-Anac institutionalisation and formality, against published codings and raw ATOP."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from alliancelab.assess.institutions import (
    atop_institutionalisation,
    formality,
    institutionalisation,
    military_institutionalisation,
)
from alliancelab.data import get_source
from alliancelab.errors import InputError, UnknownNameError


def test_published_examples() -> None:
    """DESIGN.md (Leeds & Anac 2005 coding on ATOP): NATO 2, ANZUS 1, US-Philippines 0."""
    assert institutionalisation(3180).level == 2
    assert institutionalisation(3215).level == 1
    assert institutionalisation(3210).level == 0
    assert institutionalisation(3180).level_label == "high"


def test_every_atop_alliance_matches_a_vectorised_rule() -> None:
    """The rule written again over the raw ATOP 5.0 alliance file, with NA where a
    missing code could change the result."""
    a = pd.read_parquet(get_source("atop_alliances").path()).set_index("atopid")
    f = a.astype("float64")
    high = (f.milcon == 3) | (f.intcom == 1) | (f.base > 0)
    moderate = ((f.milcon == 2) | f.milaid.isin([3, 4]) | (f.subord > 0) | (f.contrib == 1)
                | f.orgpurp1.isin([1, 4]) | f.orgpurp2.isin([1, 4]))
    unknown = f[["milcon", "intcom", "base", "milaid", "subord", "contrib", "orgpurp1",
                 "orgpurp2"]].isna().any(axis=1)
    expected = pd.Series(np.where(high, 2, np.where(moderate, 1, np.where(unknown, -1, 0))),
                         index=a.index)
    got = atop_institutionalisation().set_index("atopid").milinst.fillna(-1).astype(int)
    pd.testing.assert_series_equal(got, expected, check_names=False, check_index_type=False,
                                   check_dtype=False)
    organ = np.fmax(f.organ1.fillna(-99), f.organ2.fillna(-99))
    form = (f.estmode == 1).astype(int) + organ + (f.pubsecr == 0).astype(int)
    form[f[["estmode", "organ1", "organ2", "pubsecr"]].isna().any(axis=1)] = -1
    got_form = atop_institutionalisation().set_index("atopid").formality.fillna(-1)
    assert (got_form.astype(int).to_numpy() == form.astype(int).to_numpy()).all()
    assert len(got) == 765


def test_scenario_mapping_with_aliases_and_unknowns() -> None:
    assert military_institutionalisation({"integrated_command": True}) == 2
    assert military_institutionalisation({"milcon": 2}) == 1
    assert military_institutionalisation({"orgpurp2": 4}) == 1
    assert military_institutionalisation({"orgpurp1": 3}) == 0  # political organisation
    assert military_institutionalisation({}) == 0  # no provisions at all
    assert military_institutionalisation({"milcon": None}) is None
    assert military_institutionalisation({"milcon": None, "base": 3}) == 2
    assert formality({"estmode": 1, "organ1": 3, "pubsecr": 0}) == 5
    assert formality({"estmode": 0, "organ1": 1, "organ2": 2, "pubsecr": 2}) == 2
    assert formality({"estmode": None}) is None
    res = institutionalisation({"milcon": None}, name="draft")
    assert res.level is None and res.level_label == "NA" and "milcon" in res.notes[0]
    assert json.loads(json.dumps(res.to_dict()))["level"] is None


def test_unknown_atopid() -> None:
    with pytest.raises(UnknownNameError):
        institutionalisation(1)


def test_treaty_objects_from_the_treaty_layer() -> None:
    """The asian-nato scenario's treaty sets integrated_command = true (intcom = 1): high.
    An ATOP treaty object is scored from its ATOP row (NATO: 2, formality 5)."""
    from alliancelab.treaty import get_treaty, load_scenario

    treaty = load_scenario("asian-nato").treaties[0]
    res = institutionalisation(treaty)
    assert res.level == 2 and res.name == treaty.name
    assert res.formality is None and "estmode" in res.notes[0]
    nato = institutionalisation(get_treaty("3180"))
    assert nato.atopid == 3180 and nato.level == 2
    assert nato.formality == institutionalisation(3180).formality
    with pytest.raises(InputError):
        institutionalisation("NATO")
