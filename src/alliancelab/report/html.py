"""Render assessments as one self-contained HTML page, or as JSON, and write them safely.

The page embeds plotly.js once (from the installed plotly package) and uses system fonts,
so it opens offline and makes no network request. Each assessment contributes its
sections (:meth:`Assessment.sections`); with several assessments a comparison table of the
key figures comes first.

Example
-------
>>> from alliancelab.report.html import table_html
>>> import pandas as pd
>>> "<table" in table_html(pd.DataFrame({"a": [1.5, None]}))
True
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pandas as pd

from alliancelab import __version__
from alliancelab.errors import InputError
from alliancelab.fileio import check_writable, write_text

if TYPE_CHECKING:
    from alliancelab.assess.assessment import Assessment

__all__ = ["render_html", "render_json", "table_html", "write_report"]

FORMATS = ("html", "json")


@cache
def _environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(files("alliancelab.report") / "templates"))
    return jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(["html", "j2"]))


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as an HTML table: NA shown as NA, numbers with sensible precision."""

    def fmt(value: Any) -> str:
        if isinstance(value, float):
            if abs(value) >= 1000:
                return f"{value:,.0f}"
            return f"{value:.4g}"
        return str(value)

    shown = frame.astype(object).where(frame.notna(), "NA")
    shown = shown.map(lambda v: fmt(v) if isinstance(v, float) else v)
    table = shown.to_html(classes="data", border=0, escape=True)
    return f'<div class="scroll">{table}</div>'



def figure_html(fig: Any) -> str:
    """A plotly figure as a div that uses the page's single embedded plotly.js."""
    return fig.to_html(full_html=False, include_plotlyjs=False,
                       config={"displaylogo": False, "responsive": True})


def render_html(assessments: Sequence[Assessment]) -> str:
    """The report page for one assessment, or several side by side."""
    if not assessments:
        raise InputError("nothing to report: give at least one scenario")
    comparison = None
    if len(assessments) > 1:
        comparison = table_html(pd.concat([a.key_figures() for a in assessments], axis=1))
    template = _environment().get_template("report.html.j2")
    return template.render(
        assessments=assessments,
        comparison=comparison,
        table_html=table_html,
        figure_html=figure_html,
        plotly_js=_plotly_js(),
        version=__version__,
        generated=_dt.date.today().isoformat(),
    )


def render_json(assessments: Sequence[Assessment]) -> str:
    """The assessments as JSON (docs/assessment-schema.md); one object, or a list."""
    payload = [a.to_dict() for a in assessments]
    return json.dumps(payload[0] if len(payload) == 1 else payload, indent=2,
                      ensure_ascii=False, allow_nan=False)


def write_report(assessments: Sequence[Assessment], path: str | Path,
                 fmt: str | None = None) -> Path:
    """Write the report as HTML or JSON (by ``fmt`` or the extension), atomically."""
    target = Path(path)
    fmt = fmt or ("json" if target.suffix.lower() == ".json" else "html")
    if fmt not in FORMATS:
        raise InputError(f"unknown report format {fmt!r}", hint="use html or json")
    check_writable(target)
    text = render_json(assessments) if fmt == "json" else render_html(assessments)
    write_text(target, text)
    return target
