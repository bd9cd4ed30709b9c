"""Refit the durability model on the bundled data and write the shipped parameters.

Usage: ``python tools/fit_durability.py``. A test refits and checks the shipped file.
"""

from __future__ import annotations

from pathlib import Path

from alliancelab.assess.durability import FITTED, refit_durability_model


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "src/alliancelab/assess/fitted" / FITTED
    target.write_text(refit_durability_model().to_json() + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
