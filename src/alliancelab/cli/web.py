"""``alliancelab web``: serve the web app on this machine.

Example
-------
``alliancelab web`` then open http://127.0.0.1:8765 in a browser.
"""

from __future__ import annotations

import typer

from alliancelab.settings import get_settings


def register(app: typer.Typer) -> None:
    @app.command("web")
    def web(
        host: str = typer.Option(None, "--host", help="Address to listen on (default "
                                 "ALLIANCELAB_WEB_HOST or 127.0.0.1)."),
        port: int = typer.Option(None, "--port", help="Port (default ALLIANCELAB_WEB_PORT "
                                 "or 8765)."),
    ) -> None:
        """Serve the web app: assessments, obligations and realignment in a browser."""
        import uvicorn

        from alliancelab.web.app import create_app

        settings = get_settings()
        host = host or settings.web_host
        port = port or settings.web_port
        typer.echo(f"alliancelab web on http://{host}:{port} (Ctrl-C to stop)")
        uvicorn.run(create_app(), host=host, port=port, log_level="warning")
