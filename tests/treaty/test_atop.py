"""ATOP 5.0 alliances as treaties: counts, asymmetric obligations and dates against the
ATOP member file and the codebook (Leeds et al., ATOP codebook v5.0, 2020)."""

from __future__ import annotations

from alliancelab.data import load
from alliancelab.treaty.atop import atop_treaties, atop_treaty
from alliancelab.treaty.fields import When


def test_every_alliance_once():
    """Codebook v5.0: 765 alliances."""
    treaties = atop_treaties()
    assert len(treaties) == 765
    assert len({t.atopid for t in treaties}) == 765
    assert atop_treaties() is treaties  # cached: later loads are free


def test_us_japan_is_asymmetric():
    """ATOP 5.0 member file, atopid 3375: the US defense = 1, Japan defense = 0 and
    consul = 1 (PROVENANCE.md, 'obligations vary by member')."""
    t = atop_treaty(3375)
    owed = set(t.owed(2018))
    assert (2, 740, "defense") in owed
    assert (740, 2, "defense") not in owed
    assert (740, 2, "consultation") in owed
    assert t.signed == When(1960, 1, 19) and t.ended is None


def test_obligations_match_member_file():
    """Every member-phase row's five pledges are carried over, and nothing else."""
    members = load("atop_members")
    flags = {"defense": "defense", "offense": "offense", "neutrality": "neutral",
             "nonaggression": "nonagg", "consultation": "consul"}
    expected = set()
    for r in members.itertuples():
        for kind, col in flags.items():
            if getattr(r, col) == 1:
                expected.add((int(r.atopid), int(r.member), kind))
    got = set()
    for t in atop_treaties():
        for ob in t.obligations:
            got |= {(t.atopid, m, ob.kind) for m in ob.owed_by(t)}
    assert got == expected


def test_phases_and_rejoining_members():
    """Egypt left the Arab League pact (3015) in 1979 and rejoined in 1989; NATO (3180)
    has two phases (1949-04-04 to 1951-06-19, then from 1951-06-19)."""
    league = atop_treaty(3015)
    egypt = [(str(m.joined), str(m.left) if m.left else None) for m in league.members
             if m.state == 651]
    assert egypt == [("1945-03-22", "1979-03-31"), ("1989-05-22", None)]
    assert not league.is_member(651, 1985) and league.is_member(651, 1990)
    nato = atop_treaty(3180)
    assert [(p.number, str(p.start)) for p in nato.phases] == [(1, "1949-04-04"),
                                                               (2, "1951-06-19")]
    assert nato.phases[1].institutions.bases == 3 and nato.phases[0].institutions.bases == 0


def test_successor_state_phases_stay_bilateral():
    """Codebook fn. 10: Czechoslovakia's alliances split into parallel phases, e.g. 3610
    with Romania: Czech Republic-Romania and Slovakia-Romania, never Czech-Slovak."""
    t = atop_treaty(3610)
    pairs = {(a, b) for a, b, _ in t.owed(1993)}
    assert (316, 360) in pairs and (317, 360) in pairs
    assert (316, 317) not in pairs and (317, 316) not in pairs


def test_institutions_for_leeds_anac():
    """ATOP alliance file: NATO base = 3 and organ1 = 3; ANZUS organ1 = 2, orgpurp1 = 1;
    US-Philippines has none of the institutional features (Leeds & Anac level 0)."""
    nato = atop_treaty(3180).institutions.atop_codes()
    assert nato["base"] == 3 and nato["organ1"] == 3
    anzus = atop_treaty(3215).institutions.atop_codes()
    assert (anzus["organ1"], anzus["orgpurp1"]) == (2, 1)
    phl = atop_treaty(3210).institutions.atop_codes()
    assert (phl["milcon"], phl["intcom"], phl["base"], phl["organ1"]) == (0, 0, 0, 0)


def test_unrecorded_conditions_become_notes():
    """3240 (US-ROK) defence is coded defcoloc = 1; the curated scope replaces the note,
    while uncurated treaties keep ATOP's flag as an undecidable note."""
    rok = next(o for o in atop_treaty(3240).obligations if o.kind == "defense")
    assert rok.scope == ["territory:pacific"] and rok.article == "Art. III"
    rio = next(o for o in atop_treaty(3075).obligations if o.kind == "defense")
    assert rio.scope is None and "defcoloc" in (rio.scope_note or "")
