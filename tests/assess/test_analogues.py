"""Nearest ATOP alliances: the documented distance recomputed by brute force on raw files."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from alliancelab.assess.analogues import nearest_alliances, region_of
from alliancelab.data import get_source
from alliancelab.errors import InputError, UnknownNameError

CORE = ["JPN", "USA", "KOR", "AUS", "PHL"]
CORE_CCODES = [740, 2, 732, 900, 840]
BLOCKS = [(2, 199), (200, 399), (400, 599), (600, 699), (700, 709), (710, 749), (750, 799),
          (800, 899), (900, 999)]
OBL = ["defense", "offense", "neutral", "nonagg", "consul"]


def _block(c: int) -> int:
    c = c // 10 if c > 999 else c
    return next(i for i, (lo, hi) in enumerate(BLOCKS) if lo <= c <= hi)


def _brute_distances(ccodes, year, wanted) -> pd.Series:
    """The distance of docs/measures.md, alliance by alliance, from the raw parquet files."""
    a = pd.read_parquet(get_source("atop_alliances").path())
    m = pd.read_parquet(get_source("atop_members").path())
    mine = [sum(_block(c) == b for c in ccodes) / len(ccodes) for b in range(len(BLOCKS))]
    out = {}
    for row in a.itertuples():
        if row.begyr > year:
            continue
        mem = sorted(set(m.loc[m.atopid == row.atopid, "member"].astype(int)))
        shares = [sum(_block(c) == b for c in mem) / len(mem) for b in range(len(BLOCKS))]
        d_prov = sum(abs(int(getattr(row, o) or 0) - wanted[o]) for o in OBL) / 5
        d_size = min(abs(math.log(len(mem)) - math.log(len(ccodes))) / math.log(59 / 2), 1)
        d_reg = 0.5 * sum(abs(x - y) for x, y in zip(shares, mine, strict=True))
        d_era = min(abs(row.begyr - year) / 200, 1)
        out[int(row.atopid)] = (d_prov + d_size + d_reg + d_era) / 4
    return pd.Series(out).sort_index()


@pytest.mark.slow
@pytest.mark.parametrize("provisions", [None, {"defence": 1, "consultation": 1, "nonagg": 1}])
def test_top_five_and_distances_match_brute_force(provisions) -> None:
    wanted = dict.fromkeys(OBL, 0)
    if provisions is None:
        wanted["defense"] = 1
    else:
        wanted.update(defense=1, consul=1, nonagg=1)
    brute = _brute_distances(CORE_CCODES, 2024, wanted)
    na = nearest_alliances(CORE, 2024, provisions=provisions)
    expected = brute.sort_values(kind="stable").head(5)
    assert na.table.atopid.tolist() == expected.index.tolist()
    assert na.table.distance.to_numpy() == pytest.approx(expected.to_numpy())


def test_us_pacts_are_the_nearest_to_a_defence_consultation_nonaggression_pact() -> None:
    na = nearest_alliances(CORE, 2024, provisions={"defense": 1, "consul": 1, "nonagg": 1})
    assert {3260, 3375, 3240, 3215} <= set(na.table.atopid)  # SEATO, US-Japan, US-ROK, ANZUS


def test_outcomes_from_raw_atop() -> None:
    """ATOP 5.0: the 1951 US-Japan security treaty (3220) ended in 1960 when the members
    negotiated a new relationship (term 3; members' termcaus 1, replaced by a new
    agreement). SEATO (3260) is coded in force on 31 Dec 2018."""
    a = pd.read_parquet(get_source("atop_alliances").path()).set_index("atopid")
    na = nearest_alliances(["USA", "JPN"], 1970, provisions={"defense": 1, "consul": 1}, k=765)
    t = na.table.set_index("atopid")
    r = a.loc[3220]
    years = (r.endyr + (r.endmo - 1) / 12) - (r.begyr + (r.begmo - 1) / 12)
    assert t.loc[3220, "years_in_force"] == pytest.approx(years, abs=0.01)
    assert t.loc[3220, "outcome"] == "renegotiated"
    assert t.loc[3220, "cause"] == "replaced by a new agreement"
    assert t.index.max() <= a[a.begyr <= 1970].index.max()
    assert (t.begyr <= 1970).all()
    seato = nearest_alliances(CORE, 2024, k=765).table.set_index("atopid").loc[3260]
    s = a.loc[3260]
    assert seato.in_force_2018 and seato.years_in_force == pytest.approx(
        2019 - (s.begyr + (s.begmo - 1) / 12), abs=0.01)


def test_region_blocks_and_errors() -> None:
    assert region_of(740) == "east_asia" and region_of(8152) == "southeast_asia"
    assert region_of(900) == "oceania" and region_of(2) == "americas"
    with pytest.raises(UnknownNameError):
        nearest_alliances(CORE, 2024, provisions={"friendship": 1})
    with pytest.raises(InputError):
        nearest_alliances(["USA"], 2024)
    json.dumps(nearest_alliances(CORE, 2024).to_dict())
