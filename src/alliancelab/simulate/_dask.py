"""Running Monte Carlo chunks on a Dask cluster: finding the scheduler, mapping the chunks.

The scheduler is, in order: the ``scheduler`` argument (an address such as
``tcp://10.0.0.5:8786``, ``"local"``, ``"off"`` or a :class:`distributed.Client`), else the
setting ``ALLIANCELAB_DASK_SCHEDULER``, else none (the run stays in this process, with
numpy). ``"local"`` starts a :class:`distributed.LocalCluster` on this machine for the run
(one single-threaded worker process per core, or ``workers``) and shuts it down after;
``"off"`` forces the in-process run whatever the setting says. Consecutive chunks are
grouped into about four tasks per worker; the compiled graph is sent to the workers once.
A scheduler that cannot be reached is a :class:`SchedulerError` (exit code 2 on the
command line). Workers need alliancelab installed (the same version) to import the chunk
function.

Example
-------
>>> scheduler_choice("off") is None
True
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from alliancelab.errors import AllianceLabError, InputError

__all__ = ["SchedulerError", "dask_client", "map_chunks", "scheduler_choice"]

CONNECT_TIMEOUT = "5s"


class SchedulerError(AllianceLabError):
    """A Dask scheduler that cannot be reached or started."""

    http_status = 503


def scheduler_choice(scheduler: Any = None) -> Any:
    """The scheduler to use: the argument, else the setting; None for an in-process run."""
    if scheduler is None:
        from alliancelab.settings import get_settings

        scheduler = get_settings().dask_scheduler
    if scheduler is None:
        return None
    if isinstance(scheduler, str):
        text = scheduler.strip()
        if text.casefold() in ("", "off", "none", "numpy"):
            return None
        return text
    return scheduler  # a distributed.Client (checked when used)


@contextlib.contextmanager
def dask_client(scheduler: Any, workers: int | None = None) -> Iterator[Any]:
    """A connected :class:`distributed.Client` for ``scheduler`` (see the module notes)."""
    from distributed import Client

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if not isinstance(scheduler, str):
        raise InputError(f"scheduler must be an address, 'local', 'off' or a "
                         f"distributed.Client, not {type(scheduler).__name__}")
    if scheduler.casefold() == "local":
        with _local_client(workers) as client:
            yield client
        return
    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise SchedulerError(
            f"cannot reach the Dask scheduler at {scheduler!r}: {err}",
            hint="check the address (tcp://host:port) and that the scheduler is running, "
                 "use --dask local for a cluster on this machine, or leave --dask out") from None
    try:
        yield client
    finally:
        client.close()


def map_chunks(client: Any, fn: Callable[..., Any], shared: Any, sizes: Sequence[int],
               seeds: Sequence[Any], progress: Callable[[int], None] | None = None
               ) -> list[Any]:
    """``fn(shared, sizes[a:b], seeds[a:b])`` for consecutive groups of chunks, on the
    cluster; the results in order.

    Chunks are grouped into about four tasks per worker (a chunk takes milliseconds, less
    than a task's overhead); the grouping does not change what each chunk draws.
    ``progress(n)`` is called with the number of runs of each group as it finishes.
    """
    from distributed import as_completed

    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        per_task = max(1, math.ceil(len(sizes) / (4 * n_workers)))
        groups = [(list(sizes[i:i + per_task]), list(seeds[i:i + per_task]))
                  for i in range(0, len(sizes), per_task)]
        [ref] = client.scatter([shared], broadcast=True)
        futures = [client.submit(fn, ref, size, seed, pure=False) for size, seed in groups]
        position = {f.key: i for i, f in enumerate(futures)}
        out: list[Any] = [None] * len(futures)
        for future in as_completed(futures, loop=client.loop):
            i = position[future.key]
            out[i] = future.result()
            if progress is not None:
                progress(sum(groups[i][0]))
    except (OSError, TimeoutError) as err:
        raise SchedulerError(f"lost the Dask scheduler during the run: {err}",
                             hint="check the cluster, or run without --dask") from None
    return out


@contextlib.contextmanager
def _local_client(workers: int | None) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    from alliancelab.settings import get_settings

    n = workers if workers is not None else get_settings().threads
    if n < 1:
        raise InputError(f"workers must be >= 1, got {n}")
    try:
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    except (OSError, TimeoutError, RuntimeError) as err:
        raise SchedulerError(f"cannot start a local Dask cluster: {err}",
                             hint="run without --dask, or start a scheduler and give its "
                                  "address") from None
    try:
        with Client(cluster, set_as_default=False) as client:
            yield client
    finally:
        cluster.close()
