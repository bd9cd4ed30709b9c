"""Country references and dates of the treaty models: the project's own errors for bad
input, ValueError only inside pydantic validation."""

from __future__ import annotations

import pytest

from alliancelab.errors import AllianceLabError, UnknownCountryError
from alliancelab.treaty.fields import country_field, to_ccode, to_when


@pytest.mark.parametrize("bad", ["Narnia", "", "   ", "99999", 99999, "²", "COW99999"])
def test_unknown_country_is_the_projects_error(bad):
    with pytest.raises(UnknownCountryError):
        to_ccode(bad)
    with pytest.raises(ValueError, match="unknown"):  # what pydantic needs
        country_field(bad)


def test_wrong_type_is_the_projects_error():
    with pytest.raises(AllianceLabError, match="expected a country"):
        to_ccode(1.5)  # type: ignore[arg-type]
    with pytest.raises(AllianceLabError):
        to_ccode(True)  # type: ignore[arg-type]


def test_codes_names_and_non_cow_states():
    assert to_ccode("South Korea") == to_ccode("KOR") == to_ccode(732) == to_ccode("COW732")
    assert to_ccode(8152) == 8152  # Annam: in ATOP, not a COW state


def test_partial_dates():
    assert str(to_when("1914-08")) == "1914-08"
    with pytest.raises(ValueError, match="no day 30"):
        to_when("1999-02-30")
