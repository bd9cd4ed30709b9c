"""The web app in headless chromium: the Assess button shows the report, offline.

Starts the app with uvicorn on a free localhost port; needs Debian's chromium (see
tests/report/test_browser.py for how a missing browser is handled).
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn

from alliancelab.web.app import create_app
from tests.report.test_browser import browser  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_assess_button_shows_the_report(browser, server: str) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((server, "about:", "data:", "blob:")) else None)
    page.goto(server)
    page.wait_for_function("document.querySelectorAll('select.scenarios option').length > 4")
    page.click("#assess-form button.go")
    frame = page.frame_locator("#report")
    frame.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    assert "Capability balance" in frame.locator("body").inner_text()
    page.click("nav button[data-panel=obligations]")
    page.click("#obl-form button.go")
    page.wait_for_selector("#obl-out table")
    assert "USA" in page.inner_text("#obl-out")
    assert errors == [] and outside == []
