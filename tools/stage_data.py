"""Stage the bundled datasets from ``../shared/data`` into ``src/alliancelab/data/files``.

This script is how every file under ``alliancelab/data/files`` was made; run it again to
reproduce them. Most files are copied byte for byte. The exceptions, and why:

- the FAS nuclear CSVs become Parquet, like every other table in the catalog;
- the countrycode crosswalk keeps only its code and plain-name columns: its regular
  expressions are authored content under GPL-3 and the project's code is MIT-licensed.

Usage::

    python tools/stage_data.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pandas as pd

COPIED = {
    "peacesciencer": [
        "cow_states", "gw_states", "cow_majors", "cow_nmc", "atop_alliance",
        "cow_mid_ddydisps", "gml_mid_ddydisps", "cow_contdir", "cow_capitals",
        "cow_mindist", "td_rivalries", "tss_rivalries", "cow_ddy",
    ],
    "atop": ["atop5_0a", "atop5_0aph", "atop5_0m"],
    "isard": ["cw_democracy", "cw_gdppop"],
    "sipri": ["sipri_milex_1949_2024"],
    "unga": ["IdealpointestimatesAll_Jun2024"],
}
CROSSWALK_COLUMNS = [
    "country_name_en", "iso_name_en", "cow_name", "iso3c", "iso3n", "cown", "cowc",
    "gwn", "gwc", "un_name_en", "continent", "region", "region23",
]


def stage(shared: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for folder, names in COPIED.items():
        for name in names:
            shutil.copyfile(shared / folder / f"{name}.parquet", target / f"{name}.parquet")
    for name in ("fas_nuclear_stockpiles_1945_2023", "fas_nuclear_inventories_2022_2023"):
        frame = pd.read_csv(shared / "nuclear" / f"{name}.csv")
        frame.to_parquet(target / f"{name}.parquet", compression="zstd", index=False)
    codelist = pd.read_parquet(shared / "crosswalk" / "countrycode_codelist.parquet")
    codelist[CROSSWALK_COLUMNS].to_parquet(
        target / "countrycode_codes.parquet", compression="zstd", index=False
    )
    shutil.copyfile(
        shared / "geo" / "ne_110m_admin_0_countries.geojson",
        target / "ne_110m_admin_0_countries.geojson",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--shared", type=Path, default=root.parent / "shared" / "data")
    args = parser.parse_args()
    stage(args.shared, root / "src" / "alliancelab" / "data" / "files")


if __name__ == "__main__":
    main()
