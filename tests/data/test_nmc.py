"""NMC v7.0 and CINC."""

from __future__ import annotations

import pytest

from alliancelab.data import compute_cinc, load


def test_cinc_recomputed_on_every_row() -> None:
    """CINC = mean of the six component shares, a missing component dropped (DESIGN.md)."""
    nmc = load("cow_nmc")
    recomputed = compute_cinc(nmc)
    assert (recomputed - nmc.cinc).abs().max() < 1e-6


@pytest.mark.parametrize(("ccode", "value"), [(710, 0.230825), (2, 0.133254)])
def test_published_cinc_2016(ccode: int, value: float) -> None:
    """NMC v7.0: China 2016 = 0.230825, USA 2016 = 0.133254 (DESIGN.md)."""
    nmc = load("cow_nmc")
    row = nmc[(nmc.ccode == ccode) & (nmc.year == 2016)]
    assert compute_cinc(nmc)[row.index[0]] == pytest.approx(value, abs=1e-6)
