"""The HTML report in a real browser: no console errors, nothing leaves the machine.

Uses Debian's chromium (``.ci/run`` installs it) driven by Playwright. Without chromium the
test is skipped, unless ALLIANCELAB_REQUIRE_BROWSER=1 (set by ``.ci/run``) makes that a
failure. The screenshot is saved as docs/report-screenshot.png.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from alliancelab.assess.assessment import assess_many
from alliancelab.report import write_report

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL = ("file://", "data:", "blob:", "about:")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("ALLIANCELAB_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed; .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


def _open(browser, path: Path) -> tuple[list[str], list[str], object]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
    return errors, requests, page


def test_report_opens_offline_without_errors(browser, tmp_path: Path) -> None:
    out = write_report(assess_many(["asian-nato"]), tmp_path / "asian-nato.html")
    errors, requests, page = _open(browser, out)
    assert errors == []
    assert [u for u in requests if not u.startswith(LOCAL)] == []
    plots = page.locator(".js-plotly-plot").count()
    assert plots == 8  # capability x2, burden, cohesion x2, exposure, network, map
    assert "0.632" in page.inner_text("body")  # the CINC ratio in the key figures (2022 NMC)
    page.screenshot(path=str(ROOT / "docs" / "report-screenshot.png"), full_page=False)


def test_comparison_report(browser, tmp_path: Path) -> None:
    out = write_report(assess_many(["asian-nato", "asian-nato-india", "status-quo"]),
                       tmp_path / "compare.html")
    errors, requests, page = _open(browser, out)
    assert errors == [] and [u for u in requests if not u.startswith(LOCAL)] == []
    assert page.locator("#compare table").count() == 1
