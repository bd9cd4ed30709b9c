"""Regenerate docs/validation/atop-dyad-years.md (alliancelab vs ATOP 5.1 dyad-years).

Run: python tools/make_atop_validation.py
"""

from pathlib import Path

from alliancelab.fileio import write_text
from alliancelab.treaty.dyads import validation_report

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "validation" / "atop-dyad-years.md"
    write_text(target, validation_report())
    print(f"wrote {target}")
