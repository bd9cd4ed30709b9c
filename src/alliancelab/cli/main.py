"""Entry point of the ``alliancelab`` command: builds the Typer app and maps errors to exit codes.

Command groups live in sibling modules, each exposing ``register(app)``; :data:`COMMANDS`
lists them. :func:`run` is the console script: a user's mistake
(:class:`~alliancelab.errors.AllianceLabError`) prints ``error: <message>`` on stderr and
exits with code 2, without a traceback.

Example
-------
>>> from typer.testing import CliRunner
>>> CliRunner().invoke(build_app(), ["--version"]).output.strip()
'alliancelab 0.1.0'
"""

from __future__ import annotations

import importlib
import sys

import typer

from alliancelab import __version__
from alliancelab.errors import AllianceLabError

COMMANDS = (
    "alliancelab.cli.data",
    "alliancelab.cli.countries",
    "alliancelab.cli.panel",
    "alliancelab.cli.treaties",
    "alliancelab.cli.scenarios",
    "alliancelab.cli.obligations",
    "alliancelab.cli.assess",
    "alliancelab.cli.web",
    "alliancelab.cli.align",
    "alliancelab.cli.cascade",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"alliancelab {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    """The Typer application with every command group registered."""
    app = typer.Typer(
        name="alliancelab",
        help="Design and assess collective-security alliances on real data.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )

    @app.callback()
    def main(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ) -> None:
        """Design and assess collective-security alliances on real data."""

    for module in COMMANDS:
        importlib.import_module(module).register(app)
    return app


def fail(err: AllianceLabError) -> None:
    """Print a user's error as one block on stderr and exit with its code."""
    typer.echo(f"error: {err}", err=True)
    raise SystemExit(err.exit_code)


def run() -> None:
    """Console-script entry point."""
    try:
        build_app()(standalone_mode=True)
    except AllianceLabError as err:
        fail(err)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
