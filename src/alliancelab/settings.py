"""The one place alliancelab reads its environment: a pydantic-settings object.

Every setting has a default that works offline on a laptop; an environment variable with the
``ALLIANCELAB_`` prefix overrides it (``ALLIANCELAB_DATA_DIR=/srv/al``). Nothing else in
the package reads ``os.environ``. :func:`get_settings` builds the object on first use, never
at import time, so tests and notebooks can change the environment first.

Example
-------
>>> get_settings().threads >= 1
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


def _default_user_dir() -> Path:
    return Path.home() / ".local" / "share" / "alliancelab"


class Settings(BaseSettings):
    """alliancelab's settings; each field documents its environment variable."""

    model_config = SettingsConfigDict(env_prefix="ALLIANCELAB_", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_user_dir,
        description="Folder for datasets imported with `alliancelab data import`; a file "
        "here replaces the bundled one of the same source (ALLIANCELAB_DATA_DIR).",
    )
    threads: int = Field(
        default_factory=lambda: max(1, os.cpu_count() or 1),
        ge=1,
        description="Threads DuckDB and the solvers may use (ALLIANCELAB_THREADS).",
    )
    progress: bool = Field(
        default=True,
        description="Show progress bars on work that takes over a second "
        "(ALLIANCELAB_PROGRESS=0 turns them off).",
    )
    web_host: str = Field(
        default="127.0.0.1",
        description="Address `alliancelab web` listens on; the default serves only this "
        "machine (ALLIANCELAB_WEB_HOST).",
    )
    web_port: int = Field(
        default=8765, ge=1, le=65535,
        description="Port of `alliancelab web` (ALLIANCELAB_WEB_PORT).",
    )
    dask_scheduler: str | None = Field(
        default=None,
        description="Dask scheduler for Monte Carlo crisis cascades: an address "
        "(tcp://host:port) or `local` for a cluster on this machine; unset: run in process "
        "(ALLIANCELAB_DASK_SCHEDULER).",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, reading the environment once."""
    return Settings()
