"""How likely an obliged ally is to honour its pledge: the probabilities a cascade draws with.

A crisis cascade decides, for every defence or offence pledge that an attack triggers,
whether the ally honours it. The defaults are published rates:
Berkemeier and Fuhrmann (2018) find that allies honoured 41 % of defence pledges and 74 %
of offence pledges tested by war, 1816-2003 (preset ``berkemeier-fuhrmann-2018``); Leeds,
Long and Mitchell (2000) find 74.5 % of all commitments honoured, 1816-1944 (preset
``leeds-long-mitchell-2000``, the same rate for both kinds). The figures and citations come
from :mod:`alliancelab.assess.history`; every result carries them. Any rate can be set by
hand (``"defense=0.6"``), and a preset and hand-set rates combine left to right
(``"leeds-long-mitchell-2000,offense=0.5"``).

Only defence and offence pledges draw a state into a war in this model; a neutrality,
non-aggression or consultation pledge does not, so setting a rate for one is an error.

A pledge the engine finds ``cannot-decide`` (a condition the data cannot settle, such as a
location ATOP records without naming it) follows the ``undecided`` policy: ``"skip"`` (the
default: it never draws anyone in), ``"hold"`` (treated as holding, honoured at its
kind's rate) or a probability *q* (treated as holding, honoured with probability *q*).

Example
-------
>>> r = honour_probabilities("defence=0.5")
>>> r.defense, r.offense
(0.5, 0.74)
>>> r.source["offense"][:32]
'Berkemeier, M. and Fuhrmann, M. '
>>> undecided_policy(0.25)
('hold', 0.25)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from alliancelab.errors import InputError, UnknownNameError

__all__ = ["DEFAULT_PRESET", "JOINING_KINDS", "PRESETS", "HonourProbabilities",
           "honour_probabilities", "undecided_policy"]

JOINING_KINDS = ("defense", "offense")
DEFAULT_PRESET = "berkemeier-fuhrmann-2018"
_KIND_WORDS = {"defense": "defense", "defence": "defense", "offense": "offense",
               "offence": "offense", "all": "all"}
_NOT_JOINING = {"neutrality", "neutral", "nonaggression", "non-aggression", "nonagg",
                "consultation", "consul"}


@dataclass(frozen=True)
class HonourProbabilities:
    """Probability that an obliged ally honours a defence or an offence pledge.

    ``source[kind]`` says where each figure comes from (a citation, or "set by the user").
    """

    defense: float
    offense: float
    source: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind in JOINING_KINDS:
            _check_probability(kind, getattr(self, kind))

    def of(self, kind: str) -> float:
        """The probability for ``kind`` (``defense`` or ``offense``)."""
        return float(getattr(self, kind))

    def to_dict(self) -> dict[str, Any]:
        return {kind: {"probability": self.of(kind), "source": self.source.get(kind, "")}
                for kind in JOINING_KINDS}

    def describe(self) -> str:
        """``'defense 0.41, offense 0.74'``."""
        return ", ".join(f"{k} {self.of(k):g}" for k in JOINING_KINDS)


def presets() -> dict[str, HonourProbabilities]:
    """The published rates as ready-made :class:`HonourProbabilities`, by preset name."""
    from alliancelab.assess.history import CITATIONS, PUBLISHED_RATES

    rate = {(s, o): r for s, _p, o, r in PUBLISHED_RATES}
    bf, llm = "berkemeier_fuhrmann_2018", "leeds_long_mitchell_2000"
    bf_cite = f"{CITATIONS[bf]} Rate for %s pledges, 1816-2003."
    llm_cite = f"{CITATIONS[llm]} Rate for all commitments, 1816-1944."
    return {
        "berkemeier-fuhrmann-2018": HonourProbabilities(
            rate[(bf, "defense")], rate[(bf, "offense")],
            {"defense": bf_cite % "defence", "offense": bf_cite % "offence"}),
        "leeds-long-mitchell-2000": HonourProbabilities(
            rate[(llm, "all")], rate[(llm, "all")],
            {"defense": llm_cite, "offense": llm_cite}),
    }


PRESETS = ("berkemeier-fuhrmann-2018", "leeds-long-mitchell-2000")


def honour_probabilities(spec: str | Mapping[str, float] | HonourProbabilities | None = None
                         ) -> HonourProbabilities:
    """Honour probabilities from a spec; None gives :data:`DEFAULT_PRESET`.

    ``spec``: a :class:`HonourProbabilities` (returned as is); a mapping ``{kind: p}``; or
    text, comma-separated items each a preset name or ``kind=p``, applied left to right
    on top of the default. Kinds: ``defense``/``defence``, ``offense``/``offence`` and
    ``all`` (both). Raises :class:`~alliancelab.errors.InputError` for a probability
    outside 0..1 or a kind that draws no one in, and
    :class:`~alliancelab.errors.UnknownNameError` for an unknown kind or preset.
    """
    if isinstance(spec, HonourProbabilities):
        return spec
    table = presets()
    base = table[DEFAULT_PRESET]
    values = {k: base.of(k) for k in JOINING_KINDS}
    source = dict(base.source)
    if spec is None:
        return base
    items: list[tuple[str, Any]]
    if isinstance(spec, Mapping):
        items = list(spec.items())
    elif isinstance(spec, str):
        items = []
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            if "=" in part:
                kind, _, value = part.partition("=")
                items.append((kind.strip(), value.strip()))
            else:
                key = part.casefold()
                if key not in table:
                    raise UnknownNameError("honour-rate preset", part, PRESETS)
                items.append((key, None))
    else:
        raise InputError(f"honour rates must be text like 'defense=0.41,offense=0.74' or a "
                         f"mapping, not {type(spec).__name__}")
    for kind, value in items:
        if value is None:  # a preset
            preset = table[kind]
            values.update({k: preset.of(k) for k in JOINING_KINDS})
            source.update(preset.source)
            continue
        for k in _kinds(kind):
            values[k] = _probability(kind, value)
            source[k] = "set by the user"
    return HonourProbabilities(values["defense"], values["offense"], source)


def undecided_policy(value: str | float | None) -> tuple[str, float | None]:
    """Normalise the policy for cannot-decide pledges: ``("skip", None)``, ``("hold",
    None)`` (honoured at the kind's rate) or ``("hold", q)``."""
    if value is None:
        return ("skip", None)
    if isinstance(value, str):
        key = value.strip().casefold()
        if key in ("skip", "hold"):
            return (key, None)
        try:
            number = float(key)
        except ValueError:
            raise InputError(f"unknown policy for cannot-decide pledges {value!r}",
                             hint="use skip, hold or a probability between 0 and 1") from None
        return ("hold", _probability("undecided", number))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"the cannot-decide policy must be skip, hold or a probability, not "
                         f"{type(value).__name__}")
    return ("hold", _probability("undecided", value))


# --- helpers ---------------------------------------------------------------------------


def _kinds(word: str) -> tuple[str, ...]:
    key = str(word).strip().casefold()
    if key in _NOT_JOINING:
        raise InputError(f"{word} pledges do not draw a state into the war in the cascade "
                         "model, so they have no honour rate here",
                         hint="set defense, offense or all")
    if key not in _KIND_WORDS:
        raise UnknownNameError("obligation kind", str(word), ["defense", "offense", "all"])
    return JOINING_KINDS if _KIND_WORDS[key] == "all" else (_KIND_WORDS[key],)


def _probability(kind: str, value: Any) -> float:
    if isinstance(value, bool):
        raise InputError(f"honour rate for {kind}: expected a probability, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"honour rate for {kind}: {value!r} is not a number",
                         hint="write a probability between 0 and 1, e.g. defense=0.41") from None
    _check_probability(kind, number)
    return number


def _check_probability(kind: str, number: float) -> None:
    if not (math.isfinite(number) and 0.0 <= number <= 1.0):
        raise InputError(f"honour rate for {kind} must be between 0 and 1, got {number:g}",
                         hint="write a probability, e.g. defense=0.41")
