"""The CLI's CSV inputs: good files load; every bad file is one clear line naming it."""

from __future__ import annotations

import pytest

from alliancelab.align.inputs import read_problem
from alliancelab.errors import DataFileError, InputError

SIZES = "actor,size\nUSA,3\nJPN,1\nCHN,3\n"
PROP = ",USA,JPN,CHN\nUSA,,1,-1\nJPN,1,,-1\nCHN,-1,-1,\n"


def _files(tmp_path, sizes=SIZES, prop=PROP):
    s, p = tmp_path / "SIZES.csv", tmp_path / "PROP.csv"
    s.write_text(sizes)
    p.write_text(prop)
    return s, p


def test_good_files_and_column_order(tmp_path) -> None:
    prop = ",CHN,USA,JPN\nCHN,0,-1,-1\nUSA,-1,0,1\nJPN,-1,1,0\n"  # other order, zero diagonal
    prob = read_problem(*_files(tmp_path, prop=prop))
    assert prob.actors == ("USA", "JPN", "CHN")
    assert prob.sizes.tolist() == [3, 1, 3]
    assert prob.propensity[0, 1] == 1 and prob.propensity[1, 2] == -1


@pytest.mark.parametrize(
    ("sizes", "prop", "message"),
    [
        (SIZES, ",USA,JPN\nUSA,,1\nJPN,1,\nCHN,1,1\n", "PROP.csv: the matrix has 3 rows but 2"),
        (SIZES, ",USA,JPN,CHN\nUSA,,1,-1\nJPN,2,,-1\nCHN,-1,-1,\n",
         "PROP.csv: the propensity matrix is not symmetric"),
        (SIZES, ",USA,JPN,KOR\nUSA,,1,-1\nJPN,1,,-1\nKOR,-1,-1,\n",
         "names differ between SIZES.csv and PROP.csv: only in SIZES.csv: CHN; only in "
         "PROP.csv: KOR"),
        ("actor,size\nUSA,3\nJPN,-1\nCHN,3\n", PROP,
         "SIZES.csv, line 3: the size of 'JPN' is negative"),
        ("actor,size\nUSA,3\nJPN,big\nCHN,3\n", PROP, "SIZES.csv, line 3: .* 'big', not a"),
        ("name,weight\nUSA,3\n", PROP, "SIZES.csv: needs the columns actor,size"),
        ("actor,size\nUSA,3\nUSA,1\nCHN,3\n", PROP, "'USA' is listed more than once"),
        (SIZES, ",USA,JPN,CHN\nUSA,,x,-1\nJPN,1,,-1\nCHN,-1,-1,\n",
         "PROP.csv: p\\[USA, JPN\\] is 'x', not a number"),
        (SIZES, ",USA,JPN,CHN\nUSA,,,-1\nJPN,1,,-1\nCHN,-1,-1,\n",
         "PROP.csv: p\\[USA, JPN\\] is empty"),
        (SIZES, ",USA,JPN,CHN\nUSA,,1,-1\nJPN,1,,-1\nRUS,-1,-1,\n",
         "header names and the first-column names differ"),
    ],
)
def test_bad_files(tmp_path, sizes, prop, message) -> None:
    with pytest.raises(InputError, match=message) as err:
        read_problem(*_files(tmp_path, sizes, prop))
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        read_problem(tmp_path / "nope.csv", tmp_path / "PROP.csv")
