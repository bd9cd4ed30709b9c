"""Treaty-as-code: treaties, scenarios and the casus-foederis engine.

Every ATOP alliance and every proposed treaty is a :class:`Treaty` (members, obligations
with their conditions, institutions); a :class:`Scenario` bundles proposed treaties with a
year and rivals. See ``docs/treaty-format.md`` for the file format.
"""

from alliancelab.treaty.fields import When, country_label, to_ccode
from alliancelab.treaty.schema import (
    Conditions,
    Institutions,
    Member,
    Obligation,
    Phase,
    Scenario,
    Treaty,
)
from alliancelab.treaty.tomlio import (
    dump_scenario,
    dump_treaty,
    dumps_scenario,
    dumps_treaty,
    load_file,
    load_scenario_file,
    load_treaty,
    loads_scenario,
    loads_treaty,
)

__all__ = [
    "Conditions",
    "Institutions",
    "Member",
    "Obligation",
    "Phase",
    "Scenario",
    "Treaty",
    "When",
    "country_label",
    "dump_scenario",
    "dump_treaty",
    "dumps_scenario",
    "dumps_treaty",
    "load_file",
    "load_scenario_file",
    "load_treaty",
    "loads_scenario",
    "loads_treaty",
    "to_ccode",
]
