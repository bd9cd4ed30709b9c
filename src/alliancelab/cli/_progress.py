"""A rich progress display for multi-step CLI work that may take over a second.

Example
-------
>>> with steps(["load", "merge"], enabled=False) as step:
...     step("load")
...     step("merge")
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from alliancelab.settings import get_settings


@contextlib.contextmanager
def steps(labels: Sequence[str], enabled: bool | None = None) -> Iterator[Callable[[str], None]]:
    """Yield ``step(label)``: call it as each stage starts; the bar advances per stage."""
    console = Console(stderr=True)
    show = get_settings().progress and console.is_terminal if enabled is None else enabled
    if not show:
        yield lambda _label: None
        return
    progress = Progress(
        TextColumn("[bold]{task.description:<14}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        transient=True,
        console=console,
    )
    with progress:
        task = progress.add_task("starting", total=len(labels))
        started = [False]

        def step(label: str) -> None:
            if started[0]:
                progress.advance(task)
            started[0] = True
            progress.update(task, description=label)

        yield step
        progress.update(task, completed=len(labels))
