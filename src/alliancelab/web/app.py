"""The FastAPI application: thin routes over :mod:`alliancelab.web.service`.

Routes parse the query, call the service (which calls the library) and format the answer.
Every :class:`~alliancelab.errors.AllianceLabError` becomes one JSON error shape,
``{"error": {"type", "message", "hint"}}``, with the error's HTTP status (400 for bad
input, 404 for an unknown name); anything else is a 500 without internals.

Example
-------
>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app())
>>> client.get("/api/health").json()["status"]
'ok'
"""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated, Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from alliancelab import __version__
from alliancelab.errors import AllianceLabError, InputError
from alliancelab.web import service

__all__ = ["create_app"]

MAX_COMPARE = 4


def create_app() -> FastAPI:
    """The web application (serve it with ``alliancelab web``)."""
    app = FastAPI(title="alliancelab", version=__version__,
                  description="Design and assess collective-security alliances on real data.")

    @app.exception_handler(AllianceLabError)
    async def _user_error(_: Request, err: AllianceLabError) -> JSONResponse:
        return JSONResponse(status_code=err.http_status, content={"error": {
            "type": type(err).__name__, "message": err.message, "hint": err.hint}})

    @app.exception_handler(Exception)
    async def _bug(_: Request, err: Exception) -> JSONResponse:  # pragma: no cover
        return JSONResponse(status_code=500, content={"error": {
            "type": "InternalError", "message": "alliancelab failed on this request",
            "hint": "please report it with the request that caused it"}})

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        page = files("alliancelab.web") / "templates" / "index.html"
        return page.read_text(encoding="utf-8").replace("{{version}}", __version__)

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/scenarios")
    def scenarios() -> list[dict[str, Any]]:
        return service.scenario_list()

    @app.post("/api/scenarios")
    def post_scenario(toml: Annotated[str, Body(media_type="text/plain")]) -> dict[str, Any]:
        return service.user_scenario(toml)

    @app.get("/api/sources")
    def sources() -> list[dict[str, Any]]:
        from alliancelab.data import list_sources

        return [s.to_dict() for s in list_sources()]

    @app.get("/api/assess")
    def assess(scenario: Annotated[list[str], Query()],
               year: int | None = None) -> Response:
        names = _names(scenario)
        return Response(service.assessment_json(names, year), media_type="application/json")

    @app.get("/report", response_class=HTMLResponse)
    def report(scenario: Annotated[list[str], Query()], year: int | None = None) -> str:
        return service.report_html(_names(scenario), year)

    @app.get("/api/obligations")
    def obligations(attacker: Annotated[list[str], Query()], target: str, year: int,
                    where: str | None = None, on: str | None = None,
                    scenario: str | None = None) -> list[dict[str, Any]]:
        return service.obligations_json(tuple(attacker), target, where or None, on or None,
                                        year, scenario or None)

    @app.get("/api/align")
    def align(region: str, year: int, scenario: str | None = None,
              top: Annotated[int, Query(ge=1, le=50)] = 5) -> dict[str, Any]:
        return service.alignments(region, year, scenario or None, top)

    return app


def _names(scenarios: list[str]) -> tuple[str, ...]:
    names = tuple(s for s in scenarios if s)
    if not names:
        raise InputError("choose a scenario", hint="GET /api/scenarios lists them")
    if len(names) > MAX_COMPARE:
        raise InputError(f"at most {MAX_COMPARE} scenarios side by side")
    return names
