"""The catalog: every source is present, described truthfully, citable and queryable."""

from __future__ import annotations

import json

import pytest

from alliancelab.data import catalog
from alliancelab.data.importer import source_years
from alliancelab.errors import InputError, UnknownNameError


@pytest.mark.parametrize("source", catalog.list_sources(), ids=lambda s: s.name)
def test_every_source_is_described(source: catalog.Source) -> None:
    assert source.path().exists()
    assert source.version and source.license and source.url.startswith("http")
    assert source.citation.lstrip().startswith("@") and source.key
    assert source.years[0] <= source.years[1]


@pytest.mark.parametrize("source", [s for s in catalog.list_sources() if s.is_table],
                         ids=lambda s: s.name)
def test_declared_rows_match_the_file(source: catalog.Source) -> None:
    assert catalog.load_arrow(source.name).num_rows == source.rows


@pytest.mark.parametrize(
    "source", [s for s in catalog.list_sources() if s.year_columns], ids=lambda s: s.name
)
def test_declared_years_match_the_file(source: catalog.Source) -> None:
    """Each source's declared coverage is what its year columns span (0 = still in force)."""
    first, last = source_years(source, catalog.load(source.name))
    assert source.years == (first, last)


def test_geojson_map_has_the_declared_features() -> None:
    src = catalog.get_source("natural_earth")
    features = json.loads(src.path().read_text())["features"]
    assert len(features) == src.rows == 177


def test_sql_over_views() -> None:
    """NMC v7.0: China's CINC in 2016 is 0.230825 (DESIGN.md)."""
    out = catalog.query("SELECT cinc FROM cow_nmc WHERE ccode = 710 AND year = 2016")
    assert out.cinc.iloc[0] == pytest.approx(0.230825, abs=1e-6)


def test_sql_error_is_one_clear_line() -> None:
    with pytest.raises(InputError) as err:
        catalog.query("SELECT * FROM no_such_table")
    assert "SQL error" in str(err.value) and "\n" not in str(err.value)


def test_unknown_source_suggests_close_names() -> None:
    with pytest.raises(UnknownNameError, match="cow_nmc"):
        catalog.get_source("cow_nmcc")


def test_load_returns_fresh_frames() -> None:
    first = catalog.load("cow_majors")
    first.loc[:, "ccode"] = -1
    assert (catalog.load("cow_majors").ccode > 0).all()


def test_cite_all_has_one_entry_per_key() -> None:
    text = catalog.cite()
    keys = {s.key for s in catalog.list_sources()}
    assert all(f"{{{k}," in text for k in keys)
    assert text.count("@article{leedsetal2002atop,") == 1


def test_sources_table_lists_every_source() -> None:
    table = catalog.sources_table()
    assert list(table.columns) == ["name", "title", "version", "years", "rows", "license"]
    assert len(table) == len(catalog.list_sources())
