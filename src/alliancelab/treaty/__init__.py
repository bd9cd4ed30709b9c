"""Treaty-as-code: treaties, scenarios and the casus-foederis engine.

Every ATOP 5.0 alliance, the curated post-2018 supplement and every proposed treaty is a
:class:`Treaty` (members, obligations with their conditions, institutions); a
:class:`Scenario` bundles proposed treaties with a year and rivals. See
``docs/treaty-format.md`` for the file format.

- :func:`all_treaties`, :func:`get_treaty`, :func:`find_treaties`: the known treaties.
- :func:`load_scenario`: a built-in scenario (``asian-nato``...) or a file.
- :func:`armed_attack` + :func:`obligations`: who must do what, under which article.
- :func:`to_dyad_years`: treaties as ATOP-style directed dyad-years.

Example
-------
>>> s = load_scenario("asian-nato")
>>> r = obligations(armed_attack("CHN", "PHL", where="south-china-sea"), 2018, s.world())
>>> sorted({f.state for f in r.obliged() if f.kind == "defense"})
['AUS', 'JPN', 'KOR', 'USA']
"""

from alliancelab.treaty.atop import atop_treaties, atop_treaty
from alliancelab.treaty.dyads import compare_with_atop, to_dyad_years
from alliancelab.treaty.engine import (
    ConditionCheck,
    Event,
    Finding,
    ObligationReport,
    armed_attack,
    obligations,
)
from alliancelab.treaty.fields import When, country_label, to_ccode
from alliancelab.treaty.geography import area, areas, within
from alliancelab.treaty.library import (
    all_treaties,
    find_treaties,
    get_treaty,
    supplement_treaties,
    treaties_table,
)
from alliancelab.treaty.scenario import list_scenarios, load_scenario, scenario_names
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
    "ConditionCheck",
    "Conditions",
    "Event",
    "Finding",
    "Institutions",
    "Member",
    "Obligation",
    "ObligationReport",
    "Phase",
    "Scenario",
    "Treaty",
    "When",
    "all_treaties",
    "area",
    "areas",
    "armed_attack",
    "atop_treaties",
    "atop_treaty",
    "compare_with_atop",
    "country_label",
    "dump_scenario",
    "dump_treaty",
    "dumps_scenario",
    "dumps_treaty",
    "find_treaties",
    "get_treaty",
    "list_scenarios",
    "load_file",
    "load_scenario",
    "load_scenario_file",
    "load_treaty",
    "loads_scenario",
    "loads_treaty",
    "obligations",
    "scenario_names",
    "supplement_treaties",
    "to_ccode",
    "to_dyad_years",
    "treaties_table",
    "within",
]
