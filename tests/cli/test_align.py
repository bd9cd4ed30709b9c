"""``alliancelab align`` as a user runs it: own CSV files, the data, scenarios, bad input."""

from __future__ import annotations

import json

import pytest

SIZES = "actor,size\nUSA,3\nJPN,1\nCHN,3\nRUS,2\n"
PROP = ",USA,JPN,CHN,RUS\nUSA,,1,-1,-1\nJPN,1,,-1,-1\nCHN,-1,-1,,1\nRUS,-1,-1,1,\n"


def _files(tmp_path, sizes=SIZES, prop=PROP):
    s, p = tmp_path / "SIZES.csv", tmp_path / "PROP.csv"
    s.write_text(sizes)
    p.write_text(prop)
    return str(s), str(p)


def test_own_files_json(cli, tmp_path):
    s, p = _files(tmp_path)
    r = cli("align", "--sizes", s, "--propensity", p, "--format", "json")
    assert r.code == 0, r.err
    records = json.loads(r.out)
    assert isinstance(records, list) and len(records) == 1
    best = records[0]
    assert best["coalitions"] == [["CHN", "RUS"], ["USA", "JPN"]]  # larger total size first
    # E = 2 * sum over the four cross pairs of s_i s_j p_ij = 2 * -(9 + 6 + 3 + 2)
    assert best["energy"] == -40.0 and best["basin"] == 1.0
    assert best["frustration"] == {"USA": -5.0, "JPN": -5.0, "CHN": -4.0, "RUS": -4.0}


def test_own_files_table_and_heuristic(cli, tmp_path):
    s, p = _files(tmp_path)
    r = cli("align", "--sizes", s, "--propensity", p, "--method", "heuristic", "--seed", "3")
    assert r.code == 0, r.err
    assert "CHN, RUS" in r.out and "heuristic: 64 restarts, seed 3" in r.out
    assert "│ actor │ frustration │ side │" in r.out.replace("┃", "│")


@pytest.mark.parametrize(
    ("sizes", "prop", "message"),
    [
        (SIZES, ",USA,JPN,CHN\nUSA,,1,-1\nJPN,1,,-1\nCHN,-1,-1,\nRUS,1,1,1\n",
         "PROP.csv: the matrix has 4 rows but 3 columns"),
        (SIZES, ",USA,JPN,CHN,RUS\nUSA,,1,-1,-1\nJPN,0.5,,-1,-1\nCHN,-1,-1,,1\nRUS,-1,-1,1,\n",
         "not symmetric: p[USA, JPN] = 1 but p[JPN, USA] = 0.5"),
        (SIZES, ",USA,JPN,CHN,KOR\nUSA,,1,-1,-1\nJPN,1,,-1,-1\nCHN,-1,-1,,1\nKOR,-1,-1,1,\n",
         "only in SIZES.csv: RUS; only in PROP.csv: KOR"),
        ("actor,size\nUSA,3\nJPN,-1\nCHN,3\nRUS,2\n", PROP,
         "SIZES.csv, line 3: the size of 'JPN' is negative (-1)"),
    ],
)
def test_bad_files_one_error_line_exit_2(cli, tmp_path, sizes, prop, message):
    s, p = _files(tmp_path, sizes, prop)
    r = cli("align", "--sizes", s, "--propensity", p)
    assert r.code == 2 and r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_too_many_actors_for_exact_names_the_limit_and_the_heuristic(cli, tmp_path):
    names = [f"a{i}" for i in range(40)]
    sizes = "actor,size\n" + "".join(f"{a},1\n" for a in names)
    prop = "," + ",".join(names) + "\n" + "".join(
        a + "," + ",".join("0" if a == b else "1" for b in names) + "\n" for a in names)
    s, p = _files(tmp_path, sizes, prop)
    r = cli("align", "--sizes", s, "--propensity", p, "--method", "exact")
    assert r.code == 2
    line = r.err.strip()
    assert "\n" not in line
    assert "40 actors is too many for --method exact (the limit is 34 actors" in line
    assert "use --method heuristic" in line


def test_region_year_json_with_provenance_notes(cli):
    r = cli("align", "--region", "east-asia", "--year", "2020", "--format", "json")
    assert r.code == 0, r.err
    best = json.loads(r.out)[0]
    together = next(c for c in best["coalitions"] if "USA" in c)
    assert "JPN" in together and "CHN" not in together
    assert sum(len(c) for c in best["coalitions"]) == 8
    r = cli("align", "--region", "east-asia", "--year", "2020")
    assert "note: alliance: ATOP directed dyad-years 5.1: 2018 used for 2020" in r.out


def test_scenario_adds_its_treaty_and_reports_the_baseline(cli, tmp_path):
    out = tmp_path / "map.html"
    r = cli("align", "--region", "east-asia", "--year", "2020", "--scenario", "asian-nato",
            "--map", str(out))
    assert r.code == 0, r.err
    assert "Without Pacific Collective Defence Treaty: best alignment" in r.out
    assert "with Pacific Collective Defence Treaty" in r.out
    assert "AUS" in r.out and "PHL" in r.out  # members join the region's states
    assert out.exists() and "plotly.js v" in out.read_text()


def test_usage_errors_exit_2(cli, tmp_path):
    s, p = _files(tmp_path)
    for args, message in [
        (("align", "--sizes", s), "--sizes and --propensity go together"),
        (("align", "--sizes", s, "--propensity", p, "--region", "east-asia"),
         "cannot be combined"),
        (("align", "--region", "east-asia"), "--year is needed"),
        (("align", "--region", "asia-pacifc", "--year", "2020"), "did you mean: asia-pacific"),
        (("align", "--states", "USA,JPN", "--year", "2020", "--weights", "alliances=1"),
         "unknown propensity component 'alliances'"),
        (("align", "--states", "USA,JPN", "--year", "2020", "--format", "xml"),
         "unknown format 'xml'"),
        (("align",), "say which actors"),
    ]:
        r = cli(*args)
        assert r.code == 2 and r.err.startswith("error: ") and message in r.err, (args, r.err)
