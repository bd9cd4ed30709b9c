"""The outputs layer's report: one self-contained, offline HTML file (or JSON) per assessment.

:func:`render_html` turns one or more :class:`~alliancelab.assess.assessment.Assessment`
objects into a single HTML page with plotly.js embedded (no CDN, no web fonts), every
figure captioned with its dataset, version and year; :func:`write_report` writes HTML or
JSON atomically. The report recomputes nothing: it lays out what the assessment holds.
"""

from alliancelab.report.html import render_html, write_report

__all__ = ["render_html", "write_report"]
