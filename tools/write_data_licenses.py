"""Write DATA-LICENSES.md from the catalog, so the licence list cannot drift from the data.

Usage: ``python tools/write_data_licenses.py`` (a test checks the file is current).
"""

from __future__ import annotations

from pathlib import Path

from alliancelab.data import list_sources

HEADER = """# Licences of the bundled data

alliancelab's own code is MIT-licensed (see LICENSE). The datasets it ships keep their
producers' terms, listed here from the catalog (`alliancelab data list`,
`alliancelab data cite NAME`). Cite the original producers when you publish results; the
BibTeX is in `alliancelab data cite --all`. All files were staged from public releases by
`tools/stage_data.py`; PROVENANCE notes on each are in the catalog's `notes`.

Some files reach us through R packages under the GPL (peacesciencer, isard, countrycode):
those packages' *code* is GPL, the data are the original producers'; from countrycode only
the code and name columns are shipped, not its regular expressions.

| source | dataset | version | years | licence / terms | home |
|---|---|---|---|---|---|
"""


def render() -> str:
    rows = [
        f"| `{s.name}` | {s.title} | {s.version} | {s.years[0]}–{s.years[1]} | "
        f"{s.license} | {s.url} |"
        for s in list_sources()
    ]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "DATA-LICENSES.md"
    target.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
