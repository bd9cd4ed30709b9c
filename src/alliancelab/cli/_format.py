"""Shared output helpers for CLI commands: rich tables on a terminal, JSON for machines.

Example
-------
>>> import pandas as pd
>>> print_frame(pd.DataFrame({"a": [1]}), title="t")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

console = Console(width=None if Console().is_terminal else 160)


def print_frame(frame: pd.DataFrame, title: str | None = None, max_rows: int = 200) -> None:
    """Print a DataFrame as a rich table (NA shown as ``NA``)."""
    table = Table(title=title, show_lines=False)
    for i, col in enumerate(frame.columns):
        # The first column names the row (a source, a state): never break it.
        table.add_column(str(col), overflow="fold", no_wrap=i == 0)
    for row in frame.head(max_rows).itertuples(index=False):
        table.add_row(*("NA" if pd.isna(v) else str(v) for v in row))
    console.print(table)
    if len(frame) > max_rows:
        console.print(f"... {len(frame) - max_rows} more rows (use --out FILE for all)")


def print_json(payload: Any) -> None:
    """Print JSON (UTF-8, indented) to stdout."""
    print(json.dumps(payload, indent=2, ensure_ascii=False, default=str))
