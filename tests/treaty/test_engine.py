"""The casus-foederis engine on the cases issue 3 names, checked against the treaty texts
and ATOP 5.0's member-level coding."""

from __future__ import annotations

import pytest

from alliancelab.errors import CoverageError, InputError, UnknownCountryError, UnknownNameError
from alliancelab.treaty.engine import armed_attack, obligations
from alliancelab.treaty.library import all_treaties
from alliancelab.treaty.scenario import load_scenario


def _defence(report):
    return {(f.state, f.treaty_id) for f in report.obliged() if f.kind == "defense"}


def test_china_attacks_philippines_in_south_china_sea_2018():
    """US-Philippines MDT (ATOP 3210) Arts. IV-V cover an armed attack on Philippine armed
    forces, public vessels or aircraft in the Pacific; the US has said the South China Sea
    is part of the Pacific (Secretary of State, Manila, 1 March 2019). Japan has no treaty
    with the Philippines that pledges more than non-aggression (ATOP 3755 only)."""
    report = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2018)
    assert _defence(report) == {("USA", "3210")}
    us = next(f for f in report.obliged() if f.state == "USA" and f.kind == "defense")
    assert us.provision == "Arts. IV-V" and us.toward == "PHL"
    location = next(c for c in us.conditions if c.condition == "location")
    assert location.holds is True and "Pacific" in location.reason
    assert report.for_state("JPN") == []
    assert report.for_state("AUS") == []  # ANZUS binds Australia to the US, not to Manila


def test_china_attacks_philippines_with_asian_nato():
    """With the asian-nato scenario (scope: the parties' territory and the Pacific area)
    Japan, South Korea and Australia are obliged too."""
    scenario = load_scenario("asian-nato")
    report = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2018,
                         scenario.world())
    obliged = _defence(report)
    for state in ("JPN", "KOR", "AUS", "USA"):
        assert (state, "pacific-collective-defence") in obliged
    assert ("USA", "3210") in obliged


def test_north_korea_attacks_guam_japan_owes_consultation_only():
    """ATOP 5.0 codes Japan in 3375 with consultation only (consul = 1, defense = 0), on
    request (concoreq = 1); Art. IV: 'at the request of either Party, whenever ... peace and
    security in the Far East is threatened'. The US-ROK treaty (3240) Art. III covers US
    territory in the Pacific area, so South Korea owes defence."""
    report = obligations(armed_attack("PRK", "USA", where="guam"), 2018)
    japan = report.for_state("JPN")
    assert [(f.kind, f.treaty_id, f.status) for f in japan] == [
        ("consultation", "3375", "obliged")]
    assert japan[0].provision == "Art. IV"
    assert {c.condition for c in japan[0].conditions} >= {"location",
                                                          "at the request of a party"}
    assert ("KOR", "3240") in _defence(report)
    nato = [f for f in report.findings if f.treaty_id == "3180" and f.kind == "defense"]
    assert nato and all(f.status == "conditional-unmet" for f in nato)  # Art. 6: not Guam


def test_north_korea_attacks_guam_with_asian_nato_japan_owes_defence():
    scenario = load_scenario("asian-nato")
    report = obligations(armed_attack("PRK", "USA", where="guam"), 2018, scenario.world())
    kinds = {(f.kind, f.treaty_id) for f in report.for_state("JPN") if f.status == "obliged"}
    assert ("defense", "pacific-collective-defence") in kinds
    assert ("consultation", "3375") in kinds


def test_us_attacks_north_korea_china_obligation_under_3445():
    """PRC-DPRK treaty (ATOP 3445) Art. II: military assistance if either party is
    'subjected to the armed attack by any state ... and thus being involved in a state of
    war'; ATOP codes no condition (conditio = 0), the text's state-of-war clause is shown."""
    report = obligations(armed_attack("USA", "PRK"), 2018)
    china = [f for f in report.for_state("CHN") if f.treaty_id == "3445"]
    assert len(china) == 1
    f = china[0]
    assert (f.kind, f.toward, f.status, f.provision) == ("defense", "PRK", "obliged", "Art. II")
    assert [c.condition for c in f.conditions] == ["armed attack", "state of war"]
    assert all(c.holds for c in f.conditions)
    assert f.assumptions == ()  # 2018 is inside ATOP's coverage
    not_war = obligations(armed_attack("USA", "PRK", state_of_war=False), 2018)
    assert [x.status for x in not_war.for_state("CHN") if x.treaty_id == "3445"] == [
        "conditional-unmet"]


def test_broken_nonaggression_and_post_2018_assumption():
    """China and North Korea acceded to ASEAN's Treaty of Amity and Cooperation (ATOP 3755,
    non-aggression); ATOP 5.0 ends in 2018, so a 2024 answer says what it assumes."""
    report = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2024)
    broken = [f for f in report.findings if f.breach]
    assert ("CHN", "PHL", "3755") in {(f.state, f.toward, f.treaty_id) for f in broken}
    us = next(f for f in report.obliged() if f.treaty_id == "3210" and f.kind == "defense")
    assert us.assumptions and "assumed still in force in 2024" in us.assumptions[0]


def test_russia_dprk_treaty_from_supplement():
    """Russia-DPRK Treaty on Comprehensive Strategic Partnership, in force 4 Dec 2024,
    Art. 4: assistance if either side 'is put in a state of war by an armed invasion'."""
    report = obligations(armed_attack("USA", "PRK"), 2024)
    russia = {(f.kind, f.treaty_id, f.status) for f in report.for_state("RUS")}
    assert ("defense", "rus-prk-2024", "obliged") in russia
    defence = next(f for f in report.for_state("RUS") if f.treaty_id == "rus-prk-2024"
                   and f.kind == "defense")
    assert defence.provision == "Art. 4"
    assert "treaty rus-prk-2024 is in force only from 2024-12-04" in defence.notes
    earlier = obligations(armed_attack("USA", "PRK"), 2023)
    assert "rus-prk-2024" not in {f.treaty_id for f in earlier.findings}


def test_scope_limits_us_japan_article_v():
    """Art. V covers attacks in territories under the administration of Japan: the
    Senkaku Islands (administered by Japan) but not the Northern Territories."""
    def us_duty(where: str, on: str | None = None) -> str:
        report = obligations(armed_attack("CHN", "JPN", where=where, on=on), 2018)
        return next(f.status for f in report.for_state("USA") if f.treaty_id == "3375"
                    and f.kind == "defense")
    assert us_duty("senkaku-islands") == "obliged"
    assert us_duty("northern-territories") == "conditional-unmet"


def test_unrecorded_location_condition_cannot_decide():
    """ATOP codes the Rio Treaty (3075) defence pledges as conditional on location
    (defcoloc = 1) without the location; the engine must not guess."""
    report = obligations(armed_attack("PRK", "USA", where="guam"), 2018)
    rio = [f for f in report.findings if f.treaty_id == "3075" and f.kind == "defense"]
    assert rio and {f.status for f in rio} == {"cannot-decide"}
    assert any(c.holds is None and "defcoloc" in c.reason for c in rio[0].conditions)


def test_neutrality_toward_attacker_upon_attack_fails():
    """A neutrality pledge conditional on the ally being attacked (neucoatt) does not bind
    when the ally is the attacker. Synthetic treaty, checked by hand."""
    from alliancelab.treaty.schema import Treaty

    pact = Treaty(name="Neutrality pact", members=["FRA", "ITA"],
                  obligations=[{"kind": "neutrality", "upon_attack": True}])
    attacked = obligations(armed_attack("DEU", "FRA"), 2018, [pact])
    attacking = obligations(armed_attack("FRA", "DEU"), 2018, [pact])
    assert [(f.state, f.status) for f in attacked.findings] == [("ITA", "obliged")]
    assert [(f.state, f.status) for f in attacking.findings] == [("ITA", "conditional-unmet")]


def test_bad_event_input():
    with pytest.raises(UnknownCountryError):
        armed_attack("Narnia", "PHL")
    with pytest.raises(UnknownNameError, match="did you mean"):
        armed_attack("CHN", "PHL", where="south-china-see")
    with pytest.raises(InputError):
        armed_attack("CHN", "CHN")
    with pytest.raises(InputError, match="not territory"):
        armed_attack("CHN", "PHL", where="guam", on="territory")


def test_json_records_have_the_documented_fields():
    report = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2018,
                         all_treaties())
    for record in report.to_records():
        assert {"state", "status", "kind", "toward", "treaty", "conditions"} <= set(record)
        assert set(record["treaty"]) >= {"id", "name", "source"}
        assert record["status"] in ("obliged", "conditional-unmet", "cannot-decide")


@pytest.mark.parametrize("year", [1700, 1815, 2101])
def test_years_outside_coverage_raise(year):
    with pytest.raises(CoverageError, match="1816-2100"):
        obligations(armed_attack("CHN", "PHL"), year)


def test_year_after_the_data_is_noted():
    report = obligations(armed_attack("CHN", "PHL"), 2030)
    assert report.notes[0].startswith("2030 is after 2024")
    assert not any("after" in n for n in obligations(armed_attack("CHN", "PHL"), 2018).notes)


def test_bad_country_in_report_lookup():
    report = obligations(armed_attack("CHN", "PHL"), 2018)
    with pytest.raises(UnknownCountryError):
        report.for_state("Narnia")


def test_event_and_lookup_read_names_in_the_year():
    """DEU in 1960 is West Germany (COW 260); in 2018 Germany (255)."""
    assert armed_attack("RUS", "DEU", year=1960).target == 260
    assert armed_attack("RUS", "DEU", year=2018).target == 255
    assert armed_attack("RUS", "POL", where="DEU", year=1960).where == "COW260"
    report = obligations(armed_attack("RUS", "DEU", year=1960), 1960)
    assert report.for_state("DEU") == report.for_state(260)
    with pytest.raises(CoverageError, match="not a state system member in 2024"):
        armed_attack(260, "PHL", year=2024)


def test_assumption_names_the_right_source():
    """Only ATOP treaties are 'known until 2018 because ATOP 5.0 ends'; the 2024
    Russia-DPRK treaty and NATO (checked by the supplement to 2024) are not."""
    report = obligations(armed_attack("USA", "PRK"), 2025)
    by_treaty = {f.treaty_id: f.assumptions[0] for f in report.findings if f.assumptions}
    assert "ATOP 5.0 ends in 2018" in by_treaty["3445"]
    assert "ATOP" not in by_treaty["rus-prk-2024"]
    assert "known only until 2024-12-31" in by_treaty["rus-prk-2024"]


def test_scope_text_reads_naturally():
    """NATO Art. 6: 'in Europe', 'in Turkey', 'in the North Atlantic area ...'."""
    report = obligations(armed_attack("RUS", "POL"), 2018)
    reasons = " ".join(c.reason for f in report.findings if f.treaty_id == "3180"
                       for c in f.conditions)
    assert "in Europe" in reasons and "in Turkey" in reasons
    assert "in the North Atlantic area" in reasons and "POL (territory) in Poland" in reasons
    assert "in the Europe" not in reasons and "in the Turkey" not in reasons


def test_table_marks_broken_nonaggression_pledges():
    """The JSON keeps status 'obliged' with breach = true; the table says 'broken'."""
    report = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2018)
    frame = report.to_frame()
    broken = frame[frame.kind == "nonaggression (broken)"]
    assert ("CHN", "3755 ASEAN Treaty of Amity and Cooperation") in set(
        zip(broken.state, broken.treaty, strict=True))
    assert len(broken) == sum(f.breach for f in report.findings) > 0
    record = next(r for r in report.to_records() if r["breach"])
    assert (record["status"], record["kind"]) == ("obliged", "nonaggression")
    assert set(frame.kind) - {"nonaggression (broken)"} <= {"defense", "consultation",
                                                            "neutrality", "offense"}
