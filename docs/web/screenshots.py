"""Make the README's screenshots of the review app (docs/web/*.png).

Builds a site from the bundled samples and the web test reports with the real
commands, makes a few review decisions with the review layer's functions,
serves the app on a free loopback port and photographs it at 1366x768 in the
system Chromium (Playwright's Python package; no browser download).

    .venv/bin/python docs/web/screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from browser import FLAGS, chromium  # noqa: E402
from web_site import LiveServer  # noqa: E402

CLI = [sys.executable, "-m", "reportmine.cli"]
OUT = Path(__file__).parent
FOCUS = "environment_energy_self_check.txt"


def build(db: str, tmp: Path) -> None:
    for folder in ("corpora/samples", "tests/data/web"):
        subprocess.run([*CLI, "analyze", str(ROOT / folder), "--out", str(tmp / Path(folder).name), "--db", db],
                       check=True, capture_output=True)
    from reportmine.review import actions, open_db, queries, users

    engine = open_db(db)
    users.create_user(engine, "王敏", "admin", "screenshot-pass", actor="setup")
    users.create_user(engine, "李强", "reviewer", "screenshot-pass", actor="setup")
    rows = [r for r in queries.overview(engine) if r["doc"] != FOCUS]
    actions.set_status(engine, "李强", rows[0]["doc_sha256"], "approved", 0)
    actions.set_status(engine, "王敏", rows[1]["doc_sha256"], "returned", 0, message="请补全第二部分的完成数")
    view = queries.document_view(engine, rows[2]["doc_sha256"])
    if view["flags"]:
        actions.decide_flag(engine, "李强", rows[2]["doc_sha256"], view["flags"][0]["seq"], "confirmed", "确有错误", 0)
    engine.dispose()
    return engine


def photograph(base: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=[f for f in FLAGS if f != "--headless"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(base + "/login")
        page.fill("input[name=username]", "王敏")
        page.fill("input[name=password]", "screenshot-pass")
        page.press("input[name=password]", "Enter")
        page.wait_for_url(base + "/")
        page.screenshot(path=str(OUT / "overview.png"))
        page.click(f"text={FOCUS}")
        page.wait_for_selector("html[data-ready]")
        page.locator("#text .fl.t-inconsistency").first.click()
        page.screenshot(path=str(OUT / "document.png"))
        browser.close()


def main() -> None:
    from reportmine.web import create_app

    with tempfile.TemporaryDirectory(prefix="rm-shots-") as tmp:
        db = f"sqlite:///{Path(tmp) / 'run.db'}"
        build(db, Path(tmp))
        app = create_app(db, secret=b"screenshots")
        with LiveServer(app) as server:
            photograph(server.url)
        app.state.engine.dispose()
    print("wrote", OUT / "overview.png", OUT / "document.png")


if __name__ == "__main__":
    main()
