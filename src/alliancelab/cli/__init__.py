"""The ``alliancelab`` command: thin Typer commands over the library's functions.

Each module holds one command group and only parses input, calls the core and formats
output; every number comes from a function a notebook user can call too. Errors derived
from :class:`~alliancelab.errors.AllianceLabError` become one line on stderr and exit code 2
(see :func:`alliancelab.cli.main.run`).
"""
