"""End to end in a real headless Chromium (Debian's chromium, driven by
Playwright's Python package; Playwright's own browsers are never downloaded):
the real commands build the site (`reportmine analyze --db`, `reportmine users
add`, `reportmine serve` on a free loopback port), then a reviewer signs in,
opens a document, dismisses a flag with a reason, corrects a value, approves
the document, exports, and finds the correction in the exported records and
in the audit log. A screenshot of every failed step goes to tests/artifacts/.
Under CI=true a missing browser or Playwright fails instead of skipping."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager

import pytest

from browser import ARTIFACTS, FLAGS, chromium
from web_site import COUNTY, HOSTILE, REPORTS, free_port

PASSWORD = "e2e-password-1"
CLI = [sys.executable, "-m", "reportmine.cli"]


def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Playwright's Python package is required in CI (pip install -e '.[test]')")
        pytest.skip("playwright is not installed")
    return sync_playwright


def run(*args: str, stdin: str | None = None) -> str:
    done = subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    browser = chromium()
    sync_playwright = playwright_api()
    out = tmp_path_factory.mktemp("e2e")
    db = f"sqlite:///{out / 'run.db'}"
    run("analyze", str(REPORTS), "--out", str(out / "out"), "--db", db)
    run("users", "add", "ann", "--role", "admin", "--db", db, stdin=PASSWORD + "\n")
    port = free_port()
    env = {**os.environ, "REPORTMINE_SECRET": "e2e-secret"}
    log = open(out / "serve.log", "w", encoding="utf-8")
    proc = subprocess.Popen([*CLI, "serve", "--db", db, "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    _wait_for(base, proc)
    try:
        yield {"base": base, "browser": browser, "playwright": sync_playwright, "out": out}
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()
        served = (out / "serve.log").read_text(encoding="utf-8")
        if "Traceback" in served:                      # the server's errors, kept beside the screenshots
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "e2e-serve.log").write_text(served, encoding="utf-8")


def _wait_for(base: str, proc) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, "reportmine serve exited"
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("reportmine serve did not answer within 60 s")


@pytest.fixture
def page(server):
    with server["playwright"]() as p:
        browser = p.chromium.launch(executable_path=server["browser"], args=[f for f in FLAGS if f != "--headless"],
                                    headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        tab = context.new_page()
        tab.dialogs = []
        tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        tab.set_default_timeout(15000)
        yield tab
        browser.close()


@contextmanager
def step(tab, name: str):
    """A named step; on failure a screenshot of the page as it was."""
    try:
        yield
    except BaseException:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"), full_page=True)
        raise


def test_a_reviewer_works_through_a_document_and_exports(server, page):
    base = server["base"]
    with step(page, "1-sign-in"):
        page.goto(base + "/")
        assert "/login" in page.url
        page.fill("input[name=username]", "ann")
        page.fill("input[name=password]", PASSWORD)
        page.press("input[name=password]", "Enter")
        page.wait_for_url(base + "/")
        assert page.locator("table.docs tbody tr").count() == 2

    with step(page, "2-hostile-text-stays-text"):
        page.click(f"text={HOSTILE}")
        page.wait_for_selector("html[data-ready]")
        text = page.inner_text("#text")
        assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(2)>' in text
        assert page.locator("#text img, #text script").count() == 0 and page.dialogs == []
        page.goto(base + "/")

    with step(page, "3-open-document"):
        page.click(f"text={COUNTY}")
        page.wait_for_selector("html[data-ready]")
        assert page.locator("#text .q.r-target").count() >= 1
        assert page.locator("#text .fl.t-inconsistency").count() >= 1
        page.keyboard.press("j")                                   # the first flag opens
        assert page.locator("details.flag[open]").count() == 1
        page.keyboard.press("2")                                   # the records tab
        assert page.locator("#tab-records").is_visible() and not page.locator("#tab-flags").is_visible()
        page.keyboard.press("1")

    with step(page, "4-dismiss-a-flag"):
        page.locator("#text .fl.t-inconsistency").first.click()
        card = page.locator("details.flag.t-inconsistency[open]")
        seq = card.get_attribute("data-f")
        shown = card.inner_text()
        assert "完成率与实际值、目标值不符" in shown and "算式" in shown       # message and arithmetic
        assert card.locator("ul.evidence li").count() >= 2                   # the quantities involved
        card.locator("input[value=dismissed]").check()
        card.locator("input[name=reason]").fill("里程口径不同，非错误")
        card.locator("button[type=submit]").click()
        page.wait_for_selector(f"#flag-{seq}.d-dismissed")
        assert "里程口径不同，非错误" in page.inner_text(f"#flag-{seq}")

    with step(page, "5-correct-a-value"):
        page.click("a[data-tab=records]")
        card = page.locator("details.rec").first
        card.locator("summary").click()
        form = card.locator("form.correct")
        form.locator("select[name=field]").select_option("actual")
        form.locator("input[name=value]").fill("158")
        form.locator("input[name=reason]").fill("原文第二段实为158公里")
        form.locator("button[type=submit]").click()
        page.wait_for_selector("details.rec b.corrected")
        record_id = page.locator("details.rec form.correct").first.get_attribute("action").split("/")[4]

    with step(page, "6-approve"):
        page.click("#approve")
        page.wait_for_selector("#doc-status.tone-green")
        assert page.inner_text("#doc-status") == "已通过"

    with step(page, "7-export"):
        page.click("nav.main >> text=导出")
        with page.expect_download() as info:
            page.click("#export-records")
        archive = zipfile.ZipFile(info.value.path())
        records = [json.loads(line) for line in archive.read("records.jsonl").decode("utf-8").splitlines()]
        mine = next(r for r in records if r["record_id"] == record_id)
        assert mine["actual"] == 158 and mine["reviewed_by"] == "ann" and mine["review_status"] == "approved"
        assert "actual" in mine["corrected_fields"] and "actual" in json.loads(mine["original_values"])
        log = list(csv.DictReader(io.StringIO(archive.read("audit_log.csv").decode("utf-8-sig"))))
        actions = {(row["actor"], row["action"], row["object"]) for row in log}
        assert ("ann", "correct", f"record:{record_id}/actual") in actions
        assert any(a[:2] == ("ann", "flag_dismissed") and a[2].startswith("flag:") for a in actions)
        assert ("ann", "status_approved", "document") in actions

    with step(page, "8-audit-page"):
        page.click("nav.main >> text=审核日志")
        assert "原文第二段实为158公里" in page.inner_text("table.audit")
