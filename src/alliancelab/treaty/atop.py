"""Every ATOP 5.0 alliance as a :class:`~alliancelab.treaty.schema.Treaty`.

Members, dates, phases and institutions come from the ATOP 5.0 alliance, phase and member
files; obligations come member by member, so asymmetric treaties stay asymmetric (in
US-Japan 3375 the United States owes defence, Japan consultation only). Each ATOP
condition flag becomes a condition: where ATOP records that a pledge is conditional (say,
on location, ``defcoloc = 1``) but not what the condition says, the condition is a note
(``scope_note``) and the engine answers *cannot-decide*.

For the key Asia-Pacific treaties and NATO, curated annotations
(``treaty/annotations/*.toml``) add what ATOP does not record: the treaty's name, the
article of each provision and its real geographic scope from the treaty text, each with
its source. ATOP ends on 31 December 2018 (``known_until``): a treaty in force then is
assumed in force later unless the supplement records its end.

Example
-------
>>> t = atop_treaty(3375)
>>> t.short_name, [(o.kind, o.owed_by(t)) for o in t.obligations if o.kind != "nonaggression"]
('US-Japan Security Treaty', [('defense', [2]), ('consultation', [2, 740])])
>>> t.obligations[0].scope, t.obligations[0].article
(['japan-administered'], 'Art. V')
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd

from alliancelab.errors import UnknownNameError
from alliancelab.treaty.fields import When, country_name
from alliancelab.treaty.schema import ATOP_KIND, INSTITUTION_ATOP, KINDS, Treaty

__all__ = ["ATOP_KNOWN_UNTIL", "ATOP_SOURCE", "atop_treaties", "atop_treaty"]

ATOP_SOURCE = "ATOP 5.0 (Leeds, Ritter, Mitchell & Long 2002; atopdata.org)"
ATOP_KNOWN_UNTIL = When(2018, 12, 31)

# ATOP condition flags per obligation kind -> (condition field, value when the flag is 1).
_UNRECORDED = "unrecorded (ATOP {var} = 1: the pledge is conditional on this, content not coded)"
CONDITION_FLAGS: dict[str, dict[str, str]] = {
    "defense": {"coadv": "adversary_note", "coloc": "scope_note", "cocon": "conflict",
                "conum": "adversary_count", "codem": "demands", "conpr": "non_provocation"},
    "offense": {"coadv": "adversary_note", "coloc": "scope_note", "cocon": "conflict",
                "conum": "adversary_count", "codem": "demands"},
    "neutrality": {"coadv": "adversary_note", "coloc": "scope_note", "cocon": "conflict",
                   "conum": "adversary_count", "codem": "demands", "conpr": "non_provocation",
                   "coatt": "upon_attack"},
    "consultation": {"coadv": "adversary_note", "coloc": "scope_note", "cocon": "conflict",
                     "coreq": "upon_request"},
    "nonaggression": {},
}
_PREFIX = {"defense": "def", "offense": "off", "neutrality": "neu", "consultation": "con"}
_OBVARY = ("unrecorded: ATOP codes this member's obligations as differing by partner "
           "(obvary = 1) without saying toward whom")


def atop_treaties() -> tuple[Treaty, ...]:
    """All 765 ATOP 5.0 alliances as treaties (cached after the first call)."""
    return _build()


def atop_treaty(atopid: int) -> Treaty:
    """One ATOP alliance by its ``atopid``."""
    found = _by_id().get(int(atopid))
    if found is None:
        raise UnknownNameError("ATOP alliance", str(atopid), [str(k) for k in sorted(_by_id())])
    return found


# --- building --------------------------------------------------------------------------


@cache
def _by_id() -> dict[int, Treaty]:
    return {t.atopid: t for t in _build() if t.atopid is not None}


@cache
def _build() -> tuple[Treaty, ...]:
    from alliancelab.data import load

    notes = _annotations()
    by_phase: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in _records(load("atop_phases")):
        by_phase[r["atopid"]].append(r)
    by_member: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in _records(load("atop_members")):
        by_member[r["atopid"]].append(r)
    out = []
    for row in _records(load("atop_alliances")):
        aid = row["atopid"]
        data = _treaty(row, by_phase.get(aid, []), by_member[aid])
        data = _annotate(data, notes.get(aid, {}))
        out.append(Treaty.model_validate(data))
    return tuple(out)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts of Python ints (None for NA): fast to read in loops."""
    cols = [c for c in frame.columns if not c.startswith("mem") or c == "member"]
    rows = frame[cols].to_numpy(dtype="float64", na_value=float("nan")).tolist()
    return [{c: (None if v != v else int(v)) for c, v in zip(cols, row, strict=True)}
            for row in rows]


def _treaty(row: dict[str, Any], phases: list[dict[str, Any]],
            records: list[dict[str, Any]]) -> dict[str, Any]:
    aid = int(row["atopid"])
    all_members = sorted({int(r["member"]) for r in records})
    year = int(row["begyr"])
    return {
        "id": str(aid),
        "atopid": aid,
        "cow_id": _int(row.get("cowid")),
        "name": _generated_name(all_members, year),
        "signed": When.of(row["begyr"], row["begmo"], row["begday"]),
        "ended": When.of(row["endyr"], row["endmo"], row["endday"]) if row["endyr"] else None,
        "known_until": ATOP_KNOWN_UNTIL,
        "members": _members(records),
        "obligations": _obligations(records, all_members, phases),
        "institutions": _institutions(row),
        "phases": _phases(phases),
        "source": f"{ATOP_SOURCE}, atopid {aid}",
    }


def _members(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    spells: dict[int, list[tuple[When, When | None]]] = defaultdict(list)
    for r in records:
        start = When.of(r["yrent"], r["moent"], r["dayent"])
        end = When.of(r["yrexit"], r["moexit"], r["dayexit"]) if r["yrexit"] else None
        spells[int(r["member"])].append((start, end))
    out = []
    for ccode in sorted(spells):
        for start, end in _merge(spells[ccode]):
            entry: dict[str, Any] = {"state": ccode, "joined": start}
            if end is not None:
                entry["left"] = end
            out.append(entry)
    return out


def _merge(spans: list[tuple[When, When | None]]) -> list[tuple[When, When | None]]:
    spans = sorted(spans, key=lambda s: s[0].first_day())
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if last_end is None or start.first_day() <= last_end.last_day():
            if last_end is None or end is None:
                merged[-1] = (last_start, None)
            else:
                merged[-1] = (last_start, max(last_end, end, key=lambda w: w.last_day()))
        else:
            merged.append((start, end))
    return merged


def _obligations(records: list[dict[str, Any]], all_members: list[int],
                 phases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group the member rows into obligations: one per kind, conditions and phase."""
    period = _phase_periods(phases)
    phase_members: dict[int, set[int]] = defaultdict(set)
    for r in records:
        phase_members[r["phase"]].add(r["member"])
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for r in records:
        phase = r["phase"]
        for kind in KINDS:
            if r[ATOP_KIND[kind]] != 1:
                continue
            spec = _conditions(kind, r)
            if _simultaneous(phase, period):  # successor states' parallel bilateral phases
                spec["toward"] = sorted(phase_members[phase])
            if r["obvary"] == 1:
                spec["toward_note"] = _OBVARY
            key = (phase, kind + repr(sorted(spec.items())))
            groups.setdefault(key, {"kind": kind, **spec, "members": set(), "_phase": phase})
            groups[key]["members"].add(r["member"])
    merged = _merge_phases(sorted(groups.values(), key=lambda g: g["_phase"]), phase_members)
    out = []
    for g in merged:
        spanned = g.pop("_phases")
        first, last = min(spanned), max(spanned)
        g.pop("_phase")
        since = period[first][0] if first in period else None
        until = period[last][1] if last in period else None
        if since is not None and first != min(period):
            g["since"] = since
        if until is not None:
            g["until"] = until
        owers = sorted(g.pop("members"))
        spec = {"kind": g.pop("kind")}
        if owers != all_members:
            spec["members"] = owers
        out.append({**spec, **g})
    order = {k: i for i, k in enumerate(KINDS)}
    out.sort(key=lambda s: (order[s["kind"]], str(s.get("since", "")), s.get("members", [])))
    return out


def _simultaneous(phase: int, period: dict[int, tuple[When, When | None]]) -> bool:
    if phase not in period:
        return False
    start, end = period[phase]
    for other, (ostart, oend) in period.items():
        if other != phase and (oend is None or start.first_day() < oend.last_day()) and (
                end is None or ostart.first_day() < end.last_day()):
            return True
    return False


def _merge_phases(groups: list[dict[str, Any]],
                  phase_members: dict[int, set[int]]) -> list[dict[str, Any]]:
    """Join a group with the same obligation in the next phase when no member who belongs
    to both phases gains or loses it (phases usually change institutions, not pledges)."""
    done: list[dict[str, Any]] = []
    for g in groups:
        g = {**g, "_phases": [g["_phase"]]}
        base = {k: v for k, v in g.items() if not k.startswith("_") and k != "members"}
        for prev in done:
            p, q = prev["_phase"], g["_phase"]
            prev_base = {k: v for k, v in prev.items() if not k.startswith("_")
                         and k != "members"}
            both = phase_members[p] & phase_members[q]
            if (q == p + 1 and prev_base == base
                    and prev["members"] & both == g["members"] & both):
                prev["members"] |= g["members"]
                prev["_phase"] = q
                prev["_phases"].append(q)
                break
        else:
            done.append(g)
    return done


def _conditions(kind: str, r: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    prefix = _PREFIX.get(kind)
    for suffix, field in CONDITION_FLAGS[kind].items():
        var = f"{prefix}{suffix}"
        if r.get(var) != 1:
            continue
        if field in ("non_provocation", "upon_attack", "upon_request"):
            spec[field] = True
        elif field == "adversary_count":
            spec[field] = "unrecorded"
        else:
            spec[field] = _UNRECORDED.format(var=var)
    if r.get("olimob") == 1:
        spec["other"] = ("unrecorded (ATOP olimob = 1: at least one of this member's "
                         "obligations has a further condition, not coded)")
    return spec


def _phase_periods(phases: list[dict[str, Any]]) -> dict[int, tuple[When, When | None]]:
    out = {}
    for r in phases:
        if int(r["phase"]) > 0:
            end = When.of(r["endyr"], r["endmo"], r["endday"]) if r["endyr"] else None
            out[int(r["phase"])] = (When.of(r["begyr"], r["begmo"], r["begday"]), end)
    return out


def _phases(phases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    periods = _phase_periods(phases)
    return [
        {"number": r["phase"], "start": periods[r["phase"]][0], "end": periods[r["phase"]][1],
         "institutions": _institutions(r)}
        for r in phases if r["phase"] in periods
    ]


def _institutions(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field, var in INSTITUTION_ATOP.items():
        value = _int(row.get(var))
        if value is not None:
            out[field] = bool(value) if field in ("integrated_command", "contributions") else value
    return out


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _generated_name(members: Iterable[int], year: int) -> str:
    names = [country_name(c) for c in members]
    if len(names) <= 3:
        return f"{' - '.join(names)} alliance ({year})"
    return f"{', '.join(names[:3])} and {len(names) - 3} others ({year})"


# --- curated annotations -----------------------------------------------------------------


@cache
def _annotations() -> dict[int, dict[str, Any]]:
    folder = files("alliancelab.treaty") / "annotations"
    out: dict[int, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text("utf-8"))
            for item in data.get("treaty", []):
                out[int(item["atopid"])] = item
    return out


def _annotate(data: dict[str, Any], note: dict[str, Any]) -> dict[str, Any]:
    """Apply one curated annotation: names, sources, and provisions by kind (and members)."""
    if not note:
        return data
    for key in ("name", "short_name", "notes"):
        if key in note:
            data[key] = note[key]
    if "source" in note:
        data["source"] = f"{data['source']}; text: {note['source']}"
    obligations = data["obligations"]
    for prov in note.get("provisions", []):
        prov = dict(prov)
        kind = prov.pop("kind")
        only = prov.pop("members", None)
        new: list[dict[str, Any]] = []
        for ob in obligations:
            if ob["kind"] != kind:
                new.append(ob)
                continue
            owers = ob.get("members") or [m["state"] for m in data["members"]]
            owers = sorted(set(owers))
            hit = [c for c in owers if only is None or _code(c) in {_code(x) for x in only}]
            rest = [c for c in owers if c not in hit]
            if not hit:
                new.append(ob)
                continue
            if rest:
                new.append({**ob, "members": rest})
            if hit:
                changed = {**ob, **prov}
                for stated, note_field in (("scope", "scope_note"),
                                           ("adversaries", "adversary_note")):
                    if stated in prov and note_field not in prov:
                        changed.pop(note_field, None)
                if only is not None or "members" in ob:
                    changed["members"] = hit
                new.append(changed)
        obligations = new
    data["obligations"] = obligations
    return data


def _code(value: Any) -> int:
    from alliancelab.treaty.fields import to_ccode

    return to_ccode(value)
