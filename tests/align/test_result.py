"""Result objects: canonical labels, ordering, JSON and HTML renderings."""

from __future__ import annotations

import json

import numpy as np

from alliancelab.align.model import LandscapeProblem
from alliancelab.align.result import Landscape, canonical_labels, make_alignments


def _problem():
    return LandscapeProblem(["A", "B", "C", "D"], [1, 1, 3, 1],
                            [[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])


def test_canonical_labels_number_coalitions_by_first_appearance() -> None:
    assert canonical_labels(np.array([2, 2, 0, 1])).tolist() == [0, 0, 1, 2]
    assert canonical_labels(np.array([[1, 0], [0, 1]])).tolist() == [[0, 1], [0, 1]]


def test_alignments_are_sorted_by_energy_then_basin() -> None:
    prob = _problem()
    configs = [[0, 0, 0, 0], [1, 1, 0, 0], [0, 1, 0, 1]]
    out = make_alignments(prob, configs, counts=[1, 5, 2], total=8)
    assert [a.rank for a in out] == [1, 2, 3]
    assert [a.energy for a in out] == sorted(prob.energy(c) for c in configs)
    best = out[0]
    assert best.labels.tolist() == [0, 0, 1, 1] and best.basin == 5 / 8
    # the bloc with C (size 3) and D is the larger, so it is listed first
    assert best.coalitions == (("C", "D"), ("A", "B"))
    assert best.same_side("C", "D") and not best.same_side("A", "C")


def test_json_and_html_renderings() -> None:
    prob = _problem()
    land = Landscape(prob, make_alignments(prob, [[0, 0, 1, 1]], counts=[8], total=8),
                     method="exact", explored=8)
    records = json.loads(json.dumps(land.records()))
    assert records[0]["coalitions"] == [["C", "D"], ["A", "B"]]
    assert records[0]["energy"] == prob.energy([0, 0, 1, 1]) and records[0]["basin"] == 1.0
    assert set(records[0]["frustration"]) == {"A", "B", "C", "D"}
    full = json.loads(json.dumps(land.to_dict()))
    assert full["method"] == "exact" and full["actors"] == ["A", "B", "C", "D"]
    assert "<table" in land._repr_html_() and "C, D | A, B" in land._repr_html_()
    assert land.summary().iloc[0]["sizes"] == "2 / 2"
    assert land.frustration_table().shape == (4, 1)
