"""Crisis cascades: who is drawn into a war through everyone's treaties, and how likely.

A crisis starts with an armed attack. :func:`crisis` (or :func:`obligation_graph` for an
:class:`~alliancelab.treaty.Event`) asks the casus-foederis engine, once per possible
belligerent, which defence and offence pledges each entry into the war would trigger.
:func:`cascade` then follows them round by round with every ally honouring its pledges
(the maximal war), and :func:`monte_carlo` draws each decision with a published honour
rate (:mod:`alliancelab.simulate.rates`), seeded, locally or on a Dask cluster, giving
each state's probability of being drawn in on each side, the distribution of the number of
belligerents and the most common coalitions; :func:`exact` enumerates every combination
when there are few pledges. The rules are in ``docs/simulate.md``.

Example
-------
>>> from alliancelab.simulate import crisis, cascade
>>> g = crisis("CHN", "PHL", where="south-china-sea", year=2018)
>>> cascade(g).sides()
{'CHN': 'attacker', 'PHL': 'target', 'USA': 'target', 'AUS': 'target', 'THA': 'target'}
"""

from __future__ import annotations

import importlib
from typing import Any

# Imported on first use, so that ``import alliancelab.simulate`` stays cheap for the CLI.
_WHERE = {
    "ATTACKER": "graph", "TARGET": "graph", "SIDE_NAMES": "graph",
    "ObligationGraph": "graph", "Pledge": "graph", "Trigger": "graph",
    "crisis": "graph", "obligation_graph": "graph",
    "CompiledGraph": "kernel", "compile_graph": "kernel", "propagate": "kernel",
    "HonourProbabilities": "rates", "honour_probabilities": "rates",
    "undecided_policy": "rates", "PRESETS": "rates",
    "Cascade": "deterministic", "cascade": "deterministic",
    "CascadeDistribution": "result",
    "monte_carlo": "montecarlo", "exact": "montecarlo", "EXACT_LIMIT": "montecarlo",
    "SchedulerError": "_dask",
    "side_figure": "figure",
    "as_seed_sequence": "alliancelab.seeds",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'alliancelab.simulate' has no attribute {name!r}")
    where = _WHERE[name]
    module = where if where.startswith("alliancelab.") else f"alliancelab.simulate.{where}"
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = sorted(_WHERE)
